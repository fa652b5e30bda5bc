/** A usage mistake: printed to stderr with exit code 2, nothing on stdout. */
export class UsageError extends Error {}

export interface ParsedArgs {
  readonly command: string | undefined;
  readonly paths: readonly string[];
  readonly flags: ReadonlyMap<string, string | true>;
}

/** Flags that take a value; every other `--flag` is a boolean switch. */
const VALUE_FLAGS = new Set([
  'format',
  'namespace',
  'fail-on',
  'from',
  'to',
  'port',
  'protocol',
  'ingress-controller',
  'external-ip',
]);

/** Parses `command PATH... --flag value --flag=value --switch`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-h') {
      flags.set('help', true);
    } else if (arg.startsWith('--')) {
      const [name = '', inline] = splitOnce(arg.slice(2), '=');
      if (VALUE_FLAGS.has(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
        flags.set(name, value);
      } else {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
        flags.set(name, true);
      }
    } else {
      positional.push(arg);
    }
  }
  const [command, ...paths] = positional;
  return { command, paths, flags };
}

/** A flag's value restricted to `allowed`, or the default. */
export function choiceFlag<T extends string>(
  args: ParsedArgs,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = args.flags.get(name);
  if (value === undefined) return fallback;
  if (value === true || !(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of: ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Rejects flags the command does not know, so a typo (`--fail-one`) is not silently ignored. */
export function onlyFlags(args: ParsedArgs, command: string, known: readonly string[]): void {
  for (const name of args.flags.keys()) {
    if (name !== 'help' && !known.includes(name)) throw new UsageError(`${command} has no option --${name}`);
  }
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
