// Minimal manifests shared by the hover and navigation tests: a shop namespace where frontend
// calls cart (allowed by a policy on cart's named port), admin calls cart (blocked), an Ingress
// routes to cart, and one value names a Service that does not exist.
import type { HoverContent } from '../../../../src/core/hover/hoverContent';

export const SHOP = `apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec:
  selector: {app: cart}
  ports:
    - {name: grpc, port: 7070, targetPort: grpc}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: cart, namespace: shop}
spec:
  template:
    metadata:
      labels: {app: cart}
    spec:
      containers:
        - name: server
          ports: [{name: grpc, containerPort: 7000}]
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
          env:
            - {name: CART_ADDR, value: "cart:7070"}
            - {name: MISSING, value: "http://nowhere:80"}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: admin, namespace: shop}
spec:
  template:
    metadata: {labels: {app: admin}}
    spec:
      containers:
        - name: admin
          args: ["--cart=cart.shop.svc.cluster.local:7070"]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: cart-allow, namespace: shop}
spec:
  podSelector: {matchLabels: {app: cart}}
  ingress:
    - from: [{podSelector: {matchLabels: {app: frontend}}}]
      ports: [{port: grpc}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop}
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: cart, port: {number: 7070}}
          - path: /gone
            pathType: Prefix
            backend:
              service: {name: gone, port: {number: 80}}
`;

/** The offset `delta` characters into the first occurrence of `needle` (after `after`, if given). */
export function offsetOf(text: string, needle: string, delta = 0, after = ''): number {
  const from = after === '' ? 0 : text.indexOf(after);
  if (from < 0) throw new Error(`"${after}" not found`);
  const index = text.indexOf(needle, from);
  if (index < 0) throw new Error(`"${needle}" not found`);
  return index + delta;
}

/** A hover's sections by label. */
export function sectionsOf(hover: HoverContent | undefined): Record<string, readonly string[]> {
  if (!hover) throw new Error('no hover');
  return Object.fromEntries(hover.sections.map((section) => [section.label, section.values]));
}
