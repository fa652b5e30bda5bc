// Export of the visible graph as an SVG document, written with DOM APIs (createElementNS, textContent,
// XMLSerializer), never by gluing strings: names from the manifests end up as escaped text nodes.
// Geometry and colours are read from Cytoscape (positions, edge endpoints and control points, computed
// style), so the file looks like the canvas in the current theme.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

const SVG_NS = 'http://www.w3.org/2000/svg';
const MARGIN = 24;

type Attributes = Readonly<Record<string, string | number>>;

function svgElement(tag: string, attributes: Attributes = {}, text?: string): SVGElement {
  const created = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, String(value));
  if (text !== undefined) created.textContent = text;
  return created;
}

function style(element: NodeSingular | EdgeSingular, property: string): string {
  return String(element.style(property));
}

function numeric(value: string, fallback: number): number {
  const parsed = parseFloat(value);
  return Number.isFinite(parsed) ? parsed : fallback;
}

function dashOf(lineStyle: string): string | undefined {
  if (lineStyle === 'dashed') return '6 3';
  if (lineStyle === 'dotted') return '2 3';
  return undefined;
}

/** One arrowhead marker per colour, created on first use. */
class Markers {
  private readonly ids = new Map<string, string>();
  constructor(private readonly defs: SVGElement) {}

  idFor(colour: string): string {
    let id = this.ids.get(colour);
    if (id) return id;
    id = `arrow-${this.ids.size}`;
    const marker = svgElement('marker', {
      id,
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 7,
      markerHeight: 7,
      orient: 'auto-start-reverse',
    });
    marker.append(svgElement('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: colour }));
    this.defs.append(marker);
    this.ids.set(colour, id);
    return id;
  }
}

function edgePath(edge: EdgeSingular): string {
  const start = edge.sourceEndpoint();
  const end = edge.targetEndpoint();
  const controls = edge.controlPoints() ?? [];
  if (controls.length === 0) return `M ${start.x} ${start.y} L ${end.x} ${end.y}`;
  // A quadratic Bézier through each control point, as Cytoscape draws (unbundled-)bezier edges.
  const parts = [`M ${start.x} ${start.y}`];
  controls.forEach((control, index) => {
    const next = controls[index + 1];
    const to = next ? { x: (control.x + next.x) / 2, y: (control.y + next.y) / 2 } : end;
    parts.push(`Q ${control.x} ${control.y} ${to.x} ${to.y}`);
  });
  return parts.join(' ');
}

function drawEdge(edge: EdgeSingular, markers: Markers): SVGElement {
  const colour = style(edge, 'line-color');
  const group = svgElement('g', { class: `edge ${edge.classes().join(' ')}` });
  const dash = dashOf(style(edge, 'line-style'));
  group.append(
    svgElement('path', {
      d: edgePath(edge),
      fill: 'none',
      stroke: colour,
      'stroke-width': numeric(style(edge, 'width'), 1.5),
      ...(dash ? { 'stroke-dasharray': dash } : {}),
      'marker-end': `url(#${markers.idFor(colour)})`,
    }),
  );
  const label = String(edge.data('label') ?? '');
  if (label) {
    const middle = edge.midpoint();
    group.append(
      svgElement(
        'text',
        {
          x: middle.x,
          y: middle.y - 3,
          'text-anchor': 'middle',
          'font-size': 10,
          fill: style(edge, 'color'),
        },
        label,
      ),
    );
  }
  return group;
}

function drawNode(node: NodeSingular, fontFamily: string): SVGElement {
  const isBox = node.isParent();
  // A node's own box (its bounding box would include the room kept for the findings badge).
  const at = node.position();
  const box = isBox
    ? node.boundingBox({ includeLabels: false, includeOverlays: false })
    : {
        x1: at.x - node.width() / 2,
        y1: at.y - node.height() / 2,
        x2: at.x + node.width() / 2,
        y2: at.y + node.height() / 2,
      };
  const group = svgElement('g', { class: `node ${node.classes().join(' ')}` });
  const shape = style(node, 'shape');
  const border = style(node, 'border-color');
  const fill = style(node, 'background-color');
  const opacity = numeric(style(node, 'background-opacity'), 1);
  const strokeWidth = numeric(style(node, 'border-width'), 1);
  const dash = dashOf(style(node, 'border-style'));
  const common = {
    fill,
    'fill-opacity': opacity,
    stroke: border,
    'stroke-width': strokeWidth,
    ...(dash ? { 'stroke-dasharray': dash } : {}),
  };
  const width = box.x2 - box.x1;
  const height = box.y2 - box.y1;
  if (shape === 'ellipse') {
    group.append(
      svgElement('ellipse', {
        cx: box.x1 + width / 2,
        cy: box.y1 + height / 2,
        rx: width / 2,
        ry: height / 2,
        ...common,
      }),
    );
  } else {
    const rounded = shape.startsWith('round') || shape === 'barrel' || isBox;
    group.append(svgElement('rect', { x: box.x1, y: box.y1, width, height, rx: rounded ? 6 : 0, ...common }));
  }
  const colour = style(node, 'color');
  const fontSize = numeric(style(node, 'font-size'), 11);
  if (isBox) {
    group.append(
      svgElement(
        'text',
        {
          x: box.x1 + width / 2,
          y: box.y1 - 6,
          'text-anchor': 'middle',
          'font-size': fontSize,
          'font-weight': 'bold',
          'font-family': fontFamily,
          fill: colour,
        },
        String(node.data('label') ?? ''),
      ),
    );
    return group;
  }
  const lines = String(node.data('caption') ?? node.data('label') ?? '').split('\n');
  const text = svgElement('text', {
    x: box.x1 + width / 2,
    y: box.y1 + height / 2 - ((lines.length - 1) * fontSize * 1.3) / 2 + fontSize / 3,
    'text-anchor': 'middle',
    'font-size': fontSize,
    'font-family': fontFamily,
    fill: colour,
  });
  lines.forEach((line, index) =>
    text.append(
      svgElement('tspan', { x: box.x1 + width / 2, ...(index > 0 ? { dy: fontSize * 1.3 } : {}) }, line),
    ),
  );
  group.append(text);
  const findings = Number(node.data('findingsCount')) || 0;
  if (findings > 0) {
    const badge = svgElement('g', { class: 'badge' });
    badge.append(
      svgElement('circle', {
        cx: box.x2,
        cy: box.y1,
        r: 10,
        fill: border,
        stroke: colour,
        'stroke-width': 1,
      }),
      svgElement(
        'text',
        {
          x: box.x2,
          y: box.y1 + 4,
          'text-anchor': 'middle',
          'font-size': 10,
          'font-weight': 'bold',
          fill: colour,
        },
        findings > 99 ? '99+' : String(findings),
      ),
    );
    group.append(badge);
  }
  return group;
}

/** The visible graph (filtered elements left out) as an SVG document's text. */
export function exportSvg(cy: Core, background: string, fontFamily: string): string {
  const visible = cy.elements().not('.filtered');
  const bounds = visible.boundingBox({ includeLabels: true });
  const width = Math.max(1, Math.ceil(bounds.w + 2 * MARGIN));
  const height = Math.max(1, Math.ceil(bounds.h + 2 * MARGIN));
  // The namespace comes from createElementNS; XMLSerializer writes the xmlns attribute itself.
  const svg = svgElement('svg', {
    width,
    height,
    viewBox: `${bounds.x1 - MARGIN} ${bounds.y1 - MARGIN} ${width} ${height}`,
    'font-family': fontFamily,
  });
  const defs = svgElement('defs');
  svg.append(defs, svgElement('title', {}, 'Kube Topology'));
  svg.append(
    svgElement('rect', { x: bounds.x1 - MARGIN, y: bounds.y1 - MARGIN, width, height, fill: background }),
  );
  const markers = new Markers(defs);
  // Boxes first, then edges, then nodes: the order Cytoscape paints them in.
  const nodes = visible.nodes();
  nodes.filter((node) => node.isParent()).forEach((node) => void svg.append(drawNode(node, fontFamily)));
  visible.edges().forEach((edge) => void svg.append(drawEdge(edge, markers)));
  nodes.filter((node) => !node.isParent()).forEach((node) => void svg.append(drawNode(node, fontFamily)));
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
}
