// Where every node goes: a rank-based layered placement, pure and deterministic (unit-tested in Node).
//
// The layers are known from node kinds, so no layering algorithm is needed: `external` on the far left,
// then entry points (Ingresses, Gateways, LoadBalancer/NodePort Services), routes, Services, workloads,
// and unresolved call targets. Each namespace is one block laid out in those columns, with a few
// barycentre sweeps ordering each column by where its neighbours are (the "light pass" that removes most
// crossings); a column taller than the block's row budget wraps into sub-columns so a big namespace
// stays roughly as wide as it is tall. Blocks are then shelf-packed to the canvas's aspect ratio, those
// with entry points first and then by namespace name, so the same manifests always give the same picture.
//
// Measured against ELK, fcose and breadthfirst in bench/topologyBench.ts: this is linear in the graph
// (a few milliseconds at 1,000 nodes, where ELK took seconds on the page's only thread), keeps namespace
// boxes apart by construction and never overlaps nodes.
import { NAMESPACE_LABEL_HEIGHT, NAMESPACE_PADDING, NODE_HEIGHT } from './geometry';

export interface Position {
  readonly x: number;
  readonly y: number;
}

export interface LayoutNode {
  readonly id: string;
  /** The box it is drawn in (a namespace), or null: outside every box (`external`). */
  readonly group: string | null;
  /** Its column inside the box (see RANK). */
  readonly rank: number;
  readonly width: number;
  readonly height: number;
}

export interface LayoutEdge {
  readonly source: string;
  readonly target: string;
}

/** Columns, left to right. */
export const RANK = {
  external: 0,
  entry: 1,
  route: 2,
  service: 3,
  workload: 4,
  unresolved: 5,
} as const;

const ROW_GAP = 16;
const ROW_HEIGHT = NODE_HEIGHT + ROW_GAP;
/** Between sub-columns of one rank, and between ranks (room for arrows and edge labels). */
const SUBCOLUMN_GAP = 28;
const RANK_GAP = 96;
/** Between namespace boxes, measured from their drawn borders. */
const BOX_GAP = 56;
/** From `external` to the left edge of the boxes. */
const OUTSIDE_GAP = 160;
const MIN_ROWS = 6;
const SWEEPS = 4;

/** Rows a block of `count` nodes may use before its columns wrap: about 1.5 √n, for a block about as wide as tall. */
export function rowBudget(count: number): number {
  return Math.max(MIN_ROWS, Math.ceil(1.5 * Math.sqrt(count)));
}

interface Block {
  readonly key: string;
  readonly width: number;
  readonly height: number;
  /** Node centres relative to the block's top-left corner (inside the padding). */
  readonly local: Map<string, Position>;
}

type Adjacency = ReadonlyMap<string, readonly string[]>;

function adjacency(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, string[]> {
  const result = new Map<string, string[]>(nodes.map((node) => [node.id, []]));
  for (const edge of edges) {
    const from = result.get(edge.source);
    const to = result.get(edge.target);
    if (!from || !to || edge.source === edge.target) continue;
    from.push(edge.target);
    to.push(edge.source);
  }
  return result;
}

const byId = (a: LayoutNode, b: LayoutNode) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Lays out one namespace's nodes in rank columns, ordered by barycentre sweeps. */
function layoutBlock(key: string, members: readonly LayoutNode[], neighbours: Adjacency): Block {
  const byRank = new Map<number, LayoutNode[]>();
  for (const node of [...members].sort(byId)) {
    const column = byRank.get(node.rank);
    if (column) column.push(node);
    else byRank.set(node.rank, [node]);
  }
  const ranks = [...byRank.keys()].sort((a, b) => a - b);
  const columns = ranks.map((rank) => byRank.get(rank) ?? []);
  const tallest = Math.max(...columns.map((column) => column.length));
  const rows = Math.min(tallest, rowBudget(members.length));
  const y = new Map<string, number>();
  const place = (column: readonly LayoutNode[]) => {
    const used = Math.min(column.length, rows);
    const offset = ((rows - used) / 2) * ROW_HEIGHT;
    column.forEach((node, index) => y.set(node.id, offset + (index % rows) * ROW_HEIGHT));
  };
  columns.forEach(place);

  // Barycentre sweeps: order each column by the mean height of its neighbours in this block.
  const order = (column: LayoutNode[]) => {
    const keyed = column.map((node, index) => {
      let sum = 0;
      let count = 0;
      for (const other of neighbours.get(node.id) ?? []) {
        const at = y.get(other);
        if (at === undefined || other === node.id) continue;
        sum += at;
        count++;
      }
      return { node, index, bary: count > 0 ? sum / count : (y.get(node.id) ?? 0) };
    });
    keyed.sort((a, b) => a.bary - b.bary || a.index - b.index);
    keyed.forEach((entry, index) => (column[index] = entry.node));
    place(column);
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const sequence = sweep % 2 === 0 ? columns : [...columns].reverse();
    for (const column of sequence) if (column.length > 1) order(column);
  }

  const local = new Map<string, Position>();
  let cursor = 0;
  columns.forEach((column, index) => {
    if (index > 0) cursor += RANK_GAP;
    const width = Math.max(...column.map((node) => node.width));
    const subcolumns = Math.ceil(column.length / rows);
    column.forEach((node, position) => {
      const sub = Math.floor(position / rows);
      local.set(node.id, {
        x: cursor + sub * (width + SUBCOLUMN_GAP) + width / 2,
        y: (y.get(node.id) ?? 0) + node.height / 2,
      });
    });
    cursor += subcolumns * width + (subcolumns - 1) * SUBCOLUMN_GAP;
  });
  const height = Math.max(...members.map((node) => node.height), (rows - 1) * ROW_HEIGHT + NODE_HEIGHT);
  return { key, width: cursor, height, local };
}

/**
 * Shelf packing of blocks, in the order given: rows of at most k blocks, with k chosen so the whole is
 * closest to `aspectRatio` (width / height). Trying every k costs O(n²) for n namespaces: nothing next
 * to laying out their members.
 */
function pack(blocks: readonly Block[], aspectRatio: number, boxed: boolean): Map<string, Position> {
  const frame = boxed ? NAMESPACE_PADDING : 0;
  const top = boxed ? NAMESPACE_PADDING + NAMESPACE_LABEL_HEIGHT : 0;
  const sizes = blocks.map((block) => ({
    width: block.width + 2 * frame,
    height: block.height + top + frame,
  }));
  const shelves = (perRow: number) => {
    let width = 0;
    let height = 0;
    for (let start = 0; start < sizes.length; start += perRow) {
      const row = sizes.slice(start, start + perRow);
      width = Math.max(
        width,
        row.reduce((sum, size) => sum + size.width + BOX_GAP, -BOX_GAP),
      );
      height += Math.max(...row.map((size) => size.height)) + (start > 0 ? BOX_GAP : 0);
    }
    return Math.abs(Math.log(width / Math.max(height, 1) / aspectRatio));
  };
  let best = 1;
  let bestScore = Infinity;
  for (let perRow = 1; perRow <= sizes.length; perRow++) {
    const score = shelves(perRow);
    if (score < bestScore - 1e-9) {
      best = perRow;
      bestScore = score;
    }
  }
  const corners = new Map<string, Position>();
  let y = 0;
  for (let start = 0; start < blocks.length; start += best) {
    let x = 0;
    let shelf = 0;
    blocks.slice(start, start + best).forEach((block, index) => {
      const size = sizes[start + index] ?? { width: 0, height: 0 };
      corners.set(block.key, { x: x + frame, y: y + top });
      x += size.width + BOX_GAP;
      shelf = Math.max(shelf, size.height);
    });
    y += shelf + BOX_GAP;
  }
  return corners;
}

function clampRatio(aspectRatio: number): number {
  return Number.isFinite(aspectRatio) && aspectRatio > 0 ? Math.min(Math.max(aspectRatio, 0.5), 4) : 1.6;
}

export interface LayeredOptions {
  /** The canvas's width / height; blocks are packed to about this shape. */
  readonly aspectRatio: number;
  /** Whether groups are drawn as boxes (room for their padding and name is left around them). */
  readonly boxed: boolean;
}

/** Positions (centres) of every node. */
export function layeredLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: LayeredOptions,
): Map<string, Position> {
  const neighbours = adjacency(nodes, edges);
  const groups = new Map<string, LayoutNode[]>();
  const outside: LayoutNode[] = [];
  for (const node of nodes) {
    if (node.group === null) {
      outside.push(node);
      continue;
    }
    const members = groups.get(node.group);
    if (members) members.push(node);
    else groups.set(node.group, [node]);
  }
  // Blocks with entry points first (nearest `external`), then by name: the picture reads from the
  // outside in, and the same manifests always give the same order.
  const firstRank = (key: string) => Math.min(...(groups.get(key) ?? []).map((node) => node.rank));
  const keys = [...groups.keys()].sort((a, b) => firstRank(a) - firstRank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const blocks = keys.map((key) => layoutBlock(key, groups.get(key) ?? [], neighbours));
  const corners = pack(blocks, clampRatio(options.aspectRatio), options.boxed);
  const positions = new Map<string, Position>();
  let bottom = 0;
  for (const block of blocks) {
    const corner = corners.get(block.key) ?? { x: 0, y: 0 };
    for (const [id, at] of block.local) positions.set(id, { x: corner.x + at.x, y: corner.y + at.y });
    bottom = Math.max(bottom, corner.y + block.height);
  }
  placeOutside(outside.sort(byId), neighbours, positions, bottom);
  return positions;
}

/** `external` (and anything else outside the boxes) left of them, level with what it connects to. */
function placeOutside(
  outside: readonly LayoutNode[],
  neighbours: Adjacency,
  positions: Map<string, Position>,
  bottom: number,
): void {
  const wanted = outside.map((node) => {
    const ys = (neighbours.get(node.id) ?? []).flatMap((id) => {
      const at = positions.get(id);
      return at ? [at.y] : [];
    });
    const y = ys.length > 0 ? ys.reduce((a, b) => a + b, 0) / ys.length : bottom / 2;
    return { node, y };
  });
  wanted.sort((a, b) => a.y - b.y);
  let floor = -Infinity;
  for (const { node, y } of wanted) {
    const at = Math.max(y, floor + node.height / 2 + ROW_GAP);
    positions.set(node.id, { x: -OUTSIDE_GAP - node.width / 2, y: at });
    floor = at + node.height / 2;
  }
}

/** A coarse grid of occupied rectangles, to find a free spot without checking every node. */
class Occupancy {
  private readonly cells = new Map<string, { x: number; y: number; w: number; h: number }[]>();
  private static readonly CELL = 200;

  private keys(x: number, y: number, w: number, h: number): string[] {
    const cell = Occupancy.CELL;
    const keys: string[] = [];
    for (let cx = Math.floor((x - w / 2) / cell); cx <= Math.floor((x + w / 2) / cell); cx++)
      for (let cy = Math.floor((y - h / 2) / cell); cy <= Math.floor((y + h / 2) / cell); cy++)
        keys.push(`${cx},${cy}`);
    return keys;
  }

  add(x: number, y: number, w: number, h: number): void {
    for (const key of this.keys(x, y, w, h)) {
      const list = this.cells.get(key);
      const box = { x, y, w, h };
      if (list) list.push(box);
      else this.cells.set(key, [box]);
    }
  }

  free(x: number, y: number, w: number, h: number): boolean {
    for (const key of this.keys(x, y, w, h)) {
      for (const box of this.cells.get(key) ?? []) {
        if (
          Math.abs(box.x - x) * 2 < box.w + w + SUBCOLUMN_GAP &&
          Math.abs(box.y - y) * 2 < box.h + h + ROW_GAP
        )
          return false;
      }
    }
    return true;
  }
}

/**
 * After an edit: nodes that were drawn keep their place, and new ones go next to a neighbour already
 * drawn (in the column of their rank, at the neighbour's height or the nearest free row), else below
 * the other members of their namespace. Returns undefined when too little of the picture is left to
 * anchor new nodes (then a full layout reads better).
 */
export function placeIncrementally(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  previous: ReadonlyMap<string, Position>,
): Map<string, Position> | undefined {
  const kept = nodes.filter((node) => previous.has(node.id));
  if (kept.length === 0 || kept.length < nodes.length / 2) return undefined;
  const neighbours = adjacency(nodes, edges);
  const nodesById = new Map(nodes.map((node) => [node.id, node]));
  const positions = new Map<string, Position>();
  const occupancy = new Occupancy();
  for (const node of kept) {
    const at = previous.get(node.id) as Position;
    positions.set(node.id, at);
    occupancy.add(at.x, at.y, node.width, node.height);
  }
  const columnStep = (from: LayoutNode, to: LayoutNode) =>
    Math.sign(to.rank - from.rank) * (RANK_GAP + Math.max(from.width, to.width));
  const pending = [...nodes].filter((node) => !previous.has(node.id)).sort(byId);
  // New nodes next to new nodes: a second round anchors them once their neighbours have a place.
  for (let round = 0; round < 3 && pending.length > 0; round++) {
    for (let index = 0; index < pending.length;) {
      const node = pending[index] as LayoutNode;
      const anchor = anchorOf(node, neighbours, nodesById, positions, round);
      if (!anchor) {
        index++;
        continue;
      }
      const start = { x: anchor.at.x + (anchor.node ? columnStep(anchor.node, node) : 0), y: anchor.at.y };
      const at = freeSpot(start, node, occupancy);
      positions.set(node.id, at);
      occupancy.add(at.x, at.y, node.width, node.height);
      pending.splice(index, 1);
    }
  }
  // Nothing to anchor to at all (a new namespace of unconnected nodes): below everything.
  let bottom = Math.max(...[...positions.values()].map((at) => at.y)) + ROW_HEIGHT * 2;
  for (const node of pending) {
    const at = freeSpot({ x: 0, y: bottom }, node, occupancy);
    positions.set(node.id, at);
    occupancy.add(at.x, at.y, node.width, node.height);
    bottom = at.y;
  }
  return positions;
}

/** A placed neighbour in the same box (round 0), any placed neighbour (1), or a box-mate of the same rank (2). */
function anchorOf(
  node: LayoutNode,
  neighbours: Adjacency,
  nodesById: ReadonlyMap<string, LayoutNode>,
  positions: ReadonlyMap<string, Position>,
  round: number,
): { node?: LayoutNode; at: Position } | undefined {
  const placed = (neighbours.get(node.id) ?? []).flatMap((id) => {
    const other = nodesById.get(id);
    const at = positions.get(id);
    return other && at ? [{ node: other, at }] : [];
  });
  const sameBox = placed.find((entry) => entry.node.group === node.group);
  if (sameBox) return sameBox;
  if (round >= 1 && placed[0]) return placed[0];
  if (round < 2) return undefined;
  let lowest: Position | undefined;
  for (const [id, at] of positions) {
    const other = nodesById.get(id);
    if (other?.group === node.group && other.rank === node.rank && (!lowest || at.y > lowest.y)) lowest = at;
  }
  return lowest ? { at: lowest } : undefined;
}

/** The nearest free spot to `start` in its column: the same row, then alternately below and above. */
function freeSpot(start: Position, node: LayoutNode, occupancy: Occupancy): Position {
  for (let step = 0; step < 2000; step++) {
    const offset = step === 0 ? 0 : Math.ceil(step / 2) * (step % 2 === 1 ? 1 : -1);
    const y = start.y + offset * ROW_HEIGHT;
    if (occupancy.free(start.x, y, node.width, node.height)) return { x: start.x, y };
  }
  return start;
}
