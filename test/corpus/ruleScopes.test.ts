// Namespace-local rules run per namespace on a namespace view of the model in the editor (so an
// edit re-runs them only where it was) and once over everything in the CLI. Both must find the
// same: on real manifest sets, with policies, operators, several namespaces and defaulted ones.
import * as assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../src/core/analysis';
import { parseManifestFileFast } from '../../src/core/parse/parseManifestFileFast';
import type { Finding } from '../../src/core/rules/finding';
import { readInputs } from '../../src/cli/inputs';

const CORPUS = '../shared/corpus';
const SETS: Record<string, string[]> = {
  'online boutique with its policies': [
    `${CORPUS}/online-boutique/release/kubernetes-manifests.yaml`,
    `${CORPUS}/online-boutique/kustomize/components/network-policies`,
  ],
  'sock shop with its policies': [`${CORPUS}/sock-shop`],
  'opentelemetry demo (objects with and without a namespace)': [`${CORPUS}/opentelemetry-demo`],
  'kube-prometheus (operators)': [`${CORPUS}/kube-prometheus`],
  'argo cd ha': [`${CORPUS}/argo-cd/manifests/ha`],
  'the sample workspace': ['examples/shop'],
};

function findings(paths: string[], oneShot: boolean): string[] {
  const files = readInputs(paths).map((input) => parseManifestFileFast(input.file, input.text));
  const analysis = analyzeWorkspace(files, { defaultNamespace: 'default', oneShot });
  assert.deepEqual(analysis.ruleFailures, []);
  return analysis.findings.map(
    (finding: Finding) =>
      `${finding.code} ${finding.severity} ${finding.range.file}:${finding.range.start}-${finding.range.end} ${finding.message} ${JSON.stringify(finding.related ?? [])}`,
  );
}

describe('rules per namespace and over the whole workspace agree', () => {
  for (const [name, paths] of Object.entries(SETS)) {
    it(name, () => {
      const perNamespace = findings(paths, false);
      assert.ok(perNamespace.length > 0, 'a set with findings');
      assert.deepEqual(perNamespace, findings(paths, true));
    });
  }
});
