// Brings the canvas to a new snapshot's elements without rebuilding it: elements that stay keep their
// position, selection and identity (so a verdict or a label change repaints one edge, not the graph);
// the rest are removed or added. Runtime classes (filters, search) are re-applied by the caller.
import type { Core, ElementDefinition } from 'cytoscape';

/** Keys Cytoscape fixes when an element is created: changing them means removing and re-adding it. */
const FIXED_KEYS = new Set(['id', 'parent', 'source', 'target']);

export interface DiffResult {
  /** Ids of nodes that were not on the canvas before. */
  readonly added: readonly string[];
  readonly removed: number;
}

function classList(definition: ElementDefinition): string[] {
  const classes = definition.classes;
  return Array.isArray(classes) ? classes : typeof classes === 'string' ? classes.split(' ') : [];
}

export function applyElements(cy: Core, definitions: readonly ElementDefinition[]): DiffResult {
  const wanted = new Map(definitions.map((definition) => [String(definition.data.id), definition]));
  let removed = 0;
  cy.elements().forEach((element) => {
    if (element.removed()) return;
    const definition = wanted.get(element.id());
    const data: Record<string, unknown> | undefined = definition?.data;
    const moved =
      !definition ||
      definition.group !== element.group() ||
      (element.isNode() && (data?.parent ?? undefined) !== (element.data('parent') as unknown)) ||
      (element.isEdge() &&
        (data?.source !== element.data('source') || data?.target !== element.data('target')));
    if (moved) {
      removed++;
      element.remove();
    }
  });
  const toAdd: ElementDefinition[] = [];
  const added: string[] = [];
  for (const definition of definitions) {
    const id = String(definition.data.id);
    const existing = cy.getElementById(id);
    if (existing.empty()) {
      toAdd.push(definition);
      if (definition.group === 'nodes') added.push(id);
      continue;
    }
    const next = definition.data as Record<string, unknown>;
    const current = existing.data() as Record<string, unknown>;
    const stale = Object.keys(current).filter((key) => !FIXED_KEYS.has(key) && !(key in next));
    if (stale.length > 0) existing.removeData(stale.join(' '));
    const changes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(next)) {
      if (!FIXED_KEYS.has(key) && current[key] !== value) changes[key] = value;
    }
    if (Object.keys(changes).length > 0) existing.data(changes);
    existing.classes(classList(definition));
  }
  if (toAdd.length > 0) cy.add(toAdd);
  return { added, removed };
}
