// The `kubeTopology.rules` setting: per rule code, `off` or a severity that replaces the default.
// No vscode import: unit-tested in plain Node.
import { RULE_CODES, type Finding, type RuleCode, type Severity } from '../core/rules/finding';

export type RuleLevel = 'off' | Severity;

export type RuleOverrides = Readonly<Partial<Record<RuleCode, RuleLevel>>>;

const LEVELS: ReadonlySet<string> = new Set(['off', 'error', 'warning', 'info']);

/**
 * Reads the setting's value as the user wrote it. Entries with an unknown code or level are
 * dropped (the settings editor already flags them through the schema) and listed in `ignored`.
 */
export function readRuleOverrides(value: unknown): { overrides: RuleOverrides; ignored: string[] } {
  const overrides: Partial<Record<RuleCode, RuleLevel>> = {};
  const ignored: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { overrides, ignored };
  for (const [code, level] of Object.entries(value)) {
    if (isRuleCode(code) && typeof level === 'string' && LEVELS.has(level))
      overrides[code] = level as RuleLevel;
    else ignored.push(`${code}: ${JSON.stringify(level)}`);
  }
  return { overrides, ignored };
}

/** The severity a finding is shown with, or undefined when its rule is switched off. */
export function effectiveSeverity(finding: Finding, overrides: RuleOverrides): Severity | undefined {
  const level = overrides[finding.code];
  if (level === undefined) return finding.severity;
  return level === 'off' ? undefined : level;
}

function isRuleCode(code: string): code is RuleCode {
  return Object.prototype.hasOwnProperty.call(RULE_CODES, code);
}
