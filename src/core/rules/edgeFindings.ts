import type { GraphEdge } from '../graph/graph';
import { idInNamespaces } from '../model/kinds';
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
 * Only blocked edges are looked at (the graph lists them); `accept` picks those the rule reports on.
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
  // Checked for every blocked edge after each edit: the ids are compared in place rather than
  // sliced into namespace strings.
  const stale = (edge: GraphEdge) =>
    everything || idInNamespaces(edge.from, changedList) || idInNamespaces(edge.to, changedList);
  const findings: (readonly Finding[])[] = [];
  const parts = context.graph.blockedParts;
  // Indexed: one part per caller, looked at after every edit.
  for (let i = 0; i < parts.length; i++)
    for (const edge of parts[i]!) {
      if (!accept(edge)) continue;
      let found = oneShot ? undefined : cache.get(edge);
      if (found === undefined || stale(edge)) {
        found = compute(edge);
        if (!oneShot) cache.set(edge, found);
      }
      if (found.length > 0) findings.push(found);
    }
  return flatten(findings);
}
