import type { GraphEdge } from '../graph/graph';

/** A variable, ConfigMap key or flag name as evidence texts start: `CART_ADDR=...`, `storefront-config/ORDERS_URL=...`. */
const NAMED_VALUE = /^([A-Za-z_][\w./-]*)=(.*)$/s;
const CONFIG_MAP_SUFFIX = / \((ConfigMap [^)]*)\)$/;
const MAX_LENGTH = 100;

/**
 * ` (CART_SERVICE_ADDR)`: where the manifests say a call happens, short enough for a comment and
 * without the value itself (values may hold credentials, e.g. a connection string). Evidence that
 * is not `NAME=value` (an argument, a mounted file) is kept as written, with URL credentials hidden.
 */
export function evidenceLabel(edge: GraphEdge): string {
  const labels: string[] = [];
  for (const evidence of edge.evidence ?? []) {
    const label = labelOf(evidence.text);
    if (label !== '' && !labels.includes(label)) labels.push(label);
  }
  return labels.length === 0 ? '' : ` (${labels.join(', ')})`;
}

function labelOf(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const named = NAMED_VALUE.exec(oneLine);
  if (named) {
    const configMap = CONFIG_MAP_SUFFIX.exec(named[2] ?? '');
    return configMap ? `${named[1]}, ${configMap[1]}` : (named[1] ?? '');
  }
  const hidden = oneLine.replace(/(\/\/)[^/@\s]*@/g, '$1…@');
  return hidden.length > MAX_LENGTH ? `${hidden.slice(0, MAX_LENGTH - 1)}…` : hidden;
}
