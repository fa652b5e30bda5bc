import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { allowDns } from '../../../../src/core/fixes/allowDns';
import { assertGolden } from '../../../helpers/golden';
import { analyze, type Files } from './fixesFixtures';
import {
  allowed,
  applyOffer,
  assertParses,
  editedTexts,
  findingKeys,
  findingsOf,
  offersOn,
} from './fixHarness';
import { IN_PLACE, WEB_POLICIES } from './inPlaceFixtures';

const golden = (name: string) => path.join(__dirname, '../../../fixtures/fixes', `allow-dns-${name}.yaml`);

const job = (name: string, namespace: string) => `---
apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      restartPolicy: Never
      containers: [{name: main, image: ${name}}]
`;

/**
 * Two namespaces whose egress is isolated without DNS: in batch, one namespace-wide policy selects
 * both jobs (and neither resolves names); in ops, the namespace-wide policy also selects a job that
 * has DNS from a policy of its own.
 */
const DNS_CASES: Files = {
  'batch/jobs.yaml': job('import', 'batch') + job('export', 'batch'),
  'batch/policies.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: no-egress
  namespace: batch
spec:
  podSelector: {}
  policyTypes: [Egress]
`,
  'ops/jobs.yaml': job('backup', 'ops') + job('report', 'ops'),
  'ops/policies.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: no-egress
  namespace: ops
spec:
  podSelector: {}
  policyTypes: [Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: backup-dns
  namespace: ops
spec:
  podSelector: {matchLabels: {app: backup}}
  policyTypes: [Egress]
  egress: [{to: [{namespaceSelector: {}}], ports: [{protocol: UDP, port: 53}]}]
`,
  'kube-system/dns.yaml': IN_PLACE['kube-system/dns.yaml']!,
};

describe('Allow DNS egress', () => {
  it('adds the DNS rule to the policy that isolates the workload’s egress alone, in its list style', () => {
    const before = analyze(IN_PLACE);
    const offers = offersOn(before, IN_PLACE, 'egress-blocks-dns', "'frontend'");
    assert.deepEqual(
      offers.map((offer) => [offer.title, offer.kind, offer.preferred]),
      [['Allow DNS egress', 'quickfix', true]],
    );
    const result = applyOffer(before, IN_PLACE, offers[0]);
    assert.deepEqual(
      result.edits.map((edit) => [edit.file, edit.start, edit.end]),
      [['web/policies.yaml', WEB_POLICIES.length, WEB_POLICIES.length]],
    );
    assertGolden(editedTexts(result), golden('in-place'));
    assertParses(result, IN_PLACE);
    assert.deepEqual(
      findingKeys(result.after),
      findingKeys(before).filter((key) => !key.startsWith('egress-blocks-dns web/frontend.yaml')),
    );
    // UDP and TCP 53 to kube-dns, and nothing else opens.
    assert.deepEqual(result.diff.opened, [
      {
        src: 'web/frontend[Deployment]',
        dst: 'kube-system/coredns[Deployment]',
        before: 'No Connections',
        after: 'TCP 53,UDP 53',
      },
    ]);
    assert.deepEqual(result.diff.blocked, []);
    assert.ok(allowed(result.after, 'Deployment/web/frontend', 'Deployment/kube-system/coredns', 53, 'UDP'));
  });

  it('uses a namespace-wide policy when every workload it selects lacks DNS: one edit clears them all', () => {
    const before = analyze(DNS_CASES);
    assert.equal(findingsOf(before, 'egress-blocks-dns', "Job 'import'").length, 1);
    assert.equal(findingsOf(before, 'egress-blocks-dns', "Job 'export'").length, 1);
    const result = applyOffer(
      before,
      DNS_CASES,
      offersOn(before, DNS_CASES, 'egress-blocks-dns', "'import'")[0],
    );
    assert.deepEqual(
      result.edits.map((edit) => edit.file),
      ['batch/policies.yaml'],
    );
    assertGolden(editedTexts(result), golden('namespace-wide'));
    assertParses(result, DNS_CASES);
    assert.deepEqual(findingsOf(result.after, 'egress-blocks-dns', 'batch'), []);
    assert.deepEqual(
      result.diff.opened.map((change) => `${change.src} => ${change.dst} : ${change.after}`),
      [
        'batch/export[Job] => kube-system/coredns[Deployment] : TCP 53,UDP 53',
        'batch/import[Job] => kube-system/coredns[Deployment] : TCP 53,UDP 53',
      ],
    );
    assert.deepEqual(result.diff.blocked, []);
  });

  it('writes a new Egress-only policy when the isolating policy also selects workloads that have DNS', () => {
    const before = analyze(DNS_CASES);
    assert.deepEqual(findingsOf(before, 'egress-blocks-dns', "Job 'backup'"), []);
    const result = applyOffer(
      before,
      DNS_CASES,
      offersOn(before, DNS_CASES, 'egress-blocks-dns', "'report'")[0],
    );
    assertGolden(editedTexts(result), golden('new-policy'));
    assertParses(result, DNS_CASES);
    const ops = result.files['ops/policies.yaml']!;
    assert.ok(ops.startsWith(DNS_CASES['ops/policies.yaml']!));
    assert.ok(ops.includes('name: report-allow-dns\n'));
    assert.deepEqual(findingsOf(result.after, 'egress-blocks-dns', 'report'), []);
    assert.deepEqual(
      result.diff.opened.map((change) => `${change.src} => ${change.dst} : ${change.after}`),
      ['ops/report[Job] => kube-system/coredns[Deployment] : TCP 53,UDP 53'],
    );
    assert.deepEqual(result.diff.blocked, []);
  });

  it('changes nothing where egress is not isolated, or DNS is allowed already', () => {
    const before = analyze(DNS_CASES);
    const textOf = (file: string) => DNS_CASES[file];
    const workload = (id: string) => before.model.workloadsById.get(id)!;
    assert.equal(allowDns(before, workload('Deployment/kube-system/coredns'), textOf), undefined);
    assert.equal(allowDns(before, workload('Job/ops/backup'), textOf), undefined);
  });
});
