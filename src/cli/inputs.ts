import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './args';

/** A manifest file as the CLI names it: relative to the PATH it was found under. */
export interface InputFile {
  readonly file: string;
  readonly absolutePath: string;
  readonly text: string;
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/**
 * Reads every manifest candidate under the given PATHs: folders are walked recursively for
 * `*.yaml`, `*.yml` and `*.json` (skipping node_modules/ and .git/), files are read as given.
 * A PATH that does not exist is a usage error (exit 2), as the contract asks.
 */
export function readInputs(paths: readonly string[]): InputFile[] {
  if (paths.length === 0) throw new UsageError('give at least one PATH (a manifest file or a folder)');
  const inputs: InputFile[] = [];
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch {
      throw new UsageError(`cannot read ${given}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      for (const absolutePath of walk(path.resolve(given))) {
        inputs.push(readInput(path.relative(path.resolve(given), absolutePath), absolutePath));
      }
    } else {
      inputs.push(readInput(path.basename(given), path.resolve(given)));
    }
  }
  return inputs;
}

function readInput(relative: string, absolutePath: string): InputFile {
  let text: string;
  try {
    text = fs.readFileSync(absolutePath, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read ${absolutePath}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { file: relative.split(path.sep).join('/'), absolutePath, text };
}

function* walk(directory: string): Generator<string> {
  const entries = fs
    .readdirSync(directory, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) yield* walk(full);
    } else if (entry.isFile() && MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      yield full;
    }
  }
}
