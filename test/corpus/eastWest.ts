// East-west: the `calls` edges the ground truth expects for a combination, compared with the CLI's.
import {
  type Combo,
  comboLabel,
  type GtEdge,
  groundTruth,
  homeNamespace,
  type Inventory,
  inventoryOf,
  linesWith,
  needle,
  type ObjectRef,
  parseService,
  parseWorkload,
  rangeText,
  showsValue,
} from './corpus';
import { describeEdge, evidencesOf, type GraphEdge, type GraphJson } from './graphRun';

export interface ExpectedCall {
  readonly from: ObjectRef;
  readonly to: ObjectRef;
  readonly port: number;
  readonly targetPort: number;
  readonly targetWorkload: ObjectRef;
  readonly gt: GtEdge;
}

/** A ground-truth edge mapped to contract ids, in the namespaces of a combination. */
export function expectedCall(combo: Combo, gt: GtEdge): ExpectedCall {
  const home = homeNamespace(combo.set, combo);
  const from = parseWorkload(gt.from, home);
  const to = parseService(gt.to_service, from.namespace);
  const targetWorkload = parseWorkload(gt.target_workload, to.namespace);
  return { from, to, port: gt.port, targetPort: gt.target_pod_port, targetWorkload, gt };
}

/** The ground-truth edges whose caller and Service are both among the combination's objects. */
export function expectedCalls(combo: Combo, inventory: Inventory = inventoryOf(combo)): ExpectedCall[] {
  return groundTruth[combo.set].east_west
    .map((gt) => expectedCall(combo, gt))
    .filter((call) => inventory.byId.has(call.from.id) && inventory.byId.has(call.to.id));
}

export function describeCall(call: ExpectedCall): string {
  const values = call.gt.evidence.map((evidence) => `${evidence.name}=${evidence.value}`).join(', ');
  return `${call.from.id} -calls-> ${call.to.id} port ${call.port} targetPort ${call.targetPort} (${values})`;
}

export interface Comparison {
  readonly expected: readonly ExpectedCall[];
  readonly found: readonly GraphEdge[];
  readonly matched: ReadonlyMap<ExpectedCall, GraphEdge>;
  /** Expected, with the edges between the same two objects that have other ports or traffic. */
  readonly missed: readonly { readonly call: ExpectedCall; readonly near: readonly GraphEdge[] }[];
  readonly invented: readonly GraphEdge[];
}

/** Matches edges on from, to, port, targetPort and traffic; a second edge for the same call is invented. */
export function compareCalls(combo: Combo, json: GraphJson): Comparison {
  const expected = expectedCalls(combo);
  const found = json.edges.filter((edge) => edge.type === 'calls');
  const unused = new Set(found);
  const matched = new Map<ExpectedCall, GraphEdge>();
  const missed: { call: ExpectedCall; near: GraphEdge[] }[] = [];
  for (const call of expected) {
    const between = found.filter((edge) => edge.from === call.from.id && edge.to === call.to.id);
    const exact = between.find(
      (edge) =>
        unused.has(edge) &&
        edge.port === call.port &&
        edge.targetPort === call.targetPort &&
        edge.traffic === 'east-west',
    );
    if (exact) {
      matched.set(call, exact);
      unused.delete(exact);
    } else {
      missed.push({ call, near: between });
    }
  }
  return { expected, found, matched, missed, invented: [...unused] };
}

/** The implicit edges of the set (in the images, not in the manifests) that an invented edge repeats. */
function implicitNote(combo: Combo, edge: GraphEdge): string {
  const home = homeNamespace(combo.set, combo);
  const implicit = groundTruth[combo.set].implicit_not_in_manifests.some((gt) => {
    const from = parseWorkload(gt.from, home);
    return from.id === edge.from && parseService(gt.to_service, from.namespace).id === edge.to;
  });
  return implicit ? ' [implicit in the application image; the manifests do not evidence it]' : '';
}

export function comparisonReport(combo: Combo, comparison: Comparison, label: string): string {
  const { expected, found, matched, missed, invented } = comparison;
  const lines = [
    `${label}: ${matched.size}/${expected.length} expected calls edges found, ${invented.length} invented, ${found.length} calls edges in the output`,
  ];
  if (missed.length > 0) {
    lines.push('missed:');
    for (const { call, near } of missed) {
      lines.push(`  ${describeCall(call)}`);
      for (const edge of near)
        lines.push(`    found instead: ${describeEdge(edge)} traffic ${String(edge.traffic)}`);
    }
  }
  if (invented.length > 0) {
    lines.push('invented (not in the ground truth for these inputs):');
    for (const edge of invented) lines.push(`  ${describeEdge(edge)}${implicitNote(combo, edge)}`);
  }
  return lines.join('\n');
}

export interface TableRow {
  readonly set: string;
  readonly inputs: string;
  readonly expected: number;
  readonly found: number;
  readonly matched: number;
  readonly missed: number;
  readonly invented: number;
}

export function ratio(numerator: number, denominator: number): string {
  return denominator === 0 ? 'n/a' : `${((100 * numerator) / denominator).toFixed(1)}%`;
}

export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)].join('\n');
}

/** The per-run table, then per set the micro average over its runs (each run counts its own edges). */
export function formatResults(rows: readonly TableRow[]): string {
  const perRun = formatTable(
    ['set', 'inputs', 'expected', 'found', 'missed', 'invented', 'recall', 'precision'],
    rows.map((row) => [
      row.set,
      row.inputs,
      String(row.expected),
      String(row.found),
      String(row.missed),
      String(row.invented),
      ratio(row.matched, row.expected),
      ratio(row.matched, row.found),
    ]),
  );
  const sets = [...new Set(rows.map((row) => row.set))];
  const perSet = formatTable(
    ['set', 'runs', 'expected', 'found', 'matched', 'recall', 'precision'],
    sets.map((set) => {
      const of = rows.filter((row) => row.set === set);
      const sum = (pick: (row: TableRow) => number) => of.reduce((total, row) => total + pick(row), 0);
      const [expected, found, matched] = [sum((r) => r.expected), sum((r) => r.found), sum((r) => r.matched)];
      return [
        set,
        String(of.length),
        String(expected),
        String(found),
        String(matched),
        ratio(matched, expected),
        ratio(matched, found),
      ];
    }),
  );
  return `East-west calls edges per run:\n${perRun}\n\nPer set (summed over its runs):\n${perSet}`;
}

/**
 * For each expected edge the CLI drew (with the right ports or not): its evidence is in the caller's
 * manifest, and each ground-truth value (both containers' FRONTEND_ADDR, both MYSQL_DB_HOST and
 * MYSQL_DB_PORT) has an evidence range of its own on it.
 */
export function evidenceProblems(combo: Combo, json: GraphJson): string[] {
  const problems: string[] = [];
  const inventory = inventoryOf(combo);
  const comparison = compareCalls(combo, json);
  for (const call of comparison.expected) {
    const edge = comparison.matched.get(call) ?? comparison.missed.find((m) => m.call === call)?.near[0];
    if (!edge) continue; // Reported as missed by the edge test.
    const caller = inventory.byId.get(call.from.id)!;
    const where = `[${comboLabel(combo)}] ${call.from.id} -> ${call.to.id}`;
    if (!edge.evidence) problems.push(`${where}: no evidence`);
    const evidences = evidencesOf(edge);
    for (const evidence of evidences) {
      const line = evidence.range.start.line;
      if (evidence.file !== caller.file.rel) {
        problems.push(`${where}: evidence in ${evidence.file}, the caller is in ${caller.file.rel}`);
      } else if (line < caller.startLine || line > caller.endLine) {
        problems.push(
          `${where}: evidence on line ${line + 1}, outside the caller (${caller.startLine + 1}-${caller.endLine + 1})`,
        );
      }
    }
    const unused = new Set(evidences.filter((evidence) => evidence.file === caller.file.rel));
    for (const gt of call.gt.evidence) {
      const value = needle(gt);
      const hit = [...unused].find((evidence) => showsValue(rangeText(caller.file, evidence.range), value));
      if (hit) {
        unused.delete(hit);
        continue;
      }
      const seen = evidences.map((e) => `${e.file}:${e.range.start.line + 1} ${JSON.stringify(e.text)}`);
      problems.push(
        `${where}: no evidence range on ${gt.name}=${gt.value} (${gt.container}, ${linesWith(caller, value)}); evidence: ${seen.join('; ') || 'none'}`,
      );
    }
    const text = edge.evidence?.text;
    if (edge.evidence && !call.gt.evidence.some((gt) => showsValue(text ?? '', needle(gt)))) {
      problems.push(`${where}: evidence text ${JSON.stringify(text)} shows none of the values`);
    }
  }
  return problems;
}
