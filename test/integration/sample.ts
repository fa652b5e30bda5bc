// The sample workspace examples/shop as the integration tests meet it: copied to `sample/` of the
// integration workspace by scripts/integrationWorkspace.mjs. Expected positions are computed from the
// files' text (by locating the offending value), never copied from the extension's output.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SOURCE, codeOf, readableMarkdown, workspaceUri } from './helpers';

export const SAMPLE = 'sample';

/** A file of the sample, by its path relative to examples/shop. */
export function sampleUri(relativePath: string): vscode.Uri {
  return workspaceUri(`${SAMPLE}/${relativePath}`);
}

/** The text of a sample file as on disk, read without opening a document. */
export async function sampleText(relativePath: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(sampleUri(relativePath)));
}

/** Where to find a value in a file: the first `needle` after the first `after` (if given). */
export interface Locator {
  readonly needle: string;
  readonly after?: string;
  /** Skip this many characters into the needle. */
  readonly offset?: number;
  /** Length of the range; the rest of the needle after `offset` when not given. */
  readonly length?: number;
}

/** The 0-based position of an offset in `text` (lines split at \n, as in these LF files). */
function positionAtOffset(text: string, offset: number): vscode.Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return new vscode.Position(line, offset - (before.lastIndexOf('\n') + 1));
}

/** The range a locator picks in `text`; fails naming the locator when it is not there. */
export function rangeIn(text: string, { needle, after, offset = 0, length }: Locator): vscode.Range {
  const from = after === undefined ? 0 : text.indexOf(after);
  assert.ok(from >= 0, `"${after}" not found`);
  const index = text.indexOf(needle, from);
  assert.ok(index >= 0, `"${needle}" not found after "${after ?? ''}"`);
  const start = index + offset;
  const end = start + (length ?? needle.length - offset);
  return new vscode.Range(positionAtOffset(text, start), positionAtOffset(text, end));
}

/** A located range in a sample file. */
export async function sampleRange(relativePath: string, locator: Locator): Promise<vscode.Range> {
  return rangeIn(await sampleText(relativePath), locator);
}

/** Whether a URI is a file of the sample. */
export function inSample(uri: vscode.Uri): boolean {
  return uri.toString().startsWith(`${workspaceUri(SAMPLE).toString()}/`);
}

/** A URI relative to the sample folder, for messages and comparisons. */
export function sampleRelative(uri: vscode.Uri): string {
  const prefix = `${workspaceUri(SAMPLE).toString()}/`;
  const text = uri.toString();
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

export function rangeText(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** One diagnostic as a comparable line: file, code, severity, range (and message when asked). */
export function diagnosticLine(uri: vscode.Uri, d: vscode.Diagnostic, withMessage = false): string {
  const severity = vscode.DiagnosticSeverity[d.severity];
  const message = withMessage ? ` ${d.message}` : '';
  return `${sampleRelative(uri)} ${codeOf(d) ?? '-'} ${severity} ${rangeText(d.range)}${message}`;
}

/** Every Kube Topology diagnostic of the whole workspace (what the Problems view lists). */
export function allOurDiagnostics(): [vscode.Uri, vscode.Diagnostic[]][] {
  return vscode.languages
    .getDiagnostics()
    .map(([uri, list]): [vscode.Uri, vscode.Diagnostic[]] => [uri, list.filter((d) => d.source === SOURCE)])
    .filter(([, list]) => list.length > 0);
}

/** The sample's Kube Topology diagnostics as sorted lines. */
export function sampleDiagnosticLines(withMessage = false): string[] {
  return allOurDiagnostics()
    .filter(([uri]) => inSample(uri))
    .flatMap(([uri, list]) => list.map((d) => diagnosticLine(uri, d, withMessage)))
    .sort();
}

/** A hover as a user reads it: its title line and its sections by label, each value made readable. */
export interface HoverView {
  readonly title: string;
  readonly sections: Record<string, string[]>;
  /** Everything, readable, for failure messages. */
  readonly text: string;
}

/**
 * Reads the markdown src/vscode/hovers.ts renders: `**title** · subtitle`, then per section
 * `*Label:* value` or `*Label:*` followed by `- value` lines.
 */
export function parseHover(markdown: string): HoverView {
  const lines = markdown.split('\n');
  const sections: Record<string, string[]> = {};
  let title = '';
  let current: string[] | undefined;
  for (const line of lines) {
    const heading = /^\*([^*]+):\* ?(.*)$/.exec(line);
    if (heading) {
      current = [];
      sections[readableMarkdown(heading[1] ?? '')] = current;
      const rest = (heading[2] ?? '').trim();
      if (rest !== '') current.push(readableMarkdown(rest));
      continue;
    }
    if (line.startsWith('- ') && current) {
      current.push(readableMarkdown(line.slice(2)));
      continue;
    }
    if (title === '' && line.startsWith('**')) title = readableMarkdown(line);
  }
  return { title, sections, text: readableMarkdown(markdown) };
}

/** The hovers VS Code would show at `position`, parsed (one view per hover contents). */
export async function hoverViews(uri: vscode.Uri, position: vscode.Position): Promise<HoverView[]> {
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ??
    [];
  return hovers.flatMap((hover) =>
    hover.contents.map((content) => parseHover(typeof content === 'string' ? content : content.value)),
  );
}
