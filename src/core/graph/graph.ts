import type { K8sObject } from '../model/k8sObject';
import type { SourceRange } from '../model/sourceRange';
import type { UnresolvedCall } from './eastWest/inferCalls';
import type { GraphContext } from './graphContext';

/** Edge types of the CLI contract (docs/CLI.md). */
export type EdgeType = 'exposes' | 'routes' | 'selects' | 'calls';

export type Traffic = 'north-south' | 'east-west';

export type NodeCategory = 'external' | 'entry' | 'service' | 'workload';

/** The id of the world outside the cluster. */
export const EXTERNAL_ID = 'external';

export interface GraphNode {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | null;
  readonly category: NodeCategory;
  /** The object behind the node; absent only for `external`. */
  readonly object?: K8sObject;
}

/** A Service port and where it ends on one selected workload. */
export interface PortMapping {
  readonly port: number;
  readonly targetPort: number | string;
  readonly protocol: string;
  /** The container port the target resolves to on this workload; undefined when a named target is not declared. */
  readonly containerPort?: number;
}

/** Where in the manifests an edge comes from: the value, backend or reference that implies it. */
export interface Evidence {
  readonly range: SourceRange;
  /** What a person reads as the reason, e.g. `CART_ADDR=cart:7070` or `backend: cart:80`. */
  readonly text: string;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly type: EdgeType;
  readonly traffic?: Traffic;
  /** The Service (or listener) port the traffic is sent to. */
  readonly port?: number;
  /** The pod port it ends on: a number, or a port name no selected container declares. */
  readonly targetPort?: number | string;
  /** For `selects`: each Service port resolved on the selected workload. */
  readonly ports?: readonly PortMapping[];
  /** Why the edge exists, the most direct evidence first. */
  readonly evidence?: readonly Evidence[];
}

export interface Graph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly nodesById: ReadonlyMap<string, GraphNode>;
  /** Values that look like cluster addresses but name no Service (`call-unresolved`). */
  readonly unresolvedCalls: readonly UnresolvedCall[];
  /** The lookups the graph was built with (Service specs, selections), for rules and hovers. */
  readonly context: GraphContext;
}
