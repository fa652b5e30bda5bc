import { RULE_CODES, type Finding } from './finding';
import type { UnresolvedCall } from '../graph/eastWest/inferCalls';
import type { Rule } from './rule';

/**
 * `call-unresolved`: a value looks like a cluster address (`x.ns.svc...`, `name.ns` of a known
 * namespace, `name:port`, `scheme://name`) but no Service matches. The graph draws no edge for
 * it rather than guess; this says so on the value.
 */
export const callUnresolved: Rule = ({ graph }) =>
  graph.unresolvedCalls.flatMap((call): Finding[] => {
    // Unresolved calls are reused between analyses while nothing they depend on changed; so is their finding.
    let finding = findings.get(call);
    if (finding === undefined) {
      finding = findingFor(call);
      findings.set(call, finding);
    }
    return finding ? [finding] : [];
  });

const findings = new WeakMap<UnresolvedCall, Finding | null>();

function findingFor(call: UnresolvedCall): Finding | null {
  const [primary, ...rest] = call.evidence;
  if (!primary) return null;
  return {
    code: 'call-unresolved',
    severity: RULE_CODES['call-unresolved'],
    message: `'${call.address}' (${call.source}) looks like a cluster address, but there is ${call.reason}; no call is drawn for it.`,
    range: primary.range,
    ...(rest.length > 0
      ? { related: rest.map((item) => ({ range: item.range, message: `expanded from ${item.text}` })) }
      : {}),
  };
}
