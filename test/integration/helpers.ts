// Helpers shared by the integration tests: they drive VS Code the way a user does (open a file, hover,
// run a command, type) and wait on observable state with a deadline, never for a fixed time.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { KubeTopologyApi } from './api';

export const SOURCE = 'kube-topology';

export interface WaitOptions {
  /** How long to wait before failing. */
  readonly timeoutMs?: number;
  /** Describes the state actually observed, for the failure message. */
  readonly observe?: () => string;
}

/**
 * Polls `probe` until it returns something other than `undefined` or `false`, and returns that.
 * Fails at the deadline with `description`, what `observe` reports, and the probe's last error.
 */
export async function waitFor<T>(
  description: string,
  probe: () => T | undefined | false | PromiseLike<T | undefined | false>,
  { timeoutMs = 15_000, observe }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: string | undefined;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error instanceof Error ? error.message : JSON.stringify(error);
    }
    if (Date.now() >= deadline) {
      const details = [
        `Timed out after ${timeoutMs} ms waiting for ${description}.`,
        observe ? `Observed: ${observe()}` : '',
        lastError === undefined ? '' : `Last error: ${lastError}`,
      ];
      throw new Error(details.filter(Boolean).join('\n'));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Settles like `promise`, or rejects once `timeoutMs` have passed. */
export async function withDeadline<T>(promise: PromiseLike<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${timeoutMs} ms.`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits for the index to settle (after a scan, an opened editor or an edit). The fixture is small and
 * its 5 MB file parses in a few seconds, so 30 s means something is stuck; a bounded wait keeps the
 * whole run inside the runner's limit even then, so that every test still reports.
 */
export function indexed(api: KubeTopologyApi, what: string): Promise<void> {
  return withDeadline(api.whenIndexed(), 30_000, `Indexing (${what})`);
}

/** A file of the fixture workspace (test/fixtures/workspaces/integration, copied by the runner). */
export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'The integration tests need the fixture workspace folder open.');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** Opens a file in an editor, as a user clicking it in the explorer would. */
export async function openEditor(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The position `offset` characters into the first occurrence of `needle` in the document. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `"${needle}" not found in ${document.uri.path}`);
  return document.positionAt(index + offset);
}

/** A diagnostic's code as a string, whether it is given plain or as `{value, target}`. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The diagnostics Kube Topology currently shows on a file. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

/** One line per diagnostic, for failure messages. */
export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map((d) => {
      const { start, end } = d.range;
      const where = `${start.line}:${start.character}-${end.line}:${end.character}`;
      return `[${vscode.DiagnosticSeverity[d.severity]} ${codeOf(d) ?? '-'} ${where}] ${d.message}`;
    })
    .join('\n');
}

export function assertRange(
  actual: vscode.Range,
  expected: readonly [startLine: number, startCharacter: number, endLine: number, endCharacter: number],
): void {
  const actualTuple = [actual.start.line, actual.start.character, actual.end.line, actual.end.character];
  assert.deepStrictEqual(
    actualTuple,
    [...expected],
    `Range [startLine, startCharacter, endLine, endCharacter] (0-based): expected [${expected.join(', ')}], got [${actualTuple.join(', ')}]`,
  );
}

/**
 * Hover markdown as a user reads it: markdown escapes (`\-`), `&nbsp;` (which
 * `MarkdownString.appendText` writes for spaces), backticks and bold markers removed, and
 * whitespace collapsed. Assertions then match what is on screen, not how it was encoded.
 */
export function readableMarkdown(markdown: string): string {
  return markdown
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~=])/g, '$1')
    .replace(/`/g, '')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of every hover VS Code would show at `position`, made readable. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ??
    [];
  const parts = hovers.flatMap((hover) =>
    hover.contents.map((content) => (typeof content === 'string' ? content : content.value)),
  );
  return readableMarkdown(parts.join('\n\n'));
}

/** Asserts that `text` contains every one of `expected`, naming the first one missing. */
export function assertIncludesAll(text: string, expected: readonly string[], what: string): void {
  for (const part of expected) {
    assert.ok(text.includes(part), `${what} lacks "${part}". It reads:\n${text}`);
  }
}
