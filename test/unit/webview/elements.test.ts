import assert from 'node:assert/strict';
import type { GraphDto, NodeDto } from '../../../src/shared/graphDto';
import {
  AGGREGATE_CLASS,
  COLLAPSED_CLASS,
  MAX_CAPTION_LINE,
  NAMESPACE_CLASS,
  kindClass,
  namespaceParentId,
  shorten,
  toElements,
} from '../../../webview/elements';
import { SAMPLE_GRAPH, SAMPLE_NAMESPACES } from '../../webview/sampleGraph';

function classesOf(definition: { classes?: string[] | string }): string[] {
  const { classes } = definition;
  return Array.isArray(classes) ? classes : (classes ?? '').split(' ').filter(Boolean);
}

function graphOf(nodes: NodeDto[], edges: GraphDto['edges'] = []): GraphDto {
  return {
    nodes,
    edges,
    assumptions: { defaultNamespace: 'default' },
    summary: { files: 1, objects: 1, findings: 0 },
  };
}

const workload: NodeDto = {
  id: 'Deployment/shop/cart',
  kind: 'Deployment',
  name: 'cart',
  namespace: 'shop',
  category: 'workload',
  detail: 'Deployment · 2 replicas',
};

describe('webview/elements', () => {
  it('makes one compound parent per namespace, with id ns:<namespace>, before the nodes', () => {
    const built = toElements(SAMPLE_GRAPH);
    const parents = built.elements.filter((element) => classesOf(element).includes(NAMESPACE_CLASS));
    assert.deepEqual(
      parents.map((parent) => parent.data.id),
      SAMPLE_NAMESPACES.map((namespace) => `ns:${namespace}`),
    );
    assert.deepEqual(built.namespaces, [...SAMPLE_NAMESPACES]);
    assert.equal(namespaceParentId('shop'), 'ns:shop');
    assert.deepEqual(
      built.elements.slice(0, parents.length).map((element) => element.data.id),
      parents.map((parent) => parent.data.id),
    );
    for (const parent of parents) assert.equal(parent.selectable, false);
  });

  it('counts only real nodes and edges, and puts namespaced nodes inside their namespace', () => {
    const built = toElements(SAMPLE_GRAPH);
    assert.equal(built.nodeCount, SAMPLE_GRAPH.nodes.length);
    assert.equal(built.edgeCount, SAMPLE_GRAPH.edges.length);
    const cart = built.elements.find((element) => element.data.id === 'Deployment/shop/cart');
    assert.equal(cart?.data.parent, 'ns:shop');
    const external = built.elements.find((element) => element.data.id === 'external');
    assert.ok(external);
    assert.equal('parent' in external.data, false);
  });

  it('labels a node with its name and its detail on a second line', () => {
    const [node] = toElements(graphOf([workload])).elements.filter(
      (element) => element.data.id === workload.id,
    );
    assert.equal(node?.data.label, 'cart');
    assert.equal(node?.data.detail, 'Deployment · 2 replicas');
    assert.equal(node?.data.caption, 'cart\nDeployment · 2 replicas');
    const bare = toElements(graphOf([{ ...workload, detail: '' }])).elements.find(
      (e) => e.data.id === workload.id,
    );
    assert.equal(bare?.data.caption, 'cart');
  });

  it('shortens long caption lines with an ellipsis, without splitting characters', () => {
    const long = 'a'.repeat(40);
    assert.equal(shorten(long).length, MAX_CAPTION_LINE);
    assert.ok(shorten(long).endsWith('…'));
    assert.equal(shorten('short'), 'short');
    const emoji = '🚀'.repeat(30);
    assert.equal([...shorten(emoji)].length, MAX_CAPTION_LINE);
  });

  it('gives classes per category and kind, and per edge type', () => {
    const built = toElements(SAMPLE_GRAPH);
    const byId = new Map(built.elements.map((element) => [element.data.id, classesOf(element)]));
    assert.deepEqual(byId.get('Service/shop/cart'), ['category-service', 'kind-service']);
    assert.deepEqual(byId.get('StatefulSet/data/postgres'), ['category-workload', 'kind-statefulset']);
    assert.deepEqual(byId.get('Ingress/shop/web'), ['category-entry', 'kind-ingress']);
    assert.deepEqual(byId.get('external'), ['category-external', 'kind-external']);
    assert.deepEqual(byId.get('selects:Service/shop/cart->Deployment/shop/cart'), ['edge-selects']);
    assert.equal(kindClass('HTTPRoute'), 'kind-httproute');
    assert.equal(kindClass('Weird Kind.v2'), 'kind-weird-kind-v2');
  });

  it('carries findings as badge data and severity classes', () => {
    const built = toElements(SAMPLE_GRAPH);
    const cart = built.elements.find((element) => element.data.id === 'Deployment/shop/cart');
    assert.equal(cart?.data.findingsCount, 2);
    assert.equal(cart?.data.findingsWorst, 'error');
    assert.ok(classesOf(cart ?? { classes: [] }).includes('has-findings'));
    assert.ok(classesOf(cart ?? { classes: [] }).includes('findings-error'));
    const frontend = built.elements.find((element) => element.data.id === 'Deployment/shop/frontend');
    assert.equal(frontend?.data.findingsCount, 0);
    assert.equal(frontend?.data.findingsWorst, undefined);
    const zero = toElements(graphOf([{ ...workload, findings: { count: 0, worst: 'info' } }]));
    assert.ok(!classesOf(zero.elements[1] ?? { classes: [] }).includes('has-findings'));
  });

  it('keeps edge data: source, target, type, label, traffic and verdict', () => {
    const built = toElements(SAMPLE_GRAPH);
    const call = built.elements.find(
      (element) => element.data.id === 'calls:Deployment/shop/cart->Service/data/redis',
    );
    assert.deepEqual(call?.data, {
      id: 'calls:Deployment/shop/cart->Service/data/redis',
      source: 'Deployment/shop/cart',
      target: 'Service/data/redis',
      type: 'calls',
      label: '6379',
      traffic: ['east-west'],
      verdict: 'blocked',
      count: 1,
    });
    assert.equal(call?.group, 'edges');
    assert.equal(
      built.edgesById.get('calls:Deployment/shop/cart->Service/data/redis')?.reason,
      'blocked (test)',
    );
    assert.equal(built.nodesById.get('Deployment/shop/cart')?.name, 'cart');
  });

  it('classes edges by traffic and verdict, so the two read differently and the overlay colours hops', () => {
    const byId = new Map(
      toElements(SAMPLE_GRAPH).elements.map((element) => [element.data.id, classesOf(element)]),
    );
    assert.deepEqual(byId.get('calls:Deployment/shop/cart->Service/data/redis'), [
      'edge-calls',
      'traffic-east-west',
      'verdict-blocked',
    ]);
    assert.deepEqual(byId.get('calls:Deployment/shop/frontend->Service/payments/payments-api'), [
      'edge-calls',
      'traffic-east-west',
      'verdict-unknown',
    ]);
    assert.deepEqual(byId.get('routes:Ingress/shop/web->Service/shop/frontend'), [
      'edge-routes',
      'traffic-north-south',
      'verdict-allowed',
    ]);
    assert.deepEqual(byId.get('exposes:external->Ingress/shop/web'), ['edge-exposes', 'traffic-north-south']);
  });

  it('marks workloads no policy isolates, and Services reached from outside as entry points', () => {
    const graph = graphOf([
      { ...workload, notIsolated: true },
      {
        id: 'Service/shop/web',
        kind: 'Service',
        name: 'web',
        namespace: 'shop',
        category: 'service',
        detail: 'LoadBalancer · 80',
        entryPoint: true,
      },
    ]);
    const byId = new Map(toElements(graph).elements.map((element) => [element.data.id, element]));
    assert.ok(classesOf(byId.get(workload.id)!).includes('not-isolated'));
    assert.equal(byId.get(workload.id)?.data.notIsolated, true);
    assert.ok(classesOf(byId.get('Service/shop/web')!).includes('entry-point'));
    assert.equal(byId.get('Service/shop/web')?.data.entryPoint, true);
  });

  it('draws a collapsed namespace as one node with counts, and its edges as aggregates', () => {
    const built = toElements(SAMPLE_GRAPH, { grouped: true, collapsed: new Set(['data']) });
    assert.equal(built.nodeCount, SAMPLE_GRAPH.nodes.length, 'the snapshot is counted whole');
    const data = built.elements.find((element) => element.data.id === 'ns:data');
    assert.deepEqual(classesOf(data!), [NAMESPACE_CLASS, COLLAPSED_CLASS], 'no findings in data: no badge');
    assert.equal(data?.data.memberCount, 4);
    assert.equal(data?.data.internalEdges, 2, 'the two selects edges inside data');
    assert.equal(data?.data.caption, 'data\n4 objects · expand');
    const ids = built.elements.map((element) => element.data.id);
    assert.ok(!ids.includes('Service/data/redis'), 'members of a collapsed namespace are not drawn');
    assert.ok(!ids.some((id) => id?.startsWith('selects:Service/data/')), 'edges inside it are not drawn');
    const aggregates = built.elements.filter((element) => classesOf(element).includes(AGGREGATE_CLASS));
    assert.deepEqual(
      aggregates.map((element) => [element.data.id, element.data.count, element.data.verdict]),
      [
        ['agg:Deployment/shop/cart->ns:data', 1, 'blocked'],
        ['agg:StatefulSet/payments/ledger->ns:data', 1, 'allowed'],
      ],
    );
    assert.ok(classesOf(aggregates[0]!).includes('verdict-blocked'));
  });

  it('sums the findings of a collapsed namespace with the worst severity', () => {
    const built = toElements(SAMPLE_GRAPH, { grouped: true, collapsed: new Set(['shop', 'payments']) });
    const shop = built.elements.find((element) => element.data.id === 'ns:shop');
    assert.equal(shop?.data.findingsCount, 2);
    assert.equal(shop?.data.findingsWorst, 'error');
    assert.ok(shop && classesOf(shop).includes('findings-error'));
    const payments = built.elements.find((element) => element.data.id === 'ns:payments');
    assert.equal(payments?.data.findingsWorst, 'warning');
    // The call from shop into payments becomes an edge between the two boxes, with its verdict.
    const between = built.elements.find((element) => element.data.id === 'agg:ns:shop->ns:payments');
    assert.equal(between?.data.count, 1);
    assert.equal(between?.data.verdict, 'unknown');
  });

  it('flattens: no namespace boxes and no parents when not grouped', () => {
    const built = toElements(SAMPLE_GRAPH, { grouped: false, collapsed: new Set(['shop']) });
    assert.ok(!built.elements.some((element) => classesOf(element).includes(NAMESPACE_CLASS)));
    assert.ok(built.elements.every((element) => !('parent' in element.data)));
    assert.equal(
      built.elements.filter((element) => element.group === 'nodes').length,
      SAMPLE_GRAPH.nodes.length,
    );
  });

  it('drops edges to missing nodes and repeated ids instead of letting Cytoscape throw', () => {
    const graph = graphOf(
      [workload, workload, { ...workload, id: 'ns:shop' }],
      [
        { id: 'calls:a->b', source: workload.id, target: 'Service/shop/gone', type: 'calls', label: '' },
        { id: 'selects:x', source: workload.id, target: workload.id, type: 'selects', label: '' },
        { id: 'selects:x', source: workload.id, target: workload.id, type: 'selects', label: '' },
        { id: workload.id, source: workload.id, target: workload.id, type: 'calls', label: '' },
        { id: 'agg:x', source: workload.id, target: workload.id, type: 'calls', label: '' },
      ],
    );
    const built = toElements(graph);
    assert.equal(built.nodeCount, 1);
    assert.deepEqual(built.rejectedNodes, [workload.id, 'ns:shop']);
    assert.equal(built.edgeCount, 1);
    assert.deepEqual(built.droppedEdges, [workload.id, 'agg:x', 'calls:a->b', 'selects:x']);
    const ids = built.elements.map((element) => element.data.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('gives the same elements and node-set key whatever order the snapshot lists them in', () => {
    const reversed: GraphDto = {
      ...SAMPLE_GRAPH,
      nodes: [...SAMPLE_GRAPH.nodes].reverse(),
      edges: [...SAMPLE_GRAPH.edges].reverse(),
    };
    assert.deepEqual(toElements(reversed), toElements(SAMPLE_GRAPH));
    const fewer: GraphDto = { ...SAMPLE_GRAPH, nodes: SAMPLE_GRAPH.nodes.slice(1) };
    assert.notEqual(toElements(fewer).nodeSetKey, toElements(SAMPLE_GRAPH).nodeSetKey);
    const otherEdges: GraphDto = { ...SAMPLE_GRAPH, edges: SAMPLE_GRAPH.edges.slice(2) };
    assert.equal(toElements(otherEdges).nodeSetKey, toElements(SAMPLE_GRAPH).nodeSetKey);
  });

  it('handles an empty graph', () => {
    const built = toElements(graphOf([]));
    assert.deepEqual(built.elements, []);
    assert.equal(built.nodeCount, 0);
    assert.equal(built.nodeSetKey, '');
  });
});
