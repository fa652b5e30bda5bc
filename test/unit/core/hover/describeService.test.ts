import * as assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../../src/core/analysis';
import { hoverAt } from '../../../../src/core/hover/hoverAt';
import { MAX_SECTION_LINES } from '../../../../src/core/hover/hoverContent';
import { parseManifestFile } from '../../../../src/core/parse/parseManifestFile';
import { analyzeYaml } from '../../../helpers/analyzeYaml';
import { SHOP, offsetOf, sectionsOf } from './hoverFixtures';

const text = `apiVersion: v1
kind: Service
metadata:
  name: cart
spec:
  selector:
    app: cart
  ports:
    - name: grpc
      port: 7070
      targetPort: grpc
    - port: 9000
      targetPort: metrics
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
spec:
  template:
    metadata:
      labels: {app: cart}
    spec:
      containers:
        - name: server
          ports: [{name: grpc, containerPort: 7070}]
`;

describe('Service hover', () => {
  const analysis = analyzeWorkspace([parseManifestFile('cart.yaml', text)], { defaultNamespace: 'shop' });

  it('describes namespace (and its origin), DNS names, type, ports, selector and endpoints', () => {
    const hover = hoverAt(analysis, 'cart.yaml', text.indexOf('name: cart'));
    assert.ok(hover);
    assert.equal(hover.kind, 'service');
    assert.equal(hover.title, 'Service shop/cart');
    assert.equal(hover.subtitle, 'ClusterIP');
    const sections = sectionsOf(hover);
    assert.deepEqual(sections.Namespace, ['shop (assumed: no metadata.namespace, default namespace)']);
    assert.deepEqual(sections.DNS, [
      'cart.shop.svc.cluster.local',
      'cart.shop.svc',
      'cart.shop',
      'cart (from pods in namespace shop)',
    ]);
    assert.deepEqual(sections.Ports, ['grpc: 7070 → grpc/TCP', '9000 → metrics/TCP']);
    assert.deepEqual(sections.Selector, ['app=cart']);
    assert.deepEqual(sections.Endpoints, [
      'Deployment/shop/cart (7070 → grpc → container port 7070, 9000 → metrics → no container declares it)',
    ]);
    assert.deepEqual(sections.Callers, ['none inferred from the manifests']);
    assert.deepEqual(sections['Entry points'], [
      'none: no LoadBalancer/NodePort type, Ingress, Route or Gateway route reaches it',
    ]);
    assert.deepEqual(sections['Ingress policies'], [
      'Deployment/shop/cart: not isolated (no NetworkPolicy selects its pods: every caller is allowed)',
    ]);
  });

  it('lists callers with their verdicts, entry points walked back to external, and the policies of its pods', () => {
    const analysis = analyzeYaml({ 'shop.yaml': SHOP });
    const hover = hoverAt(analysis, 'shop.yaml', offsetOf(SHOP, 'name: cart', 'name: '.length));
    const sections = sectionsOf(hover);
    assert.deepEqual(sections.Endpoints, ['Deployment/shop/cart (7070 → grpc → container port 7000)']);
    assert.deepEqual(sections.Callers, [
      'Deployment/shop/frontend on port 7070 → 7000: allowed by NetworkPolicy/shop/cart-allow',
      'Deployment/shop/admin on port 7070 → 7000: blocked at Deployment/shop/cart:7000 by NetworkPolicy/shop/cart-allow',
    ]);
    assert.deepEqual(sections['Entry points'], [
      'external → Ingress/shop/web → Service/shop/cart:7070 (shop.example.com/ → cart:7070): ' +
        'blocked at Deployment/shop/cart:7000 by NetworkPolicy/shop/cart-allow; ' +
        'traffic assumed from the Ingress controller (unknown: an arbitrary pod in an arbitrary namespace)',
    ]);
    assert.deepEqual(sections['Ingress policies'], ['Deployment/shop/cart: NetworkPolicy/shop/cart-allow']);
  });

  it('says when the selector matches nothing, and notes ExternalName, headless and selector-less Services', () => {
    const services = `apiVersion: v1
kind: Service
metadata: {name: lonely, namespace: shop}
spec: {selector: {app: nobody}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: billing, namespace: shop}
spec: {type: ExternalName, externalName: billing.example.com}
---
apiVersion: v1
kind: Service
metadata: {name: manual, namespace: shop}
spec: {ports: [{port: 5432}]}
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db}]}
`;
    const analysis = analyzeYaml({ 's.yaml': services });
    const at = (name: string) => sectionsOf(hoverAt(analysis, 's.yaml', offsetOf(services, `name: ${name}`)));
    assert.deepEqual(at('lonely').Endpoints, ['none: no workload in namespace shop matches the selector']);
    assert.deepEqual(at('billing').Endpoints, [
      'none: ExternalName, cluster DNS answers with a CNAME to billing.example.com',
    ]);
    assert.equal(at('billing')['Ingress policies'], undefined);
    assert.deepEqual(at('manual').Endpoints, [
      'none in these manifests: no selector, its EndpointSlices are managed by hand',
    ]);
    assert.deepEqual(at('db').Endpoints, [
      'StatefulSet/shop/db (5432 → 5432 → container port 5432)',
      'headless (clusterIP: None): DNS returns the pod addresses themselves, no virtual IP',
    ]);
    const headless = hoverAt(analysis, 's.yaml', offsetOf(services, 'name: db'));
    assert.equal(headless?.subtitle, 'ClusterIP (headless)');
  });

  it('caps long sections and says how many lines were left out', () => {
    const callers = Array.from(
      { length: MAX_SECTION_LINES + 5 },
      (_, i) => `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: caller-${i}, namespace: shop}
spec:
  template:
    metadata: {labels: {app: caller-${i}}}
    spec: {containers: [{name: c, env: [{name: TARGET, value: "target:80"}]}]}
`,
    ).join('');
    const target = `apiVersion: v1
kind: Service
metadata: {name: target, namespace: shop}
spec: {ports: [{port: 80}]}
`;
    const analysis = analyzeYaml({ 'target.yaml': target, 'callers.yaml': callers });
    const lines = sectionsOf(hoverAt(analysis, 'target.yaml', offsetOf(target, 'name: target'))).Callers;
    assert.equal(lines?.length, MAX_SECTION_LINES);
    assert.equal(lines?.at(-1), '… and 6 more');
  });
});
