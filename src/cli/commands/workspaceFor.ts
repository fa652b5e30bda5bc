import { stringFlag, type ParsedArgs } from '../args';
import { readInputs, type InputFile } from '../inputs';
import { CliWorkspace } from '../workspace';
import { describeShadowed, shadowedObjects } from '../../core/model/shadowedObjects';

/**
 * The analysed PATHs with the common flags (`--namespace`, `--ingress-controller`). A command that
 * also needs where each file was read from (SARIF's base URI) reads the inputs itself and passes them.
 */
export function workspaceFor(
  args: ParsedArgs,
  inputs: readonly InputFile[] = readInputs(args.paths),
): CliWorkspace {
  const ingressController = stringFlag(args, 'ingress-controller');
  return new CliWorkspace(inputs, {
    defaultNamespace: stringFlag(args, 'namespace') ?? 'default',
    ...(ingressController === undefined ? {} : { ingressController }),
  });
}

/**
 * What the analysis left out and the output cannot show, for stderr: objects not analysed because
 * an earlier one has the same id.
 */
export function workspaceWarnings(workspace: CliWorkspace): string[] {
  const shadowed = describeShadowed(shadowedObjects(workspace.analysis.model));
  return shadowed === undefined ? [] : [shadowed];
}
