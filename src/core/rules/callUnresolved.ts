import { RULE_CODES, type Finding } from './finding';
import type { UnresolvedCall } from '../graph/eastWest/inferCalls';
import type { K8sObject } from '../model/k8sObject';
import type { SourceRange } from '../model/sourceRange';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { Rule, RuleContext } from './rule';
import { flatten } from '../util/flatten';
import { PatchedList } from '../util/patchedList';
import { DependentsIndex } from '../graph/dependentsIndex';

/**
 * `call-unresolved`: a value looks like a cluster address (`x.ns.svc...`, `name.ns` of a known
 * namespace, `name:port`, `scheme://name`) but no Service matches. The graph draws no edge for
 * it rather than guess; this says so on the value.
 */
export const callUnresolved: Rule = (context) => flatten(callUnresolvedParts(context));

/**
 * The findings of callUnresolved per caller (the same arrays while nothing they read changed).
 * Kept per caller position with the list of unresolved calls they were made for: after an edit,
 * only the callers whose unresolved calls are other arrays than before (inferCalls keeps the
 * others) and those with a short name of a Service the edit touched (the hint may change) are
 * looked at, not every caller of the workspace.
 */
export function callUnresolvedParts({ model, graph }: RuleContext): readonly (readonly Finding[])[] {
  const oneShot = model.options.oneShot === true;
  const byCaller = graph.unresolvedByCaller;
  const touched = oneShot ? undefined : touchedServiceNames(model);
  const before = oneShot
    ? undefined
    : (kept.get(byCaller) ?? (graph.calls.unresolvedBefore && kept.get(graph.calls.unresolvedBefore)));
  let state: CallerFindings;
  if (before && touched && before.calls.length === byCaller.length) {
    const findings = new PatchedList(before.findings);
    const shortNames = new DependentsIndex(before.shortNames);
    const positions = new Set<number>();
    const recomputed = graph.calls.perWorkload.recomputed;
    // Only positions inferCalls recomputed can hold other arrays.
    const replaced = (position: number) => {
      if (byCaller[position] !== before.calls[position]) positions.add(position);
    };
    if (byCaller !== before.calls) {
      if (recomputed === 'all')
        for (let position = 0; position < byCaller.length; position++) replaced(position);
      else for (const position of recomputed) replaced(position);
    }
    for (const name of touched)
      for (const position of before.shortNames.get(name) ?? []) positions.add(position);
    for (const position of positions) {
      findings.set(position, findingsOf(model, byCaller[position]!, oneShot));
      // Listed once per position however often it is made again (the empty `before`).
      shortNames.note(position, shortNamesOf(byCaller[position]!), NO_NAMES);
    }
    state = {
      calls: byCaller,
      findings: findings.result,
      shortNames: shortNames.result(),
      // The same findings at every position: the same parts.
      parts: findings.result === before.findings ? before.parts : nonEmpty(findings.result),
    };
  } else {
    const findings = new Array<readonly Finding[]>(byCaller.length);
    const shortNames = new DependentsIndex(undefined);
    for (let position = 0; position < byCaller.length; position++) {
      const calls = byCaller[position]!;
      findings[position] = calls.length === 0 ? NO_FINDINGS : findingsOf(model, calls, oneShot);
      if (!oneShot && calls.length > 0) shortNames.note(position, shortNamesOf(calls), undefined);
    }
    state = { calls: byCaller, findings, shortNames: shortNames.result(), parts: nonEmpty(findings) };
  }
  if (!oneShot) kept.set(byCaller, state);
  return state.parts;
}

/** The lists that hold findings, in order, in an array of the right size. */
function nonEmpty(lists: readonly (readonly Finding[])[]): readonly (readonly Finding[])[] {
  let count = 0;
  for (let i = 0; i < lists.length; i++) if (lists[i]!.length > 0) count++;
  const parts = new Array<readonly Finding[]>(count);
  let at = 0;
  for (let i = 0; i < lists.length; i++) if (lists[i]!.length > 0) parts[at++] = lists[i]!;
  return parts;
}

/** One caller's findings; each call's finding is kept while its hint reads the same. */
function findingsOf(
  model: WorkspaceModel,
  calls: readonly UnresolvedCall[],
  oneShot: boolean,
): readonly Finding[] {
  if (calls.length === 0) return NO_FINDINGS;
  const findings: Finding[] = [];
  for (const call of calls) {
    const caller = model.byId.get(call.from);
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
  return findings;
}

const NO_FINDINGS: readonly Finding[] = [];
const NO_NAMES: ReadonlySet<string> = new Set();

function shortNamesOf(calls: readonly UnresolvedCall[]): Set<string> {
  const names = new Set<string>();
  for (const call of calls) if (call.shortName !== undefined) names.add(call.shortName);
  return names;
}

interface CallerFindings {
  /** The unresolved calls per caller position these findings were made for. */
  readonly calls: readonly (readonly UnresolvedCall[])[];
  readonly findings: readonly (readonly Finding[])[];
  /** Short name → positions of callers with an unresolved short name of it (may list extra). */
  readonly shortNames: ReadonlyMap<string, readonly number[]>;
  /** The non-empty lists of `findings`, in order (the rule's result). */
  readonly parts: readonly (readonly Finding[])[];
}

/** By the list of unresolved calls per caller the findings were made for. */
const kept = new WeakMap<readonly (readonly UnresolvedCall[])[], CallerFindings>();
const findingsByCall = new WeakMap<UnresolvedCall, { finding: Finding | null; hint: string }>();

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
    message: `'${call.address}' (${call.source}) looks like a cluster address, but there is ${call.reason}; it is left unresolved (no call edge, no NetworkPolicy verdict).${hint}`,
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
