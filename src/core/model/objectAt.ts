import type { K8sObject } from './k8sObject';
import { rangeContains } from './sourceRange';
import type { WorkspaceModel } from './workspaceModel';

/** The object whose text contains `offset` in `file` (the innermost, for List items). */
export function objectAt(model: WorkspaceModel, file: string, offset: number): K8sObject | undefined {
  let best: K8sObject | undefined;
  for (const object of model.objects) {
    if (object.file !== file || !rangeContains(object.range, offset)) continue;
    if (!best || object.range.end - object.range.start < best.range.end - best.range.start) best = object;
  }
  return best;
}
