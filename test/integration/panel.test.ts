// The topology panel: the command opens a webview beside the editor, the webview draws the graph and
// reports what it drew back to the host (`graph/rendered`), which the API exposes; moving the cursor in
// a manifest selects the object's node in the webview, which reports the selection back.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, type KubeTopologyApi, type PanelRender } from './api';
import { indexed, openEditor, positionOf, waitFor } from './helpers';

/** The part of the API the panel tests add: what the webview last reported selected. */
interface PanelApi extends KubeTopologyApi {
  lastPanelSelection(): { readonly id: string | null; readonly origin: 'user' | 'editor' } | undefined;
}

// Counted by hand from test/fixtures/workspaces/integration (the generated bad-input files hold no
// Service or workload):
//   Services:  shop/frontend, shop/cart, shop/cart-admin (third document of mixed.yaml),
//              shop/ledger-proxy, shop/reviews (in the List), payments/ledger            = 6
//   Workloads: Deployment shop/frontend, shop/cart, shop/reviews; StatefulSet payments/ledger = 4
//   (The Deployment in chart/templates/ is a Helm template: skipped. No LoadBalancer, NodePort or
//   Ingress, so no `external` node. Namespace boxes are not nodes.)
//   selects: frontend → Deployment frontend, cart → Deployment cart, cart-admin → Deployment cart,
//            reviews → Deployment reviews, payments/ledger → StatefulSet ledger; ledger-proxy: none.
//   No workload names another Service in env/args, so there are no `calls` edges.
const FIXTURE_NODES = 10;
const FIXTURE_EDGES = 5;
// Plus the sample workspace copied to sample/ (examples/shop; counted from its README):
//   nodes: external, Ingress shop-web/shop, Gateway shop-web/public, HTTPRoute shop-web/partner-api,
//          11 Services (storefront, backoffice, catalog, cart, orders, payments, payments-webhooks,
//          payments-metrics, reviews, postgres, redis), 10 workloads (its workload table), and the
//          unresolved target of orders' NOTIFY_URL (notifications.shop-core:8080)               = 26
//   edges: exposes 3 (the Ingress, the Gateway, LoadBalancer payments-webhooks), routes 4 (Ingress →
//          storefront and backoffice, Gateway → HTTPRoute → catalog), selects 10 (every Service but
//          payments-metrics), calls 12 (E1–E12) and the unknown call to the unresolved target   = 30
const EXPECTED_NODES = FIXTURE_NODES + 26;
const EXPECTED_EDGES = FIXTURE_EDGES + 30;

function topologyTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find(
      (tab) =>
        tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('kubeTopology.topology'),
    );
}

suite('Topology panel', () => {
  test('Show Topology opens the panel beside the editor and draws every Service and workload', async () => {
    const api = await activateExtension();
    await indexed(api, 'the fixture workspace');
    const editor = await openEditor('shop/frontend.yaml');
    const renders: PanelRender[] = [];
    const subscription = api.onDidRenderPanel((render) => renders.push(render));
    try {
      await vscode.commands.executeCommand('kubeTopology.showTopology');
      const tab = await waitFor('the topology panel tab', topologyTab, {
        observe: () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)).join(', '),
      });
      assert.notStrictEqual(
        tab.group.viewColumn,
        editor.viewColumn,
        'The panel should open beside the editor',
      );

      const render = await waitFor(
        `a render of ${EXPECTED_NODES} nodes and ${EXPECTED_EDGES} edges`,
        () => {
          const last = api.lastPanelRender();
          return last?.nodeCount === EXPECTED_NODES && last.edgeCount === EXPECTED_EDGES && last;
        },
        { timeoutMs: 30_000, observe: () => `lastPanelRender() = ${JSON.stringify(api.lastPanelRender())}` },
      );
      assert.ok(
        renders.some((r) => r.revision === render.revision),
        `onDidRenderPanel did not fire for revision ${render.revision}: ${JSON.stringify(renders)}`,
      );
    } finally {
      subscription.dispose();
    }
  });

  test('a click on a node reveals its YAML: the file opens with the object name selected', async () => {
    const api = await activateExtension();
    await indexed(api, 'the fixture workspace');
    await openEditor('shop/frontend.yaml');
    // The webview posts `node/reveal {id}`; the panel and this command run the same revealObject.
    const revealed = await vscode.commands.executeCommand(
      'kubeTopology.revealObject',
      'StatefulSet/payments/ledger',
    );
    assert.strictEqual(revealed, true);
    const editor = await waitFor('an editor on payments/ledger.yaml', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.path.endsWith('/payments/ledger.yaml') && active;
    });
    const document = editor.document;
    // The StatefulSet is the second document: its `name: ledger` is on line 17 (0-based), after `  name: `.
    const expected = new vscode.Range(17, 8, 17, 14);
    assert.ok(
      editor.selection.isEqual(expected),
      `selection ${JSON.stringify(editor.selection)} should be ${JSON.stringify(expected)} (${document.getText(editor.selection)})`,
    );
    assert.strictEqual(document.getText(editor.selection), 'ledger');
    assert.ok(
      editor.visibleRanges.some((range) => range.contains(expected)),
      'the object is scrolled into view',
    );
    const unknown = await vscode.commands.executeCommand(
      'kubeTopology.revealObject',
      'Deployment/nowhere/nothing',
    );
    assert.strictEqual(unknown, false, 'an id the analysis did not produce opens nothing');
  });

  test('moving the cursor in a manifest selects its node in the panel, which reports it', async () => {
    const api = (await activateExtension()) as PanelApi;
    await indexed(api, 'the fixture workspace');
    const editor = await openEditor('shop/frontend.yaml');
    await vscode.commands.executeCommand('kubeTopology.showTopology');
    await waitFor('the topology panel tab', topologyTab);
    await waitFor('a render of the panel', () => api.lastPanelRender()?.nodeCount === EXPECTED_NODES, {
      timeoutMs: 30_000,
      observe: () => JSON.stringify(api.lastPanelRender()),
    });
    const document = editor.document;
    const select = async (needle: string, after: string, id: string) => {
      const text = document.getText();
      const index = text.indexOf(needle, text.indexOf(after));
      assert.ok(index >= 0, `"${needle}" after "${after}" not found`);
      const position = document.positionAt(index);
      editor.selection = new vscode.Selection(position, position);
      await waitFor(
        `the webview to report ${id} selected from the editor`,
        () => {
          const selection = api.lastPanelSelection();
          return selection?.origin === 'editor' && selection.id === id;
        },
        { timeoutMs: 20_000, observe: () => JSON.stringify(api.lastPanelSelection()) },
      );
    };
    // In the Deployment (its replicas), then in the Service (a targetPort), then back. Fixture files
    // only: the sample suites expect their files unopened.
    await select('replicas: 2', 'kind: Deployment', 'Deployment/shop/frontend');
    await select('targetPort: 8443', 'kind: Service', 'Service/shop/frontend');
    await select('image: example.com', 'kind: Deployment', 'Deployment/shop/frontend');

    // Namespaces only: the cursor is in no node's object, so the selection clears.
    const namespaces = await openEditor('namespaces.yaml');
    const inside = positionOf(namespaces.document, 'name: payments');
    namespaces.selection = new vscode.Selection(inside, inside);
    await waitFor(
      'the webview to report an empty selection from the editor',
      () => api.lastPanelSelection()?.origin === 'editor' && api.lastPanelSelection()?.id === null,
      { timeoutMs: 20_000, observe: () => JSON.stringify(api.lastPanelSelection()) },
    );
  });
});
