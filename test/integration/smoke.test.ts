// The infrastructure itself: the extension is loaded into the web extension host, activates on its own
// for a workspace with YAML files, and contributes its command.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension } from './api';
import { waitFor } from './helpers';

suite('Smoke', () => {
  test('the extension activates by itself in a workspace with YAML files', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    // Not calling activate(): `workspaceContains:**/*.{yaml,yml}` must do it.
    await waitFor('activation by workspaceContains', () => extension.isActive, { timeoutMs: 30_000 });
  });

  test('the command kubeTopology.showTopology is registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('kubeTopology.showTopology'), 'kubeTopology.showTopology is not registered');
  });

  test('activate returns the API the tests use', async () => {
    const api = await activateExtension();
    for (const name of ['whenIndexed', 'indexSummary', 'lastPanelRender', 'onDidRenderPanel'] as const) {
      assert.strictEqual(typeof api[name], 'function', `api.${name}`);
    }
  });
});
