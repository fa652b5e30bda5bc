import assert from 'node:assert/strict';
import type { GraphDto } from '../../../src/shared/graphDto';
import { toElements } from '../../../webview/elements';
import {
  COLLAPSED_HEIGHT,
  COLLAPSED_WIDTH,
  EXTERNAL_WIDTH,
  NODE_HEIGHT,
  NODE_WIDTH,
} from '../../../webview/geometry';
import { RANK } from '../../../webview/layered';
import { layoutInput, presetLayoutOptions, rankOf } from '../../../webview/layout';
import { SAMPLE_GRAPH } from '../../webview/sampleGraph';

describe('webview/layout', () => {
  it('ranks nodes by kind: external, entry points, routes, Services, workloads, unresolved targets', () => {
    assert.equal(rankOf('external', false, false), RANK.external);
    assert.equal(rankOf('entry', false, false), RANK.entry);
    assert.equal(rankOf('entry', false, true), RANK.route);
    assert.equal(rankOf('service', false, false), RANK.service);
    assert.equal(rankOf('service', true, false), RANK.entry, 'a LoadBalancer Service is an entry point');
    assert.equal(rankOf('workload', false, false), RANK.workload);
    assert.equal(rankOf('unresolved', false, false), RANK.unresolved);
    assert.ok(RANK.external < RANK.entry && RANK.entry < RANK.route && RANK.route < RANK.service);
    assert.ok(RANK.service < RANK.workload && RANK.workload < RANK.unresolved);
  });

  it('feeds the placement real nodes in their namespace groups, and external outside every group', () => {
    const input = layoutInput(toElements(SAMPLE_GRAPH).elements);
    assert.equal(input.nodes.length, SAMPLE_GRAPH.nodes.length, 'namespace boxes are groups, not nodes');
    assert.equal(input.edges.length, SAMPLE_GRAPH.edges.length);
    const byId = new Map(input.nodes.map((node) => [node.id, node]));
    assert.deepEqual(byId.get('external'), {
      id: 'external',
      group: null,
      rank: RANK.external,
      width: EXTERNAL_WIDTH,
      height: NODE_HEIGHT,
    });
    assert.deepEqual(byId.get('Service/shop/cart'), {
      id: 'Service/shop/cart',
      group: 'ns:shop',
      rank: RANK.service,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    });
    assert.equal(byId.get('Ingress/shop/web')?.rank, RANK.entry);
    assert.equal(byId.get('StatefulSet/data/postgres')?.rank, RANK.workload);
  });

  it('ranks an entry reached from another entry (Gateway → HTTPRoute) as a route', () => {
    const graph: GraphDto = {
      ...SAMPLE_GRAPH,
      nodes: [
        ...SAMPLE_GRAPH.nodes,
        {
          id: 'Gateway/shop/gw',
          kind: 'Gateway',
          name: 'gw',
          namespace: 'shop',
          category: 'entry',
          detail: '',
        },
        {
          id: 'HTTPRoute/shop/r',
          kind: 'HTTPRoute',
          name: 'r',
          namespace: 'shop',
          category: 'entry',
          detail: '',
        },
      ],
      edges: [
        ...SAMPLE_GRAPH.edges,
        {
          id: 'routes:gw->r',
          source: 'Gateway/shop/gw',
          target: 'HTTPRoute/shop/r',
          type: 'routes',
          label: '',
        },
      ],
    };
    const byId = new Map(layoutInput(toElements(graph).elements).nodes.map((node) => [node.id, node]));
    assert.equal(byId.get('Gateway/shop/gw')?.rank, RANK.entry);
    assert.equal(byId.get('HTTPRoute/shop/r')?.rank, RANK.route);
  });

  it('makes a collapsed namespace one block of its own, and groups everything in one block when flat', () => {
    const collapsed = layoutInput(
      toElements(SAMPLE_GRAPH, { grouped: true, collapsed: new Set(['data']) }).elements,
    );
    const box = collapsed.nodes.find((node) => node.id === 'ns:data');
    assert.deepEqual(box, {
      id: 'ns:data',
      group: 'ns:data',
      rank: 0,
      width: COLLAPSED_WIDTH,
      height: COLLAPSED_HEIGHT,
    });
    const flat = layoutInput(toElements(SAMPLE_GRAPH, { grouped: false, collapsed: new Set() }).elements);
    const groups = new Set(flat.nodes.map((node) => node.group));
    assert.deepEqual([...groups].map(String).sort(), ['', 'null']);
  });

  it('hands positions to Cytoscape as a preset layout that does not fit', () => {
    const options = presetLayoutOptions(new Map([['Service/shop/cart', { x: 10, y: 20 }]])) as {
      name: string;
      fit: boolean;
      positions: Record<string, { x: number; y: number }>;
    };
    assert.equal(options.name, 'preset');
    assert.equal(options.fit, false);
    assert.deepEqual(options.positions, { 'Service/shop/cart': { x: 10, y: 20 } });
  });
});
