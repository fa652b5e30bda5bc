// The graph as the webview draws it. This is a wire type made for drawing (ids, labels, classes),
// not the core's graph: src/vscode/graphDtoMapper.ts maps one to the other. Imported by the host and
// by the webview, so it must stay free of vscode, DOM and Node imports.

/** What kind of box a node is drawn as. */
export type NodeCategory = 'external' | 'entry' | 'service' | 'workload';

/** Edge types of the CLI contract (docs/CLI.md). */
export type EdgeType = 'exposes' | 'routes' | 'selects' | 'calls';

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
  /** Findings on this node's object, if any: drawn as a badge. */
  readonly findings?: { readonly count: number; readonly worst: Severity };
}

export interface EdgeDto {
  /** Stable id: `type:from->to`. */
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly type: EdgeType;
  /** Short label such as `80→8080`; empty when there is nothing worth saying. */
  readonly label: string;
}

export interface GraphDto {
  readonly nodes: readonly NodeDto[];
  readonly edges: readonly EdgeDto[];
  /** How the picture was obtained, shown to the user (e.g. the namespace assumed for objects without one). */
  readonly assumptions: { readonly defaultNamespace: string };
  /** Totals for the empty-state and status messages. */
  readonly summary: {
    readonly files: number;
    readonly objects: number;
    readonly findings: number;
  };
}
