import * as assert from 'node:assert/strict';
import type { SourceRange } from '../../../../src/core/model/sourceRange';
import { referencesAt, type References } from '../../../../src/core/navigation/references';
import { analyzeYaml } from '../../../helpers/analyzeYaml';
import { SHOP, offsetOf } from '../hover/hoverFixtures';

/** References as text: the Services, their declarations, and `kind from file:text` per reference. */
function described(files: Record<string, string>, found: References | undefined) {
  if (!found) return undefined;
  const text = (range: SourceRange) => `${range.file}:${files[range.file]?.slice(range.start, range.end)}`;
  return {
    services: found.services.map((service) => service.id),
    declarations: found.declarations.map(text),
    references: found.references.map(
      (reference) => `${reference.kind} ${reference.from} ${text(reference.range)}`,
    ),
  };
}

describe('find all references', () => {
  const files = { 'shop.yaml': SHOP };
  const analysis = analyzeYaml(files);
  const at = (needle: string, delta = 1, after = '') =>
    described(files, referencesAt(analysis, 'shop.yaml', offsetOf(SHOP, needle, delta, after)));
  /** Every place that names Service shop/cart in SHOP, in file order. */
  const cartReferences = {
    services: ['Service/shop/cart'],
    declarations: ['shop.yaml:cart'],
    references: [
      'call Deployment/shop/frontend shop.yaml:"cart:7070"',
      'call Deployment/shop/admin shop.yaml:"--cart=cart.shop.svc.cluster.local:7070"',
      'backend Ingress/shop/web shop.yaml:cart',
    ],
  };

  it("on a Service's name: its callers and the backends that route to it, in file order", () => {
    assert.deepEqual(at('name: cart', 'name: '.length + 1), cartReferences);
  });

  it('on a value that calls the Service, or a backend that names it: the same list', () => {
    assert.deepEqual(at('cart:7070', 2), cartReferences);
    assert.deepEqual(at('--cart='), cartReferences);
    assert.deepEqual(at('name: cart, port', 'name: '.length), cartReferences);
  });

  it('nothing elsewhere in a Service, on an unresolved address, or on a backend naming a missing Service', () => {
    assert.equal(at('ports:'), undefined, 'a Service field other than its name');
    assert.equal(at('nowhere'), undefined);
    assert.equal(at('name: gone', 'name: '.length), undefined);
    assert.equal(at('name: frontend'), undefined, 'the name of a workload');
  });

  it('a Service nobody names: its declaration and no references', () => {
    const lonely = `apiVersion: v1
kind: Service
metadata: {name: lonely, namespace: shop}
spec: {ports: [{port: 80}]}
`;
    const both = { ...files, 'lonely.yaml': lonely };
    const found = referencesAt(analyzeYaml(both), 'lonely.yaml', offsetOf(lonely, 'lonely'));
    assert.deepEqual(described(both, found), {
      services: ['Service/shop/lonely'],
      declarations: ['lonely.yaml:lonely'],
      references: [],
    });
  });

  it('across files, sorted by file then position; a ConfigMap value read by a workload is a call', () => {
    const config = `apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data:
  CART_URL: http://cart:7070/api
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reader, namespace: shop}
spec:
  template:
    metadata: {labels: {app: reader}}
    spec:
      containers:
        - name: c
          envFrom: [{configMapRef: {name: settings}}]
`;
    const both = { 'shop.yaml': SHOP, 'a-config.yaml': config };
    const analysis = analyzeYaml(both);
    const found = described(both, referencesAt(analysis, 'shop.yaml', offsetOf(SHOP, 'name: cart', 7)));
    assert.deepEqual(found?.references, [
      'call Deployment/shop/reader a-config.yaml:http://cart:7070/api',
      'call Deployment/shop/reader a-config.yaml:{configMapRef: {name: settings}}',
      ...cartReferences.references,
    ]);
  });

  it('one reference per place, even where several calls share their evidence (the envFrom of both)', () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {selector: {app: api}, ports: [{name: http, port: 80}, {name: admin, port: 9000}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data: {API: "api:80", ADMIN: "api:9000"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: caller, namespace: shop}
spec:
  template:
    metadata: {labels: {app: caller}}
    spec: {containers: [{name: c, envFrom: [{configMapRef: {name: settings}}]}]}
`;
    const files = { 'a.yaml': text };
    const analysis = analyzeYaml(files);
    const calls = analysis.graph.edges.filter((edge) => edge.type === 'calls');
    assert.deepEqual(
      calls.map((edge) => edge.port),
      [80, 9000],
      'two calls, one per port, both with the envFrom as evidence',
    );
    const found = described(files, referencesAt(analysis, 'a.yaml', offsetOf(text, 'name: api', 7)));
    assert.deepEqual(found?.references, [
      'call Deployment/shop/caller a.yaml:"api:80"',
      'call Deployment/shop/caller a.yaml:"api:9000"',
      'call Deployment/shop/caller a.yaml:{configMapRef: {name: settings}}',
    ]);
  });

  it('backends that draw no edge still refer: a backendRef without ReferenceGrant, a mesh-only VirtualService', () => {
    const service = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {ports: [{port: 80}]}
`;
    const entries = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: infra}
spec:
  rules:
    - backendRefs:
        - {name: web, namespace: shop, port: 80}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: internal, namespace: shop}
spec:
  hosts: [web]
  http:
    - route:
        - destination: {host: web.shop.svc.cluster.local}
`;
    const files = { 'svc.yaml': service, 'entries.yaml': entries };
    const analysis = analyzeYaml(files);
    assert.equal(
      analysis.graph.edges.filter((edge) => edge.type === 'routes').length,
      0,
      'neither draws a routes edge',
    );
    const found = described(files, referencesAt(analysis, 'svc.yaml', offsetOf(service, 'name: web', 7)));
    assert.deepEqual(found, {
      services: ['Service/shop/web'],
      declarations: ['svc.yaml:web'],
      references: [
        'backend HTTPRoute/infra/web entries.yaml:web',
        'backend VirtualService/shop/internal entries.yaml:web.shop.svc.cluster.local',
      ],
    });
  });
});
