import type { Finding } from '../../core/rules/finding';
import type { CliWorkspace, JsonRange } from '../workspace';

/** A diagnostic as `check --format json` and `graph --format json` print it (0-based positions). */
export interface DiagnosticJson {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly file: string;
  readonly range: JsonRange;
  readonly related: readonly { readonly file: string; readonly range: JsonRange; readonly message: string }[];
}

export function diagnosticsToJson(workspace: CliWorkspace, findings: readonly Finding[]): DiagnosticJson[] {
  return findings.map((finding) => ({
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    file: finding.range.file,
    range: workspace.toJsonRange(finding.range),
    related: (finding.related ?? []).map((related) => ({
      file: related.range.file,
      range: workspace.toJsonRange(related.range),
      message: related.message,
    })),
  }));
}
