import type { VerdictCache } from './policyVerdicts';
import type { K8sObject } from '../model/k8sObject';
import type { SourceRange } from '../model/sourceRange';
import type { InferredCalls, UnresolvedCall } from './eastWest/inferCalls';
import type { ListResults } from './listMemo';
import type { GraphContext } from './graphContext';
import type { GraphNodes } from './graphNodes';
import type { IngressController } from '../policy/endpoints';
import type { PolicyEngine } from '../policy/policyEngine';
import type { UnevaluatedPolicies } from '../policy/unevaluatedPolicies';

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
  /** On `calls` edges and the last hop of north-south paths: what NetworkPolicies say. */
  readonly policy?: EdgePolicy;
}

/** The NetworkPolicy verdict on an edge. */
export interface EdgePolicy {
  /** Whether the traffic reaches every selected pod on its target port. */
  readonly allowed: boolean;
  /** The deciding policies: those whose rules allowed it, or those that isolate a side and did not. */
  readonly by: readonly string[];
  /** Who the traffic was assumed to come from (`external`, the Ingress controller, a workload). */
  readonly from: string;
  /** A sentence for people. */
  readonly reason: string;
  /** Policies of kinds not evaluated (Cilium, Calico, AdminNetworkPolicy) that may also apply. */
  readonly notEvaluated?: readonly string[];
}

export interface Graph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly nodesById: ReadonlyMap<string, GraphNode>;
  /** `nodes` and `nodesById` if they were read already (for the next analysis to reuse), else undefined. */
  readonly builtNodes: GraphNodes | undefined;
  /** The edges of `edges` that NetworkPolicies block, in the same order. */
  readonly blockedEdges: readonly GraphEdge[];
  /**
   * The same in parts, per group (exposed Services, Ingresses, other entry points, callers) and
   * per item of the group (mostly empty), for the policy-blocks-* rules, which read them after
   * every edit: an item an edit left alone has the same array as before.
   */
  readonly blockedParts: readonly (readonly (readonly GraphEdge[])[])[];
  /** Values that look like cluster addresses but name no Service (`call-unresolved`). */
  readonly unresolvedCalls: readonly UnresolvedCall[];
  /**
   * The same calls per caller (at each workload's position, mostly empty): each caller's array is
   * the same object in the next analysis while that caller's calls were reused, so what is
   * derived from them can be kept per array.
   */
  readonly unresolvedByCaller: readonly (readonly UnresolvedCall[])[];
  /** The lookups the graph was built with (Service specs, selections), for rules and hovers. */
  readonly context: GraphContext;
  /** NetworkPolicy semantics over this workspace. */
  readonly policy: PolicyEngine;
  /** Policies of other kinds (Cilium, Calico, AdminNetworkPolicy) that are recognised but not evaluated. */
  readonly unevaluatedPolicies: UnevaluatedPolicies;
  /** The assumption about where Ingress and Gateway traffic comes from. */
  readonly ingressController: IngressController;
  /** The edges' verdicts, for the next analysis after an edit to reuse. */
  readonly verdicts: VerdictCache;
  /** Edges per Service and per Ingress with what they consulted, for the next analysis to reuse. */
  readonly lists: {
    readonly exposed: ListResults<GraphEdge[]>;
    readonly ingresses: ListResults<GraphEdge[]>;
    readonly selects: ListResults<GraphEdge[]>;
  };
  /** The calls per workload, for the next analysis after an edit to reuse. */
  readonly calls: InferredCalls;
}
