import * as assert from 'node:assert/strict';
import { analyzeYaml, edgeList, evidenceText } from '../../../../helpers/analyzeYaml';

const backend = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports:
    - {name: http, port: 80, targetPort: http}
    - {name: admin, port: 9000, targetPort: 9000}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          ports: [{name: http, containerPort: 8080}]
`;

function northSouth(files: Record<string, string>) {
  const analysis = analyzeYaml({ 'backend.yaml': backend, ...files });
  return { analysis, exposes: edgeList(analysis, 'exposes'), routes: edgeList(analysis, 'routes') };
}

describe('north-south edges', () => {
  it('exposes LoadBalancer and NodePort Services, not ClusterIP ones', () => {
    const services = ['LoadBalancer', 'NodePort', 'ClusterIP']
      .map(
        (type) =>
          `apiVersion: v1\nkind: Service\nmetadata: {name: s-${type.toLowerCase()}, namespace: shop}\nspec:\n  type: ${type}\n  ports: [{port: 80}]\n`,
      )
      .join('---\n');
    const { exposes, analysis } = northSouth({ 'services.yaml': services });
    assert.deepEqual(exposes, [
      'external -> Service/shop/s-loadbalancer:80',
      'external -> Service/shop/s-nodeport:80',
    ]);
    assert.equal(analysis.graph.nodesById.get('external')?.category, 'external');
  });

  it('exposes each port of a LoadBalancer on its own edge, with its own verdict', () => {
    const files = {
      'lb.yaml': `apiVersion: v1
kind: Service
metadata: {name: edge, namespace: shop}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: 8080}, {name: https, port: 443, targetPort: 8443}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-http-only, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{ports: [{port: 8080}]}]
`,
    };
    const { exposes, analysis } = northSouth(files);
    assert.deepEqual(
      exposes.filter((edge) => edge.includes('edge')),
      ['external -> Service/shop/edge:443', 'external -> Service/shop/edge:80'],
    );
    const verdict = (port: number) =>
      analysis.graph.edges.find(
        (edge) => edge.type === 'exposes' && edge.to === 'Service/shop/edge' && edge.port === port,
      )?.policy?.allowed;
    assert.equal(verdict(80), true);
    assert.equal(verdict(443), false, 'the policy admits 8080 only');
  });

  it('routes Ingress rules and the default backend by port number and by port name', () => {
    const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: public, namespace: shop}
spec:
  ingressClassName: nginx
  defaultBackend:
    service: {name: web, port: {name: admin}}
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: web, port: {number: 80}}
          - path: /missing
            pathType: Prefix
            backend:
              service: {name: nowhere, port: {number: 80}}
`;
    const files = { 'ingress.yaml': ingress };
    const { exposes, routes, analysis } = northSouth(files);
    assert.deepEqual(exposes, ['external -> Ingress/shop/public']);
    assert.deepEqual(routes, [
      'Ingress/shop/public -> Service/shop/web:80',
      'Ingress/shop/public -> Service/shop/web:9000',
    ]);
    const http = analysis.graph.edges.find((edge) => edge.type === 'routes' && edge.port === 80);
    assert.equal(http?.targetPort, 8080, 'named targetPort resolved on the selected container');
    assert.equal(evidenceText({ 'ingress.yaml': ingress }, http), 'web');
    assert.equal(analysis.graph.nodesById.get('Ingress/shop/public')?.category, 'entry');
  });

  it('reads legacy extensions/v1beta1 Ingress backends', () => {
    const ingress = `apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: old, namespace: shop}
spec:
  backend: {serviceName: web, servicePort: http}
`;
    assert.deepEqual(northSouth({ 'i.yaml': ingress }).routes, ['Ingress/shop/old -> Service/shop/web:80']);
  });

  it('routes OpenShift Routes to spec.to and alternateBackends, port by target port name', () => {
    const route = `apiVersion: route.openshift.io/v1
kind: Route
metadata: {name: web, namespace: shop}
spec:
  host: web.apps.example.com
  port: {targetPort: http}
  to: {kind: Service, name: web, weight: 90}
  alternateBackends:
    - {kind: Service, name: web-canary, weight: 10}
---
apiVersion: v1
kind: Service
metadata: {name: web-canary, namespace: shop}
spec:
  ports: [{name: http, port: 8080}]
`;
    const { exposes, routes } = northSouth({ 'route.yaml': route });
    assert.deepEqual(exposes, ['external -> Route/shop/web']);
    assert.deepEqual(routes, [
      'Route/shop/web -> Service/shop/web-canary:8080',
      'Route/shop/web -> Service/shop/web:80',
    ]);
  });

  describe('Gateway API', () => {
    const gateway = (from: string, extra = '') => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: infra}
spec:
  gatewayClassName: example
  listeners:
    - name: http
      port: 80
      protocol: HTTP
      allowedRoutes:
        namespaces:
          from: ${from}
${extra}`;
    const route = (namespace: string, backendNamespace = '') => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: ${namespace}}
spec:
  parentRefs:
    - {name: public, namespace: infra}
  rules:
    - backendRefs:
        - {name: web, ${backendNamespace ? `namespace: ${backendNamespace}, ` : ''}port: 80}
`;
    const namespaces = `apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {gateway-access: "true"}}
---
apiVersion: v1
kind: Namespace
metadata: {name: infra}
`;

    it('attaches routes through parentRefs when allowedRoutes admits their namespace', () => {
      const all = northSouth({ 'gw.yaml': gateway('All'), 'route.yaml': route('shop') });
      assert.deepEqual(all.exposes, ['external -> Gateway/infra/public:80']);
      assert.deepEqual(all.routes, [
        'Gateway/infra/public -> HTTPRoute/shop/web',
        'HTTPRoute/shop/web -> Service/shop/web:80',
      ]);
      const same = northSouth({ 'gw.yaml': gateway('Same'), 'route.yaml': route('shop') });
      assert.deepEqual(
        same.routes,
        ['HTTPRoute/shop/web -> Service/shop/web:80'],
        'Same: a route in another namespace is not attached',
      );
      const selector = gateway(
        'Selector',
        '          selector:\n            matchLabels: {gateway-access: "true"}\n',
      );
      const selected = northSouth({
        'gw.yaml': selector,
        'route.yaml': route('shop'),
        'ns.yaml': namespaces,
      });
      assert.deepEqual(selected.routes, [
        'Gateway/infra/public -> HTTPRoute/shop/web',
        'HTTPRoute/shop/web -> Service/shop/web:80',
      ]);
      const byName = gateway(
        'Selector',
        '          selector:\n            matchLabels: {kubernetes.io/metadata.name: other}\n',
      );
      assert.deepEqual(northSouth({ 'gw.yaml': byName, 'route.yaml': route('shop') }).routes, [
        'HTTPRoute/shop/web -> Service/shop/web:80',
      ]);
    });

    it('follows a backendRef to another namespace only with a ReferenceGrant there', () => {
      const grant = `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: allow-routes, namespace: shop}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: infra}]
  to: [{group: "", kind: Service}]
`;
      const without = northSouth({ 'gw.yaml': gateway('Same'), 'route.yaml': route('infra', 'shop') });
      assert.deepEqual(without.routes, ['Gateway/infra/public -> HTTPRoute/infra/web']);
      const withGrant = northSouth({
        'gw.yaml': gateway('Same'),
        'route.yaml': route('infra', 'shop'),
        'grant.yaml': grant,
      });
      assert.deepEqual(withGrant.routes, [
        'Gateway/infra/public -> HTTPRoute/infra/web',
        'HTTPRoute/infra/web -> Service/shop/web:80',
      ]);
    });
  });

  it('routes Istio Gateways through bound VirtualServices; mesh-only VirtualServices are not entry points', () => {
    const istio = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: public, namespace: shop}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 8080, name: http, protocol: HTTP}, hosts: ["*"]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: web, namespace: shop}
spec:
  hosts: ["*"]
  gateways: [public]
  http:
    - route:
        - destination: {host: web.shop.svc.cluster.local, port: {number: 80}}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: internal, namespace: shop}
spec:
  hosts: [web]
  http:
    - route:
        - destination: {host: web}
`;
    const { exposes, routes, analysis } = northSouth({ 'istio.yaml': istio });
    assert.deepEqual(exposes, ['external -> Gateway.networking.istio.io/shop/public:8080']);
    assert.deepEqual(routes, [
      'Gateway.networking.istio.io/shop/public -> VirtualService/shop/web',
      'VirtualService/shop/web -> Service/shop/web:80',
    ]);
    assert.equal(analysis.graph.nodesById.has('VirtualService/shop/internal'), false);
  });

  it('keeps an Istio Gateway and a Gateway API Gateway of the same name apart', () => {
    const both = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: same, namespace: shop}
spec: {selector: {istio: ingressgateway}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: same, namespace: shop}
spec: {gatewayClassName: x, listeners: [{name: h, port: 80, protocol: HTTP}]}
`;
    const { exposes } = northSouth({ 'gw.yaml': both });
    assert.deepEqual(exposes, [
      'external -> Gateway.networking.istio.io/shop/same',
      'external -> Gateway/shop/same:80',
    ]);
  });
});
