// A realistic GraphDto for the webview tiers: a shop in three namespaces, reached through an Ingress,
// with Services selecting workloads, east-west calls (two across namespaces), verdicts of every kind
// (one call blocked, one unknown), a workload no policy isolates and nodes with findings.
// Shared by the Node unit tests (test/unit/webview) and the Chromium tier (test/webview).
import type { EdgeDto, EdgeType, GraphDto, NodeDto, Verdict } from '../../src/shared/graphDto';

function node(
  kind: string,
  namespace: string,
  name: string,
  detail: string,
  extra: Partial<NodeDto> = {},
): NodeDto {
  const category = kind === 'Service' ? 'service' : kind === 'Ingress' ? 'entry' : 'workload';
  return { id: `${kind}/${namespace}/${name}`, kind, name, namespace, category, detail, ...extra };
}

function edge(type: EdgeType, source: string, target: string, label = '', verdict?: Verdict): EdgeDto {
  const traffic = type === 'calls' ? 'east-west' : type === 'selects' ? undefined : 'north-south';
  const port = Number(label.split('→')[0]);
  return {
    id: `${type}:${source}->${target}`,
    source,
    target,
    type,
    label,
    ...(traffic ? { traffic } : {}),
    ...(verdict ? { verdict, reason: `${verdict} (test)`, policies: [`NetworkPolicy/test/${verdict}`] } : {}),
    ...(Number.isFinite(port) && port > 0 ? { ports: [{ port, targetPort: port }] } : {}),
    ...(type === 'calls' ? { evidence: [{ text: `ADDR=${target}:${label}`, location: 'app.yaml:7' }] } : {}),
  };
}

const nodes: NodeDto[] = [
  {
    id: 'external',
    kind: 'External',
    name: 'internet',
    namespace: null,
    category: 'external',
    detail: 'clients',
  },
  node('Ingress', 'shop', 'web', 'Ingress · shop.example.com'),
  node('Service', 'shop', 'frontend', 'Service · 80→8080'),
  node('Deployment', 'shop', 'frontend', 'Deployment · 3 replicas'),
  node('Service', 'shop', 'cart', 'Service · 7070'),
  node('Deployment', 'shop', 'cart', 'Deployment · 2 replicas', { findings: { count: 2, worst: 'error' } }),
  node('Service', 'shop', 'catalog', 'Service · 3550'),
  node('Deployment', 'shop', 'catalog', 'Deployment'),
  node('Service', 'payments', 'payments-api', 'Service · 443→8443'),
  node('Deployment', 'payments', 'payments-api', 'Deployment · 2 replicas'),
  node('Service', 'payments', 'ledger', 'Service · 9000'),
  node('StatefulSet', 'payments', 'ledger', 'StatefulSet · 3 replicas', {
    findings: { count: 1, worst: 'warning' },
  }),
  node('Service', 'data', 'postgres', 'Service · 5432'),
  node('StatefulSet', 'data', 'postgres', 'StatefulSet · 1 replica'),
  node('Service', 'data', 'redis', 'Service · 6379'),
  node('Deployment', 'data', 'redis', 'Deployment', { notIsolated: true }),
];

const edges: EdgeDto[] = [
  edge('exposes', 'external', 'Ingress/shop/web', '443'),
  edge('routes', 'Ingress/shop/web', 'Service/shop/frontend', '80→8080', 'allowed'),
  edge('selects', 'Service/shop/frontend', 'Deployment/shop/frontend'),
  edge('selects', 'Service/shop/cart', 'Deployment/shop/cart'),
  edge('selects', 'Service/shop/catalog', 'Deployment/shop/catalog'),
  edge('selects', 'Service/payments/payments-api', 'Deployment/payments/payments-api'),
  edge('selects', 'Service/payments/ledger', 'StatefulSet/payments/ledger'),
  edge('selects', 'Service/data/postgres', 'StatefulSet/data/postgres'),
  edge('selects', 'Service/data/redis', 'Deployment/data/redis'),
  edge('calls', 'Deployment/shop/frontend', 'Service/shop/cart', '7070', 'allowed'),
  edge('calls', 'Deployment/shop/frontend', 'Service/shop/catalog', '3550', 'allowed'),
  edge('calls', 'Deployment/shop/cart', 'Service/data/redis', '6379', 'blocked'),
  edge('calls', 'Deployment/shop/frontend', 'Service/payments/payments-api', '443', 'unknown'),
  edge('calls', 'Deployment/payments/payments-api', 'Service/payments/ledger', '9000', 'allowed'),
  edge('calls', 'StatefulSet/payments/ledger', 'Service/data/postgres', '5432', 'allowed'),
];

export const SAMPLE_GRAPH: GraphDto = {
  nodes,
  edges,
  assumptions: { defaultNamespace: 'default' },
  summary: { files: 9, objects: 24, findings: 3 },
};

export const SAMPLE_NAMESPACES = ['data', 'payments', 'shop'] as const;

export const EMPTY_GRAPH: GraphDto = {
  nodes: [],
  edges: [],
  assumptions: { defaultNamespace: 'default' },
  summary: { files: 3, objects: 5, findings: 0 },
};
