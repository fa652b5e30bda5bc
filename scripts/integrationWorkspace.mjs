// Builds the workspace the integration suite opens: a copy of test/fixtures/workspaces/integration in a
// temporary folder, plus bad input generated on the spot because it must not be committed (a binary
// file, a 5 MB manifest) or is clearer as code than as a file (an empty file, an alias bomb), plus a
// copy of the sample workspace examples/shop under `sample/` (its namespaces shop-web, shop-core and
// shop-data are not used by the fixture, whose namespaces are shop, payments and bulk, so neither
// changes the other's findings).
// Used by scripts/testIntegration.mjs (web) and test/integration/runDesktop.ts (desktop).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A `.yaml` name on bytes that are not text: a PNG header, NUL bytes, every byte value. */
function binaryBytes() {
  const header = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
  const body = Buffer.alloc(4096);
  for (let i = 0; i < body.length; i += 1) body[i] = (i * 37) % 256;
  return Buffer.concat([header, body]);
}

/** About 5 MB of ConfigMaps in one multi-document file (no Services or workloads: no graph nodes). */
function hugeManifest() {
  const filler = 'x'.repeat(400);
  const documents = [];
  for (let i = 0; documents.length * 520 < 5 * 1024 * 1024; i += 1) {
    documents.push(
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        `  name: bulk-${String(i).padStart(5, '0')}`,
        '  namespace: bulk',
        'data:',
        `  value: "${filler}"`,
        '',
      ].join('\n'),
    );
  }
  return documents.join('---\n');
}

/** "Billion laughs": nine levels of nine aliases each, 9^9 strings if expanded. */
function aliasBomb() {
  const lines = [
    '# An alias bomb: a few hundred bytes that expand to 387,420,489 strings.',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: lol',
    '  namespace: bulk',
    'data:',
    '  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ];
  const names = 'abcdefghi';
  for (let level = 1; level < names.length; level += 1) {
    const previous = `*${names[level - 1]}`;
    lines.push(`  ${names[level]}: &${names[level]} [${Array(9).fill(previous).join(', ')}]`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Copies the fixture workspace to a new temporary folder, adds `bad-input/` and `sample/`, and
 * returns the folder.
 * The caller removes it when done.
 */
export function prepareIntegrationWorkspace(repoRoot) {
  const fixture = path.join(repoRoot, 'test', 'fixtures', 'workspaces', 'integration');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-topology-integration-'));
  fs.cpSync(fixture, workspace, { recursive: true });
  const badInput = path.join(workspace, 'bad-input');
  fs.mkdirSync(badInput);
  fs.writeFileSync(path.join(badInput, 'binary.yaml'), binaryBytes());
  fs.writeFileSync(path.join(badInput, 'empty.yaml'), '');
  fs.writeFileSync(path.join(badInput, 'huge.yaml'), hugeManifest());
  fs.writeFileSync(path.join(badInput, 'bomb.yaml'), aliasBomb());
  // Copied at test time, not duplicated in the repository: the tests check the sample as shipped.
  fs.cpSync(path.join(repoRoot, 'examples', 'shop'), path.join(workspace, 'sample'), { recursive: true });
  return workspace;
}
