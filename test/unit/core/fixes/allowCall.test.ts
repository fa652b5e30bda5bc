import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { assertGolden } from '../../../helpers/golden';
import { analyze } from './fixesFixtures';
import {
  allowed,
  applyOffer,
  assertParses,
  editedTexts,
  findingKeys,
  offersOn,
  type Applied,
} from './fixHarness';
import { IN_PLACE, SHOP_POLICIES, WEB_POLICIES } from './inPlaceFixtures';

const golden = (name: string) => path.join(__dirname, '../../../fixtures/fixes', `allow-call-${name}.yaml`);

describe('Allow <caller> → <Service>:<port>', () => {
  const before = analyze(IN_PLACE);

  /** The fix for the blocked call to `service`, applied and analysed again. */
  function allowCallTo(service: string, caller = 'Deployment/web/frontend'): Applied {
    const offers = offersOn(before, IN_PLACE, 'policy-blocks-call', `${caller} calls ${service}`);
    assert.equal(offers.length, 1);
    assert.equal(offers[0]!.preferred, true);
    assert.equal(offers[0]!.kind, 'quickfix');
    return applyOffer(before, IN_PLACE, offers[0]);
  }

  /** The finding is gone and nothing else about the findings changed. */
  function assertOnlyFindingGone(result: Applied, service: string, caller = 'Deployment/web/frontend'): void {
    const gone = (key: string) =>
      key.startsWith('policy-blocks-call') && key.includes(`${caller} calls ${service} `);
    assert.equal(findingKeys(before).filter(gone).length, 1);
    assert.deepEqual(
      findingKeys(result.after),
      findingKeys(before).filter((key) => !gone(key)),
    );
  }

  it('is titled by the caller, the Service and its port', () => {
    const titles = before.findings
      .filter((finding) => finding.code === 'policy-blocks-call')
      .flatMap((finding) =>
        offersOn(before, IN_PLACE, 'policy-blocks-call', finding.message.split(',')[0]).map(
          (offer) => offer.title,
        ),
      );
    // The caller is named as seen from the Service's namespace.
    assert.deepEqual(titles, [
      'Allow worker → ledger:7000',
      'Allow web/frontend → api:80',
      'Allow web/frontend → cache:6379',
      'Allow web/frontend → search:9200',
      'Allow web/frontend → ledger:7000',
      'Allow web/frontend → db:5432',
    ]);
  });

  it('adds a rule to the callee’s allow policy and to the caller’s egress policy, in place (block lists)', () => {
    const result = allowCallTo('Service/shop/api');
    assert.deepEqual(
      result.edits.map((edit) => [edit.file, edit.start === edit.end, edit.newFile ?? false]),
      [
        ['shop/policies.yaml', true, false],
        ['web/policies.yaml', true, false],
      ],
    );
    assertGolden(editedTexts(result), golden('block'));
    assertParses(result, IN_PLACE);
    // Comments and order survive: the original text is all there, with the rule inserted.
    const shop = result.files['shop/policies.yaml']!;
    const edit = result.edits[0]!;
    assert.equal(shop.slice(0, edit.start) + shop.slice(edit.start + edit.newText.length), SHOP_POLICIES);
    assert.ok(edit.newText.includes('# web/frontend calls api:80 (API_URL), pod port 8080'));
    assertOnlyFindingGone(result, 'Service/shop/api');
    // Exactly that connection: the pod port behind Service port 80, TCP, and nothing more.
    assert.deepEqual(result.diff.blocked, []);
    assert.deepEqual(result.diff.opened, [
      {
        src: 'web/frontend[Deployment]',
        dst: 'shop/api[Deployment]',
        before: 'No Connections',
        after: 'TCP 8080',
      },
    ]);
    assert.deepEqual(result.diff.brokenEdges, []);
    assert.ok(allowed(result.after, 'Deployment/web/frontend', 'Deployment/shop/api', 8080));
    assert.ok(!allowed(result.after, 'Deployment/web/frontend', 'Deployment/shop/api', 80));
    assert.ok(!allowed(result.after, 'Deployment/web/frontend', 'Deployment/shop/api', 8080, 'UDP'));
  });

  it('appends to a flow list in flow style', () => {
    const result = allowCallTo('Service/shop/cache');
    assertGolden(editedTexts(result), golden('flow'));
    assertParses(result, IN_PLACE);
    assert.ok(
      result.files['shop/policies.yaml']!.includes(
        '  ingress: [{from: [{podSelector: {matchLabels: {app: api}}}], ports: [{port: 6379}]}, {from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: web}}, podSelector: {matchLabels: {app: frontend}}}], ports: [{protocol: TCP, port: 6379}]}]\n',
      ),
    );
    assertOnlyFindingGone(result, 'Service/shop/cache');
    assert.deepEqual(result.diff.blocked, []);
    assert.deepEqual(
      result.diff.opened.map((change) => `${change.src} => ${change.dst} : ${change.after}`),
      ['web/frontend[Deployment] => shop/cache[Deployment] : TCP 6379'],
    );
  });

  it('turns `ingress: []` into a block list holding the rule', () => {
    const result = allowCallTo('Service/shop/search');
    assertGolden(editedTexts(result), golden('empty-list'));
    assertParses(result, IN_PLACE);
    const edit = result.edits.find((item) => item.file === 'shop/policies.yaml')!;
    assert.equal(IN_PLACE['shop/policies.yaml']!.slice(edit.start, edit.end), ' []');
    assertOnlyFindingGone(result, 'Service/shop/search');
    assert.deepEqual(
      result.diff.opened.map((change) => `${change.src} => ${change.dst} : ${change.after}`),
      ['web/frontend[Deployment] => shop/search[Deployment] : TCP 9200'],
    );
    assert.deepEqual(result.diff.blocked, []);
  });

  it('adds the ingress key to a policy that isolates ingress without rules', () => {
    const result = allowCallTo('Service/shop/ledger');
    assertGolden(editedTexts(result), golden('missing-key'));
    assertParses(result, IN_PLACE);
    assertOnlyFindingGone(result, 'Service/shop/ledger');
    assert.deepEqual(
      result.diff.opened.map((change) => `${change.src} => ${change.dst} : ${change.after}`),
      ['web/frontend[Deployment] => shop/ledger[Deployment] : TCP 7000'],
    );
    assert.deepEqual(result.diff.blocked, []);
  });

  it('writes a new Ingress-only policy when only a namespace-wide policy isolates the callee', () => {
    const result = allowCallTo('Service/data/db');
    assertGolden(editedTexts(result), golden('new-policy'));
    assertParses(result, IN_PLACE);
    const data = result.files['data/policies.yaml']!;
    assert.ok(data.startsWith(IN_PLACE['data/policies.yaml']!), 'default-deny is left as it was');
    assert.ok(data.includes('name: db-allow-frontend\n'));
    assert.ok(data.includes('  policyTypes:\n    - Ingress\n  ingress:\n'));
    assert.ok(!data.includes('Egress'), 'selects db for ingress only: its egress stays open');
    assertOnlyFindingGone(result, 'Service/data/db');
    assert.deepEqual(
      result.diff.opened.map((change) => `${change.src} => ${change.dst} : ${change.after}`),
      ['web/frontend[Deployment] => data/db[Deployment] : TCP 5432'],
    );
    assert.deepEqual(result.diff.blocked, []);
  });

  it('touches only the callee’s side when the caller’s egress is open, same namespace without namespaceSelector', () => {
    const result = allowCallTo('Service/shop/ledger', 'Deployment/shop/worker');
    assert.deepEqual(
      result.edits.map((edit) => edit.file),
      ['shop/policies.yaml'],
    );
    assert.equal(result.files['web/policies.yaml'], WEB_POLICIES);
    const text = result.edits[0]!.newText;
    assert.ok(!text.includes('namespaceSelector'), text);
    assert.ok(text.includes('# worker calls ledger:7000 (LEDGER)'), text);
    assertParses(result, IN_PLACE);
    assertOnlyFindingGone(result, 'Service/shop/ledger', 'Deployment/shop/worker');
    assert.deepEqual(
      result.diff.opened.map((change) => `${change.src} => ${change.dst} : ${change.after}`),
      ['shop/worker[Deployment] => shop/ledger[Deployment] : TCP 7000'],
    );
    assert.deepEqual(result.diff.blocked, []);
  });
});
