// A minimal workspace for the NetworkPolicy fixes: a caller and a callee in one namespace, calls
// into another namespace (one to a Service selecting two workloads whose named port resolves to
// different container ports, one with credentials in its URL), a LoadBalancer, an Ingress, a job
// nobody calls. Analysed in plain Node.
import * as assert from 'node:assert/strict';
import { analyzeWorkspace, type Analysis } from '../../../../src/core/analysis';
import { parseManifestFile } from '../../../../src/core/parse/parseManifestFile';
import type { Finding } from '../../../../src/core/rules/finding';

export type Files = Record<string, string>;

const FRONTEND = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend
  namespace: web
spec:
  template:
    metadata:
      labels: {app: frontend, tier: web}
    spec:
      containers:
        - name: main
          image: frontend
          ports: [{name: http, containerPort: 8080}]
          env:
            - {name: CATALOG_URL, value: "http://catalog:8080/api"}
            - {name: CART_ADDR, value: "cart.shop:7070"}
---
apiVersion: v1
kind: Service
metadata:
  name: frontend
  namespace: web
spec:
  type: LoadBalancer
  selector: {app: frontend}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: web
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: frontend, port: {number: 80}}}
`;

const CATALOG = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: catalog
  namespace: web
spec:
  template:
    metadata:
      labels: {app: catalog, tier: web}
    spec:
      containers:
        - name: main
          image: catalog
          ports: [{containerPort: 8080}]
          env:
            - {name: DB_URL, value: "postgres://admin:s3cret@db.shop:5432/catalog"}
---
apiVersion: v1
kind: Service
metadata:
  name: catalog
  namespace: web
spec:
  selector: {app: catalog}
  ports: [{port: 8080}]
`;

const CART = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: cart, track: stable}
    spec:
      containers: [{name: main, image: cart, ports: [{name: grpc, containerPort: 7070}]}]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart-canary
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: cart, track: canary}
    spec:
      containers: [{name: main, image: cart, ports: [{name: grpc, containerPort: 7071}]}]
---
apiVersion: v1
kind: Service
metadata:
  name: cart
  namespace: shop
spec:
  selector: {app: cart}
  ports: [{name: grpc, port: 7070, targetPort: grpc}]
---
apiVersion: batch/v1
kind: Job
metadata:
  name: cart-sweep
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: cart-sweep}
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: sweep
          args: ["--cart=cart:7070"]
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: shop
spec:
  serviceName: db
  template:
    metadata:
      labels: {app: db}
    spec:
      containers: [{name: postgres, image: postgres, ports: [{containerPort: 5432}]}]
---
apiVersion: v1
kind: Service
metadata:
  name: db
  namespace: shop
spec:
  clusterIP: None
  selector: {app: db}
  ports: [{port: 5432}]
`;

/** The workspace as a folder of three files in two directories. */
export const WORKSPACE: Files = {
  'web/frontend.yaml': FRONTEND,
  'web/catalog.yaml': CATALOG,
  'shop/cart.yaml': CART,
};

/** Analyses `{ 'path.yaml': 'text' }` as the CLI would a folder holding them; no rule may throw. */
export function analyze(files: Files, options: { ingressController?: string } = {}): Analysis {
  const analysis = analyzeWorkspace(
    Object.entries(files).map(([file, text]) => parseManifestFile(file, text)),
    { defaultNamespace: 'default', ...options },
  );
  assert.deepEqual(analysis.ruleFailures, [], 'no rule threw');
  return analysis;
}

/** Findings as comparable lines: code, where, message. */
export function findingLines(findings: readonly Finding[]): string[] {
  return findings.map(
    (finding) =>
      `${finding.code} ${finding.range.file}:${finding.range.start}-${finding.range.end} ${finding.message}`,
  );
}
