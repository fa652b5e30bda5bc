// Hovers on Services: what the Service is, its ports and selector, and the workloads it selects.
import * as assert from 'assert';
import { openEditor, positionOf, hoverText, waitFor, assertIncludesAll } from './helpers';

/** Opens `file`, hovers `offset` characters into `needle`, and waits for a hover naming `id`. */
async function hoverOn(file: string, needle: string, offset: number, id: string): Promise<string> {
  const editor = await openEditor(file);
  const position = positionOf(editor.document, needle, offset);
  let last = '';
  return waitFor(
    `a hover naming ${id} in ${file}`,
    async () => {
      last = await hoverText(editor.document.uri, position);
      return last.includes(id) && last;
    },
    { observe: () => JSON.stringify(last) },
  );
}

suite('Hover', () => {
  test('on a Service name: kind, namespace/name, type, ports with protocol, selector, selected workloads', async () => {
    const text = await hoverOn('shop/frontend.yaml', 'name: frontend', 'name: '.length + 3, 'shop/frontend');
    assertIncludesAll(
      text,
      ['Service', 'shop/frontend', 'ClusterIP', '80 → 8080', '443 → 8443', 'TCP', 'app=frontend', 'tier=web'],
      'The hover',
    );
    assertIncludesAll(text, ['Deployment/shop/frontend'], 'The hover');
  });

  test('anywhere inside a Service document, with the defaults filled in (type ClusterIP, protocol TCP)', async () => {
    // shop/cart.yaml's Service sets neither `type` nor `protocol`; the hover is on its targetPort.
    const text = await hoverOn('shop/cart.yaml', 'targetPort: 7070', 'targetPort: '.length, 'shop/cart');
    assertIncludesAll(
      text,
      ['Service', 'shop/cart', 'ClusterIP', '7070 → 7070', 'TCP', 'app=cart', 'Deployment/shop/cart'],
      'The hover',
    );
  });

  test('on a Service inside a kind: List', async () => {
    const text = await hoverOn('shop/reviews-list.yaml', 'name: reviews', 'name: '.length, 'shop/reviews');
    assertIncludesAll(
      text,
      ['Service', 'shop/reviews', '9080 → 9080', 'app=reviews', 'Deployment/shop/reviews'],
      'The hover',
    );
  });

  test('on a Service that selects nothing: no workload of another namespace is claimed', async () => {
    // shop/ledger-proxy selects app=ledger, but the only such pods are the StatefulSet's in payments.
    const text = await hoverOn(
      'shop/ledger-proxy.yaml',
      'name: ledger-proxy',
      'name: '.length,
      'shop/ledger-proxy',
    );
    assertIncludesAll(text, ['Service', 'shop/ledger-proxy', '5432 → 5432', 'app=ledger'], 'The hover');
    assert.ok(
      !text.includes('StatefulSet/payments/ledger'),
      `The hover claims a workload of payments:\n${text}`,
    );
  });
});
