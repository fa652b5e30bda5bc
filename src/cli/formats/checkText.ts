import type { SourceRange } from '../../core/model/sourceRange';
import type { Finding, Severity } from '../../core/rules/finding';
import type { CliWorkspace } from '../workspace';

/**
 * `check --format text`: one line per finding, `file:line:col: severity code message` with 1-based
 * line and column (the shape compilers print, so editors and CI problem matchers can jump to it),
 * then a summary line. Findings come sorted by file and position. Related locations are left to the
 * json and sarif formats: the contract promises exactly one line per finding, which scripts count.
 */
export function checkToText(workspace: CliWorkspace, findings: readonly Finding[]): string {
  const lines: string[] = [];
  for (const finding of findings) {
    lines.push(`${place(workspace, finding.range)}: ${finding.severity} ${finding.code} ${finding.message}`);
  }
  lines.push(summary(workspace, findings));
  return lines.join('\n');
}

/** `file:line:col`, 1-based for people (the JSON output stays 0-based, as in LSP). */
function place(workspace: CliWorkspace, range: SourceRange): string {
  const { start } = workspace.toJsonRange(range);
  return `${range.file}:${start.line + 1}:${start.character + 1}`;
}

/** E.g. `3 errors, 2 warnings, 1 info in 12 files (40 objects)`, or `no findings in ...`. */
function summary(workspace: CliWorkspace, findings: readonly Finding[]): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  const parts: string[] = [];
  if (counts.error > 0) parts.push(plural(counts.error, 'error', 'errors'));
  if (counts.warning > 0) parts.push(plural(counts.warning, 'warning', 'warnings'));
  if (counts.info > 0) parts.push(plural(counts.info, 'info', 'info'));
  const { model } = workspace.analysis;
  // Files that were read as manifests: compose files, Helm templates and the like are skipped.
  const files = model.files.filter((file) => file.skipped === undefined).length;
  const scope = `in ${plural(files, 'file', 'files')} (${plural(model.objects.length, 'object', 'objects')})`;
  return `${parts.length > 0 ? parts.join(', ') : 'no findings'} ${scope}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
