import type { SourceRange } from '../model/sourceRange';

export type Severity = 'error' | 'warning' | 'info';

/** The diagnostic codes of the contract (docs/CLI.md), with their default severity. */
export const RULE_CODES = {
  'yaml-syntax': 'error',
  'service-no-endpoints': 'warning',
  'service-port-mismatch': 'error',
  'ingress-missing-service': 'error',
  'ingress-missing-port': 'error',
  'route-missing-service': 'error',
  'call-unresolved': 'info',
  'workload-not-isolated': 'warning',
  'policy-blocks-call': 'error',
  'policy-blocks-ingress-path': 'error',
  'policy-selects-nothing': 'warning',
  'egress-blocks-dns': 'warning',
  'no-readiness-probe': 'info',
} as const satisfies Record<string, Severity>;

export type RuleCode = keyof typeof RULE_CODES;

export interface RelatedLocation {
  readonly range: SourceRange;
  readonly message: string;
}

export interface Finding {
  readonly code: RuleCode;
  readonly severity: Severity;
  /** Says what is wrong, what was expected and what was found, readable without the docs. */
  readonly message: string;
  /** The most specific node: the offending value, never the whole document. */
  readonly range: SourceRange;
  readonly related?: readonly RelatedLocation[];
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

/**
 * Stable order for output: by file, then position, then code, then message. Codes and messages
 * compare by code unit (the codes are ASCII, where that is also their locale order): localeCompare
 * made the sort of 50,000 findings after every edit several times slower.
 */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.range.file !== b.range.file) return a.range.file < b.range.file ? -1 : 1;
  return (
    a.range.start - b.range.start ||
    a.range.end - b.range.end ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
