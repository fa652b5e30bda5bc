import * as assert from 'node:assert/strict';
import { analyzeYaml, edgeList, evidenceText } from '../../../../helpers/analyzeYaml';

/** A Deployment `name` in `namespace` whose one container has `containerYaml` (indented for it). */
function deployment(name: string, namespace: string, containerYaml: string, extraSpec = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
${extraSpec}      containers:
        - name: main
          image: example/${name}
${containerYaml}`;
}

/** A Service `name` selecting `app: name`, with `port` → `targetPort`. */
function service(
  name: string,
  namespace: string,
  port: number,
  targetPort: number | string = port,
  extra = '',
): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
${extra}  selector: {app: ${name}}
  ports:
    - name: main
      port: ${port}
      targetPort: ${targetPort}
`;
}

const backends = {
  'svc.yaml': [
    service('cart', 'shop', 7070),
    service('catalog', 'shop', 80, 8080),
    service('orders', 'shop', 8080),
    service('postgres', 'data', 5432, 5432, '  clusterIP: None\n'),
    service('redis', 'data', 6379),
    service('prometheus', 'shop', 9090),
  ].join('---\n'),
  'workloads.yaml': [
    deployment('cart', 'shop', ''),
    deployment('catalog', 'shop', '          ports: [{name: http, containerPort: 8080}]\n'),
    deployment('orders', 'shop', ''),
    deployment('postgres', 'data', ''),
    deployment('redis', 'data', ''),
    deployment('prometheus', 'shop', ''),
  ].join('---\n'),
};

function callsOf(callerYaml: string, extraFiles: Record<string, string> = {}) {
  const files = { ...backends, ...extraFiles, 'caller.yaml': callerYaml };
  const analysis = analyzeYaml(files);
  return {
    analysis,
    files,
    calls: edgeList(analysis, 'calls'),
    unresolved: analysis.findings.filter((f) => f.code === 'call-unresolved'),
  };
}

describe('east-west calls', () => {
  it('resolves a short name in the caller namespace only, with Service port and target port', () => {
    const { analysis, files, calls } = callsOf(
      deployment('web', 'shop', '          env:\n            - {name: CATALOG_ADDR, value: "catalog:80"}\n'),
    );
    assert.deepEqual(calls, ['Deployment/shop/web -> Service/shop/catalog:80']);
    const edge = analysis.graph.edges.find((e) => e.type === 'calls');
    assert.equal(edge?.targetPort, 8080);
    assert.equal(edge?.traffic, 'east-west');
    assert.equal(edge?.evidence?.[0]?.text, 'CATALOG_ADDR=catalog:80');
    assert.equal(evidenceText(files, edge), '"catalog:80"');
    const other = callsOf(
      deployment('web', 'other', '          env:\n            - {name: CATALOG_ADDR, value: "catalog:80"}\n'),
    );
    assert.deepEqual(other.calls, [], 'a short name never resolves across namespaces');
    assert.equal(other.unresolved.length, 1);
  });

  it('resolves name.ns, name.ns.svc and name.ns.svc.cluster.local across namespaces', () => {
    const env = ['redis.data:6379', 'redis.data.svc:6379', 'http://redis.data.svc.cluster.local:6379/0']
      .map((value, index) => `            - {name: A${index}, value: "${value}"}\n`)
      .join('');
    const { analysis, calls } = callsOf(deployment('web', 'shop', `          env:\n${env}`));
    assert.deepEqual(calls, ['Deployment/shop/web -> Service/data/redis:6379']);
    assert.equal(analysis.graph.edges.find((e) => e.type === 'calls')?.evidence?.length, 3);
  });

  it('resolves StatefulSet pod addresses through their headless Service', () => {
    const { calls } = callsOf(
      deployment(
        'web',
        'data',
        '          args: ["--db=postgres-0.postgres:5432", "--replica=postgres-1.postgres.data.svc.cluster.local:5432"]\n',
      ),
    );
    assert.deepEqual(calls, ['Deployment/data/web -> Service/data/postgres:5432']);
  });

  it('expands $(VAR) from variables defined earlier in the same container, as Kubernetes does', () => {
    const container = `          env:
            - {name: DB_HOST, value: postgres.data}
            - {name: DB_URL, value: "postgres://$(DB_HOST):5432/orders"}
            - {name: LATER, value: "$(NOT_YET)"}
            - {name: NOT_YET, value: "redis.data:6379"}
            - {name: ESCAPED, value: "$$(DB_HOST)"}
`;
    const { analysis, calls } = callsOf(deployment('web', 'shop', container));
    assert.deepEqual(calls, [
      'Deployment/shop/web -> Service/data/postgres:5432',
      'Deployment/shop/web -> Service/data/redis:6379',
    ]);
    const postgres = analysis.graph.edges.find((e) => e.to === 'Service/data/postgres');
    assert.deepEqual(
      postgres?.evidence?.map((item) => item.text),
      ['DB_HOST=postgres.data', 'DB_URL=postgres://$(DB_HOST):5432/orders'],
    );
  });

  it('joins host and port split across two variables', () => {
    const container = `          env:
            - {name: CART_HOST, value: cart}
            - {name: CART_PORT, value: "7070"}
            - {name: ORDERS_SERVICE_ADDR, value: orders}
            - {name: ORDERS_SERVICE_PORT, value: "8080"}
`;
    const { analysis, calls } = callsOf(deployment('web', 'shop', container));
    assert.deepEqual(calls, [
      'Deployment/shop/web -> Service/shop/cart:7070',
      'Deployment/shop/web -> Service/shop/orders:8080',
    ]);
    const cart = analysis.graph.edges.find((e) => e.to === 'Service/shop/cart');
    assert.deepEqual(
      cart?.evidence?.map((item) => item.text),
      ['CART_HOST=cart', 'CART_PORT=7070'],
    );
  });

  it('reads ConfigMaps: configMapKeyRef, envFrom with prefix, and mounted files', () => {
    const configMaps = `apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data:
  orders-url: http://orders:8080/api
  CART: cart:7070
---
apiVersion: v1
kind: ConfigMap
metadata: {name: app-config, namespace: shop}
data:
  app.yaml: |
    database:
      url: postgres://postgres.data.svc.cluster.local:5432/app
    timeout: 30
    listen: ":8080"
`;
    const container = `          env:
            - name: ORDERS
              valueFrom: {configMapKeyRef: {name: settings, key: orders-url}}
          envFrom:
            - configMapRef: {name: settings}
              prefix: X_
          volumeMounts:
            - {name: config, mountPath: /etc/app}
`;
    const volumes = `      volumes:
        - name: config
          configMap: {name: app-config}
`;
    const { analysis, files, calls } = callsOf(deployment('web', 'shop', container, volumes), {
      'cm.yaml': configMaps,
    });
    assert.deepEqual(calls, [
      'Deployment/shop/web -> Service/data/postgres:5432',
      'Deployment/shop/web -> Service/shop/cart:7070',
      'Deployment/shop/web -> Service/shop/orders:8080',
    ]);
    const orders = analysis.graph.edges.find((e) => e.to === 'Service/shop/orders');
    assert.equal(evidenceText(files, orders), 'http://orders:8080/api', 'evidence on the ConfigMap value');
    const postgres = analysis.graph.edges.find((e) => e.to === 'Service/data/postgres');
    assert.equal(postgres?.evidence?.[0]?.text, 'app-config/app.yaml: postgres.data.svc.cluster.local:5432');
  });

  it('ignores a ConfigMap the container does not mount, and volumes of other containers', () => {
    const configMaps = `apiVersion: v1
kind: ConfigMap
metadata: {name: unused, namespace: shop}
data: {x: "cart:7070"}
`;
    const volumes = '      volumes:\n        - name: config\n          configMap: {name: unused}\n';
    const { calls } = callsOf(deployment('web', 'shop', '', volumes), { 'cm.yaml': configMaps });
    assert.deepEqual(calls, []);
  });

  it('reads init containers, args and command of every workload kind, CronJob included', () => {
    const cronJob = `apiVersion: batch/v1
kind: CronJob
metadata: {name: cleanup, namespace: shop}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {job: cleanup}}
        spec:
          initContainers:
            - name: wait
              command: ["sh", "-c", "until nc -z cart 7070; do sleep 1; done; curl http://orders:8080/ready"]
          containers:
            - name: main
              args: ["--redis", "redis.data:6379"]
`;
    const { calls } = callsOf(cronJob);
    assert.deepEqual(calls, [
      'CronJob/shop/cleanup -> Service/data/redis:6379',
      'CronJob/shop/cleanup -> Service/shop/orders:8080',
    ]);
  });

  it('infers the port from the scheme or the only Service port when none is written', () => {
    const env = `          env:
            - {name: CATALOG_URL, value: "http://catalog/api"}
            - {name: ORDERS_HOST, value: orders}
`;
    const { calls } = callsOf(deployment('web', 'shop', env));
    assert.deepEqual(calls, [
      'Deployment/shop/web -> Service/shop/catalog:80',
      'Deployment/shop/web -> Service/shop/orders:8080',
    ]);
  });

  it('takes one port per protocol variable (X_PORT_GRPC, X_PORT_HTTP) and folds a port-less mention into ported edges', () => {
    const multi = `apiVersion: v1
kind: Service
metadata: {name: collector, namespace: shop}
spec:
  selector: {app: collector}
  ports: [{name: grpc, port: 4317}, {name: http, port: 4318}]
`;
    const env = `          env:
            - {name: COLLECTOR_HOST, value: collector}
            - {name: COLLECTOR_PORT_GRPC, value: "4317"}
            - {name: COLLECTOR_PORT_HTTP, value: "4318"}
            - {name: TRACES, value: "http://collector:4318/v1/traces"}
`;
    const { analysis, calls } = callsOf(deployment('web', 'shop', env), { 'collector.yaml': multi });
    assert.deepEqual(calls, [
      'Deployment/shop/web -> Service/shop/collector:4317',
      'Deployment/shop/web -> Service/shop/collector:4318',
    ]);
    const http = analysis.graph.edges.find((e) => e.port === 4318);
    assert.deepEqual(
      http?.evidence?.map((item) => item.text),
      ['COLLECTOR_HOST=collector', 'COLLECTOR_PORT_HTTP=4318', 'TRACES=http://collector:4318/v1/traces'],
    );
    const portless = callsOf(
      deployment(
        'web',
        'shop',
        '          env:\n            - {name: COLLECTOR_HOST, value: collector}\n            - {name: OTLP, value: "collector:4317"}\n',
      ),
      { 'collector.yaml': multi },
    );
    assert.deepEqual(
      portless.calls,
      ['Deployment/shop/web -> Service/shop/collector:4317'],
      'no separate port-less edge',
    );
  });

  it('treats the API server (kubernetes.default.svc) as neither a call nor unresolved', () => {
    const { calls, unresolved } = callsOf(
      deployment('web', 'shop', '          args: ["--apiserver=https://kubernetes.default.svc:443"]\n'),
    );
    assert.deepEqual(calls, []);
    assert.deepEqual(unresolved, []);
  });

  describe('precision traps', () => {
    it('a word equal to a Service name in a non-address position is not a call', () => {
      const env = `          env:
            - {name: METRICS_STORAGE_TYPE, value: prometheus}
            - {name: MODE, value: cart}
`;
      assert.deepEqual(callsOf(deployment('web', 'shop', env)).calls, []);
    });

    it('own listen addresses, localhost, IPs and file paths are not calls', () => {
      const env = `          env:
            - {name: LISTEN_ADDR, value: ":8080"}
            - {name: BIND, value: "0.0.0.0:7070"}
            - {name: LOCAL, value: "http://localhost:9090"}
            - {name: LOOPBACK, value: "127.0.0.1:6379"}
            - {name: CONFIG, value: /etc/cart/cart.yaml}
            - {name: SOCKET, value: unix:///var/run/redis.sock}
`;
      const { calls, unresolved } = callsOf(deployment('web', 'shop', env));
      assert.deepEqual(calls, []);
      assert.deepEqual(unresolved, []);
    });

    it('a workload calling its own Service is not a call', () => {
      const env = '          env:\n            - {name: SELF_URL, value: "http://cart:7070"}\n';
      const files = {
        'self.yaml': deployment('cart', 'shop', env).replace(
          'name: cart\n  namespace',
          'name: cart-v2\n  namespace',
        ),
      };
      const analysis = analyzeYaml({ ...backends, ...files });
      assert.deepEqual(edgeList(analysis, 'calls'), []);
    });

    it('an FQDN to a namespace without that Service stays unresolved, never resolved to a same-named Service elsewhere', () => {
      const env = '          env:\n            - {name: DB_HOST, value: postgres.vm.svc.cluster.local}\n';
      const { calls, unresolved } = callsOf(deployment('web', 'data', env));
      assert.deepEqual(calls, []);
      assert.equal(unresolved.length, 1);
      assert.match(unresolved[0]!.message, /no Service 'postgres' in namespace 'vm'/);
      assert.equal(unresolved[0]!.severity, 'info');
    });

    it('outside domains and unknown two-label names are neither calls nor findings', () => {
      const env = `          env:
            - {name: API, value: "https://api.payments.example.net/v2"}
            - {name: SMTP_HOST, value: smtp.gmail.com}
            - {name: FILE, value: app.jar}
`;
      const { calls, unresolved } = callsOf(deployment('web', 'shop', env));
      assert.deepEqual(calls, []);
      assert.deepEqual(unresolved, []);
    });

    it('name:port with no such Service is call-unresolved on the value', () => {
      const text = deployment(
        'web',
        'shop',
        '          env:\n            - {name: X, value: "assistant:80"}\n',
      );
      const { unresolved, calls } = callsOf(text);
      assert.deepEqual(calls, []);
      const finding = unresolved[0];
      assert.ok(finding);
      assert.equal(text.slice(finding.range.start, finding.range.end), '"assistant:80"');
      assert.match(
        finding.message,
        /'assistant:80' \(X\) looks like a cluster address, but there is no Service 'assistant' in namespace 'shop'/,
      );
    });
  });
});
