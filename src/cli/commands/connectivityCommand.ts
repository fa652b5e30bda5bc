import { connectivity } from '../../core/policy/connectivity';
import { choiceFlag, type ParsedArgs } from '../args';
import { workspaceFor } from './workspaceFor';

/** `connectivity PATH... [--format text|json]`: every allowed connection, netpol-analyzer style. */
export function connectivityCommand(args: ParsedArgs): { output: string; code: number } {
  const format = choiceFlag(args, 'format', ['text', 'json'], 'text');
  const { graph } = workspaceFor(args).analysis;
  const lines = connectivity(graph.policy, graph.context, graph.ingressController, graph.edges);
  const output =
    format === 'json'
      ? JSON.stringify(lines, null, 2)
      : lines.map((line) => `${line.src} => ${line.dst} : ${line.conn}`).join('\n');
  return { output, code: 0 };
}
