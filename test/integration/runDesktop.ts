// `npm run test:desktop`: the integration suite in desktop VS Code, through @vscode/test-electron.
// It downloads VS Code, so it needs the network; on this team's offline machines the web tier
// (scripts/testIntegration.mjs) runs the same suite instead. Built to dist/test/desktop/ by esbuild.js.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { prepareIntegrationWorkspace } from '../../scripts/integrationWorkspace.mjs';

async function main(): Promise<void> {
  // This file runs as dist/test/desktop/runDesktop.js.
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const workspace = prepareIntegrationWorkspace(repoRoot);
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'indexDesktop.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
