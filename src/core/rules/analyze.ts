import type { Finding } from './finding';
import { flatten } from '../util/flatten';
import type { Rule, RuleContext } from './rule';
import { changedNamespaces, namespacesOf, namespaceView } from './namespaceScope';
import { callUnresolved, callUnresolvedParts } from './callUnresolved';
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

/**
 * How a rule's findings depend on the workspace. `namespace`: the findings about a namespace's
 * objects depend only on that namespace (and on `alsoOn`), so after an edit the rule runs again
 * only for the namespaces the edit touched (see namespaceScope.ts); `workspace`: it runs whole.
 */
type Scope = { readonly scope: 'workspace' } | { readonly scope: 'namespace'; readonly alsoOn?: string };

const WHOLE: Scope = { scope: 'workspace' };
const LOCAL: Scope = { scope: 'namespace' };

/** Every rule, in the order of the contract's table. */
const RULES: readonly (readonly [Rule, Scope])[] = [
  [yamlSyntax, WHOLE],
  [serviceNoEndpoints, LOCAL],
  [servicePortMismatch, LOCAL],
  [ingressMissingService, LOCAL],
  [ingressMissingPort, LOCAL],
  [routeMissingService, WHOLE],
  [callUnresolved, WHOLE],
  [workloadNotIsolated, LOCAL],
  [policyBlocksCall, WHOLE],
  [policyBlocksIngressPath, WHOLE],
  [policySelectsNothing, LOCAL],
  // Judged against the kube-dns pods, which a workspace may define in kube-system.
  [egressBlocksDns, { scope: 'namespace', alsoOn: 'kube-system' }],
  [noReadinessProbe, LOCAL],
];

const NO_FINDINGS: readonly Finding[] = [];

/** The findings of namespace-local rules per namespace, for the next analysis to reuse. */
export type RuleCache = ReadonlyMap<Rule, ReadonlyMap<string, readonly Finding[]>>;

/**
 * Rules whose findings come in pieces that an edit mostly leaves as they were (per caller): run
 * through this form, they are not joined into one list on each keystroke.
 */
const IN_PARTS = new Map<Rule, (context: RuleContext) => readonly (readonly Finding[])[]>([
  [callUnresolved, callUnresolvedParts],
]);

/**
 * Runs every rule; a rule that throws on odd input loses its own findings, never the others'.
 * Given the cache of the previous analysis, namespace-local rules run only where the edit was.
 * The findings come as parts (per rule, namespace or caller) in rule order: after an edit most
 * parts are the arrays of the previous analysis, and joining 50,000 findings on every keystroke
 * cost milliseconds; consumers that want one list join them (Analysis.findings).
 */
export function runRules(
  context: RuleContext,
  previous?: RuleCache,
): { parts: (readonly Finding[])[]; failures: string[]; cache: RuleCache } {
  // Each rule's (or namespace's, or caller's) findings, handed on as they are; groups of parts
  // (a rule's per caller) are joined once at the end into a list of the right size.
  const parts: (readonly Finding[])[] = [];
  const groups: (readonly (readonly Finding[])[])[] = [];
  const failures: string[] = [];
  const cache = new Map<Rule, Map<string, readonly Finding[]>>();
  const changed = previous ? changedNamespaces(context.model) : 'all';
  const namespaces = namespacesOf(context.model);
  for (const [rule, scope] of RULES) {
    try {
      // A one-shot analysis (the CLI) keeps nothing for later: the rule runs once over everything.
      if (scope.scope === 'workspace' || context.model.options.oneShot) {
        const inParts = IN_PARTS.get(rule);
        if (inParts) {
          groups.push(parts.splice(0), inParts(context));
        } else parts.push(rule(context));
        continue;
      }
      const before =
        changed === 'all' || (scope.alsoOn && changed.has(scope.alsoOn)) ? undefined : previous?.get(rule);
      const byNamespace = new Map<string, readonly Finding[]>();
      for (const namespace of namespaces) {
        let found = changed !== 'all' && !changed.has(namespace) ? before?.get(namespace) : undefined;
        found ??= rule({ ...context, model: namespaceView(context.model, namespace) });
        // Kept even when empty: "no findings here" is what most namespaces reuse.
        byNamespace.set(namespace, found.length > 0 ? found : NO_FINDINGS);
        if (found.length > 0) parts.push(found);
      }
      cache.set(rule, byNamespace);
    } catch (error) {
      failures.push(`${rule.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // In rule order: the analysis sorts them when they are first read in output order.
  groups.push(parts);
  return { parts: flatten(groups), failures, cache };
}
