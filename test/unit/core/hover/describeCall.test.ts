import * as assert from 'node:assert/strict';
import { hoverAt } from '../../../../src/core/hover/hoverAt';
import { analyzeYaml } from '../../../helpers/analyzeYaml';
import { SHOP, offsetOf, sectionsOf } from './hoverFixtures';

describe('hover on a value that refers to a Service', () => {
  const analysis = analyzeYaml({ 'shop.yaml': SHOP });

  it('on an env value: the Service, port → target port, endpoints and the allowed verdict with its reasons', () => {
    const offset = offsetOf(SHOP, 'cart:7070', 2);
    const hover = hoverAt(analysis, 'shop.yaml', offset);
    assert.equal(hover?.kind, 'call');
    assert.equal(hover.title, 'Call → Service/shop/cart');
    assert.equal(SHOP.slice(hover.range.start, hover.range.end), '"cart:7070"');
    const sections = sectionsOf(hover);
    assert.deepEqual(sections.Value, ['CART_ADDR=cart:7070']);
    assert.deepEqual(sections.Caller, ['Deployment/shop/frontend']);
    assert.deepEqual(sections['Resolves to'], ['Service/shop/cart port 7070 → 7000']);
    assert.deepEqual(sections.Endpoints, ['Deployment/shop/cart (7070 → grpc → container port 7000)']);
    assert.deepEqual(sections.Policy, ['allowed by NetworkPolicy/shop/cart-allow']);
    assert.deepEqual(sections.Why, [
      'Deployment/shop/cart:7000 allowed: egress of Deployment/shop/frontend is not isolated ' +
        '(no NetworkPolicy selects it for egress); ingress of Deployment/shop/cart is isolated by ' +
        'NetworkPolicy/shop/cart-allow; allowed by NetworkPolicy/shop/cart-allow ingress rule 0',
    ]);
  });

  it('on an arg: the blocked verdict names the policy that isolates the pods', () => {
    const hover = hoverAt(analysis, 'shop.yaml', offsetOf(SHOP, '--cart='));
    assert.equal(hover?.kind, 'call');
    const sections = sectionsOf(hover);
    assert.deepEqual(sections.Caller, ['Deployment/shop/admin']);
    assert.deepEqual(sections.Policy, [
      'blocked at Deployment/shop/cart:7000 by NetworkPolicy/shop/cart-allow',
    ]);
    assert.match(sections.Why?.[0] ?? '', /none of their ingress rules allows this/);
  });

  it('on a ConfigMap value a workload reads: the call it implies', () => {
    const files = {
      'app.yaml': `apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data:
  CART_URL: http://cart:7070/api
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend, namespace: shop}
spec:
  template:
    metadata: {labels: {app: frontend}}
    spec:
      containers:
        - name: web
          envFrom: [{configMapRef: {name: settings}}]
`,
      'cart.yaml': SHOP.slice(
        0,
        SHOP.indexOf('---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: frontend'),
      ),
    };
    const analysis = analyzeYaml(files);
    const text = files['app.yaml'];
    const hover = hoverAt(analysis, 'app.yaml', offsetOf(text, 'http://cart', 8));
    assert.equal(hover?.kind, 'call');
    assert.equal(text.slice(hover.range.start, hover.range.end), 'http://cart:7070/api');
    const sections = sectionsOf(hover);
    assert.deepEqual(sections.Caller, ['Deployment/shop/frontend']);
    assert.deepEqual(sections['Resolves to'], ['Service/shop/cart port 7070 → 7000']);
    assert.deepEqual(sections.Policy, ['allowed: no NetworkPolicy isolates these pods']);
  });

  it('on an unresolved address: what was looked up and not found', () => {
    const hover = hoverAt(analysis, 'shop.yaml', offsetOf(SHOP, 'nowhere'));
    assert.equal(hover?.kind, 'unresolved-call');
    assert.equal(hover.title, 'Unresolved address nowhere:80');
    const sections = sectionsOf(hover);
    assert.deepEqual(sections.Value, ['MISSING=http://nowhere:80']);
    assert.deepEqual(sections.Caller, ['Deployment/shop/frontend (MISSING)']);
    assert.deepEqual(sections['Looked up'], [
      "'nowhere:80' as cluster DNS would for a pod in namespace shop: no Service 'nowhere' in namespace 'shop'",
    ]);
  });

  it('says when the port is not one of the Service ports', () => {
    const files = {
      'a.yaml': `apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {selector: {app: cart}, ports: [{port: 7070}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: cart, namespace: shop}
spec:
  template:
    metadata: {labels: {app: cart}}
    spec: {containers: [{name: c}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: c, env: [{name: CART, value: "cart:9999"}]}]}
`,
    };
    const analysis = analyzeYaml(files);
    const hover = hoverAt(analysis, 'a.yaml', offsetOf(files['a.yaml'], 'cart:9999'));
    assert.deepEqual(sectionsOf(hover)['Resolves to'], [
      'Service/shop/cart port 9999 (not a port of the Service, which has 7070)',
    ]);
  });
});
