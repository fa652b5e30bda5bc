import * as assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../../src/core/analysis';
import { hoverAt } from '../../../../src/core/hover/hoverAt';
import { parseManifestFile } from '../../../../src/core/parse/parseManifestFile';

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

  it('describes namespace (and its origin), type, ports, selector and selected workloads', () => {
    const hover = hoverAt(analysis, 'cart.yaml', text.indexOf('name: cart'));
    assert.ok(hover);
    assert.equal(hover.title, 'Service shop/cart');
    assert.equal(hover.subtitle, 'ClusterIP');
    const sections = Object.fromEntries(hover.sections.map((section) => [section.label, section.values]));
    assert.deepEqual(sections.Namespace, ['shop (assumed: no metadata.namespace, default namespace)']);
    assert.deepEqual(sections.Ports, ['grpc: 7070 → grpc/TCP', '9000 → metrics/TCP']);
    assert.deepEqual(sections.Selector, ['app=cart']);
    assert.deepEqual(sections.Selects, [
      'Deployment/shop/cart (7070 → container port 7070, 9000 → metrics (no container declares it))',
    ]);
    assert.deepEqual(sections.DNS, ['cart.shop.svc.cluster.local']);
  });

  it('has no hover outside a Service', () => {
    assert.equal(hoverAt(analysis, 'cart.yaml', text.indexOf('kind: Deployment')), undefined);
    assert.equal(hoverAt(analysis, 'other.yaml', 0), undefined);
  });
});
