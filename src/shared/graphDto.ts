// The graph as the webview draws it. This is a wire type made for drawing (ids, labels, classes),
// not the core's graph: src/vscode/graphDtoMapper.ts maps one to the other. Imported by the host and
// by the webview, so it must stay free of vscode, DOM and Node imports.

/**
 * What kind of box a node is drawn as. `unresolved` is the target of a value that looks like a
 * cluster address but names no Service (`call-unresolved`): an unknown, drawn as such.
 */
export type NodeCategory = 'external' | 'entry' | 'service' | 'workload' | 'unresolved';

/** Edge types of the CLI contract (docs/CLI.md). */
export type EdgeType = 'exposes' | 'routes' | 'selects' | 'calls';

/** North-south: from outside the cluster in; east-west: between workloads. `selects` edges carry neither. */
export type Traffic = 'north-south' | 'east-west';

/**
 * The NetworkPolicy verdict on a hop. `unknown`: it depends on something we cannot see (the Ingress
 * controller's pods, a host that names no Service, policies of a kind we do not evaluate).
 */
export type Verdict = 'allowed' | 'blocked' | 'unknown';

export type Severity = 'error' | 'warning' | 'info';

export interface NodeDto {
  /** The contract id, e.g. `Service/shop/cart`; the only thing the webview ever sends back. */
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  /** Namespace of namespaced objects; null for cluster-scoped ones and for `external`. */
  readonly namespace: string | null;
  readonly category: NodeCategory;
  /** Secondary line under the name: the kind and the ports, e.g. `Service · 80→8080`. */
  readonly detail: string;
  /** A Service reached straight from outside (LoadBalancer, NodePort): drawn with the entry points. */
  readonly entryPoint?: boolean;
  /** A workload no NetworkPolicy selects for ingress: every pod of the cluster can reach it. */
  readonly notIsolated?: boolean;
  /** Findings on this node's object, if any: drawn as a badge. */
  readonly findings?: { readonly count: number; readonly worst: Severity };
}

/** Where an edge comes from in the manifests, for people to read (the host keeps the ranges). */
export interface EvidenceDto {
  /** What a person reads as the reason, e.g. `CART_ADDR=cart:7070`. */
  readonly text: string;
  /** Workspace-relative file and 1-based line, e.g. `web/storefront.yaml:14`. */
  readonly location: string;
}

export interface EdgeDto {
  /** Stable id: `type:from->to` (plus `:port` when the edge has one). */
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly type: EdgeType;
  /** Short label such as `80→8080`; empty when there is nothing worth saying. */
  readonly label: string;
  readonly traffic?: Traffic;
  /** Present on `calls` edges and on the hop of a north-south path that enters a Service. */
  readonly verdict?: Verdict;
  /** The verdict as a sentence. */
  readonly reason?: string;
  /** The deciding NetworkPolicies (contract ids), which the details pane links to. */
  readonly policies?: readonly string[];
  /** Policies of kinds we do not evaluate that may also apply. */
  readonly notEvaluated?: readonly string[];
  /** Service (or listener) port → the port it ends on, e.g. `{port: 80, targetPort: 8080}`. */
  readonly ports?: readonly { readonly port: number; readonly targetPort: number | string }[];
  readonly evidence?: readonly EvidenceDto[];
}

export interface GraphDto {
  readonly nodes: readonly NodeDto[];
  readonly edges: readonly EdgeDto[];
  /** How the picture was obtained, shown to the user (e.g. the namespace assumed for objects without one). */
  readonly assumptions: {
    readonly defaultNamespace: string;
    /** Where the Ingress controller runs, as configured; absent when unknown. */
    readonly ingressController?: string;
  };
  /** Totals for the empty-state and status messages. */
  readonly summary: {
    readonly files: number;
    readonly objects: number;
    readonly findings: number;
    /** Files read but not Kubernetes manifests (Helm templates, compose files, CI workflows...). */
    readonly skippedFiles?: number;
    /** Files with YAML syntax errors. */
    readonly syntaxErrorFiles?: number;
  };
}
