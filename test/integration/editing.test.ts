// Typing in an editor updates the diagnostics at once, without saving the file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  assertRange,
  codeOf,
  describeDiagnostics,
  openEditor,
  ourDiagnostics,
  positionOf,
  waitFor,
} from './helpers';

suite('Editing', () => {
  test('breaking then fixing a document updates the yaml-syntax diagnostic without saving', async () => {
    const editor = await openEditor('shop/cart.yaml');
    const { document } = editor;
    const uri = document.uri;
    const yamlSyntax = () => ourDiagnostics(uri).filter((d) => codeOf(d) === 'yaml-syntax');
    // `replicas: 2` becomes `replicas: 2: oops`, a value that is itself a mapping.
    const insertAt = positionOf(document, 'replicas: 2', 'replicas: 2'.length);
    const inserted = ': oops';
    try {
      const breakIt = new vscode.WorkspaceEdit();
      breakIt.insert(uri, insertAt, inserted);
      assert.ok(await vscode.workspace.applyEdit(breakIt), 'applyEdit (break)');
      assert.ok(document.isDirty, 'The edit should leave the document unsaved');

      const [error] = await waitFor(
        'a yaml-syntax diagnostic after the edit',
        () => yamlSyntax().length > 0 && yamlSyntax(),
        {
          observe: () => describeDiagnostics(ourDiagnostics(uri)),
        },
      );
      assert.ok(error);
      // yaml 2.9.1 reports BLOCK_AS_IMPLICIT_KEY on the one character `2` before the insertion
      // (line 20, column 13 1-based in shop/cart.yaml, checked with parseAllDocuments + LineCounter).
      assertRange(error.range, [insertAt.line, insertAt.character - 1, insertAt.line, insertAt.character]);

      const fixIt = new vscode.WorkspaceEdit();
      fixIt.delete(uri, new vscode.Range(insertAt, insertAt.translate(0, inserted.length)));
      assert.ok(await vscode.workspace.applyEdit(fixIt), 'applyEdit (fix)');
      await waitFor('the yaml-syntax diagnostic to go away after the fix', () => yamlSyntax().length === 0, {
        observe: () => describeDiagnostics(ourDiagnostics(uri)),
      });
    } finally {
      // Leave the file as it is on disk for whatever runs next.
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
