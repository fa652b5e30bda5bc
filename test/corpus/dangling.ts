// Dangling references: an address that looks like a cluster address but names no loaded Service is
// a call-unresolved diagnostic on the value, never a calls edge (least of all to a Service of the
// same name in another namespace).
import {
  type GtDangling,
  linesWith,
  type ManifestObject,
  needle,
  rangeText,
  type Reference,
  showsValue,
} from './corpus';
import { describeDiagnostic, describeEdge, type GraphJson } from './graphRun';

export function danglingProblems(
  json: GraphJson,
  entry: GtDangling,
  caller: ManifestObject,
  reference: Reference,
): string[] {
  const problems: string[] = [];
  const unresolved = json.diagnostics.filter((d) => d.code === 'call-unresolved');
  const naming = unresolved.filter((d) => d.message.includes(reference.host));
  if (naming.length === 0) {
    const found = unresolved.map(describeDiagnostic).join('; ') || 'none';
    problems.push(`no call-unresolved diagnostic names ${reference.host}; call-unresolved found: ${found}`);
  }
  // The range belongs on the value holding the host (MYSQL_DB_HOST, not MYSQL_DB_PORT).
  const values = entry.evidence.map(needle).filter((value) => value.includes(reference.host));
  const good = naming.find(
    (d) =>
      d.severity === 'info' &&
      d.file === caller.file.rel &&
      values.some((value) => showsValue(rangeText(caller.file, d.range), value)),
  );
  if (naming.length > 0 && !good) {
    const found = naming.map(
      (d) => `${describeDiagnostic(d)} on ${JSON.stringify(rangeText(caller.file, d.range))}`,
    );
    problems.push(
      `expected severity info in ${caller.file.rel} on ${values.join(' or ')} (${linesWith(caller, reference.host)}); found: ${found.join('; ')}`,
    );
  }
  // Only Service <name> in the referenced namespace would be right, and the corpus does not have it.
  for (const edge of json.edges) {
    const [kind, namespace, name] = edge.to.split('/');
    if (
      edge.type === 'calls' &&
      edge.from === caller.id &&
      kind === 'Service' &&
      name === reference.service.name &&
      namespace !== reference.service.namespace
    ) {
      problems.push(`resolved to a Service in another namespace: ${describeEdge(edge)}`);
    }
  }
  return problems;
}
