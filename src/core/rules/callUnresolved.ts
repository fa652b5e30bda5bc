import { RULE_CODES, type Finding } from './finding';
import type { UnresolvedCall } from '../graph/eastWest/inferCalls';
import type { K8sObject } from '../model/k8sObject';
import type { SourceRange } from '../model/sourceRange';
import type { Rule } from './rule';

/**
 * `call-unresolved`: a value looks like a cluster address (`x.ns.svc...`, `name.ns` of a known
 * namespace, `name:port`, `scheme://name`) but no Service matches. The graph draws no edge for
 * it rather than guess; this says so on the value.
 */
export const callUnresolved: Rule = ({ model, graph }) =>
  graph.unresolvedCalls.flatMap((call): Finding[] => {
    // Unresolved calls are reused between analyses while nothing they depend on changed; so is their finding.
    let finding = findings.get(call);
    if (finding === undefined) {
      finding = findingFor(call, model.byId.get(call.from));
      findings.set(call, finding);
    }
    return finding ? [finding] : [];
  });

const findings = new WeakMap<UnresolvedCall, Finding | null>();

function findingFor(call: UnresolvedCall, caller: K8sObject | undefined): Finding | null {
  const [primary, ...rest] = call.evidence;
  if (!primary) return null;
  // A value written in the workload is followed by the variables it was expanded from. A value
  // from a ConfigMap (configMapKeyRef, envFrom) is followed by where the workload reads it, which
  // is no expansion: the related location must say so.
  const fromConfigMap = caller !== undefined && !within(primary.range, caller.range);
  return {
    code: 'call-unresolved',
    severity: RULE_CODES['call-unresolved'],
    message: `'${call.address}' (${call.source}) looks like a cluster address, but there is ${call.reason}; no call is drawn for it.`,
    range: primary.range,
    ...(rest.length > 0
      ? {
          related: rest.map((item, index) => ({
            range: item.range,
            message:
              fromConfigMap && index === 0
                ? `read by ${call.from}: ${item.text}`
                : `expanded from ${item.text}`,
          })),
        }
      : {}),
  };
}

function within(inner: SourceRange, outer: SourceRange): boolean {
  return inner.file === outer.file && inner.start >= outer.start && inner.end <= outer.end;
}
