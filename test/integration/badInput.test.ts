// Input a real repository may hold: a binary file with a .yaml name, an empty file, a 5 MB manifest and
// a YAML alias bomb. scripts/testIntegration.mjs generates them into the copy of the fixture workspace
// (scripts/integrationWorkspace.mjs); they are never committed.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, type KubeTopologyApi } from './api';
import {
  describeDiagnostics,
  hoverText,
  indexed,
  openEditor,
  ourDiagnostics,
  positionOf,
  waitFor,
  withDeadline,
  workspaceUri,
} from './helpers';

const BAD_INPUT = [
  'bad-input/binary.yaml',
  'bad-input/empty.yaml',
  'bad-input/huge.yaml',
  'bad-input/bomb.yaml',
];

// The objects of the committed fixture: 2 Namespaces; Service + Deployment in shop/frontend.yaml and
// shop/cart.yaml; Service in shop/ledger-proxy.yaml; ConfigMap + Service in shop/mixed.yaml (its broken
// Secret aside); Service + Deployment in shop/reviews-list.yaml; Service + StatefulSet in payments/ledger.yaml.
const FIXTURE_OBJECTS = 13;
const FIXTURE_MANIFEST_FILES = 7;

/** The extension still answers a hover on shop/frontend within a few seconds. */
async function assertHoverAnswers(): Promise<void> {
  const editor = await openEditor('shop/frontend.yaml');
  const position = positionOf(editor.document, 'name: frontend', 'name: '.length);
  const text = await withDeadline(
    hoverText(editor.document.uri, position),
    10_000,
    'A hover on shop/frontend',
  );
  assert.ok(text.includes('shop/frontend'), `Unexpected hover: ${text}`);
}

suite('Bad input', () => {
  let api: KubeTopologyApi;

  suiteSetup(async () => {
    for (const file of BAD_INPUT) {
      await vscode.workspace.fs.stat(workspaceUri(file)).then(undefined, () => {
        throw new Error(
          `${file} is missing: run the suite through scripts/testIntegration.mjs, which generates it.`,
        );
      });
    }
    api = await activateExtension();
  });

  test('indexing finishes and the extension still answers hovers and indexSummary()', async () => {
    await indexed(api, 'a workspace with bad input');
    const summary = await withDeadline(
      Promise.resolve().then(() => api.indexSummary()),
      5_000,
      'indexSummary()',
    );
    assert.ok(summary.files > 0, JSON.stringify(summary));
    await assertHoverAnswers();
  });

  test("the other files' objects are still counted", () => {
    const summary = api.indexSummary();
    assert.ok(summary.objects >= FIXTURE_OBJECTS, `objects: ${JSON.stringify(summary)}`);
    assert.ok(summary.files >= FIXTURE_MANIFEST_FILES, `files: ${JSON.stringify(summary)}`);
  });

  test('no error diagnostics on the binary file and the empty file', async () => {
    await indexed(api, 'bad input');
    for (const file of ['bad-input/binary.yaml', 'bad-input/empty.yaml']) {
      const errors = ourDiagnostics(workspaceUri(file)).filter(
        (d) => d.severity === vscode.DiagnosticSeverity.Error,
      );
      assert.strictEqual(errors.length, 0, `${file}:\n${describeDiagnostics(errors)}`);
    }
    // Opened in an editor too (VS Code opens an empty file as text; the binary one it refuses).
    await openEditor('bad-input/empty.yaml');
    await indexed(api, 'after opening empty.yaml');
    assert.strictEqual(ourDiagnostics(workspaceUri('bad-input/empty.yaml')).length, 0);
  });

  test('the alias bomb gets a clear diagnostic instead of a crash', async () => {
    const uri = workspaceUri('bad-input/bomb.yaml');
    const diagnostic = await waitFor(
      'a diagnostic about aliases on bad-input/bomb.yaml',
      () => ourDiagnostics(uri).find((d) => /alias/i.test(d.message)),
      { observe: () => describeDiagnostics(vscode.languages.getDiagnostics(uri)) },
    );
    assert.ok(diagnostic.severity <= vscode.DiagnosticSeverity.Warning, describeDiagnostics([diagnostic]));
    await assertHoverAnswers();
  });

  test('the 5 MB manifest opens in an editor and the extension keeps answering', async () => {
    await openEditor('bad-input/huge.yaml');
    await indexed(api, 'after opening huge.yaml');
    await assertHoverAnswers();
    assert.ok(api.indexSummary().objects >= FIXTURE_OBJECTS);
  });
});
