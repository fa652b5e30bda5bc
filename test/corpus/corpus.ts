// The corpus as the tests see it: the hand-checked ground truth, the input combinations the CLI is
// run on, and an inventory of each combination's objects read by the test itself (with `yaml`), so
// that what is expected never depends on what the CLI under test reports.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import { repoRoot } from '../helpers/cliProcess';

/** Read in place, never copied into the repository; relative to the repo root, where the CLI runs. */
export const CORPUS = '../shared/corpus';
const corpusDir = path.join(repoRoot, CORPUS);

export type SetName = 'online-boutique' | 'bookinfo' | 'sock-shop';
export const SETS: readonly SetName[] = ['online-boutique', 'bookinfo', 'sock-shop'];

export interface GtEvidence {
  readonly kind: string;
  readonly container: string;
  readonly name: string;
  readonly value: string;
}

export interface GtEdge {
  readonly from: string;
  readonly to_service: string;
  readonly port: number;
  readonly target_workload: string;
  readonly target_pod_port: number;
  readonly evidence: readonly GtEvidence[];
  readonly note?: string;
}

export interface GtDangling {
  readonly from: string;
  readonly reference: string;
  readonly evidence: readonly GtEvidence[];
}

export interface GtImplicit {
  readonly from: string;
  readonly to_service: string;
  readonly port: number;
}

export interface GtSet {
  readonly east_west: readonly GtEdge[];
  readonly east_west_in_core_bookinfo_yaml?: string;
  readonly dangling: readonly GtDangling[];
  readonly not_edges?: readonly string[];
  readonly implicit_not_in_manifests: readonly GtImplicit[];
}

export const groundTruth = JSON.parse(
  fs.readFileSync(path.join(corpusDir, 'ground-truth.json'), 'utf8'),
) as Record<SetName, GtSet>;

/**
 * The namespace of a set's objects that have none. The ground truth says it in prose ("none set
 * (default)", "sock-shop (explicit)"); Sock Shop sets it on every object, so `--namespace` cannot
 * move it.
 */
export function homeNamespace(set: SetName, combo: Combo): string {
  return set === 'sock-shop' ? 'sock-shop' : (combo.namespace ?? 'default');
}

export interface ObjectRef {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly id: string;
}

function ref(kind: string, namespace: string, name: string): ObjectRef {
  return { kind, namespace, name, id: `${kind}/${namespace}/${name}` };
}

/** "Deployment/frontend" or "Deployment/load-test (ns loadtest)". */
export function parseWorkload(text: string, homeNs: string): ObjectRef {
  const match = /^(\w+)\/([a-z0-9.-]+)(?:\s+\(ns ([a-z0-9-]+)\))?$/.exec(text);
  if (!match) throw new Error(`ground truth: cannot parse workload "${text}"`);
  return ref(match[1]!, match[3] ?? homeNs, match[2]!);
}

/** "cartservice" (the caller's namespace, as the pod's DNS search path resolves it) or "front-end.sock-shop". */
export function parseService(text: string, callerNs: string): ObjectRef {
  const [name, namespace] = text.split('.');
  return ref('Service', namespace ?? callerNs, name!);
}

export interface Reference {
  /** The address without its port: what a diagnostic message has to name. */
  readonly host: string;
  readonly service: ObjectRef;
}

/** "shoppingassistantservice:80", "mysqldb.vm.svc.cluster.local:3306", "zipkin.jaeger.svc.cluster.local". */
export function parseReference(text: string, callerNs: string): Reference {
  const host = text.replace(/:\d+$/, '');
  return { host, service: parseService(host, callerNs) };
}

/** The part of a ground-truth value that has to be in the manifest ("locust --host http://x ..." is abridged). */
export function needle(evidence: GtEvidence): string {
  return evidence.value.replace(/\s*\.\.\.$/, '');
}

/** Whether `text` (a range's text or an evidence text) shows `value`: contains it, or is a real part of it. */
export function showsValue(text: string, value: string): boolean {
  const bare = text.trim().replace(/^["']|["']$/g, '');
  if (bare.length === 0) return false;
  return bare.includes(value) || (value.includes(bare) && bare.length >= Math.min(value.length, 4));
}

/** One run of the CLI: PATHs relative to the set's folder (`.` is the whole set), and `--namespace`. */
export interface Combo {
  readonly set: SetName;
  readonly inputs: readonly string[];
  readonly namespace?: string;
}

export function comboPaths(combo: Combo): string[] {
  return combo.inputs.map((input) => path.posix.join(CORPUS, combo.set, input));
}

export function comboLabel(combo: Combo): string {
  const inputs = combo.inputs.map((input) => (input === '.' ? `${combo.set}/ (whole set)` : input));
  return inputs.join(' + ') + (combo.namespace ? ` --namespace ${combo.namespace}` : '');
}

/**
 * The files a note names ("add-on files bookinfo-ratings-v2.yaml + bookinfo-db.yaml", "only if
 * manifests-loadtest/ is loaded"), as paths in the set's folder. Each must name exactly one file or
 * folder, so a changed ground truth fails loudly here instead of silently testing less.
 */
export function inputsNamedIn(set: SetName, note: string | undefined): string[] {
  const tokens = note?.match(/[\w.-]+\.ya?ml\b|[\w.-]+\/(?=\s|$)/g) ?? [];
  const entries = walk(path.join(corpusDir, set), true).map((abs) =>
    path.relative(path.join(corpusDir, set), abs).split(path.sep).join('/'),
  );
  return tokens.map((token) => {
    const isDir = token.endsWith('/');
    const base = token.replace(/\/$/, '');
    const hits = entries.filter(
      (entry) =>
        path.posix.basename(entry) === base &&
        fs.statSync(path.join(corpusDir, set, entry)).isDirectory() === isDir,
    );
    if (hits.length !== 1)
      throw new Error(`ground truth note of ${set} names "${token}": ${hits.length} matches`);
    return isDir ? `${hits[0]}/` : hits[0]!;
  });
}

function walk(dir: string, withDirs = false): string[] {
  const out: string[] = [];
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (withDirs) out.push(abs);
      out.push(...walk(abs, withDirs));
    } else if (withDirs || /\.(ya?ml|json)$/.test(entry.name)) {
      out.push(abs);
    }
  }
  return out;
}

export interface SourceFile {
  readonly abs: string;
  /** The name the CLI prints: relative to the PATH it was found under, the base name for a file PATH. */
  readonly rel: string;
  readonly lines: readonly string[];
}

export interface ManifestObject extends ObjectRef {
  readonly file: SourceFile;
  /** 0-based first and last line of the object's document. */
  readonly startLine: number;
  readonly endLine: number;
}

export interface Inventory {
  readonly files: readonly SourceFile[];
  readonly byId: ReadonlyMap<string, ManifestObject>;
}

const inventories = new Map<string, Inventory>();

/** Every object of a combination, as `kubectl apply -n NS` of its PATHs would create it. */
export function inventoryOf(combo: Combo): Inventory {
  const key = comboLabel(combo);
  const cached = inventories.get(key);
  if (cached) return cached;
  const files: SourceFile[] = [];
  const byId = new Map<string, ManifestObject>();
  for (const input of comboPaths(combo)) {
    const root = path.join(repoRoot, input);
    const isDir = fs.statSync(root).isDirectory();
    for (const abs of isDir ? walk(root) : [root]) {
      const text = fs.readFileSync(abs, 'utf8');
      const rel = isDir ? path.relative(root, abs).split(path.sep).join('/') : path.basename(abs);
      const file: SourceFile = { abs, rel, lines: text.split(/\r?\n/) };
      files.push(file);
      const lineCounter = new LineCounter();
      for (const doc of parseAllDocuments(text, { lineCounter })) {
        const object = doc.toJS() as {
          kind?: unknown;
          metadata?: { name?: unknown; namespace?: unknown };
        } | null;
        if (typeof object?.kind !== 'string' || typeof object.metadata?.name !== 'string') continue;
        // Namespace is the only cluster-scoped kind in these sets.
        const namespace =
          object.kind === 'Namespace'
            ? ''
            : typeof object.metadata.namespace === 'string'
              ? object.metadata.namespace
              : (combo.namespace ?? 'default');
        const id = ref(object.kind, namespace, object.metadata.name);
        const startLine = lineCounter.linePos(doc.range[0]).line - 1;
        const endLine = lineCounter.linePos(doc.range[2]).line - 1;
        byId.set(id.id, { ...id, file, startLine, endLine });
      }
    }
  }
  const inventory = { files, byId };
  inventories.set(key, inventory);
  return inventory;
}

/** The files of a combination the CLI means by `file` (several when base names collide). */
export function filesNamed(inventory: Inventory, rel: string): SourceFile[] {
  return inventory.files.filter((file) => file.rel === rel);
}

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** The text a 0-based range covers. */
export function rangeText(file: SourceFile, range: Range): string {
  const { start, end } = range;
  if (start.line === end.line) return (file.lines[start.line] ?? '').slice(start.character, end.character);
  const parts = [(file.lines[start.line] ?? '').slice(start.character)];
  for (let line = start.line + 1; line < end.line; line++) parts.push(file.lines[line] ?? '');
  parts.push((file.lines[end.line] ?? '').slice(0, end.character));
  return parts.join('\n');
}

/** Where a value is in an object's document (1-based lines), for failure messages. */
export function linesWith(object: ManifestObject, value: string): string {
  const hits: number[] = [];
  for (let line = object.startLine; line <= object.endLine; line++) {
    if (object.file.lines[line]?.includes(value)) hits.push(line + 1);
  }
  return hits.length > 0 ? `${object.file.rel}:${hits.join(',')}` : `not in ${object.file.rel}`;
}
