import type { K8sObject } from '../model/k8sObject';
import { OverlayMap } from '../util/overlayMap';
import { EXTERNAL_ID, type GraphNode, type NodeCategory } from './graph';
import type { GraphContext } from './graphContext';
import { GATEWAY_ROUTE_KINDS } from './northSouth/gatewayApi';
import { gatewayBoundVirtualServices, ISTIO_GATEWAY_KIND } from './northSouth/istio';

/** Id kinds drawn as entry points: what outside traffic passes through before a Service. */
const ENTRY_KINDS = ['Ingress', 'Route', 'Gateway', ISTIO_GATEWAY_KIND, ...GATEWAY_ROUTE_KINDS] as const;

const EXTERNAL_NODE: GraphNode = {
  id: EXTERNAL_ID,
  kind: 'External',
  name: 'external',
  namespace: null,
  category: 'external',
};

export interface GraphNodes {
  readonly nodes: readonly GraphNode[];
  readonly nodesById: ReadonlyMap<string, GraphNode>;
}

/**
 * The graph's nodes: `external` (when something is exposed), entry points, Services, workloads.
 * A node is the same object as long as its object is (the edit re-analysis then only swaps the
 * nodes of replaced objects into the previous map by id instead of building a new one).
 */
export function graphNodes(
  context: GraphContext,
  hasExternal: boolean,
  previous: GraphNodes | undefined,
): GraphNodes {
  const { model } = context;
  const nodes: GraphNode[] = hasExternal ? [EXTERNAL_NODE] : [];
  // The previous node at the same place is this object's node after most edits: a comparison
  // instead of a lookup per object.
  const before = previous?.nodes ?? [];
  const add = (object: K8sObject, category: NodeCategory) => {
    const candidate = before[nodes.length];
    nodes.push(
      candidate?.object === object && candidate.category === category ? candidate : nodeOf(object, category),
    );
  };
  for (const kind of ENTRY_KINDS) for (const object of model.ofKind(kind)) add(object, 'entry');
  for (const { object } of gatewayBoundVirtualServices(context)) add(object, 'entry');
  for (const service of model.services) add(service, 'service');
  for (const { object } of model.workloads) add(object, 'workload');
  return { nodes, nodesById: byId(nodes, previous) };
}

function byId(nodes: readonly GraphNode[], previous: GraphNodes | undefined): ReadonlyMap<string, GraphNode> {
  const before = previous?.nodes;
  if (!previous || !before || before.length !== nodes.length) return fresh(nodes);
  const changed: [string, GraphNode][] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node === before[i]) continue;
    if (node.id !== before[i]!.id) return fresh(nodes);
    changed.push([node.id, node]);
  }
  return OverlayMap.patch(previous.nodesById, changed);
}

function fresh(nodes: readonly GraphNode[]): Map<string, GraphNode> {
  return new Map(nodes.map((node) => [node.id, node]));
}

const nodeByObject = new WeakMap<K8sObject, GraphNode>();

function nodeOf(object: K8sObject, category: NodeCategory): GraphNode {
  let node = nodeByObject.get(object);
  if (node?.category !== category) {
    node = {
      id: object.id,
      kind: object.kind,
      name: object.name,
      namespace: object.namespace,
      category,
      object,
    };
    nodeByObject.set(object, node);
  }
  return node;
}
