import type { Analysis } from '../analysis';
import type { GraphEdge } from '../graph/graph';
import type { K8sObject } from '../model/k8sObject';
import type { SourceRange } from '../model/sourceRange';
import type { Workload } from '../model/workspaceModel';
import type { Finding } from '../rules/finding';
import { allowCall, allowCallTitle } from './allowCall';
import { allowDns } from './allowDns';
import { analysisWithEdits, connectivityDiff, describeDiff } from './connectivityDiff';
import type { FixOffer, FixResult } from './fix';
import { generatePolicies, isolateNamespace, skipReason } from './leastPrivilegePolicies';
import { policyEdits } from './policyEdits';
import { selectClosestWorkload, selectorTypo, selectTitle } from './selectClosestWorkload';
import type { TextEdit } from './textEdit';

/** The current text of a file, by the key the analysis gives it (offsets of edits are into it). */
export type TextOf = (file: string) => string | undefined;

/**
 * The fixes for one finding, best first:
 * - `workload-not-isolated`: "Generate NetworkPolicy for <workload>" (preferred), "Isolate namespace <ns>";
 * - `policy-blocks-call`: "Allow <caller> → <Service>:<port>" (preferred);
 * - `egress-blocks-dns`: "Allow DNS egress" (preferred);
 * - `policy-selects-nothing`: "Select <workload> (...)" when a label typo is the likely cause, as a
 *   suggestion (not preferred).
 * Titles are cheap; the edits are computed when an offer is resolved.
 */
export function fixesForFinding(analysis: Analysis, finding: Finding, textOf: TextOf): FixOffer[] {
  switch (finding.code) {
    case 'workload-not-isolated':
      return workloadsAt(analysis, finding.range).flatMap((workload) => [
        // The cluster DNS gets no policy of its own (every pod must reach it), its namespace may.
        ...(skipReason(workload) === undefined
          ? [
              {
                title: `Generate NetworkPolicy for ${workload.object.name}`,
                kind: 'quickfix' as const,
                preferred: true,
                resolve: () => edits(generateFor(analysis, workload, textOf)),
              },
            ]
          : []),
        isolateOffer(analysis, workload.object.namespace ?? '', 'quickfix', textOf),
      ]);
    case 'policy-blocks-call':
      return blockedCallsAt(analysis, finding.range).flatMap((edge) => {
        const title = allowCallTitle(analysis, edge);
        return title
          ? [
              {
                title,
                kind: 'quickfix' as const,
                preferred: true,
                resolve: () => edits(allowCall(analysis, edge, textOf)),
              },
            ]
          : [];
      });
    case 'egress-blocks-dns':
      return workloadsAt(analysis, finding.range).map((workload) => ({
        title: 'Allow DNS egress',
        kind: 'quickfix' as const,
        preferred: true,
        resolve: () => edits(allowDns(analysis, workload, textOf)),
      }));
    case 'policy-selects-nothing':
      return policiesAt(analysis, finding.range).flatMap((policy) => {
        const typo = selectorTypo(analysis, policy);
        return typo
          ? [
              {
                title: selectTitle(typo),
                kind: 'quickfix' as const,
                preferred: false,
                resolve: () => edits(selectClosestWorkload(analysis, policy, textOf)),
              },
            ]
          : [];
      });
    case 'yaml-syntax':
    case 'service-no-endpoints':
    case 'service-port-mismatch':
    case 'ingress-missing-service':
    case 'ingress-missing-port':
    case 'route-missing-service':
    case 'call-unresolved':
    case 'policy-blocks-ingress-path':
    case 'no-readiness-probe':
      return [];
  }
}

/**
 * Source actions for a file: "Isolate namespace <ns>" for each namespace of the workloads it
 * defines in which some workload is not yet isolated for ingress or egress.
 */
export function fixesForFile(analysis: Analysis, file: string, textOf: TextOf): FixOffer[] {
  const { model, graph } = analysis;
  const namespaces = new Set<string>();
  for (const workload of model.workloads)
    if (workload.object.file === file) namespaces.add(workload.object.namespace ?? '');
  return [...namespaces]
    .filter((namespace) =>
      model.workloadIndex
        .itemsIn(namespace)
        .some(
          (workload) =>
            graph.policy.policiesFor(workload, 'ingress').length === 0 ||
            graph.policy.policiesFor(workload, 'egress').length === 0,
        ),
    )
    .sort()
    .map((namespace) => isolateOffer(analysis, namespace, 'source', textOf));
}

/**
 * "Isolate namespace <ns>": its default-deny and one allow policy per workload, confirmed first
 * with the connectivity diff the edits make (computed by analysing the workspace with them).
 */
export function isolateOffer(
  analysis: Analysis,
  namespace: string,
  kind: FixOffer['kind'],
  textOf: TextOf,
): FixOffer {
  return {
    title: `Isolate namespace ${namespace}`,
    kind,
    preferred: false,
    resolve: () => {
      const { policies } = isolateNamespace(analysis, namespace);
      const changes = policyEdits(analysis.model, policies, textOf);
      if (changes.length === 0) return undefined;
      const diff = connectivityDiff(analysis, analysisWithEdits(analysis, changes, textOf));
      const broken = diff.brokenEdges.length === 0 ? '' : `, ${diff.brokenEdges.length} inferred calls break`;
      return {
        edits: changes,
        preview: {
          label: `Isolate namespace ${namespace}: ${diff.blocked.length} connections become blocked, ${diff.stillAllowed.length} stay allowed${broken}`,
          description: describeDiff(diff),
        },
      };
    },
  };
}

function generateFor(analysis: Analysis, workload: Workload, textOf: TextOf): TextEdit[] | undefined {
  const { policies } = generatePolicies(analysis, { workloads: [workload.object.id] });
  return policies.length === 0 ? undefined : policyEdits(analysis.model, policies, textOf);
}

function edits(list: readonly TextEdit[] | undefined): FixResult | undefined {
  return list && list.length > 0 ? { edits: list } : undefined;
}

function sameRange(a: SourceRange | undefined, b: SourceRange): boolean {
  return a !== undefined && a.file === b.file && a.start === b.start && a.end === b.end;
}

/** Workloads whose whole-object findings sit at `range` (their `metadata.name`). */
function workloadsAt(analysis: Analysis, range: SourceRange): Workload[] {
  return analysis.model.workloads.filter(
    (workload) =>
      sameRange(workload.object.nameRange, range) ||
      sameRange(workload.object.locate(['metadata', 'name']), range),
  );
}

/** Blocked calls whose first evidence is at `range` (where policy-blocks-call puts its finding). */
function blockedCallsAt(analysis: Analysis, range: SourceRange): GraphEdge[] {
  return analysis.graph.edges.filter(
    (edge) =>
      edge.type === 'calls' && edge.policy?.allowed === false && sameRange(edge.evidence?.[0]?.range, range),
  );
}

/** NetworkPolicies whose `spec.podSelector` key (or name) is at `range`. */
function policiesAt(analysis: Analysis, range: SourceRange): K8sObject[] {
  return analysis.model
    .ofKind('NetworkPolicy')
    .filter(
      (object) =>
        sameRange(object.locate(['spec', 'podSelector'], 'key'), range) || sameRange(object.nameRange, range),
    );
}
