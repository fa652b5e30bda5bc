// Hovers on the sample workspace (examples/shop, copied to `sample/`), as a user points at things in
// the editor: a Service, a value that calls one, an Ingress or Gateway API backend, a NetworkPolicy,
// a workload. The expected text follows the sample README (its call and path tables).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openEditor, waitFor } from './helpers';
import { SAMPLE, hoverViews, rangeIn, type HoverView, type Locator } from './sample';

/**
 * Opens a sample file, hovers two characters into the located text (or its middle when shorter),
 * and waits for a hover whose title is `title`.
 */
async function hoverOn(file: string, at: Locator, title: string): Promise<HoverView> {
  const editor = await openEditor(`${SAMPLE}/${file}`);
  const range = rangeIn(editor.document.getText(), at);
  const length = editor.document.offsetAt(range.end) - editor.document.offsetAt(range.start);
  const position = editor.document.positionAt(
    editor.document.offsetAt(range.start) + Math.min(2, Math.floor(length / 2)),
  );
  let last: HoverView[] = [];
  const view = await waitFor(
    `a hover titled "${title}" in ${file}`,
    async () => {
      last = await hoverViews(editor.document.uri, position);
      return last.find((candidate) => candidate.title === title);
    },
    { observe: () => JSON.stringify(last.map((candidate) => candidate.text)) },
  );
  return view;
}

function assertSection(view: HoverView, label: string, expected: readonly string[]): void {
  assert.deepStrictEqual(view.sections[label], [...expected], `"${label}" of "${view.title}":\n${view.text}`);
}

/** Like assertSection, in any order (the order of callers follows the graph's edges). */
function assertSectionSet(view: HoverView, label: string, expected: readonly string[]): void {
  assert.deepStrictEqual(
    [...(view.sections[label] ?? [])].sort(),
    [...expected].sort(),
    `"${label}" of "${view.title}":\n${view.text}`,
  );
}

const NAME = 'name: '.length;

suite('Sample workspace: hovers', () => {
  test('on a Service: endpoints with container ports, callers with their verdicts, policies', async () => {
    const view = await hoverOn(
      'core/cart.yaml',
      { after: 'kind: Service', needle: 'name: cart', offset: NAME },
      'Service shop-core/cart · ClusterIP',
    );
    assertSection(view, 'Ports', ['grpc: 7070 → grpc/TCP']);
    assertSection(view, 'Selector', ['app=cart']);
    assertSection(view, 'Endpoints', ['Deployment/shop-core/cart (7070 → grpc → container port 7070)']);
    // README E2, E8, E12: storefront (through its egress policy), orders and the cleanup job.
    assertSectionSet(view, 'Callers', [
      'Deployment/shop-web/storefront on port 7070 → 7070: allowed by NetworkPolicy/shop-web/storefront-egress, NetworkPolicy/shop-core/cart-allow',
      'Deployment/shop-core/orders on port 7070 → 7070: allowed by NetworkPolicy/shop-core/cart-allow',
      'CronJob/shop-core/cart-cleanup on port 7070 → 7070: allowed by NetworkPolicy/shop-core/cart-allow',
    ]);
    assertSection(view, 'Ingress policies', [
      'Deployment/shop-core/cart: NetworkPolicy/shop-core/default-deny-ingress, NetworkPolicy/shop-core/cart-allow',
    ]);
  });

  test('on a Service whose only caller is blocked: the blocking policy is named', async () => {
    const view = await hoverOn(
      'core/reviews.yaml',
      { after: 'kind: Service', needle: 'name: reviews', offset: NAME },
      'Service shop-core/reviews · ClusterIP',
    );
    assertSection(view, 'Endpoints', ['Deployment/shop-core/reviews (8080 → http → container port 8080)']);
    assertSection(view, 'Callers', [
      'Deployment/shop-web/storefront on port 8080 → 8080: blocked at Deployment/shop-core/reviews:8080 by NetworkPolicy/shop-core/default-deny-ingress',
    ]);
  });

  test('on a Service reached from outside: the entry path and its verdict', async () => {
    const view = await hoverOn(
      'web/storefront.yaml',
      { after: 'kind: Service', needle: 'name: storefront', offset: NAME },
      'Service shop-web/storefront · ClusterIP',
    );
    assertSection(view, 'Endpoints', ['Deployment/shop-web/storefront (80 → http → container port 8080)']);
    assertSection(view, 'Callers', ['none inferred from the manifests']);
    assertSection(view, 'Entry points', [
      'external → Ingress/shop-web/shop → Service/shop-web/storefront:80 (shop.example.com/ → storefront:80): ' +
        'allowed by NetworkPolicy/shop-web/storefront-allow; traffic assumed from the Ingress controller ' +
        '(unknown: an arbitrary pod in an arbitrary namespace)',
    ]);
  });

  test('on the Service with the selector typo: no endpoints', async () => {
    const view = await hoverOn(
      'core/payments.yaml',
      { needle: 'name: payments-metrics', offset: NAME },
      'Service shop-core/payments-metrics · ClusterIP',
    );
    assertSection(view, 'Selector', ['app=payment']);
    assertSection(view, 'Endpoints', ['none: no workload in namespace shop-core matches the selector']);
  });

  test('on an env value calling a Service in another namespace: Service, port, endpoints, allowed and why', async () => {
    const view = await hoverOn(
      'web/storefront.yaml',
      { needle: 'cart.shop-core:7070' },
      'Call → Service/shop-core/cart · east-west',
    );
    assertSection(view, 'Value', ['CART_ADDR=cart.shop-core:7070']);
    assertSection(view, 'Caller', ['Deployment/shop-web/storefront']);
    assertSection(view, 'Resolves to', ['Service/shop-core/cart port 7070 → 7070']);
    assertSection(view, 'Endpoints', ['Deployment/shop-core/cart (7070 → grpc → container port 7070)']);
    assertSection(view, 'Policy', [
      'allowed by NetworkPolicy/shop-web/storefront-egress, NetworkPolicy/shop-core/cart-allow',
    ]);
    const why = view.sections.Why?.join('\n') ?? '';
    assert.ok(why.includes('allowed by NetworkPolicy/shop-web/storefront-egress egress rule 0'), why);
    assert.ok(why.includes('allowed by NetworkPolicy/shop-core/cart-allow ingress rule 0'), why);
  });

  test('on the blocked env value (README E3): blocked by default-deny-ingress, and why', async () => {
    const view = await hoverOn(
      'web/storefront.yaml',
      { needle: 'reviews.shop-core:8080' },
      'Call → Service/shop-core/reviews · east-west',
    );
    assertSection(view, 'Resolves to', ['Service/shop-core/reviews port 8080 → 8080']);
    assertSection(view, 'Policy', [
      'blocked at Deployment/shop-core/reviews:8080 by NetworkPolicy/shop-core/default-deny-ingress',
    ]);
    const why = view.sections.Why?.join('\n') ?? '';
    assert.ok(
      why.includes(
        'ingress of Deployment/shop-core/reviews is isolated by NetworkPolicy/shop-core/default-deny-ingress, and none of their ingress rules allows this',
      ),
      why,
    );
  });

  test('on a short-name value and on a split host (README E8, E9)', async () => {
    const short = await hoverOn(
      'core/orders.yaml',
      { needle: 'value: cart:7070', offset: 'value: '.length },
      'Call → Service/shop-core/cart · east-west',
    );
    assertSection(short, 'Caller', ['Deployment/shop-core/orders']);
    assertSection(short, 'Policy', ['allowed by NetworkPolicy/shop-core/cart-allow']);
    const host = await hoverOn(
      'core/orders.yaml',
      { needle: 'payments.shop-core.svc.cluster.local' },
      'Call → Service/shop-core/payments · east-west',
    );
    assertSection(host, 'Resolves to', ['Service/shop-core/payments port 9090 → 9090']);
    assertSection(host, 'Endpoints', ['Deployment/shop-core/payments (9090 → grpc → container port 9090)']);
    assertSection(host, 'Policy', ['allowed by NetworkPolicy/shop-core/payments-allow']);
  });

  test('on a ConfigMap value a workload loads with envFrom (README E4)', async () => {
    const view = await hoverOn(
      'web/storefront.yaml',
      { needle: 'http://orders.shop-core:8080' },
      'Call → Service/shop-core/orders · east-west',
    );
    assertSection(view, 'Value', ['storefront-config/ORDERS_URL=http://orders.shop-core:8080']);
    assertSection(view, 'Caller', ['Deployment/shop-web/storefront']);
    assertSection(view, 'Policy', [
      'allowed by NetworkPolicy/shop-web/storefront-egress, NetworkPolicy/shop-core/orders-allow',
    ]);
  });

  test('on an address that names no Service: what was looked up', async () => {
    const view = await hoverOn(
      'core/orders.yaml',
      { needle: 'http://notifications.shop-core:8080/v1/notify' },
      'Unresolved address notifications.shop-core:8080 · call-unresolved',
    );
    assertSection(view, 'Caller', ['Deployment/shop-core/orders (NOTIFY_URL)']);
    assertSection(view, 'Looked up', [
      "'notifications.shop-core:8080' as cluster DNS would for a pod in namespace shop-core: no Service 'notifications' in namespace 'shop-core'",
    ]);
  });

  test('on an Ingress backend: route, Service port, endpoints and the north-south verdict (README N1, N2)', async () => {
    const storefront = await hoverOn(
      'web/ingress.yaml',
      { needle: 'name: storefront', offset: NAME },
      'Backend → Service/shop-web/storefront · north-south',
    );
    assertSection(storefront, 'Route', ['shop.example.com/ → storefront:80']);
    assertSection(storefront, 'Entry', ['external → Ingress/shop-web/shop']);
    assertSection(storefront, 'Service port', ['Service/shop-web/storefront port 80 → 8080']);
    assertSection(storefront, 'Endpoints', [
      'Deployment/shop-web/storefront (80 → http → container port 8080)',
    ]);
    assertSection(storefront, 'Policy', [
      'allowed by NetworkPolicy/shop-web/storefront-allow; traffic assumed from the Ingress controller (unknown: an arbitrary pod in an arbitrary namespace)',
    ]);
    // By port name: `port: {name: http}` is port 80 of Service backoffice.
    const backoffice = await hoverOn(
      'web/ingress.yaml',
      { needle: 'name: backoffice', offset: NAME },
      'Backend → Service/shop-web/backoffice · north-south',
    );
    assertSection(backoffice, 'Route', ['admin.shop.example.com/ → backoffice:http']);
    assertSection(backoffice, 'Service port', ['Service/shop-web/backoffice port 80 → 8080']);
  });

  test('on an Ingress backend naming a missing Service (README N3): why no route is drawn', async () => {
    const view = await hoverOn(
      'web/ingress.yaml',
      { needle: 'name: static-assets', offset: NAME },
      'Backend static-assets · north-south',
    );
    assertSection(view, 'No route drawn', ["no Service 'static-assets' in namespace 'shop-web'"]);
  });

  test('on a cross-namespace HTTPRoute backendRef (README N4)', async () => {
    const view = await hoverOn(
      'web/gateway.yaml',
      { after: 'backendRefs:', needle: 'name: catalog', offset: NAME },
      'Backend → Service/shop-core/catalog · north-south',
    );
    assertSection(view, 'Entry', ['external → Gateway/shop-web/public → HTTPRoute/shop-web/partner-api']);
    assertSection(view, 'Service port', ['Service/shop-core/catalog port 8080 → 8080']);
    assertSection(view, 'Policy', [
      'allowed by NetworkPolicy/shop-core/catalog-allow; traffic assumed from the Ingress controller (unknown: an arbitrary pod in an arbitrary namespace)',
    ]);
  });

  test('on a NetworkPolicy: what it selects and what each rule allows, with the workloads matched', async () => {
    const cart = await hoverOn(
      'core/network-policies.yaml',
      { needle: 'name: cart-allow', offset: NAME },
      'NetworkPolicy shop-core/cart-allow · Ingress',
    );
    assertSection(cart, 'Pod selector', ['app=cart']);
    assertSection(cart, 'Selects', ['Deployment/shop-core/cart']);
    assertSection(cart, 'Policy types', ['Ingress (declared)']);
    assertSection(cart, 'Ingress rules', [
      'rule 0: from pods app=storefront in namespaces shop.example.com/tier=web [Deployment/shop-web/storefront]; ' +
        'or pods app=orders in namespace shop-core [Deployment/shop-core/orders]; ' +
        'or pods app=cart-cleanup in namespace shop-core [CronJob/shop-core/cart-cleanup]; on TCP port named grpc',
    ]);
    const deny = await hoverOn(
      'core/network-policies.yaml',
      { needle: 'name: default-deny-ingress', offset: NAME },
      'NetworkPolicy shop-core/default-deny-ingress · Ingress',
    );
    assertSection(deny, 'Pod selector', ['(empty) every pod of namespace shop-core']);
    assertSectionSet(deny, 'Selects', [
      'CronJob/shop-core/cart-cleanup',
      'Deployment/shop-core/cart',
      'Deployment/shop-core/catalog',
      'Deployment/shop-core/orders',
      'Deployment/shop-core/payments',
      'Deployment/shop-core/reviews',
    ]);
    assertSection(deny, 'Ingress rules', [
      'none: all ingress of the selected pods is denied (unless another policy allows it)',
    ]);
  });

  test('on a workload: its Service, how outside traffic reaches it, its calls with verdicts, isolation', async () => {
    const view = await hoverOn(
      'web/storefront.yaml',
      { after: 'kind: Deployment', needle: 'name: storefront', offset: NAME },
      'Deployment shop-web/storefront · 1 container',
    );
    assertSection(view, 'Pod labels', ['app=storefront, track=stable']);
    assertSection(view, 'Services', ['Service/shop-web/storefront (80 → http → container port 8080)']);
    assertSection(view, 'Reached from outside', [
      'external → Ingress/shop-web/shop → Service/shop-web/storefront:80 → Deployment/shop-web/storefront ' +
        '(shop.example.com/ → storefront:80): allowed by NetworkPolicy/shop-web/storefront-allow; ' +
        'traffic assumed from the Ingress controller (unknown: an arbitrary pod in an arbitrary namespace)',
    ]);
    // README E1–E4: four calls, exactly one blocked.
    assertSectionSet(view, 'Calls', [
      'Service/shop-core/catalog on port 8080 → 8080: allowed by NetworkPolicy/shop-web/storefront-egress, NetworkPolicy/shop-core/catalog-allow',
      'Service/shop-core/cart on port 7070 → 7070: allowed by NetworkPolicy/shop-web/storefront-egress, NetworkPolicy/shop-core/cart-allow',
      'Service/shop-core/reviews on port 8080 → 8080: blocked at Deployment/shop-core/reviews:8080 by NetworkPolicy/shop-core/default-deny-ingress',
      'Service/shop-core/orders on port 8080 → 8080: allowed by NetworkPolicy/shop-web/storefront-egress, NetworkPolicy/shop-core/orders-allow',
    ]);
    assertSection(view, 'Isolation', [
      'ingress: isolated by NetworkPolicy/shop-web/storefront-allow',
      'egress: isolated by NetworkPolicy/shop-web/allow-dns, NetworkPolicy/shop-web/storefront-egress',
    ]);
  });

  test('the hover covers the value it describes (the range VS Code highlights)', async () => {
    const editor = await openEditor(`${SAMPLE}/web/storefront.yaml`);
    const value = rangeIn(editor.document.getText(), { needle: 'reviews.shop-core:8080' });
    const hovers = await waitFor('a hover on reviews.shop-core:8080', async () => {
      const found = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        value.start.translate(0, 3),
      );
      return found && found.length > 0 && found;
    });
    const range = hovers[0]?.range;
    assert.ok(range?.isEqual(value), `hover range ${JSON.stringify(range)} should be the value`);
  });
});
