import * as assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { dnsRule } from '../../../../src/core/fixes/leastPrivilegePolicies';
import { insertRules, policyNodes } from '../../../../src/core/fixes/policyDocument';
import { applyEdits } from '../../../../src/core/fixes/textEdit';
import { analyze } from './fixesFixtures';

/** The DNS rule added to the egress of the one policy in `text`, and the text after it. */
function withDns(file: string, text: string, name = 'p'): string | undefined {
  const analysis = analyze({ [file]: text });
  const object = analysis.model.byKindAndName('NetworkPolicy', 'default', name);
  assert.ok(object, `policy ${name}`);
  const nodes = policyNodes(object, text);
  const edit = nodes && insertRules(nodes, 'egress', [dnsRule()]);
  return edit && applyEdits(text, [edit]);
}

const HEAD =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n';

/** Parses and holds UDP 53 in its last egress rule. */
function assertDnsAdded(text: string | undefined): void {
  assert.ok(text);
  const [document] = parseAllDocuments(text) as unknown as [{ errors: unknown[]; toJS(): unknown }];
  assert.deepEqual(document.errors, []);
  const body = document.toJS() as { spec: { egress: { ports: { protocol: string; port: number }[] }[] } };
  assert.deepEqual(body.spec.egress.at(-1)?.ports[0], { protocol: 'UDP', port: 53 });
}

describe('policy documents edited in place', () => {
  it('keeps CRLF line ends', () => {
    const text = `${HEAD}  egress:\n    - to: [{podSelector: {}}]\n`.replaceAll('\n', '\r\n');
    const after = withDns('p.yaml', text);
    assertDnsAdded(after);
    assert.ok(!/[^\r]\n/.test(after!), 'every line break is CRLF');
  });

  it('adds after a last line without a line break', () => {
    const after = withDns('p.yaml', `${HEAD}  egress:\n    - to: [{podSelector: {}}]`);
    assertDnsAdded(after);
    assert.ok(after!.includes('    - to: [{podSelector: {}}]\n    # DNS'));
  });

  it('adds the key after the last one of spec, at its indentation', () => {
    const after = withDns('p.yaml', `${HEAD}  policyTypes: [Egress]\n# trailing comment\n`);
    assertDnsAdded(after);
    assert.ok(after!.includes('  policyTypes: [Egress]\n  egress:\n    # DNS'), after);
  });

  it('writes into a flow spec in flow style', () => {
    const text =
      'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec: {podSelector: {}, policyTypes: [Egress]}\n';
    const after = withDns('p.yaml', text);
    assertDnsAdded(after);
    assert.ok(after!.includes(', egress: [{to: [{namespaceSelector:'), after);
  });

  it('edits a policy inside a kind: List, and the right one of several documents', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: networking.k8s.io/v1\n    kind: NetworkPolicy\n    metadata: {name: q}\n    spec: {podSelector: {}, egress: []}\n  - apiVersion: networking.k8s.io/v1\n    kind: NetworkPolicy\n    metadata: {name: p}\n    spec:\n      podSelector: {}\n      egress:\n        - to: [{podSelector: {}}]\n`;
    const after = withDns('list.yaml', text);
    assert.ok(after);
    const documents = parseAllDocuments(after) as unknown as { errors: unknown[]; toJS(): unknown }[];
    assert.deepEqual(
      documents.map((document) => document.errors),
      [[], []],
    );
    const list = documents[1]!.toJS() as { items: { spec: { egress: unknown[] } }[] };
    assert.deepEqual(
      list.items.map((item) => item.spec.egress.length),
      [0, 2],
    );
  });

  it('leaves JSON files and texts that are not the analysed one alone', () => {
    const json = JSON.stringify({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'p' },
      spec: { podSelector: {}, egress: [] },
    });
    assert.equal(withDns('p.json', json), undefined);
    const analysis = analyze({ 'p.yaml': `${HEAD}  egress: []\n` });
    const object = analysis.model.byKindAndName('NetworkPolicy', 'default', 'p')!;
    assert.equal(policyNodes(object, `${HEAD.replace('name: p', 'name: renamed')}  egress: []\n`), undefined);
    assert.equal(policyNodes(object, undefined), undefined);
  });
});
