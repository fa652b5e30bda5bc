import * as assert from 'node:assert/strict';
import { objectAt } from '../../../../src/core/model/objectAt';
import { backendRefs } from '../../../../src/core/navigation/backendRefs';
import { edgesFrom, edgesInto } from '../../../../src/core/navigation/edgeIndex';
import { referenceAt } from '../../../../src/core/navigation/referenceAt';
import { analyzeYaml } from '../../../helpers/analyzeYaml';
import { SHOP, offsetOf } from '../hover/hoverFixtures';

describe('referenceAt: the Service reference under the cursor', () => {
  const analysis = analyzeYaml({ 'shop.yaml': SHOP });
  const at = (needle: string, delta = 1) => {
    const offset = offsetOf(SHOP, needle, delta);
    const object = objectAt(analysis.model, 'shop.yaml', offset);
    assert.ok(object, `no object at ${needle}`);
    const reference = referenceAt(analysis, object, offset);
    return reference && { ...reference, text: SHOP.slice(reference.range.start, reference.range.end) };
  };

  it('a call value: its calls edges', () => {
    const reference = at('cart:7070');
    assert.equal(reference?.kind, 'call');
    assert.equal(reference.text, '"cart:7070"');
    assert.deepEqual(
      reference.edges.map((edge) => `${edge.from} -> ${edge.to}:${edge.port}`),
      ['Deployment/shop/frontend -> Service/shop/cart:7070'],
    );
  });

  it('an address naming no Service: the unresolved call', () => {
    const reference = at('nowhere');
    assert.equal(reference?.kind, 'unresolved-call');
    assert.equal(reference.text, '"http://nowhere:80"');
    assert.equal(reference.call.address, 'nowhere:80');
  });

  it('a routed backend: its routes edge; a backend naming a missing Service: the reference as written', () => {
    const routed = at('name: cart, port', 'name: '.length);
    assert.equal(routed?.kind, 'backend');
    assert.equal(routed.text, 'cart');
    assert.deepEqual(
      routed.edges.map((edge) => `${edge.from} -> ${edge.to}`),
      ['Ingress/shop/web -> Service/shop/cart'],
    );
    const missing = at('name: gone', 'name: '.length);
    assert.equal(missing?.kind, 'backend');
    assert.equal(missing.text, 'gone');
    assert.deepEqual(missing.edges, []);
    assert.equal(missing.ref?.written, 'gone');
    assert.equal(missing.ref.service, undefined);
    assert.equal(missing.ref.problem, "no Service 'gone' in namespace 'shop'");
  });

  it('nothing on fields that name no Service', () => {
    assert.equal(at('containerPort'), undefined);
    assert.equal(at('pathType'), undefined);
    assert.equal(at('kind: Service', 7), undefined);
  });
});

describe('backendRefs: every Service an entry object names', () => {
  const refs = (text: string, id: string) => {
    const analysis = analyzeYaml({ 'a.yaml': text });
    const entry = analysis.model.byId.get(id);
    assert.ok(entry, `${id} is not in the model`);
    return backendRefs(analysis, entry).map((ref) => ({
      path: ref.namePath.join('.'),
      written: ref.written,
      port: ref.port,
      service: ref.service?.id,
      problem: ref.problem,
    }));
  };
  const web = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {ports: [{port: 80}]}
---
`;

  it('Ingress rules and the default backend, by port number or name', () => {
    const text = `${web}apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: public, namespace: shop}
spec:
  defaultBackend: {service: {name: web, port: {name: http}}}
  rules:
    - http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: gone, port: {number: 80}}}}
`;
    assert.deepEqual(refs(text, 'Ingress/shop/public'), [
      {
        path: 'spec.defaultBackend.service.name',
        written: 'web',
        port: 'http',
        service: 'Service/shop/web',
        problem: undefined,
      },
      {
        path: 'spec.rules.0.http.paths.0.backend.service.name',
        written: 'gone',
        port: 80,
        service: undefined,
        problem: "no Service 'gone' in namespace 'shop'",
      },
    ]);
  });

  it('OpenShift Route: spec.to and alternateBackends, only of kind Service', () => {
    const text = `${web}apiVersion: route.openshift.io/v1
kind: Route
metadata: {name: web, namespace: shop}
spec:
  to: {kind: Service, name: web}
  alternateBackends:
    - {kind: Service, name: canary}
    - {kind: Deployment, name: web}
`;
    assert.deepEqual(
      refs(text, 'Route/shop/web').map((ref) => `${ref.path} ${ref.written} ${ref.service ?? ref.problem}`),
      [
        'spec.to.name web Service/shop/web',
        "spec.alternateBackends.0.name canary no Service 'canary' in namespace 'shop'",
      ],
    );
  });

  it('Gateway API backendRefs: core Services only; another namespace needs a ReferenceGrant there', () => {
    const route = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  rules:
    - backendRefs:
        - {name: web, namespace: shop, port: 80}
        - {name: bucket, group: storage.example.com, kind: Bucket}
`;
    const grant = `---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: routes, namespace: shop}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: infra}]
  to: [{group: "", kind: Service}]
`;
    assert.deepEqual(refs(`${web}${route}`, 'HTTPRoute/infra/r'), [
      {
        path: 'spec.rules.0.backendRefs.0.name',
        written: 'web',
        port: 80,
        service: 'Service/shop/web',
        problem:
          "no ReferenceGrant in namespace 'shop' lets a HTTPRoute of namespace 'infra' use Service 'web'",
      },
    ]);
    assert.deepEqual(refs(`${web}${route}${grant}`, 'HTTPRoute/infra/r'), [
      {
        path: 'spec.rules.0.backendRefs.0.name',
        written: 'web',
        port: 80,
        service: 'Service/shop/web',
        problem: undefined,
      },
    ]);
  });

  it('Istio VirtualService destinations: resolved like cluster DNS; a host outside the cluster is said so', () => {
    const text = `${web}apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: shop}
spec:
  hosts: [web]
  http:
    - route:
        - destination: {host: web, port: {number: 80}}
        - destination: {host: api.example.com}
  tcp:
    - route:
        - destination: {host: missing}
`;
    assert.deepEqual(
      refs(text, 'VirtualService/shop/vs').map(
        (ref) => `${ref.path} ${ref.written}:${ref.port ?? '-'} ${ref.service ?? ref.problem}`,
      ),
      [
        'spec.http.0.route.0.destination.host web:80 Service/shop/web',
        "spec.http.0.route.1.destination.host api.example.com:- 'api.example.com' is not a Service of these manifests (a host outside the cluster)",
        "spec.tcp.0.route.0.destination.host missing:- no Service 'missing' in namespace 'shop'",
      ],
    );
  });

  it('nothing for kinds that name no backends', () => {
    assert.deepEqual(refs(web.replace('---\n', ''), 'Service/shop/web'), []);
  });
});

describe('edge index', () => {
  const analysis = analyzeYaml({ 'shop.yaml': SHOP });
  const list = (edges: readonly { from: string; to: string; type: string }[]) =>
    edges.map((edge) => `${edge.type} ${edge.from} -> ${edge.to}`).sort();

  it('edges into and out of a node, filtered by type, agreeing with a scan of the graph', () => {
    const scan = (predicate: (edge: (typeof analysis.graph.edges)[number]) => boolean) =>
      list(analysis.graph.edges.filter(predicate));
    for (const node of analysis.graph.nodes) {
      assert.deepEqual(
        list(edgesInto(analysis.graph, node.id)),
        scan((edge) => edge.to === node.id),
      );
      assert.deepEqual(
        list(edgesFrom(analysis.graph, node.id)),
        scan((edge) => edge.from === node.id),
      );
    }
    assert.deepEqual(list(edgesInto(analysis.graph, 'Service/shop/cart', 'calls')), [
      'calls Deployment/shop/admin -> Service/shop/cart',
      'calls Deployment/shop/frontend -> Service/shop/cart',
    ]);
    assert.deepEqual(list(edgesInto(analysis.graph, 'Service/shop/cart', 'calls', 'routes')), [
      'calls Deployment/shop/admin -> Service/shop/cart',
      'calls Deployment/shop/frontend -> Service/shop/cart',
      'routes Ingress/shop/web -> Service/shop/cart',
    ]);
    assert.deepEqual(list(edgesFrom(analysis.graph, 'Service/shop/cart', 'selects')), [
      'selects Service/shop/cart -> Deployment/shop/cart',
    ]);
    assert.deepEqual(edgesInto(analysis.graph, 'Service/shop/nothing'), []);
  });

  it('is kept per graph: a new analysis gets its own index', () => {
    const other = analyzeYaml({ 'shop.yaml': SHOP.replace('"cart:7070"', '"nowhere:7070"') });
    assert.equal(edgesInto(other.graph, 'Service/shop/cart', 'calls').length, 1);
    assert.equal(edgesInto(analysis.graph, 'Service/shop/cart', 'calls').length, 2);
  });
});
