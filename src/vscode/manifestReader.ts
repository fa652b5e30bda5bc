import * as vscode from 'vscode';
import { parseManifestFileFastInSteps } from '../core/parse/parseManifestFileFast';
import type { FileParse } from '../core/parse/parsedFile';

/** Longest stretch of parsing before yielding to the extension host (large files parse in slices). */
const WORK_SLICE_MS = 15;
/** Files above this size are listed as skipped rather than parsed (rendered charts can be huge). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type DiskRead =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'too-large'; readonly size: number }
  | { readonly kind: 'unreadable'; readonly reason: string };

/** Reads a file through `workspace.fs` (desktop, web and remote alike) as UTF-8. */
export async function readManifestFromDisk(uri: vscode.Uri): Promise<DiskRead> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_FILE_BYTES) return { kind: 'too-large', size: stat.size };
    return { kind: 'text', text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) };
  } catch (error) {
    // Deleted between listing and reading, or unreadable.
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** What the index records for a file too large to parse. */
export function tooLargeParse(file: string): FileParse {
  return { file, objects: [], syntaxProblems: [], documentCount: 0, skipped: 'too-large' };
}

/**
 * Parses one document per step, yielding to the host every few milliseconds, so a 5 MB file does
 * not freeze the editor. The fast tier gives the same result as the exact one (yaml v2 Documents)
 * about 7× sooner; exact ranges for hovers and fixes are then read on demand (ParsedObject.locate). Gives up (undefined) as soon as `stillWanted` says a newer text arrived.
 */
export async function parseInSlices(
  key: string,
  text: string,
  stillWanted: () => boolean,
): Promise<FileParse | undefined> {
  const steps = parseManifestFileFastInSteps(key, text);
  let sliceStart = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (Date.now() - sliceStart >= WORK_SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (!stillWanted()) return undefined;
      sliceStart = Date.now();
    }
  }
}
