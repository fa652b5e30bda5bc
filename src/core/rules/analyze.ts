import { compareFindings, type Finding } from './finding';
import type { Rule, RuleContext } from './rule';
import { callUnresolved } from './callUnresolved';
import { egressBlocksDns } from './egressBlocksDns';
import { ingressMissingPort } from './ingressMissingPort';
import { ingressMissingService } from './ingressMissingService';
import { noReadinessProbe } from './noReadinessProbe';
import { policyBlocksCall } from './policyBlocksCall';
import { policyBlocksIngressPath } from './policyBlocksIngressPath';
import { policySelectsNothing } from './policySelectsNothing';
import { routeMissingService } from './routeMissingService';
import { serviceNoEndpoints } from './serviceNoEndpoints';
import { servicePortMismatch } from './servicePortMismatch';
import { workloadNotIsolated } from './workloadNotIsolated';
import { yamlSyntax } from './yamlSyntax';

/** Every rule, in the order of the contract's table. */
const RULES: readonly Rule[] = [
  yamlSyntax,
  serviceNoEndpoints,
  servicePortMismatch,
  ingressMissingService,
  ingressMissingPort,
  routeMissingService,
  callUnresolved,
  workloadNotIsolated,
  policyBlocksCall,
  policyBlocksIngressPath,
  policySelectsNothing,
  egressBlocksDns,
  noReadinessProbe,
];

/** Runs every rule; a rule that throws on odd input loses its own findings, never the others'. */
export function runRules(context: RuleContext): { findings: Finding[]; failures: string[] } {
  const findings: Finding[] = [];
  const failures: string[] = [];
  for (const rule of RULES) {
    try {
      findings.push(...rule(context));
    } catch (error) {
      failures.push(`${rule.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  findings.sort(compareFindings);
  return { findings, failures };
}
