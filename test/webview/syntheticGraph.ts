// A deterministic synthetic GraphDto of about N nodes for layout tests and the benchmark: Services and
// workloads in namespaces of about 50 (at least 10 namespaces), one Ingress per namespace but the last,
// `selects` pairs, east-west calls inside each namespace and a few across, verdicts of every kind.
import type { EdgeDto, GraphDto, NodeDto, Severity, Verdict } from '../../src/shared/graphDto';

/** mulberry32: the same graph on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticGraph(target: number): GraphDto {
  const random = prng(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const namespaceCount = Math.max(10, Math.round(target / 50));
  const perNamespace = Math.max(3, Math.floor((target - 1 - (namespaceCount - 1)) / namespaceCount));
  const servicesPer = Math.floor(perNamespace / 2);
  const nodes: NodeDto[] = [
    { id: 'external', kind: 'External', name: 'internet', namespace: null, category: 'external', detail: '' },
  ];
  const edges = new Map<string, EdgeDto>();
  const verdict = (): Verdict => {
    const roll = random();
    return roll < 0.08 ? 'blocked' : roll < 0.12 ? 'unknown' : 'allowed';
  };
  const edge = (type: EdgeDto['type'], source: string, targetId: string, label = '') => {
    const id = `${type}:${source}->${targetId}`;
    const traffic = type === 'calls' ? 'east-west' : type === 'selects' ? undefined : 'north-south';
    edges.set(id, {
      id,
      source,
      target: targetId,
      type,
      label,
      ...(traffic ? { traffic } : {}),
      ...(type === 'calls' || type === 'routes' ? { verdict: verdict() } : {}),
    });
  };
  const servicesByNamespace: string[][] = [];
  for (let n = 0; n < namespaceCount; n++) {
    const namespace = `team-${String(n).padStart(3, '0')}`;
    const services: string[] = [];
    const workloads: string[] = [];
    for (let i = 0; i < perNamespace; i++) {
      const isService = i < servicesPer;
      const kind = isService ? 'Service' : i % 5 === 0 ? 'StatefulSet' : 'Deployment';
      const name = `app-${n}-${isService ? i : i - servicesPer}`;
      const id = `${kind}/${namespace}/${name}`;
      const findings =
        random() < 0.04
          ? { count: 1 + Math.floor(random() * 3), worst: pick<Severity>(['error', 'warning', 'info']) }
          : undefined;
      nodes.push({
        id,
        kind,
        name,
        namespace,
        category: isService ? 'service' : 'workload',
        detail: isService ? 'Service · 80→8080' : kind,
        ...(findings ? { findings } : {}),
        ...(!isService && random() < 0.1 ? { notIsolated: true } : {}),
      });
      (isService ? services : workloads).push(id);
    }
    services.forEach((service, i) => {
      const workload = workloads[i];
      if (workload) edge('selects', service, workload);
    });
    for (const workload of workloads) {
      const calls = 1 + Math.floor(random() * 2);
      for (let c = 0; c < calls; c++) edge('calls', workload, pick(services), '8080');
    }
    if (n < namespaceCount - 1) {
      const ingress = `Ingress/${namespace}/web`;
      nodes.push({
        id: ingress,
        kind: 'Ingress',
        name: 'web',
        namespace,
        category: 'entry',
        detail: 'Ingress · /',
      });
      edge('exposes', 'external', ingress);
      edge('routes', ingress, services[0] ?? '', '80');
      edge('routes', ingress, services[1] ?? services[0] ?? '', '80');
    }
    servicesByNamespace.push(services);
  }
  // Cross-namespace calls: about 3% of the nodes.
  const workloads = nodes.filter((node) => node.category === 'workload');
  for (let k = 0; k < Math.round(target * 0.03); k++) {
    const from = pick(workloads);
    const others = servicesByNamespace.filter((list) => !(list[0] ?? '').includes(`/${from.namespace}/`));
    edge('calls', from.id, pick(pick(others)), '8080');
  }
  return {
    nodes,
    edges: [...edges.values()],
    assumptions: { defaultNamespace: 'default' },
    summary: { files: nodes.length, objects: nodes.length, findings: 0 },
  };
}
