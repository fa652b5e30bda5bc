import { isMap, isPair, isScalar, type Node } from 'yaml';
import type { K8sObject } from '../model/k8sObject';
import type { Workload } from '../model/workspaceModel';
import type { RuleContext } from '../rules/rule';
import { closestWorkload } from '../rules/closestWorkload';
import { matchesSelector } from '../select/labelSelector';
import { policyNodes, replaceScalar } from './policyDocument';
import type { TextEdit } from './textEdit';

/** The workload a policy that selects nothing was probably meant for, and the label values to change. */
export interface SelectorTypo {
  readonly workload: Workload;
  /** `[key, written, meant]` per matchLabels value that differs. */
  readonly changes: readonly (readonly [string, string, string])[];
}

/**
 * When a NetworkPolicy selects no workload and a label typo is the likely cause (closestWorkload:
 * every key present, values one or two characters off, no tie), the workload and the values that
 * differ; undefined otherwise, and when the corrected selector would still not select it (its
 * matchExpressions disagree).
 */
export function selectorTypo(context: RuleContext, object: K8sObject): SelectorTypo | undefined {
  const policy = context.graph.policy.policyOf(object);
  const workloads = context.model.workloadIndex.itemsIn(policy.namespace);
  if (context.model.workloadIndex.select(policy.namespace, policy.podSelector).length > 0) return undefined;
  const closest = closestWorkload(policy.podSelector, workloads);
  if (!closest?.typo) return undefined;
  const labels = closest.workload.template.labels;
  const changes = Object.entries(policy.podSelector.matchLabels).flatMap(([key, value]) => {
    const meant = labels[key];
    return meant === undefined || meant === value ? [] : [[key, value, meant] as const];
  });
  const corrected = {
    ...policy.podSelector,
    matchLabels: {
      ...policy.podSelector.matchLabels,
      ...Object.fromEntries(changes.map(([key, , meant]) => [key, meant])),
    },
  };
  if (!matchesSelector(corrected, labels)) return undefined;
  return { workload: closest.workload, changes };
}

/** "Select payments (app: payment → payments)". */
export function selectTitle(typo: SelectorTypo): string {
  const changes = typo.changes.map(([key, written, meant]) => `${key}: ${written} → ${meant}`).join(', ');
  return `Select ${typo.workload.object.name} (${changes})`;
}

/**
 * "Select <closest workload>": each mistyped value of `spec.podSelector.matchLabels` replaced by
 * the workload's, in place (quoting kept); nothing else of the file changes.
 */
export function selectClosestWorkload(
  context: RuleContext,
  object: K8sObject,
  textOf: (file: string) => string | undefined,
): TextEdit[] | undefined {
  const typo = selectorTypo(context, object);
  const nodes = typo && policyNodes(object, textOf(object.file));
  if (!typo || !nodes) return undefined;
  const spec = nodes.root.get('spec', true);
  const selector = isMap(spec) ? spec.get('podSelector', true) : undefined;
  const matchLabels = isMap(selector) ? selector.get('matchLabels', true) : undefined;
  if (!isMap(matchLabels)) return undefined;
  const edits: TextEdit[] = [];
  for (const [key, , meant] of typo.changes) {
    const pair = matchLabels.items.find(
      (item) => isPair(item) && isScalar(item.key) && item.key.value === key,
    );
    const edit = pair && replaceScalar(nodes.file, nodes.text, pair.value as Node, meant);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return edits;
}
