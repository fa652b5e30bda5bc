import type { Workload } from '../model/workspaceModel';
import type { PolicyEngine } from '../policy/policyEngine';
import type { Finding } from './finding';
import { RULE_CODES } from './finding';
import { policyLocations } from './policyBlocksCall';
import type { Rule } from './rule';

/**
 * `policy-blocks-ingress-path`: a north-south path (an exposed Service, or an Ingress/Route/Gateway
 * backend) that NetworkPolicies deny before it reaches the pods. When the Ingress controller is
 * unknown and the pods admit some namespaces (which may be the controller's), the verdict rests on
 * an assumption: the finding says so and is only informational.
 */
export const policyBlocksIngressPath: Rule = (context) =>
  context.graph.edges.flatMap((edge): Finding[] => {
    if ((edge.type !== 'exposes' && edge.type !== 'routes') || !edge.policy || edge.policy.allowed) return [];
    const [evidence] = edge.evidence ?? [];
    const service = context.model.byId.get(edge.to);
    if (!evidence || !service) return [];
    const selected = context.graph.context.selected(service);
    if (selected.length === 0) return [];
    const viaController = edge.type === 'routes' && !context.graph.ingressController.known;
    const uncertain =
      viaController && selected.some(({ workload }) => admitsSomeNamespace(context.graph.policy, workload));
    const source = edge.type === 'exposes' ? 'clients outside the cluster' : 'the Ingress controller';
    const assumption = viaController
      ? ` The Ingress controller is unknown (set kubeTopology.ingressController or --ingress-controller), so it was taken to be an arbitrary pod in an arbitrary namespace${uncertain ? '; the pods do admit some namespaces, which may include the controller\u2019s' : ''}.`
      : '';
    return [
      {
        code: 'policy-blocks-ingress-path',
        severity: uncertain ? 'info' : RULE_CODES['policy-blocks-ingress-path'],
        message: `Traffic from ${source} through ${edge.from === 'external' ? edge.to : edge.from} to ${edge.to}${edge.port === undefined ? '' : ` port ${edge.port}`} is blocked by NetworkPolicies: ${edge.policy.reason}.${assumption}`,
        range: evidence.range,
        related: policyLocations(context, edge),
      },
    ];
  });

/** Whether some ingress rule of the pod's policies admits pods of selected namespaces. */
function admitsSomeNamespace(engine: PolicyEngine, workload: Workload): boolean {
  return engine
    .policiesFor(workload, 'ingress')
    .some((policy) =>
      policy.ingress.some(
        (rule) =>
          rule.peers !== 'all' &&
          rule.peers.some((peer) => peer.kind === 'pods' && peer.namespaceSelector !== undefined),
      ),
    );
}
