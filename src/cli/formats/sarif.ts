import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../../package.json';
import type { SourceRange } from '../../core/model/sourceRange';
import { RULE_CODES, type Finding, type RuleCode, type Severity } from '../../core/rules/finding';
import type { InputFile } from '../inputs';
import type { CliWorkspace } from '../workspace';

const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://github.com/kube-topology/kube-topology';
const SRCROOT = '%SRCROOT%';

/** What each rule checks, for code-scanning UIs (the "when" column of docs/CLI.md). */
const RULE_DESCRIPTIONS: Readonly<Record<RuleCode, string>> = {
  'yaml-syntax': 'A YAML document does not parse; the other documents of the file are still analysed.',
  'service-no-endpoints': 'A Service with a selector matches no workload in its namespace.',
  'service-port-mismatch': 'A Service targetPort is not a port that the containers it selects declare.',
  'ingress-missing-service': 'An Ingress backend names a Service that does not exist.',
  'ingress-missing-port': 'An Ingress backend names a port that its Service does not have.',
  'route-missing-service':
    'A Gateway API route backendRef names a Service that does not exist or lacks the port.',
  'call-unresolved': 'A value looks like a cluster address, but no Service matches it.',
  'workload-not-isolated': 'No NetworkPolicy selects the workload for ingress.',
  'policy-blocks-call': 'NetworkPolicies deny an inferred call between workloads.',
  'policy-blocks-ingress-path': 'NetworkPolicies deny a north-south path before it reaches the pods.',
  'policy-selects-nothing': "A NetworkPolicy's podSelector matches no workload in its namespace.",
  'egress-blocks-dns': "A workload's egress is isolated and nothing allows DNS (UDP/TCP 53) to kube-dns.",
  'no-readiness-probe': 'A workload behind a Service has a container without a readinessProbe.',
};

/** The order of RULE_CODES: a result's `ruleIndex` points into `tool.driver.rules`. */
const CODES = Object.keys(RULE_CODES) as RuleCode[];

/** Where the files came from, so that SARIF locations resolve against one base folder. */
export interface SarifSources {
  /** The folder `%SRCROOT%` stands for: the common folder of the PATHs (a file PATH counts as its folder). */
  readonly root: string;
  /** The absolute path of each file, keyed by its name as printed (relative to its PATH). */
  readonly absolutePaths: ReadonlyMap<string, string>;
}

export function sarifSources(paths: readonly string[], inputs: readonly InputFile[]): SarifSources {
  const roots = paths.map((given) => {
    const absolute = path.resolve(given);
    return fs.statSync(absolute).isDirectory() ? absolute : path.dirname(absolute);
  });
  let root = roots[0] ?? process.cwd();
  while (!roots.every((candidate) => isInside(candidate, root)) && path.dirname(root) !== root) {
    root = path.dirname(root);
  }
  return { root, absolutePaths: new Map(inputs.map((input) => [input.file, input.absolutePath])) };
}

/**
 * `check --format sarif`: a SARIF 2.1.0 log with one run. Locations are relative URIs against
 * `%SRCROOT%` (for one PATH, exactly the file names the other formats print), regions 1-based
 * with columns in UTF-16 code units. Nothing in it varies between runs on the same input.
 */
export function checkToSarif(
  workspace: CliWorkspace,
  findings: readonly Finding[],
  sources: SarifSources,
  ruleFailures: readonly string[],
): string {
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kube-topology',
            informationUri: INFORMATION_URI,
            version,
            semanticVersion: version,
            rules: CODES.map((code) => ({
              id: code,
              name: pascalCase(code),
              shortDescription: { text: RULE_DESCRIPTIONS[code] },
              defaultConfiguration: { level: level(RULE_CODES[code]) },
              helpUri: `${INFORMATION_URI}/blob/main/docs/rules/${code}.md`,
            })),
          },
        },
        invocations: [
          {
            // A rule that threw lost its findings: the run is incomplete, and says which rule.
            executionSuccessful: ruleFailures.length === 0,
            toolExecutionNotifications: ruleFailures.map((failure) => ({
              level: 'error',
              message: { text: `A rule failed and its findings are missing: ${failure}` },
            })),
          },
        ],
        originalUriBaseIds: {
          [SRCROOT]: {
            uri: directoryUri(sources.root),
            description: { text: 'The folder the manifests were read from.' },
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding) => ({
          ruleId: finding.code,
          ruleIndex: CODES.indexOf(finding.code),
          level: level(finding.severity),
          message: { text: finding.message },
          locations: [{ physicalLocation: physicalLocation(workspace, sources, finding.range) }],
          ...(finding.related && finding.related.length > 0
            ? {
                relatedLocations: finding.related.map((related, index) => ({
                  id: index + 1,
                  message: { text: related.message },
                  physicalLocation: physicalLocation(workspace, sources, related.range),
                })),
              }
            : {}),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function physicalLocation(workspace: CliWorkspace, sources: SarifSources, range: SourceRange) {
  const { start, end } = workspace.toJsonRange(range);
  return {
    artifactLocation: artifactLocation(sources, range.file),
    // SARIF lines and columns are 1-based; endColumn is the column just past the region.
    region: {
      startLine: start.line + 1,
      startColumn: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
    },
  };
}

function artifactLocation(sources: SarifSources, file: string): { uri: string; uriBaseId?: string } {
  const absolute = sources.absolutePaths.get(file);
  const relative = absolute === undefined ? file : path.relative(sources.root, absolute);
  // Only on Windows, for PATHs on different drives, is there no relative path: name the file itself.
  if (path.isAbsolute(relative)) return { uri: pathToFileURL(relative).href };
  // A URI, not a file path: each segment percent-encoded (spaces, `#`, `%`, `:` in a first segment).
  const uri = relative.split(/[\\/]/).map(encodeURIComponent).join('/');
  return { uri, uriBaseId: SRCROOT };
}

/** SARIF requires a base URI to end with a slash, or relative references resolve next to it. */
function directoryUri(directory: string): string {
  const uri = pathToFileURL(directory).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function isInside(candidate: string, folder: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

function level(severity: Severity): 'error' | 'warning' | 'note' {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'info':
      return 'note';
  }
}

/** `service-no-endpoints` → `ServiceNoEndpoints`: SARIF's readable rule name. */
function pascalCase(code: string): string {
  return code
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
