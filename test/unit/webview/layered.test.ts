import assert from 'node:assert/strict';
import { toElements } from '../../../webview/elements';
import {
  RANK,
  layeredLayout,
  placeIncrementally,
  rowBudget,
  type LayoutEdge,
  type LayoutNode,
  type Position,
} from '../../../webview/layered';
import { layoutInput } from '../../../webview/layout';
import { SAMPLE_GRAPH } from '../../webview/sampleGraph';
import { syntheticGraph } from '../../webview/syntheticGraph';

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function boxOf(node: LayoutNode, at: Position): Box {
  return {
    x1: at.x - node.width / 2,
    y1: at.y - node.height / 2,
    x2: at.x + node.width / 2,
    y2: at.y + node.height / 2,
  };
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

function overlapCount(nodes: readonly LayoutNode[], positions: ReadonlyMap<string, Position>): number {
  const boxes = nodes.map((node) => boxOf(node, positions.get(node.id)!));
  let count = 0;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!, boxes[j]!)) count++;
  return count;
}

/** Each group's bounding box (the namespace box Cytoscape draws around its members, before padding). */
function groupBoxes(
  nodes: readonly LayoutNode[],
  positions: ReadonlyMap<string, Position>,
): Map<string, Box> {
  const result = new Map<string, Box>();
  for (const node of nodes) {
    if (node.group === null) continue;
    const box = boxOf(node, positions.get(node.id)!);
    const current = result.get(node.group);
    result.set(
      node.group,
      current
        ? {
            x1: Math.min(current.x1, box.x1),
            y1: Math.min(current.y1, box.y1),
            x2: Math.max(current.x2, box.x2),
            y2: Math.max(current.y2, box.y2),
          }
        : box,
    );
  }
  return result;
}

const sample = () => layoutInput(toElements(SAMPLE_GRAPH).elements);

describe('webview/layered', () => {
  it('places every node, none overlapping, external left of everything', () => {
    const { nodes, edges } = sample();
    const positions = layeredLayout(nodes, edges, { aspectRatio: 1.6, boxed: true });
    assert.equal(positions.size, nodes.length);
    assert.equal(overlapCount(nodes, positions), 0);
    const external = positions.get('external')!;
    for (const [id, at] of positions)
      if (id !== 'external') assert.ok(at.x > external.x, `${id} left of external`);
  });

  it('lays each namespace out left to right: entry points, Services, workloads', () => {
    const { nodes, edges } = sample();
    const positions = layeredLayout(nodes, edges, { aspectRatio: 1.6, boxed: true });
    const x = (id: string) => positions.get(id)!.x;
    assert.ok(x('Ingress/shop/web') < x('Service/shop/frontend'));
    assert.ok(x('Service/shop/frontend') < x('Deployment/shop/frontend'));
    assert.ok(x('Service/data/redis') < x('Deployment/data/redis'));
    // Same rank, same namespace: same column.
    assert.equal(x('Service/shop/cart'), x('Service/shop/catalog'));
  });

  it('keeps namespace boxes apart, with room for their padding and names', () => {
    const { nodes, edges } = sample();
    const positions = layeredLayout(nodes, edges, { aspectRatio: 1.6, boxed: true });
    const boxes = [...groupBoxes(nodes, positions).values()].map((box) => ({
      x1: box.x1 - 18,
      y1: box.y1 - 40,
      x2: box.x2 + 18,
      y2: box.y2 + 18,
    }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        assert.ok(!overlaps(boxes[i]!, boxes[j]!), 'namespace boxes overlap');
  });

  it('orders a column by its neighbours: a Service sits level with the workload it selects', () => {
    const { nodes, edges } = sample();
    const positions = layeredLayout(nodes, edges, { aspectRatio: 1.6, boxed: true });
    for (const name of ['frontend', 'cart', 'catalog']) {
      assert.equal(
        positions.get(`Service/shop/${name}`)!.y,
        positions.get(`Deployment/shop/${name}`)!.y,
        name,
      );
    }
  });

  it('is deterministic whatever order the nodes come in', () => {
    const { nodes, edges } = sample();
    const a = layeredLayout(nodes, edges, { aspectRatio: 1.6, boxed: true });
    const b = layeredLayout([...nodes].reverse(), [...edges].reverse(), { aspectRatio: 1.6, boxed: true });
    assert.deepEqual(a, b);
  });

  it('wraps a tall column into sub-columns, so a big namespace stays about as wide as it is tall', () => {
    const nodes: LayoutNode[] = Array.from({ length: 200 }, (_, i) => ({
      id: `Deployment/big/w${String(i).padStart(3, '0')}`,
      group: 'ns:big',
      rank: RANK.workload,
      width: 168,
      height: 44,
    }));
    const positions = layeredLayout(nodes, [], { aspectRatio: 1.6, boxed: true });
    assert.equal(overlapCount(nodes, positions), 0);
    const box = groupBoxes(nodes, positions).get('ns:big')!;
    const ratio = (box.x2 - box.x1) / (box.y2 - box.y1);
    assert.ok(ratio > 0.5 && ratio < 3, `aspect ${ratio}`);
    assert.equal(new Set([...positions.values()].map((at) => at.y)).size, rowBudget(200));
  });

  it('packs many namespaces to about the canvas’s shape, fast, without overlaps (1,000 nodes)', () => {
    const graph = syntheticGraph(1000);
    const { nodes, edges } = layoutInput(toElements(graph).elements);
    const started = performance.now();
    const positions = layeredLayout(nodes, edges, { aspectRatio: 1.6, boxed: true });
    const ms = performance.now() - started;
    assert.ok(ms < 500, `layout took ${ms.toFixed(0)} ms`);
    assert.equal(overlapCount(nodes, positions), 0);
    const all = [...positions.values()];
    const width = Math.max(...all.map((at) => at.x)) - Math.min(...all.map((at) => at.x));
    const height = Math.max(...all.map((at) => at.y)) - Math.min(...all.map((at) => at.y));
    assert.ok(width / height > 0.6 && width / height < 4, `aspect ${width / height}`);
  });

  describe('placeIncrementally', () => {
    const edges = (list: [string, string][]): LayoutEdge[] =>
      list.map(([source, target]) => ({ source, target }));

    it('leaves every drawn node where it was, and puts a new one beside its neighbour without overlap', () => {
      const { nodes, edges: sampleEdges } = sample();
      const before = layeredLayout(nodes, sampleEdges, { aspectRatio: 1.6, boxed: true });
      const added: LayoutNode = {
        id: 'Deployment/shop/cart-v2',
        group: 'ns:shop',
        rank: RANK.workload,
        width: 168,
        height: 44,
      };
      const after = placeIncrementally(
        [...nodes, added],
        [...sampleEdges, ...edges([['Service/shop/cart', added.id]])],
        before,
      );
      assert.ok(after);
      for (const [id, at] of before) assert.deepEqual(after.get(id), at, `${id} moved`);
      const placed = after.get(added.id)!;
      assert.equal(
        placed.x,
        before.get('Deployment/shop/cart')!.x,
        'in the workloads column next to its Service',
      );
      assert.ok(Math.abs(placed.y - before.get('Service/shop/cart')!.y) <= 180, 'near its Service');
      assert.equal(overlapCount([...nodes, added], after), 0);
    });

    it('places a chain of new nodes (a Service and its workload) next to each other', () => {
      const { nodes, edges: sampleEdges } = sample();
      const before = layeredLayout(nodes, sampleEdges, { aspectRatio: 1.6, boxed: true });
      const service: LayoutNode = {
        id: 'Service/shop/new',
        group: 'ns:shop',
        rank: RANK.service,
        width: 168,
        height: 44,
      };
      const workload: LayoutNode = {
        id: 'Deployment/shop/new',
        group: 'ns:shop',
        rank: RANK.workload,
        width: 168,
        height: 44,
      };
      const all = [...nodes, service, workload];
      const after = placeIncrementally(
        all,
        [
          ...sampleEdges,
          ...edges([
            [service.id, workload.id],
            ['Deployment/shop/frontend', service.id],
          ]),
        ],
        before,
      )!;
      assert.equal(overlapCount(all, after), 0);
      assert.equal(after.get(service.id)!.x, before.get('Service/shop/cart')!.x);
      assert.equal(after.get(workload.id)!.x, before.get('Deployment/shop/cart')!.x);
    });

    it('gives up when most of the picture is new (a full layout reads better)', () => {
      const { nodes, edges: sampleEdges } = sample();
      const few = new Map(
        [...layeredLayout(nodes, sampleEdges, { aspectRatio: 1.6, boxed: true })].slice(0, 3),
      );
      assert.equal(placeIncrementally(nodes, sampleEdges, few), undefined);
      assert.equal(placeIncrementally(nodes, sampleEdges, new Map()), undefined);
    });

    it('puts unconnected new nodes below the picture', () => {
      const { nodes, edges: sampleEdges } = sample();
      const before = layeredLayout(nodes, sampleEdges, { aspectRatio: 1.6, boxed: true });
      const lonely: LayoutNode = {
        id: 'Deployment/new-ns/x',
        group: 'ns:new-ns',
        rank: RANK.workload,
        width: 168,
        height: 44,
      };
      const after = placeIncrementally([...nodes, lonely], sampleEdges, before)!;
      const bottom = Math.max(...[...before.values()].map((at) => at.y));
      assert.ok(after.get(lonely.id)!.y > bottom);
    });
  });
});
