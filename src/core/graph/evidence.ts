import type { K8sObject } from '../model/k8sObject';
import type { SourceRange } from '../model/sourceRange';
import type { PathSegment } from '../parse/yamlNodes';
import type { Evidence } from './graph';

/**
 * Evidence whose range is found only when someone reads it. Locating a value can mean re-parsing
 * its document with exact ranges (the fast parser keeps none), which the graph must not pay for
 * every edge when only a few are ever shown.
 */
export class ObjectEvidence implements Evidence {
  private located: SourceRange | undefined;

  constructor(
    private readonly object: K8sObject,
    private readonly path: readonly PathSegment[],
    readonly text: string,
    /**
     * More segments after `path`, joined only when the range is read: `path` can then be one
     * array shared by many pieces of evidence (a container's path), not a copy each.
     */
    private readonly tail?: readonly PathSegment[],
  ) {}

  /** The same place, described differently (e.g. which address in a long file). */
  withText(text: string): ObjectEvidence {
    return new ObjectEvidence(this.object, this.path, text, this.tail);
  }

  get range(): SourceRange {
    const path = this.tail ? [...this.path, ...this.tail] : this.path;
    this.located ??= this.object.locate(path) ?? this.object.nameRange;
    return this.located;
  }
}
