// Not edges: values the ground truth says name no service (`not_edges`), located in the manifests
// by their env var names or text, and the call-unresolved diagnostics the ground truth explains.
import {
  type Combo,
  comboLabel,
  filesNamed,
  groundTruth,
  homeNamespace,
  inventoryOf,
  parseReference,
  parseService,
  parseWorkload,
  type Range,
  type SetName,
  type SourceFile,
} from './corpus';
import { describeDiagnostic, describeEdge, evidencesOf, type GraphJson } from './graphRun';

export interface Trap {
  /** The ground truth's words for it. */
  readonly gt: string;
  /** The 0-based lines of a file that hold the value. */
  readonly lines: (file: SourceFile) => number[];
}

/** The `- name: X` line and its `value:` line of each env var (or probe header) named `names`. */
const named =
  (...names: string[]) =>
  (file: SourceFile): number[] =>
    file.lines.flatMap((text, line) => {
      const match = /^\s*-\s*name:\s*["']?([\w-]+)["']?\s*$/.exec(text);
      if (!match || !names.includes(match[1]!)) return [];
      return /^\s*value:/.test(file.lines[line + 1] ?? '') ? [line, line + 1] : [line];
    });

const comments = (file: SourceFile): number[] =>
  file.lines.flatMap((text, line) => (/^\s*#/.test(text) ? [line] : []));

const containing =
  (value: string) =>
  (file: SourceFile): number[] =>
    file.lines.flatMap((text, line) => (text.includes(value) ? [line] : []));

/** The notes each set's traps stand for, in order; Bookinfo's is its core-file note. */
export function notEdgesNotes(set: SetName): readonly string[] {
  const truth = groundTruth[set];
  return set === 'bookinfo' ? [truth.east_west_in_core_bookinfo_yaml!] : (truth.not_edges ?? []);
}

const [obPorts, obComments, obCookie] = notEdgesNotes('online-boutique');
const [biCore] = notEdgesNotes('bookinfo');
const [ssSession, ssDatabase, ssJava, ssPort] = notEdgesNotes('sock-shop');

export const traps: Record<SetName, readonly Trap[]> = {
  'online-boutique': [
    { gt: obPorts!, lines: named('PORT', 'DISABLE_PROFILER', 'ENABLE_PROFILER', 'USERS', 'RATE') },
    { gt: obComments!, lines: comments },
    { gt: obCookie!, lines: named('Cookie') },
  ],
  bookinfo: [
    { gt: biCore!, lines: named('LOG_DIR') },
    // Not in the ground truth's lists, but Online Boutique's rule: bookinfo-ratings-v2.yaml has
    // MYSQL_DB_HOST=mysqldb commented out, which must not become ratings-v2 -> mysqldb.
    {
      gt: 'YAML comments (the commented-out MYSQL_DB_HOST=mysqldb in bookinfo-ratings-v2.yaml)',
      lines: comments,
    },
  ],
  'sock-shop': [
    { gt: ssSession!, lines: named('SESSION_REDIS') },
    { gt: ssDatabase!, lines: named('MYSQL_DATABASE') },
    { gt: ssJava!, lines: named('JAVA_OPTS') },
    { gt: ssPort!, lines: containing('- -port=80') },
  ],
};

/** Whether a range the CLI reports in `rel` touches one of `lines` (`abs:line`; base names may collide). */
function touches(combo: Combo, rel: string, range: Range, lines: ReadonlySet<string>): boolean {
  return filesNamed(inventoryOf(combo), rel).some((file) => {
    for (let line = range.start.line; line <= range.end.line; line++) {
      if (lines.has(`${file.abs}:${line}`)) return true;
    }
    return false;
  });
}

/** Calls edges evidenced by, and call-unresolved diagnostics on, the values of a trap. */
export function trapProblems(combo: Combo, json: GraphJson, trap: Trap): string[] {
  const files = inventoryOf(combo).files;
  const lines = new Set(files.flatMap((file) => trap.lines(file).map((line) => `${file.abs}:${line}`)));
  const problems: string[] = [];
  for (const edge of json.edges.filter((e) => e.type === 'calls')) {
    if (evidencesOf(edge).some((evidence) => touches(combo, evidence.file, evidence.range, lines))) {
      problems.push(`[${comboLabel(combo)}] edge: ${describeEdge(edge)}`);
    }
  }
  for (const diagnostic of json.diagnostics.filter((d) => d.code === 'call-unresolved')) {
    if (touches(combo, diagnostic.file, diagnostic.range, lines)) {
      problems.push(`[${comboLabel(combo)}] ${describeDiagnostic(diagnostic)}`);
    }
  }
  return problems;
}

/**
 * Call-unresolved diagnostics that name neither a dangling reference of the ground truth nor the
 * Service of a ground-truth edge whose file is not loaded (ratings-v2's mongodb without
 * bookinfo-db.yaml), in the file of the workload that names it.
 */
export function unexplainedUnresolved(combo: Combo, json: GraphJson): string[] {
  const inventory = inventoryOf(combo);
  const truth = groundTruth[combo.set];
  const home = homeNamespace(combo.set, combo);
  const allowed: { host: string; file: string }[] = [];
  for (const entry of truth.dangling) {
    const caller = inventory.byId.get(parseWorkload(entry.from, home).id);
    if (caller)
      allowed.push({ host: parseReference(entry.reference, caller.namespace).host, file: caller.file.rel });
  }
  for (const gt of truth.east_west) {
    const caller = inventory.byId.get(parseWorkload(gt.from, home).id);
    if (caller && !inventory.byId.has(parseService(gt.to_service, caller.namespace).id)) {
      allowed.push({ host: gt.to_service, file: caller.file.rel });
    }
  }
  return json.diagnostics
    .filter((d) => d.code === 'call-unresolved')
    .filter((d) => !allowed.some((a) => d.message.includes(a.host) && d.file === a.file))
    .map((d) => `[${comboLabel(combo)}] ${describeDiagnostic(d)}`);
}
