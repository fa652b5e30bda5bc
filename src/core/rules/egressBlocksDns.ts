import type { K8sObject } from '../model/k8sObject';
import type { Workload, WorkspaceModel } from '../model/workspaceModel';
import { ConnectionSet } from '../policy/connectionSet';
import { findingAt, relatedObject } from './findingAt';
import { usesHostNetwork } from './workloadNotIsolated';
import type { Finding } from './finding';
import type { Rule } from './rule';

/**
 * `egress-blocks-dns`: the workload's egress is isolated and nothing allows UDP/TCP 53 to
 * kube-dns in kube-system, so every name lookup (including of Services) fails.
 */
export const egressBlocksDns: Rule = ({ model, graph }) => {
  const dns: Workload = kubeDns(model);
  return model.workloads.flatMap((workload): Finding[] => {
    const policies = graph.policy.policiesFor(workload, 'egress');
    if (policies.length === 0 || usesHostNetwork(workload)) return [];
    // Only the workload's egress: kube-dns's own ingress policies (when the workspace has some for
    // kube-system) are not what this finding is about, and its message blames the egress.
    const { egress } = graph.policy.connection(
      { kind: 'workload', workload },
      { kind: 'workload', workload: dns },
    );
    const allowed = egress?.allowed ?? ConnectionSet.ALL;
    const udp = allowed.contains('UDP', 53);
    const tcp = allowed.contains('TCP', 53);
    if (udp) return [];
    return [
      findingAt(
        'egress-blocks-dns',
        workload.object,
        ['metadata', 'name'],
        `The egress of ${workload.object.kind} '${workload.object.name}' is isolated by ${policies.map((policy) => policy.object.id).join(', ')}, and no rule allows UDP port 53 to kube-dns in kube-system${tcp ? '' : ' (nor TCP 53)'}: its DNS lookups, Service names included, will fail. Allow egress to namespace kube-system, pods k8s-app=kube-dns, on UDP and TCP 53.`,
        {
          related: policies.map((policy) =>
            relatedObject(policy.object, `${policy.object.id} isolates its egress`),
          ),
        },
      ),
    ];
  });
};

/** The workspace's kube-dns (or CoreDNS) if it has one, else the standard one: kube-system, k8s-app=kube-dns, port 53. */
function kubeDns(model: WorkspaceModel): Workload {
  const real = model.workloadIndex.select('kube-system', {
    matchLabels: { 'k8s-app': 'kube-dns' },
    matchExpressions: [],
  })[0];
  if (real) return real;
  const object = {
    id: 'Deployment/kube-system/kube-dns',
    kind: 'Deployment',
    name: 'kube-dns',
    namespace: 'kube-system',
  } as K8sObject;
  const ports = [
    { name: 'dns', containerPort: 53, protocol: 'UDP' },
    { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
  ];
  return {
    object,
    template: {
      labels: { 'k8s-app': 'kube-dns' },
      path: [],
      containers: [{ name: 'coredns', init: false, path: [], ports, body: {} }],
    },
  };
}
