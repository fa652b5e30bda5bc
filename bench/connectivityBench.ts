// Connectivity benchmark: `kube-topology connectivity` over a synthetic cluster of W workloads in
// N namespaces with P NetworkPolicies (default-deny per namespace, per-app allow rules by pod
// labels, by namespace, by both, with ports, some egress). Prints medians and lines per second.
//
//   npx tsx bench/connectivityBench.ts [--workloads 2000] [--policies 500] [--runs 3]
import { parseArgs } from 'node:util';
import { analyzeWorkspace } from '../src/core/analysis';
import { parseManifestFileFast } from '../src/core/parse/parseManifestFileFast';
import { connectivity } from '../src/core/policy/connectivity';

const { values } = parseArgs({
  options: {
    workloads: { type: 'string', default: '2000' },
    policies: { type: 'string', default: '500' },
    runs: { type: 'string', default: '3' },
  },
});
const workloadCount = Number(values.workloads);
const policyCount = Number(values.policies);
const namespaces = Math.max(1, Math.round(workloadCount / 100));

function deployment(index: number): string {
  const ns = `ns-${index % namespaces}`;
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: app-${index}, namespace: ${ns}}
spec:
  template:
    metadata: {labels: {app: app-${index}, tier: ${['web', 'api', 'db'][index % 3]}}}
    spec:
      containers:
        - name: main
          image: example/app
          ports: [{name: http, containerPort: ${8000 + (index % 50)}}]
`;
}

function policy(index: number): string {
  const ns = `ns-${index % namespaces}`;
  const target = index % workloadCount;
  const kind = index % 5;
  const head = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p-${index}, namespace: ${ns}}\nspec:\n`;
  if (index < namespaces) return `${head}  podSelector: {}\n  policyTypes: [Ingress]\n`;
  const selector = `  podSelector: {matchLabels: {app: app-${target - (target % namespaces) + (index % namespaces)}}}\n`;
  switch (kind) {
    case 0:
      return `${head}${selector}  ingress: [{from: [{podSelector: {matchLabels: {tier: web}}}], ports: [{port: http}]}]\n`;
    case 1:
      return `${head}${selector}  ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ns-${(index + 1) % namespaces}}}}]}]\n`;
    case 2:
      return `${head}${selector}  ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {tier: api}}}], ports: [{port: 8000, endPort: 8049}]}]\n`;
    case 3:
      return `${head}${selector}  policyTypes: [Egress]\n  egress: [{to: [{podSelector: {matchLabels: {tier: db}}}]}, {ports: [{port: 53, protocol: UDP}]}]\n`;
    default:
      return `${head}${selector}  ingress: [{from: [{ipBlock: {cidr: 10.${index % 256}.0.0/16}}]}]\n`;
  }
}

const text = [
  ...Array.from({ length: workloadCount }, (_, index) => deployment(index)),
  ...Array.from({ length: policyCount }, (_, index) => policy(index)),
].join('---\n');
const files = [parseManifestFileFast('cluster.yaml', text)];
const analysis = analyzeWorkspace(files, { defaultNamespace: 'default', oneShot: true });
const { graph } = analysis;

const times: number[] = [];
let lines = 0;
for (let run = 0; run < Number(values.runs); run++) {
  const start = performance.now();
  lines = connectivity(graph.policy, graph.context, graph.ingressController).length;
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;
const pairs = workloadCount * (workloadCount - 1);
console.log(
  `connectivity: ${workloadCount} workloads in ${namespaces} namespaces, ${policyCount} policies: ` +
    `median ${(median / 1000).toFixed(2)} s over ${times.length} runs, ${lines} lines, ${pairs} workload pairs ` +
    `(${(((pairs / median) * 1000) / 1e6).toFixed(1)} M pairs/s)`,
);
