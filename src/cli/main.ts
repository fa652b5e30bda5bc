import { choiceFlag, parseArgs, stringFlag, UsageError, type ParsedArgs } from './args';
import { graphToJson } from './formats/graphJson';
import { graphToDot, graphToMermaid } from './formats/graphText';
import { readInputs } from './inputs';
import { CliWorkspace } from './workspace';

const USAGE = `Usage: kube-topology <command> PATH... [options]

Commands:
  graph PATH...   print the service graph (nodes, edges, diagnostics)

Options:
  --namespace NS          namespace of objects that declare none (default: default)
  --format FMT            graph: json | dot | mermaid (default: json)
  -h, --help              show this help

Exit codes: 0 success, 1 findings at or above --fail-on, 2 usage error or unreadable input.`;

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
    switch (args.command) {
      case 'graph':
        out(graphCommand(args));
        return 0;
      case undefined:
        throw new UsageError('no command given');
      default:
        throw new UsageError(`unknown command '${args.command}'`);
    }
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

function workspaceFor(args: ParsedArgs): CliWorkspace {
  return new CliWorkspace(readInputs(args.paths), stringFlag(args, 'namespace') ?? 'default');
}

function graphCommand(args: ParsedArgs): string {
  const format = choiceFlag(args, 'format', ['json', 'dot', 'mermaid'], 'json');
  const workspace = workspaceFor(args);
  switch (format) {
    case 'json':
      return graphToJson(workspace);
    case 'dot':
      return graphToDot(workspace.analysis.graph);
    case 'mermaid':
      return graphToMermaid(workspace.analysis.graph);
  }
}

// Only when run as the `kube-topology` binary, not when tests import runCli.
if (require.main === module) {
  const code = runCli(
    process.argv.slice(2),
    (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  );
  process.exitCode = code;
}
