import type { GraphEdge } from '../graph/graph';
import { idInNamespaces, namespaceOfId } from '../model/kinds';
import { anyIn } from '../graph/graphContext';
import type { Finding } from './finding';
import { changedNamespaces } from './namespaceScope';
import { flatten } from '../util/flatten';
import type { RuleContext } from './rule';

/**
 * Findings about single edges (a blocked call, a blocked path), kept per edge. The graph hands on
 * the same edge object while its verdict stands, and such a finding reads only the edge, the
 * selection of its Service and the policies of the namespaces at its ends (and of the Ingress
 * controller's): after an edit it is made again only for edges with an end in a namespace the
 * edit touched (re-placed objects there may have moved, and with them the related locations).
 * Only blocked edges are looked at (the graph lists them in parts: north-south, then per caller);
 * `accept` picks those the rule reports on. A part the graph hands on unchanged keeps its
 * findings whole unless one of its edges ends in such a namespace: thousands of blocked paths are
 * then not looked at one by one on every keystroke.
 */
export function edgeFindings(
  context: RuleContext,
  cache: WeakMap<GraphEdge, readonly Finding[]>,
  accept: (edge: GraphEdge) => boolean,
  compute: (edge: GraphEdge) => readonly Finding[],
): Finding[] {
  const oneShot = context.model.options.oneShot === true;
  const changed = changedNamespaces(context.model);
  const controller = context.graph.ingressController;
  const everything = changed === 'all' || (controller.known && changed.has(controller.namespace));
  const changedList = changed === 'all' ? [] : [...changed];
  // The ids are compared in place rather than sliced into namespace strings.
  const stale = (edge: GraphEdge) =>
    everything || idInNamespaces(edge.from, changedList) || idInNamespaces(edge.to, changedList);
  let byPart = partCaches.get(cache);
  if (!byPart) partCaches.set(cache, (byPart = new WeakMap()));
  const findings: (readonly Finding[])[] = [];
  // Indexed: one part per entry point and per caller, looked at after every edit.
  for (const group of context.graph.blockedParts)
    for (let i = 0; i < group.length; i++) {
      const part = group[i]!;
      if (part.length === 0) continue;
      const kept = oneShot ? undefined : byPart.get(part);
      if (kept && !everything && !anyIn(changedList, kept.spaces)) {
        if (kept.findings.length > 0) findings.push(kept.findings);
        continue;
      }
      const found: (readonly Finding[])[] = [];
      const spaces = new Set<string>();
      for (const edge of part) {
        if (!accept(edge)) continue;
        let edgeFound = oneShot ? undefined : cache.get(edge);
        if (edgeFound === undefined || stale(edge)) {
          edgeFound = compute(edge);
          if (!oneShot) cache.set(edge, edgeFound);
        }
        if (edgeFound.length > 0) found.push(edgeFound);
        if (!oneShot) spaces.add(namespaceOfId(edge.from)).add(namespaceOfId(edge.to));
      }
      const partFindings = flatten(found);
      if (!oneShot) byPart.set(part, { findings: partFindings, spaces });
      if (partFindings.length > 0) findings.push(partFindings);
    }
  return flatten(findings);
}

/** Per rule (by its edge cache), the findings of each part and the namespaces its edges end in. */
const partCaches = new WeakMap<
  WeakMap<GraphEdge, readonly Finding[]>,
  WeakMap<
    readonly GraphEdge[],
    { readonly findings: readonly Finding[]; readonly spaces: ReadonlySet<string> }
  >
>();
