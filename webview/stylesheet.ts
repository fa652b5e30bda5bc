// The Cytoscape stylesheet, as a pure function of a palette (palette.ts): the same graph restyles for
// light, dark and high-contrast themes. Keyed on the classes elements.ts gives each element.
//
// Edges say two things at once. Their traffic is the line's shape and base colour: north-south hops are
// straight and in the entry colour, east-west calls are arcs in the Service colour with a dot at the
// caller, `selects` edges thin and dashed. Their NetworkPolicy verdict overrides the colour: allowed
// keeps it, blocked is red and dashed, unknown amber and dotted (the legend, legend.ts, says the same).
import type { Css, NodeSingular, StylesheetJson } from 'cytoscape';
import type { Severity } from '../src/shared/graphDto';
import { COLLAPSED_HEIGHT, COLLAPSED_WIDTH, EXTERNAL_WIDTH, NODE_HEIGHT, NODE_WIDTH } from './geometry';
import { isHighContrast, type Palette } from './palette';

/** Below this on-screen font size labels are not drawn: the biggest win for pan/zoom speed (PERFORMANCE.md). */
export const MIN_ZOOMED_FONT_SIZE = 7;

/**
 * The floor for graphs under the large-graph threshold: a small graph fitted into a narrow panel is
 * drawn at about half size, where 7 px would hide every name, and it pans fast with labels anyway.
 */
export const SMALL_GRAPH_MIN_ZOOMED_FONT_SIZE = 4;

export { NODE_HEIGHT, NODE_WIDTH };

export function severityColour(palette: Palette, severity: Severity): string {
  switch (severity) {
    case 'error':
      return palette.error;
    case 'warning':
      return palette.warning;
    case 'info':
      return palette.info;
  }
}

/**
 * The findings badge: a filled circle with the count, as an SVG data URI (allowed by `img-src data:`).
 * Colours come from normalizeColour and the text is a number, so nothing from a manifest reaches the SVG.
 */
export function badgeDataUri(count: number, colour: string, textColour: string): string {
  const text = count > 99 ? '99+' : String(Math.max(0, Math.floor(count)));
  const fontSize = text.length > 2 ? 9 : 11;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="22" height="22" viewBox="0 0 22 22">` +
    `<circle cx="11" cy="11" r="10" fill="${colour}" stroke="${textColour}" stroke-width="1.5"/>` +
    `<text x="11" y="15" font-family="sans-serif" font-size="${fontSize}" font-weight="bold" ` +
    `text-anchor="middle" fill="${textColour}">${text}</text></svg>`;
  return 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
}

/** Node shapes per kind, so a StatefulSet or a Gateway reads at a glance (the legend lists them). */
export const KIND_SHAPES: Readonly<Record<string, Css.NodeShape>> = {
  statefulset: 'barrel',
  daemonset: 'hexagon',
  job: 'octagon',
  cronjob: 'octagon',
  pod: 'round-rectangle',
  ingress: 'cut-rectangle',
  route: 'cut-rectangle',
  gateway: 'concave-hexagon',
  httproute: 'round-tag',
  grpcroute: 'round-tag',
  tlsroute: 'round-tag',
  tcproute: 'round-tag',
  udproute: 'round-tag',
};

export function buildStylesheet(palette: Palette, minZoomedFontSize = MIN_ZOOMED_FONT_SIZE): StylesheetJson {
  const highContrast = isHighContrast(palette.kind);
  const borderWidth = highContrast ? 2 : 1.5;
  const badges = new Map<string, string>();
  const badgeFor = (node: NodeSingular): string => {
    const count = Number(node.data('findingsCount')) || 0;
    const worst = (node.data('findingsWorst') as Severity | undefined) ?? 'info';
    const key = `${worst}:${count}`;
    let uri = badges.get(key);
    if (uri === undefined) {
      uri = badgeDataUri(count, severityColour(palette, worst), palette.background);
      badges.set(key, uri);
    }
    return uri;
  };

  return [
    {
      selector: 'node',
      style: {
        shape: 'round-rectangle',
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        'background-color': palette.nodeFill,
        'border-width': borderWidth,
        'border-color': palette.nodeBorder,
        label: 'data(caption)',
        color: palette.foreground,
        'font-family': palette.fontFamily,
        'font-size': 11,
        // elements.ts shortens both caption lines, so wrapping only ever breaks at the newline.
        'text-wrap': 'wrap',
        'text-max-width': `${NODE_WIDTH}px`,
        'line-height': 1.3,
        'text-valign': 'center',
        'text-halign': 'center',
        'min-zoomed-font-size': minZoomedFontSize,
      },
    },
    {
      selector: 'node.category-service',
      style: { 'border-color': palette.service, shape: 'round-rectangle' },
    },
    {
      selector: 'node.entry-point',
      style: { 'border-color': palette.entry, 'border-width': borderWidth + 1, shape: 'round-tag' },
    },
    { selector: 'node.category-workload', style: { 'border-color': palette.workload, shape: 'rectangle' } },
    { selector: 'node.category-entry', style: { 'border-color': palette.entry, shape: 'cut-rectangle' } },
    {
      selector: 'node.category-external',
      style: {
        'border-color': palette.external,
        shape: 'ellipse',
        width: EXTERNAL_WIDTH,
        'border-style': 'dashed',
      },
    },
    {
      selector: 'node.category-unresolved',
      style: {
        'border-color': palette.unknown,
        'border-style': 'dotted',
        'background-opacity': highContrast ? 1 : 0.5,
        color: palette.muted,
      },
    },
    ...Object.entries(KIND_SHAPES).map(([kind, shape]) => ({
      selector: `node.kind-${kind}`,
      style: { shape },
    })),
    {
      selector: 'node.namespace',
      style: {
        shape: 'round-rectangle',
        'background-color': palette.nodeFill,
        'background-opacity': highContrast ? 0 : 0.35,
        'border-width': highContrast ? 2 : 1,
        'border-style': 'dashed',
        'border-color': palette.muted,
        label: 'data(label)',
        color: palette.muted,
        'font-size': 13,
        'font-weight': 'bold',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        padding: '18px',
        'min-zoomed-font-size': minZoomedFontSize,
      },
    },
    {
      selector: 'node.collapsed',
      style: {
        width: COLLAPSED_WIDTH,
        height: COLLAPSED_HEIGHT,
        'background-opacity': 1,
        'border-width': highContrast ? 3 : 2,
        label: 'data(caption)',
        color: palette.foreground,
        'font-size': 12,
        'text-valign': 'center',
        'text-margin-y': 0,
        'text-wrap': 'wrap',
        'text-max-width': `${COLLAPSED_WIDTH}px`,
      },
    },
    {
      // Not isolated by any NetworkPolicy: an outline outside the border, in the warning colour.
      selector: 'node.not-isolated',
      style: {
        'outline-width': highContrast ? 3 : 2,
        'outline-color': palette.warning,
        'outline-style': 'dashed',
        'outline-offset': 3,
        'outline-opacity': 0.9,
      },
    },
    {
      selector: 'node.has-findings',
      style: {
        'border-width': highContrast ? 4 : 3,
        'background-image': badgeFor,
        'background-width': 20,
        'background-height': 20,
        'background-position-x': '100%',
        'background-position-y': '0%',
        'background-offset-x': 10,
        'background-offset-y': -10,
        'background-clip': 'none',
        'background-image-containment': 'over',
        'bounds-expansion': 12,
      },
    },
    { selector: 'node.findings-info', style: { 'border-color': palette.info } },
    { selector: 'node.findings-warning', style: { 'border-color': palette.warning } },
    { selector: 'node.findings-error', style: { 'border-color': palette.error } },
    {
      selector: 'edge',
      style: {
        width: highContrast ? 2 : 1.5,
        'curve-style': 'bezier',
        'line-color': palette.muted,
        'target-arrow-color': palette.muted,
        'source-arrow-color': palette.muted,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        label: 'data(label)',
        color: palette.foreground,
        'font-family': palette.fontFamily,
        'font-size': 10,
        'text-background-color': palette.background,
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'min-zoomed-font-size': minZoomedFontSize,
      },
    },
    {
      selector: 'edge.edge-selects',
      style: {
        width: 1,
        'line-style': 'dashed',
        'line-dash-pattern': [6, 3],
        'target-arrow-shape': 'vee',
      },
    },
    {
      selector: 'edge.traffic-north-south',
      style: {
        width: highContrast ? 3 : 2.5,
        'curve-style': 'straight',
        'line-color': palette.entry,
        'target-arrow-color': palette.entry,
      },
    },
    {
      selector: 'edge.traffic-east-west',
      style: {
        width: highContrast ? 2.5 : 2,
        'curve-style': 'unbundled-bezier',
        'control-point-distances': [-40],
        'control-point-weights': [0.5],
        'line-color': palette.service,
        'target-arrow-color': palette.service,
        'source-arrow-color': palette.service,
        'target-arrow-shape': 'triangle-backcurve',
        'source-arrow-shape': 'circle',
      },
    },
    {
      selector: 'edge.aggregate',
      style: { width: 'mapData(count, 1, 20, 2, 8)', 'curve-style': 'bezier' },
    },
    {
      selector: 'edge.verdict-blocked',
      style: {
        'line-color': palette.blocked,
        'target-arrow-color': palette.blocked,
        'source-arrow-color': palette.blocked,
        'line-style': 'dashed',
        'line-dash-pattern': [8, 4],
      },
    },
    {
      selector: 'edge.verdict-unknown',
      style: {
        'line-color': palette.unknown,
        'target-arrow-color': palette.unknown,
        'source-arrow-color': palette.unknown,
        'line-style': 'dashed',
        'line-dash-pattern': [2, 3],
      },
    },
    { selector: '.faded', style: { opacity: 0.15 } },
    {
      selector: 'node.search-match',
      style: { 'overlay-color': palette.focus, 'overlay-opacity': 0.2, 'overlay-padding': 6 },
    },
    {
      selector: ':selected',
      style: {
        'border-color': palette.focus,
        'border-width': highContrast ? 4 : 3,
        'line-color': palette.focus,
        'target-arrow-color': palette.focus,
        'source-arrow-color': palette.focus,
      },
    },
    // Last, so nothing above can bring a filtered element back.
    { selector: '.filtered', style: { display: 'none' } },
  ];
}
