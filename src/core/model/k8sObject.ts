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

/** Reads a nested field of manifest data without trusting its shape. */
export function field(value: unknown, ...path: readonly (string | number)[]): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
