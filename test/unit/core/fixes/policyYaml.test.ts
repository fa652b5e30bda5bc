import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { evidenceLabel } from '../../../../src/core/fixes/evidenceLabel';
import { policyToYaml, scalar } from '../../../../src/core/fixes/policyYaml';
import type { GraphEdge } from '../../../../src/core/graph/graph';

function edge(...texts: string[]): GraphEdge {
  return {
    from: 'a',
    to: 'b',
    type: 'calls',
    evidence: texts.map((text) => ({ range: { file: 'f', start: 0, end: 0 }, text })),
  };
}

describe('policy YAML', () => {
  it('quotes every scalar a YAML 1.1 or 1.2 reader would not read as this string', () => {
    for (const value of ['app', 'app.kubernetes.io/name', 'my-app_1', '10.0.0.0/8'])
      assert.equal(scalar(value), value);
    for (const value of ['yes', 'On', 'null', '1.0', '2024-01-01', '0x1f', '::/0', '', 'a b', 'x:y'])
      assert.equal(parse(`v: ${scalar(value)}`).v, value, value);
    assert.equal(scalar('yes'), '"yes"');
    assert.equal(scalar('::/0'), '"::/0"');
  });

  it('names the evidence by its variable, never by its value', () => {
    assert.equal(evidenceLabel(edge('CART_ADDR=cart:7070')), ' (CART_ADDR)');
    assert.equal(evidenceLabel(edge('DB=postgres://u:secret@db:5432/x', 'DB=again')), ' (DB)');
    assert.equal(
      evidenceLabel(edge('ORDERS_API=http://orders:8080 (ConfigMap cfg, key orders-url)')),
      ' (ORDERS_API, ConfigMap cfg, key orders-url)',
    );
    assert.equal(evidenceLabel(edge('--db=postgres://u:secret@db:5432/x')), ' (--db=postgres://…@db:5432/x)');
    assert.equal(evidenceLabel(edge()), '');
  });

  it('writes a policy with no rules as an explicit deny, comments wrapped', () => {
    const text = policyToYaml({
      name: 'lonely-allow',
      namespace: 'ns',
      workload: 'Deployment/ns/lonely',
      comments: [`A long sentence ${'word '.repeat(40)}end.`],
      podSelector: { app: 'lonely' },
      ingress: [],
      egress: [],
    });
    assert.ok(text.split('\n').every((line) => line.length <= 100));
    assert.deepEqual(parse(text).spec, {
      podSelector: { matchLabels: { app: 'lonely' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [],
      egress: [],
    });
  });
});
