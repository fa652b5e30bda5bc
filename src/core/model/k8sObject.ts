import type { ParsedObject } from '../parse/parsedFile';

/** How an object got its namespace; the UI shows the assumption (docs/ARCHITECTURE.md). */
export type NamespaceOrigin = 'declared' | 'default' | 'kustomization' | 'cluster-scoped';

/** A parsed object placed in the cluster: its namespace decided and its contract id assigned. */
export interface K8sObject extends ParsedObject {
  /** `Kind/namespace/name`, or `Kind//name` for cluster-scoped kinds. */
  readonly id: string;
  /** The namespace it lives in; null for cluster-scoped kinds. */
  readonly namespace: string | null;
  readonly namespaceOrigin: NamespaceOrigin;
}

type Segment = string | number;

/**
 * Reads a nested field of manifest data without trusting its shape. Fixed parameters rather than
 * a rest array: this runs for every field the graph reads, and must not allocate.
 */
export function field(
  value: unknown,
  a: Segment,
  b?: Segment,
  c?: Segment,
  d?: Segment,
  e?: Segment,
  f?: Segment,
): unknown {
  let current = step(value, a);
  if (b === undefined) return current;
  current = step(current, b);
  if (c === undefined) return current;
  current = step(current, c);
  if (d === undefined) return current;
  current = step(current, d);
  if (e === undefined) return current;
  current = step(current, e);
  return f === undefined ? current : step(current, f);
}

/** `field` for a path held in an array. */
export function fieldAt(value: unknown, path: readonly Segment[]): unknown {
  let current = value;
  for (const segment of path) current = step(current, segment);
  return current;
}

function step(value: unknown, segment: Segment): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<Segment, unknown>)[segment]
    : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
