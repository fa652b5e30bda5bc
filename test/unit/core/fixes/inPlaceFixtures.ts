// A workspace whose NetworkPolicies block calls in every way an existing policy can be written, for
// the fixes that edit policies in place: frontend (namespace web, egress isolated without DNS)
// calls api through a Service that translates 80 to the named pod port http (8080), cache (a
// policy in flow style), search (`ingress: []`), ledger (a policy without an ingress key) and db
// (only a namespace-wide default-deny isolates it); worker (namespace shop, egress open) calls
// api, which admits it, and ledger. A kube-dns Deployment in kube-system makes DNS
// show in the connectivity list.
import type { Files } from './fixesFixtures';

const FRONTEND = `# The web tier.
apiVersion: apps/v1
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
          env:
            - {name: API_URL, value: "http://api.shop:80/v1"}
            - {name: CACHE_ADDR, value: "cache.shop:6379"}
            - {name: SEARCH_URL, value: "http://search.shop:9200"}
            - {name: LEDGER_ADDR, value: "ledger.shop:7000"}
            - {name: DB_URL, value: "postgres://db.data:5432/shop"}
`;

const service = (name: string, namespace: string, port: number, targetPort: number | string) => `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector: {app: ${name}}
  ports: [{port: ${port}, targetPort: ${targetPort}}]
`;

const deployment = (name: string, namespace: string, port: string, extra = '') => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: main
          image: ${name}
          ports: [${port}]${extra}
`;

const SHOP = [
  deployment('api', 'shop', '{name: http, containerPort: 8080}'),
  service('api', 'shop', 80, 'http'),
  deployment(
    'worker',
    'shop',
    '{containerPort: 9000}',
    '\n          env: [{name: API, value: "api:80"}, {name: LEDGER, value: "ledger:7000"}]',
  ),
  deployment('cache', 'shop', '{containerPort: 6379}'),
  service('cache', 'shop', 6379, 6379),
  deployment('search', 'shop', '{containerPort: 9200}'),
  service('search', 'shop', 9200, 9200),
  deployment('ledger', 'shop', '{containerPort: 7000}'),
  service('ledger', 'shop', 7000, 7000),
].join('');

const DATA = [deployment('db', 'data', '{containerPort: 5432}'), service('db', 'data', 5432, 5432)].join('');

const DNS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coredns
  namespace: kube-system
spec:
  template:
    metadata:
      labels: {k8s-app: kube-dns}
    spec:
      containers:
        - name: coredns
          image: coredns
          ports: [{name: dns, containerPort: 53, protocol: UDP}, {name: dns-tcp, containerPort: 53}]
`;

/** The shop's policies: one per way of writing the list a rule goes into. */
export const SHOP_POLICIES = `# Policies of the shop namespace. Keep this header.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-allow
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: api
  policyTypes: [Ingress]
  ingress:
    # the worker only, for now
    - from:
        - podSelector:
            matchLabels:
              app: worker
      ports:
        - port: 8080 # http
  # end of the ingress rules
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: cache-allow
  namespace: shop
spec:
  podSelector: {matchLabels: {app: cache}}
  ingress: [{from: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 6379}]}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: search-deny
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: search
  policyTypes:
    - Ingress
  ingress: []
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ledger-deny
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: ledger
  policyTypes: ["Ingress"]
`;

/** The web tier's egress: isolated, only to the worker, and no DNS. */
export const WEB_POLICIES = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: frontend-egress
  namespace: web
spec:
  podSelector:
    matchLabels:
      app: frontend
  policyTypes:
  - Egress
  egress:
  - to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: shop
      podSelector:
        matchLabels:
          app: worker
    ports:
    - port: 9000
`;

export const DATA_POLICIES = `# Nothing gets into data unless a policy says so.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: data
spec:
  podSelector: {}
  policyTypes:
    - Ingress
`;

export const IN_PLACE: Files = {
  'web/frontend.yaml': FRONTEND,
  'web/policies.yaml': WEB_POLICIES,
  'shop/apps.yaml': SHOP,
  'shop/policies.yaml': SHOP_POLICIES,
  'data/db.yaml': DATA,
  'data/policies.yaml': DATA_POLICIES,
  'kube-system/dns.yaml': DNS,
};
