// The sample workspace (examples/shop) through the real core, as the extension analyses it: used by the
// mapper's unit tests and by the Chromium tier, which draws the GraphDto the panel would post.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeWorkspace, type Analysis } from '../../src/core/analysis';
import { parseManifestFile } from '../../src/core/parse/parseManifestFile';
import type { FileParse } from '../../src/core/parse/parsedFile';
import type { GraphDto } from '../../src/shared/graphDto';
import { toGraphDto } from '../../src/vscode/graphDtoMapper';

export const SAMPLE_ROOT = path.resolve(__dirname, '..', '..', 'examples', 'shop');

function manifests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return manifests(full);
    return /\.(ya?ml|json)$/.test(entry.name) ? [full] : [];
  });
}

export function sampleWorkspaceAnalysis(): { analysis: Analysis; files: FileParse[] } {
  const files = manifests(SAMPLE_ROOT)
    .sort()
    .map((file) => parseManifestFile(path.relative(SAMPLE_ROOT, file), fs.readFileSync(file, 'utf8')));
  return { analysis: analyzeWorkspace(files, { defaultNamespace: 'default' }), files };
}

/** The GraphDto the panel posts for the sample workspace. */
export function sampleWorkspaceGraph(): GraphDto {
  const { analysis, files } = sampleWorkspaceAnalysis();
  return toGraphDto(analysis, {
    files: files.length,
    skippedFiles: files.filter((file) => file.skipped).length,
    locate: (range) => range.file,
  });
}
