import { compareFindings, severityRank, type Finding } from '../../core/rules/finding';
import { choiceFlag, onlyFlags, type ParsedArgs } from '../args';
import { checkToText } from '../formats/checkText';
import { diagnosticsToJson } from '../formats/diagnosticsJson';
import { checkToSarif, sarifSources } from '../formats/sarif';
import { readInputs } from '../inputs';
import { workspaceFor, workspaceWarnings } from './workspaceFor';

const FAIL_ON_LEVELS = ['error', 'warning', 'info', 'none'] as const;
type FailOn = (typeof FAIL_ON_LEVELS)[number];

/**
 * `check PATH... [--format text|json|sarif] [--fail-on error|warning|info|none]`: the findings of
 * every rule. Exit 1 when a finding is at or above --fail-on (default error), else 0.
 */
export function checkCommand(args: ParsedArgs): { output: string; code: number; warnings: string[] } {
  onlyFlags(args, 'check', ['format', 'fail-on', 'namespace', 'ingress-controller']);
  const format = choiceFlag(args, 'format', ['text', 'json', 'sarif'], 'text');
  const failOn = choiceFlag(args, 'fail-on', FAIL_ON_LEVELS, 'error');
  const inputs = readInputs(args.paths);
  const workspace = workspaceFor(args, inputs);
  const { ruleFailures } = workspace.analysis;
  // The rules already sort; sorting here keeps the output's order this command's own promise.
  const findings = [...workspace.analysis.findings].sort(compareFindings);
  const code = fails(findings, failOn) ? 1 : 0;
  const warnings = [
    ...workspaceWarnings(workspace),
    ...ruleFailures.map((failure) => `a rule failed and its findings are missing: ${failure}`),
  ];
  switch (format) {
    case 'text':
      return { output: checkToText(workspace, findings), code, warnings };
    case 'json': {
      const document = { version: 1, diagnostics: diagnosticsToJson(workspace, findings) };
      return { output: JSON.stringify(document, null, 2), code, warnings };
    }
    case 'sarif':
      return {
        output: checkToSarif(workspace, findings, sarifSources(args.paths, inputs), ruleFailures),
        code,
        warnings,
      };
  }
}

function fails(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const threshold = severityRank(failOn);
  return findings.some((finding) => severityRank(finding.severity) >= threshold);
}
