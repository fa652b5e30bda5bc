import type { Analysis } from '../analysis';
import type { K8sObject } from '../model/k8sObject';
import { objectAt } from '../model/objectAt';
import { rangeContains, type SourceRange } from '../model/sourceRange';
import { backendRefs, BACKEND_KINDS } from './backendRefs';
import { edgesInto } from './edgeIndex';
import { kindOf, referenceAt } from './referenceAt';

/** One place that refers to a Service. */
export interface ServiceReference {
  readonly range: SourceRange;
  /** Who refers: the calling workload or the entry object. */
  readonly from: string;
  readonly kind: 'call' | 'backend';
}

/** What "Find All References" at a position lists. */
export interface References {
  /** The Services asked about (one, unless a value implies calls to several). */
  readonly services: readonly K8sObject[];
  /** Their `metadata.name` values. */
  readonly declarations: readonly SourceRange[];
  /** Every place that refers to them, by file and position. */
  readonly references: readonly ServiceReference[];
}

/**
 * References of the Service whose `metadata.name` is under the cursor, or of the Service(s) a
 * call value or backend under the cursor resolves to: every piece of evidence of the `calls` and
 * `routes` edges into it, plus backends naming it that draw no edge (a VirtualService bound to no
 * Gateway, a cross-namespace backendRef without a ReferenceGrant).
 */
export function referencesAt(analysis: Analysis, file: string, offset: number): References | undefined {
  const object = objectAt(analysis.model, file, offset);
  if (!object) return undefined;
  let services: K8sObject[];
  if (object.kind === 'Service' && kindOf(object) === 'Service' && rangeContains(object.nameRange, offset)) {
    services = [object];
  } else {
    const reference = referenceAt(analysis, object, offset);
    if (!reference || reference.kind === 'unresolved-call') return undefined;
    const found = reference.edges.map((edge) => analysis.model.byId.get(edge.to));
    if (reference.kind === 'backend') found.push(reference.ref?.service);
    services = [...new Set(found.filter((service): service is K8sObject => service !== undefined))];
  }
  if (services.length === 0) return undefined;
  const seen = new Set<string>();
  const references: ServiceReference[] = [];
  const add = (reference: ServiceReference) => {
    const key = `${reference.range.file}\u0000${reference.range.start}\u0000${reference.range.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    references.push(reference);
  };
  for (const service of services) {
    for (const edge of edgesInto(analysis.graph, service.id, 'calls', 'routes')) {
      const kind = edge.type === 'calls' ? 'call' : 'backend';
      for (const evidence of edge.evidence ?? []) add({ range: evidence.range, from: edge.from, kind });
    }
  }
  const wanted = new Set(services);
  for (const kind of BACKEND_KINDS) {
    for (const entry of analysis.model.ofKind(kind)) {
      for (const ref of backendRefs(analysis, entry)) {
        if (!ref.service || !wanted.has(ref.service)) continue;
        const range = entry.locate(ref.namePath);
        if (range) add({ range, from: entry.id, kind: 'backend' });
      }
    }
  }
  references.sort(
    (a, b) =>
      (a.range.file < b.range.file ? -1 : a.range.file > b.range.file ? 1 : 0) ||
      a.range.start - b.range.start,
  );
  return { services, declarations: services.map((service) => service.nameRange), references };
}
