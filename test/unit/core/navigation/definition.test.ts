import * as assert from 'node:assert/strict';
import type { Analysis } from '../../../../src/core/analysis';
import type { SourceRange } from '../../../../src/core/model/sourceRange';
import { definitionAt, type Definition } from '../../../../src/core/navigation/definition';
import { analyzeYaml } from '../../../helpers/analyzeYaml';
import { SHOP, offsetOf } from '../hover/hoverFixtures';

/** A definition as text: the origin, then per target its selection and the start of its range. */
function described(files: Record<string, string>, definition: Definition | undefined) {
  if (!definition) return undefined;
  const text = (range: SourceRange) => files[range.file]?.slice(range.start, range.end);
  return {
    origin: text(definition.origin),
    targets: definition.targets.map((target) => ({
      file: target.selection.file,
      selection: text(target.selection),
      range: text(target.range)?.split('\n')[0],
    })),
  };
}

function definitionIn(
  analysis: Analysis,
  files: Record<string, string>,
  file: string,
  needle: string,
  delta = 1,
  after = '',
) {
  const text = files[file] ?? '';
  return described(files, definitionAt(analysis, file, offsetOf(text, needle, delta, after)));
}

describe('go to definition', () => {
  const files = { 'shop.yaml': SHOP };
  const analysis = analyzeYaml(files);
  const at = (needle: string, delta = 1, after = '') =>
    definitionIn(analysis, files, 'shop.yaml', needle, delta, after);
  /** The Service cart as a target: its name selected, its whole document shown. */
  const cart = { file: 'shop.yaml', selection: 'cart', range: 'apiVersion: v1' };

  it('from an env value to the Service it calls', () => {
    assert.deepEqual(at('cart:7070', 2), { origin: '"cart:7070"', targets: [cart] });
  });

  it('from an arg with a fully qualified name to the Service', () => {
    assert.deepEqual(at('cart.shop.svc', 3), {
      origin: '"--cart=cart.shop.svc.cluster.local:7070"',
      targets: [cart],
    });
  });

  it('from an Ingress backend name to the Service', () => {
    assert.deepEqual(at('name: cart, port', 'name: '.length + 1), { origin: 'cart', targets: [cart] });
  });

  it('nowhere from a backend naming a missing Service or an address naming none', () => {
    assert.equal(at('name: gone', 'name: '.length + 1), undefined);
    assert.equal(at('nowhere'), undefined);
  });

  it("from a Service's selector to the pod template labels of the workloads it selects", () => {
    assert.deepEqual(at('selector: {app: cart}', 'selector: {'.length), {
      origin: '{app: cart}',
      targets: [{ file: 'shop.yaml', selection: '{app: cart}', range: '{app: cart}' }],
    });
  });

  it("from a Service port's targetPort to the container port it ends on", () => {
    assert.deepEqual(at('targetPort: grpc', 'targetPort: '.length + 1), {
      origin: 'grpc',
      targets: [{ file: 'shop.yaml', selection: '7000', range: '{name: grpc, containerPort: 7000}' }],
    });
  });

  it("from a NetworkPolicy's podSelector to the labels of the workloads it selects", () => {
    assert.deepEqual(at('podSelector: {matchLabels: {app: cart}}', 'podSelector: {'.length), {
      origin: '{matchLabels: {app: cart}}',
      targets: [{ file: 'shop.yaml', selection: '{app: cart}', range: '{app: cart}' }],
    });
  });

  it('nowhere from a selector that selects nothing, or from plain fields', () => {
    const lonely = `apiVersion: v1
kind: Service
metadata: {name: lonely, namespace: shop}
spec: {selector: {app: nobody}, ports: [{port: 80, targetPort: 8080}]}
`;
    const withLonely = { ...files, 'lonely.yaml': lonely };
    const both = analyzeYaml(withLonely);
    assert.equal(definitionIn(both, withLonely, 'lonely.yaml', 'app: nobody'), undefined);
    assert.equal(definitionIn(both, withLonely, 'lonely.yaml', 'targetPort: 8080', 13), undefined);
    assert.equal(at('- name: web', 3), undefined, 'a container name');
    assert.equal(at('name: frontend'), undefined, 'the name of a workload');
    assert.equal(at('kind: NetworkPolicy', 7), undefined, 'a NetworkPolicy outside its podSelector');
    assert.equal(definitionAt(analysis, 'other.yaml', 0), undefined, 'a file the analysis does not hold');
  });

  it('from a ConfigMap value a workload reads, to the Service in the other file', () => {
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
    const two = { 'shop.yaml': SHOP, 'config.yaml': config };
    const analysis = analyzeYaml(two);
    assert.deepEqual(definitionIn(analysis, two, 'config.yaml', 'http://cart'), {
      origin: 'http://cart:7070/api',
      targets: [cart],
    });
  });

  it('from backends that draw no edge: a cross-namespace backendRef without ReferenceGrant, a mesh-only VirtualService', () => {
    const files = {
      'svc.yaml': `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {ports: [{port: 80}]}
`,
      'route.yaml': `apiVersion: gateway.networking.k8s.io/v1
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
        - destination: {host: web}
---
apiVersion: route.openshift.io/v1
kind: Route
metadata: {name: web, namespace: shop}
spec:
  to: {kind: Service, name: web}
`,
    };
    const analysis = analyzeYaml(files);
    const web = { file: 'svc.yaml', selection: 'web', range: 'apiVersion: v1' };
    assert.deepEqual(definitionIn(analysis, files, 'route.yaml', 'name: web, namespace: shop', 7), {
      origin: 'web',
      targets: [web],
    });
    assert.deepEqual(definitionIn(analysis, files, 'route.yaml', 'host: web', 7), {
      origin: 'web',
      targets: [web],
    });
    assert.deepEqual(definitionIn(analysis, files, 'route.yaml', 'name: web}', 7), {
      origin: 'web',
      targets: [web],
    });
  });

  it('from a value without a port to a Service with several ports: one target, not one per port', () => {
    const files = {
      'a.yaml': `apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {selector: {app: api}, ports: [{name: http, port: 80}, {name: admin, port: 9000}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: caller, namespace: shop}
spec:
  template:
    metadata: {labels: {app: caller}}
    spec: {containers: [{name: c, env: [{name: API, value: "http://api.shop.svc.cluster.local"}]}]}
`,
    };
    const analysis = analyzeYaml(files);
    const found = definitionIn(analysis, files, 'a.yaml', 'http://api');
    assert.deepEqual(found?.targets, [{ file: 'a.yaml', selection: 'api', range: 'apiVersion: v1' }]);
  });
});
