import type { K8sObject } from '../model/k8sObject';
import type { SourceRange } from '../model/sourceRange';
import type { LocateTarget, PathSegment } from '../parse/yamlNodes';
import { RULE_CODES, type Finding, type RelatedLocation, type RuleCode, type Severity } from './finding';

/**
 * A finding on the most specific node there is: the value (or key) at `path` in `object`; when
 * the path does not exist, the object's `metadata.name`, never the whole document.
 */
export function findingAt(
  code: RuleCode,
  object: K8sObject,
  path: readonly PathSegment[],
  message: string,
  options: { related?: readonly RelatedLocation[]; target?: LocateTarget; severity?: Severity } = {},
): Finding {
  const related = options.related ?? [];
  return {
    code,
    severity: options.severity ?? RULE_CODES[code],
    message,
    range: object.locate(path, options.target) ?? object.nameRange,
    ...(related.length > 0 ? { related } : {}),
  };
}

/** A related location on an object's name, e.g. "the policy that isolates the callee". */
export function relatedObject(object: K8sObject, message: string): RelatedLocation {
  return { range: object.nameRange, message };
}

/** A related location at a path in an object (falling back to its name). */
export function relatedAt(object: K8sObject, path: readonly PathSegment[], message: string): RelatedLocation {
  const range: SourceRange = object.locate(path) ?? object.nameRange;
  return { range, message };
}

/** `a, b and 3 more` for messages. */
export function listSome(items: readonly string[], limit = 4): string {
  if (items.length === 0) return 'none';
  if (items.length <= limit) return items.join(', ');
  return `${items.slice(0, limit).join(', ')} and ${items.length - limit} more`;
}
