import type { GraphEdge } from '../graph/graph';
import type { Finding } from './finding';
import { listSome, relatedObject } from './findingAt';
import { RULE_CODES } from './finding';
import type { Rule, RuleContext } from './rule';
import { edgeFindings } from './edgeFindings';

/**
 * `policy-blocks-call`: an inferred east-west call that NetworkPolicies deny, by the caller's
 * egress or the callee's ingress. On the value that implies the call, with the policies involved.
 */
export const policyBlocksCall: Rule = (context) =>
  edgeFindings(
    context,
    cache,
    (edge) => edge.type === 'calls' && edge.policy !== undefined && !edge.policy.allowed,
    (edge) => blockedCall(context, edge),
  );

const cache = new WeakMap<GraphEdge, readonly Finding[]>();

function blockedCall(context: RuleContext, edge: GraphEdge): Finding[] {
  if (!edge.policy || edge.policy.allowed) return [];
  const [evidence, ...more] = edge.evidence ?? [];
  if (!evidence) return [];
  const service = context.model.byId.get(edge.to);
  const selected = service ? context.graph.context.selected(service) : [];
  if (selected.length === 0) return []; // service-no-endpoints says it.
  return [
    {
      code: 'policy-blocks-call',
      severity: RULE_CODES['policy-blocks-call'],
      message: `${edge.from} calls ${edge.to}${edge.port === undefined ? '' : ` on port ${edge.port}`}${targetText(edge)}, but NetworkPolicies block it: ${edge.policy.reason}.`,
      range: evidence.range,
      related: [
        ...more.map((item) => ({ range: item.range, message: `also implies this call: ${item.text}` })),
        ...policyLocations(context, edge),
      ],
    },
  ];
}

function targetText(edge: GraphEdge): string {
  return edge.targetPort === undefined || edge.targetPort === edge.port
    ? ''
    : ` (pod port ${edge.targetPort})`;
}

/**
 * The deciding policies' names as related locations, each saying which side it isolates: the
 * caller's egress, the ingress of the pods behind the Service, or both (a person fixing the call
 * needs to know which policy to edit).
 */
export function policyLocations(
  context: RuleContext,
  edge: GraphEdge,
): { range: Finding['range']; message: string }[] {
  const engine = context.graph.policy;
  const caller = context.model.workloadsById.get(edge.from);
  const service = context.model.byId.get(edge.to);
  const callees = service ? context.graph.context.selected(service).map(({ workload }) => workload) : [];
  return (edge.policy?.by ?? []).flatMap((id) => {
    const policy = context.model.byId.get(id);
    if (!policy) return [];
    const sides: string[] = [];
    if (caller && engine.policiesFor(caller, 'egress').some((item) => item.object.id === id))
      sides.push(`the egress of ${caller.object.id}`);
    const isolated = callees.filter((workload) =>
      engine.policiesFor(workload, 'ingress').some((item) => item.object.id === id),
    );
    if (isolated.length > 0)
      sides.push(
        `the ingress of ${listSome(
          isolated.map((workload) => workload.object.id),
          2,
        )}`,
      );
    const what = sides.length > 0 ? sides.join(' and ') : 'one side';
    return [relatedObject(policy, `${id} isolates ${what} and does not allow this`)];
  });
}
