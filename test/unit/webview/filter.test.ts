import assert from 'node:assert/strict';
import { DEFAULT_FILTERS, type FilterState } from '../../../src/shared/protocol';
import { toElements } from '../../../webview/elements';
import { computeVisibility } from '../../../webview/filter';
import { SAMPLE_GRAPH } from '../../webview/sampleGraph';

const elements = toElements(SAMPLE_GRAPH).elements;
const realNodeIds = SAMPLE_GRAPH.nodes.map((node) => node.id);

function shown(filters: Partial<FilterState>, focus?: string): { nodes: string[]; edges: string[] } {
  const visibility = computeVisibility(elements, { ...DEFAULT_FILTERS, ...filters }, focus);
  return {
    nodes: realNodeIds.filter((id) => !visibility.hidden.has(id)).sort(),
    edges: SAMPLE_GRAPH.edges
      .map((edge) => edge.id)
      .filter((id) => !visibility.hidden.has(id))
      .sort(),
  };
}

describe('webview/filter', () => {
  it('shows everything by default', () => {
    const visibility = computeVisibility(elements, DEFAULT_FILTERS);
    assert.equal(visibility.hidden.size, 0);
    assert.equal(visibility.faded.size, 0);
    assert.equal(visibility.matches.size, 0);
  });

  it('hides the namespaces the user unticked, their boxes, and the edges into them', () => {
    const visibility = computeVisibility(elements, { ...DEFAULT_FILTERS, hiddenNamespaces: ['data'] });
    assert.ok(visibility.hidden.has('ns:data'));
    assert.ok(visibility.hidden.has('Service/data/redis'));
    assert.ok(visibility.hidden.has('calls:Deployment/shop/cart->Service/data/redis'));
    assert.ok(!visibility.hidden.has('ns:shop'));
    assert.ok(!visibility.hidden.has('external'), 'objects without a namespace stay');
  });

  it('north-south: the paths from outside and the workloads behind their Services only', () => {
    assert.deepEqual(shown({ traffic: 'north-south' }), {
      nodes: ['Deployment/shop/frontend', 'Ingress/shop/web', 'Service/shop/frontend', 'external'],
      edges: [
        'exposes:external->Ingress/shop/web',
        'routes:Ingress/shop/web->Service/shop/frontend',
        'selects:Service/shop/frontend->Deployment/shop/frontend',
      ],
    });
  });

  it('east-west: calls, the workloads behind the called Services, no entry points', () => {
    const { nodes, edges } = shown({ traffic: 'east-west' });
    assert.ok(!nodes.includes('external') && !nodes.includes('Ingress/shop/web'));
    assert.ok(edges.every((id) => id.startsWith('calls:') || id.startsWith('selects:')));
    assert.equal(edges.filter((id) => id.startsWith('calls:')).length, 6);
    assert.ok(edges.includes('selects:Service/data/redis->Deployment/data/redis'));
    assert.ok(
      !edges.includes('selects:Service/shop/frontend->Deployment/shop/frontend'),
      'frontend is not called',
    );
  });

  it('only problems: nodes with findings and the ends of blocked or unknown hops', () => {
    assert.deepEqual(shown({ onlyProblems: true }), {
      nodes: [
        'Deployment/shop/cart',
        'Deployment/shop/frontend',
        'Service/data/redis',
        'Service/payments/payments-api',
        'StatefulSet/payments/ledger',
      ],
      edges: [
        'calls:Deployment/shop/cart->Service/data/redis',
        'calls:Deployment/shop/frontend->Service/payments/payments-api',
      ],
    });
  });

  it('a workload’s neighbourhood: what it calls, who calls it and the workloads behind those Services', () => {
    const { nodes } = shown({}, 'Deployment/shop/cart');
    assert.deepEqual(nodes, [
      'Deployment/data/redis',
      'Deployment/shop/cart',
      'Deployment/shop/frontend',
      'Service/data/redis',
      'Service/shop/cart',
    ]);
  });

  it('combines filters: a neighbourhood, then only its problems', () => {
    const { nodes, edges } = shown({ onlyProblems: true }, 'Deployment/shop/cart');
    assert.deepEqual(nodes, ['Deployment/shop/cart', 'Service/data/redis']);
    assert.deepEqual(edges, ['calls:Deployment/shop/cart->Service/data/redis']);
  });

  it('search fades what does not match (by name, kind or namespace) and hides nothing', () => {
    const visibility = computeVisibility(elements, { ...DEFAULT_FILTERS, search: 'CART' });
    assert.deepEqual([...visibility.matches].sort(), ['Deployment/shop/cart', 'Service/shop/cart']);
    assert.equal(visibility.hidden.size, 0);
    assert.ok(visibility.faded.has('Service/data/redis'));
    assert.ok(!visibility.faded.has('Service/shop/cart'));
    assert.ok(visibility.faded.has('calls:Deployment/shop/cart->Service/data/redis'));
    assert.ok(!visibility.faded.has('selects:Service/shop/cart->Deployment/shop/cart'), 'both ends match');
    const byNamespace = computeVisibility(elements, { ...DEFAULT_FILTERS, search: 'statefulset/payments' });
    assert.deepEqual([...byNamespace.matches], ['StatefulSet/payments/ledger']);
  });

  it('filters a collapsed namespace like a node', () => {
    const collapsed = toElements(SAMPLE_GRAPH, { grouped: true, collapsed: new Set(['data']) }).elements;
    const visibility = computeVisibility(collapsed, { ...DEFAULT_FILTERS, hiddenNamespaces: ['data'] });
    assert.ok(visibility.hidden.has('ns:data'));
    assert.ok(visibility.hidden.has('agg:Deployment/shop/cart->ns:data'));
    const problems = computeVisibility(collapsed, { ...DEFAULT_FILTERS, onlyProblems: true });
    assert.ok(!problems.hidden.has('ns:data'), 'it receives a blocked call');
  });
});
