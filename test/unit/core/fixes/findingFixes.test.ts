import * as assert from 'node:assert/strict';
import { fixesForFinding } from '../../../../src/core/fixes/findingFixes';
import { analyze, WORKSPACE } from './fixesFixtures';
import { applyOffer, assertParses, findingKeys, offersOn } from './fixHarness';
import { IN_PLACE } from './inPlaceFixtures';

describe('the fixes of each finding', () => {
  it('offers, per code, its fixes with the preferred one first', () => {
    const analysis = analyze(IN_PLACE);
    const offered = analysis.findings.map((finding) => [
      finding.code,
      finding.range.file,
      fixesForFinding(analysis, finding, (file) => IN_PLACE[file]).map(
        (offer) => `${offer.kind}${offer.preferred ? ' (preferred)' : ''}: ${offer.title}`,
      ),
    ]);
    assert.deepEqual(offered, [
      ['no-readiness-probe', 'data/db.yaml', []],
      // The cluster DNS gets no policy of its own; its namespace can still be isolated.
      ['workload-not-isolated', 'kube-system/dns.yaml', ['quickfix: Isolate namespace kube-system']],
      ['no-readiness-probe', 'shop/apps.yaml', []],
      [
        'workload-not-isolated',
        'shop/apps.yaml',
        ['quickfix (preferred): Generate NetworkPolicy for worker', 'quickfix: Isolate namespace shop'],
      ],
      ['policy-blocks-call', 'shop/apps.yaml', ['quickfix (preferred): Allow worker → ledger:7000']],
      ['no-readiness-probe', 'shop/apps.yaml', []],
      ['no-readiness-probe', 'shop/apps.yaml', []],
      ['no-readiness-probe', 'shop/apps.yaml', []],
      ['egress-blocks-dns', 'web/frontend.yaml', ['quickfix (preferred): Allow DNS egress']],
      [
        'workload-not-isolated',
        'web/frontend.yaml',
        ['quickfix (preferred): Generate NetworkPolicy for frontend', 'quickfix: Isolate namespace web'],
      ],
      ['policy-blocks-call', 'web/frontend.yaml', ['quickfix (preferred): Allow web/frontend → api:80']],
      ['policy-blocks-call', 'web/frontend.yaml', ['quickfix (preferred): Allow web/frontend → cache:6379']],
      ['policy-blocks-call', 'web/frontend.yaml', ['quickfix (preferred): Allow web/frontend → search:9200']],
      ['policy-blocks-call', 'web/frontend.yaml', ['quickfix (preferred): Allow web/frontend → ledger:7000']],
      ['policy-blocks-call', 'web/frontend.yaml', ['quickfix (preferred): Allow web/frontend → db:5432']],
    ]);
  });

  it('Generate NetworkPolicy writes the workload’s policy to a new file and clears its finding', () => {
    const before = analyze(WORKSPACE);
    const offers = offersOn(before, WORKSPACE, 'workload-not-isolated', "'cart-sweep'");
    assert.deepEqual(
      offers.map((offer) => offer.title),
      ['Generate NetworkPolicy for cart-sweep', 'Isolate namespace shop'],
    );
    const result = applyOffer(before, WORKSPACE, offers[0]);
    assert.deepEqual(
      result.edits.map((edit) => [edit.file, edit.newFile]),
      [['shop/shop-networkpolicies.yaml', true]],
    );
    assertParses(result, WORKSPACE);
    assert.ok(result.files['shop/shop-networkpolicies.yaml']!.includes('  name: cart-sweep-allow\n'));
    assert.deepEqual(
      findingKeys(result.after),
      findingKeys(before).filter((key) => !key.includes("Job 'cart-sweep'")),
    );
    // Nobody calls it: all ingress to it is blocked now; its call to cart stays allowed.
    assert.deepEqual(result.diff.brokenEdges, []);
    assert.deepEqual(result.diff.opened, []);
    assert.ok(
      result.diff.blocked.every(
        (change) => change.src === 'shop/cart-sweep[Job]' || change.dst === 'shop/cart-sweep[Job]',
      ),
    );
  });
});
