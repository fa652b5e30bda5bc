import { isProtocol } from '../../core/policy/connectionSet';
import { describeEndpoint, type Endpoint } from '../../core/policy/endpoints';
import { ALL_IPV4, parseIp, type IpRange } from '../../core/policy/ipRanges';
import { reach } from '../../core/policy/reach';
import { choiceFlag, stringFlag, UsageError, type ParsedArgs } from '../args';
import type { CliWorkspace } from '../workspace';
import { workspaceFor } from './workspaceFor';

/**
 * `reach PATH... --from ID --to ID --port PORT [--protocol P] [--external-ip IP]`: whether the
 * pods of --from may open a connection to the pods of --to. A Service as --to is followed to the
 * pods it selects, its port translated to each pod's target port. Exit 0 allowed, 1 blocked.
 */
export function reachCommand(args: ParsedArgs): { output: string; code: number } {
  const format = choiceFlag(args, 'format', ['text', 'json'], 'text');
  const from = required(args, 'from');
  const to = required(args, 'to');
  const portText = required(args, 'port');
  const protocol = (stringFlag(args, 'protocol') ?? 'TCP').toUpperCase();
  if (!isProtocol(protocol)) throw new UsageError('--protocol must be TCP, UDP or SCTP');
  const externalRange = externalRangeOf(stringFlag(args, 'external-ip'));
  const workspace = workspaceFor(args);
  const port: number | string = /^\d+$/.test(portText) ? Number(portText) : portText;
  const source = endpointFor(workspace, from, externalRange, '--from');
  const destinations = destinationsFor(workspace, to, port, externalRange);
  const answer = reach(workspace.analysis.graph.policy, source, destinations, protocol);
  const code = answer.allowed ? 0 : 1;
  const notEvaluated = notEvaluatedFor(workspace, [
    source,
    ...destinations.map((destination) => destination.endpoint),
  ]);
  const caveat =
    notEvaluated.length > 0
      ? `\nNot evaluated (policies of other kinds that may also apply): ${notEvaluated.join(', ')}`
      : '';
  if (format === 'json') {
    const [first] = answer.targets;
    const json = {
      allowed: answer.allowed,
      from,
      to,
      port,
      protocol,
      egress: first?.egress ?? {
        isolated: false,
        policies: [],
        allowedBy: [],
        allowed: true,
        sentence: 'not restricted',
      },
      ingress: first?.ingress ?? {
        isolated: false,
        policies: [],
        allowedBy: [],
        allowed: true,
        sentence: 'not restricted',
      },
      targets: answer.targets,
      reason: answer.reason,
      notEvaluated,
    };
    return { output: JSON.stringify(json, null, 2), code };
  }
  return {
    output: `${answer.allowed ? 'ALLOWED' : 'BLOCKED'}: ${from} -> ${to} ${protocol} ${port}\nSource: ${describeEndpoint(source)}\n${answer.reason}${caveat}`,
    code,
  };
}

function required(args: ParsedArgs, name: string): string {
  const value = stringFlag(args, name);
  if (value === undefined) throw new UsageError(`reach needs --${name}`);
  return value;
}

function externalRangeOf(ip: string | undefined): IpRange {
  if (ip === undefined) return ALL_IPV4;
  const value = parseIp(ip);
  if (value === undefined) throw new UsageError(`--external-ip must be an IPv4 address, got '${ip}'`);
  return { first: value, last: value };
}

function endpointFor(workspace: CliWorkspace, id: string, externalRange: IpRange, flag: string): Endpoint {
  if (id === 'external') return { kind: 'external', range: externalRange };
  if (id === 'ingress-controller')
    return { kind: 'ingress-controller', controller: workspace.analysis.graph.ingressController };
  const workload = workspace.analysis.model.workloadsById.get(id);
  if (!workload)
    throw new UsageError(`${flag} ${id}: no such workload (ids look like Deployment/namespace/name)`);
  return { kind: 'workload', workload };
}

function destinationsFor(
  workspace: CliWorkspace,
  id: string,
  port: number | string,
  externalRange: IpRange,
): { endpoint: Endpoint; port: number | string | undefined }[] {
  const { model, graph } = workspace.analysis;
  const service = model.byId.get(id);
  if (service?.kind === 'Service') {
    const servicePort = graph.context.servicePort(service, port);
    if (!servicePort) throw new UsageError(`${id} has no port ${port}`);
    return graph.context.selected(service).map(({ workload, ports }) => {
      const mapping = ports.find(
        (candidate) => candidate.port === servicePort.port && candidate.protocol === servicePort.protocol,
      );
      return {
        endpoint: { kind: 'workload' as const, workload },
        port: mapping?.containerPort ?? mapping?.targetPort,
      };
    });
  }
  return [{ endpoint: endpointFor(workspace, id, externalRange, '--to'), port }];
}

/** Policies of kinds this engine does not evaluate that may apply to these endpoints. */
function notEvaluatedFor(workspace: CliWorkspace, endpoints: readonly Endpoint[]): string[] {
  const ids = new Set<string>();
  for (const endpoint of endpoints) {
    if (endpoint.kind !== 'workload') continue;
    for (const id of workspace.analysis.graph.unevaluatedPolicies.affecting(endpoint.workload)) ids.add(id);
  }
  return [...ids];
}
