import type { K8sObject } from '../model/k8sObject';

/** Edge types of the CLI contract (docs/CLI.md). */
export type EdgeType = 'exposes' | 'routes' | 'selects' | 'calls';

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

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly type: EdgeType;
  /** For `selects`: each Service port resolved on the selected workload. */
  readonly ports?: readonly PortMapping[];
}

export interface Graph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly nodesById: ReadonlyMap<string, GraphNode>;
}
