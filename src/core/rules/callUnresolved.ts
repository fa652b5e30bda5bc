import { RULE_CODES, type Finding } from './finding';
import type { UnresolvedCall } from '../graph/eastWest/inferCalls';
import type { K8sObject } from '../model/k8sObject';
import type { SourceRange } from '../model/sourceRange';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { Rule, RuleContext } from './rule';
import { flatten } from '../util/flatten';
import { anyIn } from '../graph/graphContext';

/**
 * `call-unresolved`: a value looks like a cluster address (`x.ns.svc...`, `name.ns` of a known
 * namespace, `name:port`, `scheme://name`) but no Service matches. The graph draws no edge for
 * it rather than guess; this says so on the value.
 */
export const callUnresolved: Rule = (context) => flatten(callUnresolvedParts(context));

/** The findings of callUnresolved per caller (the same arrays while nothing they read changed). */
export function callUnresolvedParts({ model, graph }: RuleContext): (readonly Finding[])[] {
  const found: (readonly Finding[])[] = [];
  const oneShot = model.options.oneShot === true;
  const touched = oneShot ? undefined : touchedServiceNames(model);
  const byCaller = graph.unresolvedByCaller;
  // Indexed, without a closure per caller: this runs over every workload after each edit.
  for (let position = 0; position < byCaller.length; position++) {
    const calls = byCaller[position]!;
    if (calls.length === 0) continue;
    // A caller's unresolved calls are the same array while the caller and everything its calls
    // were resolved against are unchanged; so are their findings, except for the hint on short
    // names, which names the Services of that name elsewhere: made again when a Service of one
    // of those names was added, removed or replaced (or namespaces changed).
    const kept = keptByCaller.get(calls);
    if (kept && touched && !anyIn(kept.shortNames, touched)) {
      found.push(kept.findings);
      continue;
    }
    const findings: Finding[] = [];
    const shortNames: string[] = [];
    for (const call of calls) {
      const caller = model.byId.get(call.from);
      if (call.shortName !== undefined) shortNames.push(call.shortName);
      const hint =
        call.shortName === undefined
          ? ''
          : otherNamespaces(call.shortName, caller, servicesNamed(model, call.shortName));
      let cached = findingsByCall.get(call);
      if (cached === undefined || cached.hint !== hint) {
        cached = { finding: findingFor(call, caller, hint), hint };
        if (!oneShot) findingsByCall.set(call, cached);
      }
      if (cached.finding) findings.push(cached.finding);
    }
    if (!oneShot) keptByCaller.set(calls, { findings, shortNames });
    found.push(findings);
  }
  return found;
}

const findingsByCall = new WeakMap<UnresolvedCall, { finding: Finding | null; hint: string }>();
const keptByCaller = new WeakMap<
  readonly UnresolvedCall[],
  { findings: readonly Finding[]; shortNames: readonly string[] }
>();

/** Names of the Services the edit added, removed or replaced; undefined when anything may differ. */
function touchedServiceNames(model: WorkspaceModel): ReadonlySet<string> | undefined {
  const changes = model.changes;
  if (!changes || changes.namespaces) return undefined;
  const names = new Set<string>();
  for (const id of changes.ids) if (id.startsWith('Service/')) names.add(id.slice(id.lastIndexOf('/') + 1));
  return names;
}

/**
 * The Services named `name` in every namespace, in namespace order (looked up per namespace, so a
 * hint costs the number of namespaces, not of Services, and nothing is rebuilt after an edit).
 */
function servicesNamed(model: WorkspaceModel, name: string): K8sObject[] {
  const found: K8sObject[] = [];
  for (const names of model.byName.get('Service')?.values() ?? []) {
    const service = names.get(name);
    if (service) found.push(service);
  }
  return found.sort((a, b) => ((a.namespace ?? '') < (b.namespace ?? '') ? -1 : 1));
}

/**
 * A short name resolves in the caller's namespace only; when a Service of that name exists in
 * another one, that is nearly always the cause, often objects without \`metadata.namespace\`
 * placed in the default namespace while their peers declare one: say which side that is.
 */
function otherNamespaces(name: string, caller: K8sObject | undefined, named: readonly K8sObject[]): string {
  const services = named.filter((service) => service.namespace !== caller?.namespace);
  if (services.length === 0) return '';
  const where = services.map((service) => `'${service.namespace ?? ''}'`).join(', ');
  const defaulted = [caller, ...services].filter(
    (object): object is K8sObject => object?.namespaceOrigin === 'default',
  );
  const placed =
    defaulted.length > 0
      ? ` ${defaulted.map((object) => `${object.kind} '${object.name}'`).join(' and ')} ${defaulted.length > 1 ? 'declare' : 'declares'} no namespace and ${defaulted.length > 1 ? 'were' : 'was'} placed in '${defaulted[0]?.namespace ?? ''}' (the default namespace: the kubeTopology.defaultNamespace setting, --namespace on the command line).`
      : '';
  return ` A Service '${name}' exists in namespace ${where}, but a short name resolves only in the caller's own namespace.${placed}`;
}

function findingFor(call: UnresolvedCall, caller: K8sObject | undefined, hint: string): Finding | null {
  const [primary, ...rest] = call.evidence;
  if (!primary) return null;
  // A value written in the workload is followed by the variables it was expanded from. A value
  // from a ConfigMap (configMapKeyRef, envFrom) is followed by where the workload reads it, which
  // is no expansion: the related location must say so.
  const fromConfigMap = caller !== undefined && !within(primary.range, caller.range);
  return {
    code: 'call-unresolved',
    severity: RULE_CODES['call-unresolved'],
    message: `'${call.address}' (${call.source}) looks like a cluster address, but there is ${call.reason}; no call is drawn for it.${hint}`,
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
