import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

export const repoRoot = path.join(__dirname, '../..');

let built: string | undefined;

/**
 * The CLI exactly as users run it: src/cli/main.ts bundled the way esbuild.js bundles dist/cli.js
 * (Node, CJS, shebang), then executed in a child process.
 */
export function cliPath(): string {
  if (built) return built;
  // Under test-results/ (git-ignored) so repeated runs leave nothing behind in the system temp folder.
  const outfile = path.join(repoRoot, 'test-results', 'unit-cli', 'cli.js');
  esbuild.buildSync({
    entryPoints: [path.join(repoRoot, 'src/cli/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'silent',
  });
  built = outfile;
  return outfile;
}

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCliProcess(args: readonly string[], cwd = repoRoot): CliResult {
  const result = spawnSync(process.execPath, [cliPath(), ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
