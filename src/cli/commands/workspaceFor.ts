import { stringFlag, type ParsedArgs } from '../args';
import { readInputs } from '../inputs';
import { CliWorkspace } from '../workspace';

/** The analysed PATHs with the common flags (`--namespace`, `--ingress-controller`). */
export function workspaceFor(args: ParsedArgs): CliWorkspace {
  const ingressController = stringFlag(args, 'ingress-controller');
  return new CliWorkspace(readInputs(args.paths), {
    defaultNamespace: stringFlag(args, 'namespace') ?? 'default',
    ...(ingressController === undefined ? {} : { ingressController }),
  });
}
