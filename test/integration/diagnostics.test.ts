// Diagnostics as a user sees them in the Problems view: the exact range of a YAML syntax error, and
// silence on files that are not plain Kubernetes manifests.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension } from './api';
import {
  assertIncludesAll,
  assertRange,
  codeOf,
  describeDiagnostics,
  hoverText,
  indexed,
  openEditor,
  ourDiagnostics,
  positionOf,
  waitFor,
  workspaceUri,
} from './helpers';

suite('Diagnostics', () => {
  suiteSetup(async () => {
    const api = await activateExtension();
    await indexed(api, 'the fixture workspace');
  });

  test('a syntax error in the second document is one yaml-syntax error on the exact span yaml reports', async () => {
    const uri = workspaceUri('shop/mixed.yaml');
    await openEditor('shop/mixed.yaml');
    const errors = await waitFor(
      'a yaml-syntax diagnostic on shop/mixed.yaml',
      () => {
        const found = ourDiagnostics(uri).filter((d) => codeOf(d) === 'yaml-syntax');
        return found.length > 0 && found;
      },
      { observe: () => describeDiagnostics(vscode.languages.getDiagnostics(uri)) },
    );
    assert.strictEqual(errors.length, 1, describeDiagnostics(errors));
    const [error] = errors;
    assert.ok(error);
    assert.strictEqual(error.severity, vscode.DiagnosticSeverity.Error);
    // Computed with yaml 2.9.1 itself: parseAllDocuments(text, {lineCounter}) on shop/mixed.yaml gives
    // its second document one error, BLOCK_AS_IMPLICIT_KEY "Nested mappings are not allowed in compact
    // mappings", pos [352, 353], linePos 17:8 (1-based): the `p` of `url: postgres://cart: hunter2@…`.
    assertRange(error.range, [16, 7, 16, 8]);
  });

  test('the document after the broken one is still analysed', async () => {
    // The third document of shop/mixed.yaml is the Service shop/cart-admin, selecting app=cart.
    const editor = await openEditor('shop/mixed.yaml');
    const position = positionOf(editor.document, 'name: cart-admin', 'name: '.length);
    const text = await waitFor('a hover on shop/cart-admin', async () => {
      const hover = await hoverText(editor.document.uri, position);
      return hover.includes('shop/cart-admin') && hover;
    });
    assertIncludesAll(
      text,
      ['Service', 'shop/cart-admin', '9090 → 9090', 'Deployment/shop/cart'],
      'The hover',
    );
  });

  for (const file of [
    'chart/templates/deployment.yaml',
    'chart/Chart.yaml',
    'chart/values.yaml',
    '.github/workflows/ci.yaml',
  ]) {
    test(`no diagnostics at all on ${file} (not a plain manifest)`, async () => {
      await openEditor(file);
      const api = await activateExtension();
      await indexed(api, `after opening ${file}`);
      const uri = workspaceUri(file);
      assert.strictEqual(ourDiagnostics(uri).length, 0, describeDiagnostics(ourDiagnostics(uri)));
    });
  }

  test('no errors on a kind: List (its items are ordinary objects)', async () => {
    const file = 'shop/reviews-list.yaml';
    await openEditor(file);
    const api = await activateExtension();
    await indexed(api, `after opening ${file}`);
    const uri = workspaceUri(file);
    const errors = ourDiagnostics(uri).filter(
      (d) => d.severity === vscode.DiagnosticSeverity.Error || codeOf(d) === 'yaml-syntax',
    );
    assert.strictEqual(errors.length, 0, describeDiagnostics(errors));
  });
});
