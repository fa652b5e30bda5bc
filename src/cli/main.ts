import { parseArgs, UsageError, type ParsedArgs } from './args';
import { checkCommand } from './commands/checkCommand';
import { connectivityCommand } from './commands/connectivityCommand';
import { graphCommand } from './commands/graphCommand';
import { policiesCommand } from './commands/policies';
import { reachCommand } from './commands/reachCommand';

const USAGE = `Usage: kube-topology <command> PATH... [options]

Commands:
  check PATH...          print the findings (exit 1 if any is at or above --fail-on)
  graph PATH...          print the service graph (nodes, edges, diagnostics)
  connectivity PATH...   every connection NetworkPolicies allow (netpol-analyzer style)
  reach PATH... --from ID --to ID --port PORT
                         whether --from may connect to --to (exit 0 allowed, 1 blocked)
  policies PATH... [--namespace-default-deny]
                         least-privilege NetworkPolicies for every workload (YAML)

Options:
  --namespace NS                      namespace of objects that declare none (default: default)
  --format FMT                        check: text | json | sarif; graph: json | dot | mermaid;
                                      connectivity, reach: text | json
  --fail-on LEVEL                     check: error | warning | info | none (default: error)
  --ingress-controller NS[/k=v,...]   where the Ingress controller pods run (default: unknown)
  --protocol TCP|UDP|SCTP             reach: the protocol (default TCP)
  --external-ip A.B.C.D               reach: the address of an external endpoint (default: any)
  -h, --help                          show this help

Ids: Kind/namespace/name (e.g. Deployment/shop/cart, Service/shop/cart), or external.
Exit codes: 0 success (reach: allowed), 1 findings at or above --fail-on (reach: blocked), 2 usage error.`;

/** What a command prints on stdout, its exit code, and warnings for stderr (which leave stdout clean). */
interface CommandResult {
  readonly output: string;
  readonly code: number;
  readonly warnings?: readonly string[];
}

const COMMANDS: Readonly<Record<string, (args: ParsedArgs) => CommandResult>> = {
  check: checkCommand,
  graph: graphCommand,
  connectivity: connectivityCommand,
  reach: reachCommand,
  policies: policiesCommand,
};

/** Runs one CLI invocation; returns the exit code. Output goes through the given writers. */
export function runCli(
  argv: readonly string[],
  out: (text: string) => void,
  err: (text: string) => void,
): number {
  try {
    const args = parseArgs(argv);
    if (args.flags.has('help') || args.command === 'help') {
      out(USAGE);
      return 0;
    }
    if (args.command === undefined) throw new UsageError('no command given');
    const command = COMMANDS[args.command];
    if (!command) throw new UsageError(`unknown command '${args.command}'`);
    const { output, code, warnings = [] } = command(args);
    for (const warning of warnings) err(`kube-topology: warning: ${warning}`);
    out(output);
    return code;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`kube-topology: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    err(
      `kube-topology: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 2;
  }
}

// Only when run as the `kube-topology` binary, not when tests import runCli.
if (require.main === module) {
  const code = runCli(
    process.argv.slice(2),
    (text) => process.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`),
    (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  );
  process.exitCode = code;
}
