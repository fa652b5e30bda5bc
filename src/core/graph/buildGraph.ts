import type { WorkspaceModel } from '../model/workspaceModel';
import type { Graph, GraphNode } from './graph';
import { selectsEdges } from './selectsEdges';

/**
 * The service graph of a workspace. For now: every Service and workload as nodes, and `selects`
 * edges between them; north-south (`exposes`, `routes`) and east-west (`calls`) edges come next.
 */
export function buildGraph(model: WorkspaceModel): Graph {
  const nodes: GraphNode[] = [];
  for (const service of model.services) {
    nodes.push({
      id: service.id,
      kind: service.kind,
      name: service.name,
      namespace: service.namespace,
      category: 'service',
      object: service,
    });
  }
  for (const { object } of model.workloads) {
    nodes.push({
      id: object.id,
      kind: object.kind,
      name: object.name,
      namespace: object.namespace,
      category: 'workload',
      object,
    });
  }
  const nodesById = new Map(nodes.map((node) => [node.id, node]));
  return { nodes, edges: selectsEdges(model), nodesById };
}
