import type { Workload } from '../model/workspaceModel';
import type { NetworkPolicy } from '../policy/networkPolicy';
import type { RuleContext } from '../rules/rule';
import { DNS_NAMESPACE, DNS_POD_LABELS, dnsRule } from './leastPrivilegePolicies';
import { insertInto, ruleAdditionEdits, selectedBy } from './ruleAdditions';
import type { TextEdit } from './textEdit';

/**
 * "Allow DNS egress": the DNS rule the generated policies carry (UDP and TCP 53 to pods
 * `k8s-app: kube-dns` in kube-system) added to a policy that isolates the workload's egress. The
 * policy chosen selects only workloads whose lookups are blocked too, this one alone first (then
 * the rule opens nothing else); when none fits, a new Egress policy for the workload.
 */
export function allowDns(
  context: RuleContext,
  workload: Workload,
  textOf: (file: string) => string | undefined,
): TextEdit[] | undefined {
  const policies = context.graph.policy.policiesFor(workload, 'egress');
  if (policies.length === 0 || !lacksDns(context, workload)) return undefined;
  const rules = [dnsRule()];
  const fits = (policy: NetworkPolicy) =>
    selectedBy(context, policy).every((other) => other === workload || lacksDns(context, other));
  const candidates = policies
    .filter(fits)
    .map((policy) => ({ policy, selected: selectedBy(context, policy).length }))
    .sort((a, b) => a.selected - b.selected)
    .map(({ policy }) => policy)
    .filter((policy) => insertInto(policy, 'egress', rules, textOf) !== undefined);
  return ruleAdditionEdits(
    context,
    [
      {
        direction: 'egress',
        workload,
        rules,
        candidates: candidates.slice(0, 1),
        newName: `${workload.object.name}-allow-dns`,
        newComment: `${workload.object.kind} ${workload.object.name}: its egress is isolated; this lets it resolve names.`,
      },
    ],
    textOf,
  );
}

/** Whether a workload's egress is isolated and blocks UDP 53 to kube-dns, as egress-blocks-dns judges it. */
function lacksDns(context: RuleContext, workload: Workload): boolean {
  const { policy: engine } = context.graph;
  if (engine.policiesFor(workload, 'egress').length === 0) return false;
  const dns = kubeDns(context);
  const verdict = engine.verdict('egress', workload, { kind: 'workload', workload: dns }, dns);
  return !verdict.allowed.contains('UDP', 53);
}

/** The workspace's kube-dns, or a stand-in as egress-blocks-dns assumes it: kube-system, k8s-app=kube-dns, port 53 named dns. */
function kubeDns(context: RuleContext): Workload {
  const real = context.model.workloadIndex.select(DNS_NAMESPACE, {
    matchLabels: DNS_POD_LABELS,
    matchExpressions: [],
  })[0];
  if (real) return real;
  return {
    object: {
      id: `Deployment/${DNS_NAMESPACE}/kube-dns`,
      kind: 'Deployment',
      name: 'kube-dns',
      namespace: DNS_NAMESPACE,
    } as Workload['object'],
    template: {
      labels: { ...DNS_POD_LABELS },
      path: [],
      containers: [
        {
          name: 'coredns',
          init: false,
          path: [],
          body: {},
          ports: [
            { name: 'dns', containerPort: 53, protocol: 'UDP' },
            { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
          ],
        },
      ],
    },
  };
}
