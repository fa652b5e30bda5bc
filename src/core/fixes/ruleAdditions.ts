import type { Workload } from '../model/workspaceModel';
import type { NetworkPolicy } from '../policy/networkPolicy';
import type { RuleContext } from '../rules/rule';
import type { GeneratedPolicy, GeneratedRule } from './generatedPolicy';
import { UniqueNames } from './leastPrivilegePolicies';
import { insertRules, policyNodes, type RuleDirection } from './policyDocument';
import { policyEdits } from './policyEdits';
import type { TextEdit } from './textEdit';
import { workloadSelector } from './workloadSelector';

/** Rules one workload's side needs: added to an existing policy that fits, or in a policy of their own. */
export interface RuleAddition {
  readonly direction: RuleDirection;
  /** The workload whose ingress or egress the rules are for. */
  readonly workload: Workload;
  readonly rules: readonly GeneratedRule[];
  /**
   * Policies that may take the rules, best first: each selects this workload for the direction,
   * and nothing the rules should not apply to.
   */
  readonly candidates: readonly NetworkPolicy[];
  /** The name a new policy starts from (made unique in the namespace). */
  readonly newName: string;
  /** The sentence above a new policy. */
  readonly newComment: string;
}

/**
 * The edits for some rule additions: each goes into the first candidate policy whose text can be
 * edited in place, else into a new policy of its direction only (it selects a workload that is
 * already isolated in that direction, so no other traffic changes), written where policyEdits puts
 * new policies. Edits inserting at the same place of a file are joined, in order.
 */
export function ruleAdditionEdits(
  context: RuleContext,
  additions: readonly RuleAddition[],
  textOf: (file: string) => string | undefined,
): TextEdit[] {
  const edits: TextEdit[] = [];
  const created: GeneratedPolicy[] = [];
  const names = new UniqueNames(context);
  for (const addition of additions) {
    const edit = inPlace(addition, textOf);
    if (edit) {
      edits.push(edit);
      continue;
    }
    const { workload, direction, rules } = addition;
    const namespace = workload.object.namespace ?? '';
    const selector = workloadSelector(context.model, workload);
    const comments = [addition.newComment];
    if (!selector.exact && selector.alsoSelects.length > 0)
      comments.push(
        `No subset of its pod labels selects it alone: these also select ${selector.alsoSelects.join(', ')}.`,
      );
    created.push({
      name: names.take(namespace, addition.newName),
      namespace,
      workload: workload.object.id,
      comments,
      podSelector: selector.labels,
      policyTypes: [direction === 'ingress' ? 'Ingress' : 'Egress'],
      ingress: direction === 'ingress' ? rules : [],
      egress: direction === 'egress' ? rules : [],
    });
  }
  if (created.length > 0) edits.push(...policyEdits(context.model, created, textOf));
  return joinInserts(edits);
}

function inPlace(addition: RuleAddition, textOf: (file: string) => string | undefined): TextEdit | undefined {
  for (const policy of addition.candidates) {
    const edit = insertInto(policy, addition.direction, addition.rules, textOf);
    if (edit) return edit;
  }
  return undefined;
}

/** The edit adding rules to a policy in place, if its text is known and has a place for them. */
export function insertInto(
  policy: NetworkPolicy,
  direction: RuleDirection,
  rules: readonly GeneratedRule[],
  textOf: (file: string) => string | undefined,
): TextEdit | undefined {
  const nodes = policyNodes(policy.object, textOf(policy.object.file));
  return nodes && insertRules(nodes, direction, rules);
}

/** Inserts at one offset of one file become one edit (their texts in order); other edits stay as they are. */
export function joinInserts(edits: readonly TextEdit[]): TextEdit[] {
  const joined: TextEdit[] = [];
  for (const edit of edits) {
    const index = joined.findIndex(
      (other) =>
        other.file === edit.file &&
        other.start === other.end &&
        edit.start === edit.end &&
        other.start === edit.start,
    );
    const other = joined[index];
    if (other === undefined) joined.push(edit);
    else joined[index] = { ...other, newText: other.newText + edit.newText };
  }
  return joined;
}

/** The workloads a policy selects (in its namespace). */
export function selectedBy(context: RuleContext, policy: NetworkPolicy): readonly Workload[] {
  return context.model.workloadIndex.select(policy.namespace, policy.podSelector);
}
