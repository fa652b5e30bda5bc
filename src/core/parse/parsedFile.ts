import type { SourceRange } from '../model/sourceRange';
import type { LocateTarget, PathSegment } from './yamlNodes';

/** One Kubernetes object as read from a file, before namespaces and ids are assigned. */
export interface ParsedObject {
  readonly file: string;
  /** 0-based index of the YAML document in the file. */
  readonly documentIndex: number;
  /** Index in `items` when the object came from a `kind: List` (or `PodList`, ...). */
  readonly itemIndex?: number;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** `metadata.namespace` as written, if any. */
  readonly declaredNamespace?: string;
  /** The object as plain data (what `kubectl apply` would send). */
  readonly body: Readonly<Record<string, unknown>>;
  /** The whole object: its document, or its item in a List. */
  readonly range: SourceRange;
  /** `metadata.name`'s value, where whole-object findings go; the object's start when missing. */
  readonly nameRange: SourceRange;
  /** The range of the value (or key) at `path` inside this object, e.g. `['spec', 'ports', 0, 'targetPort']`. */
  readonly locate: (path: readonly PathSegment[], target?: LocateTarget) => SourceRange | undefined;
}

/** A document that could not be read, with the place yaml reported. */
export interface SyntaxProblem {
  readonly message: string;
  readonly range: SourceRange;
}

/**
 * Why a file contributed nothing. Recorded rather than dropped, so the index can say how many
 * files it skipped and why; none of these is an error the user has to fix.
 */
export type SkipReason = 'binary' | 'empty' | 'template' | 'not-kubernetes' | 'too-large';

export interface FileParse {
  readonly file: string;
  readonly objects: readonly ParsedObject[];
  readonly syntaxProblems: readonly SyntaxProblem[];
  readonly documentCount: number;
  readonly skipped?: SkipReason;
}

/**
 * What a ParsedObject says, as plain data: the fields of the interface that are set, without
 * `locate`. The tiers build their objects differently (the fast tier's are class instances with a
 * name range found on first read), so they are compared through this (tests, bench/fuzzParseTiers.ts).
 */
export function parsedObjectData(object: ParsedObject): Record<string, unknown> {
  const data: Record<string, unknown> = {
    file: object.file,
    documentIndex: object.documentIndex,
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.name,
    body: object.body,
    range: object.range,
    nameRange: object.nameRange,
  };
  if (object.itemIndex !== undefined) data.itemIndex = object.itemIndex;
  if (object.declaredNamespace !== undefined) data.declaredNamespace = object.declaredNamespace;
  return data;
}
