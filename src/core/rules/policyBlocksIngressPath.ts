import type { GraphEdge, PortMapping } from '../graph/graph';
import type { Selection } from '../graph/graphContext';
import type { Workload } from '../model/workspaceModel';
import { isProtocol } from '../policy/connectionSet';
import type { PolicyRule } from '../policy/networkPolicy';
import { ruleConnections, type PolicyEngine } from '../policy/policyEngine';
import type { Finding } from './finding';
import { RULE_CODES } from './finding';
import { policyLocations } from './policyBlocksCall';
import type { Rule, RuleContext } from './rule';
import { edgeFindings } from './edgeFindings';

/**
 * `policy-blocks-ingress-path`: a north-south path (an exposed Service, or an Ingress/Route/Gateway
 * backend) that NetworkPolicies deny before it reaches the pods. When the Ingress controller is
 * unknown and the pods admit some namespaces (which may be the controller's), the verdict rests on
 * an assumption: the finding says so and is only informational.
 */
export const policyBlocksIngressPath: Rule = (context) =>
  edgeFindings(
    context,
    cache,
    (edge) =>
      (edge.type === 'exposes' || edge.type === 'routes') &&
      edge.policy !== undefined &&
      !edge.policy.allowed,
    (edge) => blockedPath(context, edge),
  );

const cache = new WeakMap<GraphEdge, readonly Finding[]>();

function blockedPath(context: RuleContext, edge: GraphEdge): Finding[] {
  if (!edge.policy || edge.policy.allowed) return [];
  const [evidence] = edge.evidence ?? [];
  const service = context.model.byId.get(edge.to);
  if (!evidence || !service) return [];
  const selected = context.graph.context.selected(service);
  if (selected.length === 0) return [];
  const engine = context.graph.policy;
  // The edge's verdict is for any address outside the cluster. Pods that admit some outside
  // addresses (an ipBlock) on their target port are restricted to those clients on purpose: the
  // path is not blocked, so it is not reported.
  if (
    edge.type === 'exposes' &&
    selected.every((selection) =>
      targetsOf(selection, edge).every((mapping) =>
        admitsOnTarget(
          engine,
          selection.workload,
          mapping,
          (rule) => rule.peers === 'all' || rule.peers.some((peer) => peer.kind === 'ipBlock'),
        ),
      ),
    )
  )
    return [];
  const viaController = edge.type === 'routes' && !context.graph.ingressController.known;
  const uncertain =
    viaController &&
    selected.some((selection) =>
      targetsOf(selection, edge).some((mapping) =>
        admitsOnTarget(engine, selection.workload, mapping, admitsSomeNamespace),
      ),
    );
  const source = edge.type === 'exposes' ? 'clients outside the cluster' : 'the Ingress controller';
  // For an exposed Service the entry point is the Service itself: name it once.
  const path = edge.type === 'exposes' ? `to ${edge.to}` : `through ${edge.from} to ${edge.to}`;
  const assumption = viaController
    ? ` The Ingress controller is unknown (set kubeTopology.ingressController or --ingress-controller), so it was taken to be an arbitrary pod in an arbitrary namespace${uncertain ? '; the pods do admit some namespaces, which may include the controller\u2019s' : ''}.`
    : '';
  return [
    {
      code: 'policy-blocks-ingress-path',
      severity: uncertain ? 'info' : RULE_CODES['policy-blocks-ingress-path'],
      message: `Traffic from ${source} ${path}${edge.port === undefined ? '' : ` port ${edge.port}`} is blocked by NetworkPolicies: ${edge.policy.reason}.${assumption}`,
      range: evidence.range,
      related: policyLocations(context, edge),
    },
  ];
}

/** The port mappings of a selected workload that the edge's traffic uses. */
function targetsOf(selection: Selection, edge: GraphEdge): readonly PortMapping[] {
  return selection.ports.filter((mapping) => edge.port === undefined || mapping.port === edge.port);
}

/**
 * Whether some ingress rule of the pod's policies that passes `peers` also admits the mapping's
 * target port (a named target no container declares: any port). Not isolated: admits everything.
 */
function admitsOnTarget(
  engine: PolicyEngine,
  workload: Workload,
  mapping: PortMapping,
  peers: (rule: PolicyRule) => boolean,
): boolean {
  const policies = engine.policiesFor(workload, 'ingress');
  if (policies.length === 0) return true;
  return policies.some((policy) =>
    policy.ingress.some((rule) => {
      if (!peers(rule)) return false;
      const connections = ruleConnections(rule, workload);
      if (mapping.containerPort === undefined || !isProtocol(mapping.protocol)) return !connections.isEmpty();
      return connections.contains(mapping.protocol, mapping.containerPort);
    }),
  );
}

/**
 * Whether a rule admits pods of selected namespaces. Only rules that also admit the target port
 * count (see admitsOnTarget): a rule that lets a monitoring namespace scrape a metrics port says
 * nothing about where the controller may be.
 */
function admitsSomeNamespace(rule: PolicyRule): boolean {
  return (
    rule.peers !== 'all' &&
    rule.peers.some((peer) => peer.kind === 'pods' && peer.namespaceSelector !== undefined)
  );
}
