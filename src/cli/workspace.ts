import { analyzeWorkspace, type Analysis } from '../core/analysis';
import { LineIndex, type LinePosition } from '../core/model/lineIndex';
import type { SourceRange } from '../core/model/sourceRange';
import { parseManifestFileFast } from '../core/parse/parseManifestFileFast';
import type { InputFile } from './inputs';

export interface JsonRange {
  readonly start: LinePosition;
  readonly end: LinePosition;
}

/** An analysed set of input files plus what the output formats need: 0-based positions per file. */
export class CliWorkspace {
  readonly analysis: Analysis;
  private readonly lineIndexes = new Map<string, LineIndex>();
  private readonly texts: ReadonlyMap<string, string>;

  constructor(
    inputs: readonly InputFile[],
    options: { defaultNamespace: string; ingressController?: string },
  ) {
    this.texts = new Map(inputs.map((input) => [input.file, input.text]));
    const files = inputs.map((input) => parseManifestFileFast(input.file, input.text));
    // One analysis per run: no need to track what each result depended on.
    this.analysis = analyzeWorkspace(files, { ...options, oneShot: true });
  }

  /** 0-based line/character positions of a range, as in LSP and the JSON contract. */
  toJsonRange(range: SourceRange): JsonRange {
    const index = this.lineIndex(range.file);
    return { start: index.positionAt(range.start), end: index.positionAt(range.end) };
  }

  textOf(range: SourceRange): string {
    return (this.texts.get(range.file) ?? '').slice(range.start, range.end);
  }

  private lineIndex(file: string): LineIndex {
    let index = this.lineIndexes.get(file);
    if (!index) {
      index = new LineIndex(this.texts.get(file) ?? '');
      this.lineIndexes.set(file, index);
    }
    return index;
  }
}
