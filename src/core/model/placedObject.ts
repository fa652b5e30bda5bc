import type { SourceRange } from './sourceRange';
import type { ParsedObject } from '../parse/parsedFile';
import type { LocateTarget, PathSegment } from '../parse/yamlNodes';
import type { K8sObject, NamespaceOrigin } from './k8sObject';

/**
 * A parsed object with its namespace and id decided. It forwards to the parsed object rather
 * than copying it: ranges the fast parser computes on first use stay lazy, and every placed
 * object has the same shape (fast property access in the hot loops of the graph).
 */
export class PlacedObject implements K8sObject {
  constructor(
    readonly parsed: ParsedObject,
    readonly id: string,
    readonly namespace: string | null,
    readonly namespaceOrigin: NamespaceOrigin,
  ) {}

  get file(): string {
    return this.parsed.file;
  }
  get documentIndex(): number {
    return this.parsed.documentIndex;
  }
  get itemIndex(): number | undefined {
    return this.parsed.itemIndex;
  }
  get apiVersion(): string {
    return this.parsed.apiVersion;
  }
  get kind(): string {
    return this.parsed.kind;
  }
  get name(): string {
    return this.parsed.name;
  }
  get declaredNamespace(): string | undefined {
    return this.parsed.declaredNamespace;
  }
  get body(): Readonly<Record<string, unknown>> {
    return this.parsed.body;
  }
  get range(): SourceRange {
    return this.parsed.range;
  }
  get nameRange(): SourceRange {
    return this.parsed.nameRange;
  }
  /** A method, not an arrow field: a closure and its context per object cost 1 MB per 10,000. */
  locate(path: readonly PathSegment[], target?: LocateTarget): SourceRange | undefined {
    return this.parsed.locate(path, target);
  }
}
