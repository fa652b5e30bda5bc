// Sizes shared by the stylesheet (what is drawn), the layout (where it goes) and the SVG export.

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 44;
export const EXTERNAL_WIDTH = 120;
export const COLLAPSED_WIDTH = 200;
export const COLLAPSED_HEIGHT = 56;

/** Cytoscape's padding inside a namespace box, and room above it for the namespace's name. */
export const NAMESPACE_PADDING = 18;
export const NAMESPACE_LABEL_HEIGHT = 22;

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The drawn size of a node of this category (collapsed namespaces have their own). */
export function nodeSize(category: string | undefined, collapsed: boolean): Size {
  if (collapsed) return { width: COLLAPSED_WIDTH, height: COLLAPSED_HEIGHT };
  if (category === 'external') return { width: EXTERNAL_WIDTH, height: NODE_HEIGHT };
  return { width: NODE_WIDTH, height: NODE_HEIGHT };
}
