import type { K8sObject } from './k8sObject';
import type { WorkspaceModel } from './workspaceModel';

/**
 * An object whose id (kind, namespace, name) an earlier object already has: the model keeps the
 * first in file order, and this one is not analysed. Common when a repository holds variants of
 * the same application (`release/` beside `kubernetes-manifests/`, an HA install beside the plain
 * one), so it is told, never dropped silently.
 */
export interface ShadowedObject {
  readonly object: K8sObject;
  /** The object analysed under that id. */
  readonly kept: K8sObject;
}

/** Every object the model does not analyse because an earlier one has its id, in file order. */
export function shadowedObjects(model: WorkspaceModel): ShadowedObject[] {
  const shadowed: ShadowedObject[] = [];
  for (const object of model.objects) {
    const kept = model.byId.get(object.id);
    if (kept && kept !== object) shadowed.push({ object, kept });
  }
  return shadowed;
}

/** How many objects are not analysed for that reason (without listing them: cheap on every edit). */
export function shadowedCount(model: WorkspaceModel): number {
  return model.objectList.length - model.byId.size;
}

/** One line for people: how many, and the first few with the file analysed instead. */
export function describeShadowed(shadowed: readonly ShadowedObject[], shown = 3): string | undefined {
  if (shadowed.length === 0) return undefined;
  const listed = shadowed
    .slice(0, shown)
    .map(({ object, kept }) => `${object.id} in ${object.file} (analysed: ${kept.file})`)
    .join(', ');
  const more = shadowed.length > shown ? `, and ${shadowed.length - shown} more` : '';
  const count = shadowed.length === 1 ? '1 object is' : `${shadowed.length} objects are`;
  return `${count} not analysed because an earlier object (in file order) has the same kind, namespace and name: ${listed}${more}`;
}
