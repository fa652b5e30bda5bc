import { analyzeWorkspace, type Analysis } from '../analysis';
import { parseManifestFile } from '../parse/parseManifestFile';
import type { FileParse } from '../parse/parsedFile';
import { ConnectionSet, isProtocol } from '../policy/connectionSet';
import { connectivity } from '../policy/connectivity';
import { applyEdits, type TextEdit } from './textEdit';

/**
 * The workspace after some edits, analysed afresh: the edited and created files parsed again, the
 * others as they were. Nothing of `analysis` is changed or reused beyond its file parses.
 */
export function analysisWithEdits(
  analysis: Analysis,
  edits: readonly TextEdit[],
  textOf: (file: string) => string | undefined,
): Analysis {
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of edits) {
    const list = byFile.get(edit.file);
    if (list) list.push(edit);
    else byFile.set(edit.file, [edit]);
  }
  const files: FileParse[] = analysis.model.files.map((file) => {
    const changes = byFile.get(file.file);
    if (!changes) return file;
    byFile.delete(file.file);
    return parseManifestFile(file.file, applyEdits(textOf(file.file) ?? '', changes));
  });
  for (const [file, changes] of byFile) files.push(parseManifestFile(file, applyEdits('', changes)));
  return analyzeWorkspace(files, { ...analysis.model.options, oneShot: true });
}

/** One pair of the connectivity list whose connections changed. */
export interface ConnectionChange {
  readonly src: string;
  readonly dst: string;
  /** As the connectivity list writes them; `No Connections` when the pair was or is not listed. */
  readonly before: string;
  readonly after: string;
}

export interface ConnectivityDiff {
  /** Pairs that lose connections, sorted. */
  readonly blocked: readonly ConnectionChange[];
  /** Pairs that gain connections (a fix that only restricts has none), sorted. */
  readonly opened: readonly ConnectionChange[];
  /** Every allowed connection after the change that was allowed before: `src => dst : conn`. */
  readonly stillAllowed: readonly string[];
  /** Inferred calls and north-south paths allowed before and blocked after: `from -> to:port`. */
  readonly brokenEdges: readonly string[];
}

/**
 * What changes between two analyses of one workspace, in the terms of `kube-topology
 * connectivity`: which pairs lose or gain connections, what stays allowed, and whether any edge
 * the manifests imply (a call, a north-south path) goes from allowed to blocked.
 */
export function connectivityDiff(before: Analysis, after: Analysis): ConnectivityDiff {
  const was = connectionsOf(before);
  const now = connectionsOf(after);
  const blocked: ConnectionChange[] = [];
  const opened: ConnectionChange[] = [];
  const stillAllowed: string[] = [];
  for (const key of [...new Set([...was.keys(), ...now.keys()])].sort()) {
    const old = was.get(key);
    const current = now.get(key);
    const oldSet = old ? parseConnections(old.conn) : ConnectionSet.NONE;
    const currentSet = current ? parseConnections(current.conn) : ConnectionSet.NONE;
    const [src, dst] = key.split(' => ') as [string, string];
    const change = {
      src,
      dst,
      before: old?.conn ?? 'No Connections',
      after: current?.conn ?? 'No Connections',
    };
    const kept = oldSet.intersect(currentSet);
    if (!kept.isEmpty()) stillAllowed.push(`${key} : ${kept.toString()}`);
    if (!kept.equals(oldSet)) blocked.push(change);
    if (!kept.equals(currentSet)) opened.push(change);
  }
  return { blocked, opened, stillAllowed, brokenEdges: brokenEdges(before, after) };
}

/** The diff as a person reads it before confirming: what becomes blocked, what opens, what stays. */
export function describeDiff(diff: ConnectivityDiff): string {
  const lines: string[] = [];
  const section = (title: string, items: readonly string[]) => {
    lines.push(`${title} (${items.length}):`);
    lines.push(...(items.length === 0 ? ['  none'] : items.map((item) => `  ${item}`)));
  };
  const change = (item: ConnectionChange) =>
    item.after === 'No Connections'
      ? `- ${item.src} => ${item.dst} : ${item.before}`
      : `~ ${item.src} => ${item.dst} : ${item.before} → ${item.after}`;
  section('Becomes blocked', diff.blocked.map(change));
  if (diff.opened.length > 0)
    section(
      'Becomes allowed',
      diff.opened.map((item) => `+ ${item.src} => ${item.dst} : ${item.before} → ${item.after}`),
    );
  section(
    'Stays allowed',
    diff.stillAllowed.map((line) => `= ${line}`),
  );
  section('Inferred calls and paths that break', diff.brokenEdges);
  return lines.join('\n');
}

function connectionsOf(analysis: Analysis): Map<string, { conn: string }> {
  const { policy, context, ingressController, edges } = analysis.graph;
  return new Map(
    connectivity(policy, context, ingressController, edges).map((line) => [
      `${line.src} => ${line.dst}`,
      { conn: line.conn },
    ]),
  );
}

/** `All Connections`, `No Connections` or `TCP 8080,9090-9100,UDP 53` back into a set. */
export function parseConnections(text: string): ConnectionSet {
  if (text === 'All Connections') return ConnectionSet.ALL;
  let set = ConnectionSet.NONE;
  let protocol: string | undefined;
  for (const part of text.split(',')) {
    const [first, second] = part.trim().split(' ');
    const range = second ?? first;
    if (second !== undefined) protocol = first;
    if (!isProtocol(protocol) || range === undefined) continue;
    const [low, high] = range.split('-').map(Number);
    if (low === undefined || Number.isNaN(low)) continue;
    set = set.union(ConnectionSet.of(protocol, low, high ?? low));
  }
  return set;
}

function brokenEdges(before: Analysis, after: Analysis): string[] {
  const key = (edge: { type: string; from: string; to: string; port?: number }) =>
    `${edge.type} ${edge.from} -> ${edge.to}${edge.port === undefined ? '' : `:${edge.port}`}`;
  const allowedBefore = new Set(before.graph.edges.filter((edge) => edge.policy?.allowed === true).map(key));
  return [
    ...new Set(
      after.graph.edges
        .filter((edge) => edge.policy?.allowed === false && allowedBefore.has(key(edge)))
        .map(key),
    ),
  ].sort();
}
