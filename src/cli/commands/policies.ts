import { generatePolicies } from '../../core/fixes/leastPrivilegePolicies';
import { policiesToYaml } from '../../core/fixes/policyYaml';
import { choiceFlag, onlyFlags, type ParsedArgs } from '../args';
import { workspaceFor } from './workspaceFor';

/**
 * `policies PATH... [--namespace-default-deny] [--format yaml]`: the least-privilege NetworkPolicies
 * the quick-fixes would write, for every workload, as one YAML stream. With
 * `--namespace-default-deny`, each namespace with workloads also gets a default-deny (ingress and
 * egress) first, as "Isolate namespace" writes it.
 */
export function policiesCommand(args: ParsedArgs): { output: string; code: number } {
  onlyFlags(args, 'policies', ['format', 'namespace', 'ingress-controller', 'namespace-default-deny']);
  choiceFlag(args, 'format', ['yaml'], 'yaml');
  const { model, graph } = workspaceFor(args).analysis;
  const namespaces = [...new Set(model.workloads.map((workload) => workload.object.namespace ?? ''))].sort();
  const { policies, skipped } = generatePolicies(
    { model, graph },
    args.flags.has('namespace-default-deny') ? { defaultDenyNamespaces: namespaces } : {},
  );
  const written = policies.filter((policy) => policy.workload !== undefined).length;
  const denies = policies.length - written;
  const header = [
    `# kube-topology policies: ${written} least-privilege NetworkPolicies${denies === 0 ? '' : ` and ${denies} default-deny`}${written === 0 ? '' : ` for the workloads of ${namespaces.join(', ')}`}.`,
    ...skipped.map(({ workload, reason }) => `# No policy for ${workload}: ${reason}.`),
  ];
  return { output: `${header.join('\n')}\n${policiesToYaml(policies)}`, code: 0 };
}
