import { parseAllDocuments, type Node } from 'yaml';
import type { SourceRange } from '../model/sourceRange';
import { locateInBlock } from './blockLocator';
import { EXACT_PARSE_OPTIONS } from './parseManifestFile';
import type { DocumentSpan } from './splitDocuments';
import { locateInNode, type LocateTarget, type PathSegment } from './yamlNodes';

const NAME_PATH: readonly PathSegment[] = ['metadata', 'name'];

/**
 * Whether `path` names something in the data. When it does not, yaml v2's nodes have nothing there
 * either (every key of the data comes from a key node), so `locate` can answer undefined at once.
 */
export function hasPath(body: unknown, path: readonly PathSegment[]): boolean {
  let current = body;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment < 0 || segment >= current.length) return false;
      current = current[segment] as unknown;
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current)) return false;
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return false;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return true;
}

/**
 * Ranges inside one document of the fast tier: from the lines first, else from yaml v2 nodes of
 * this document alone, parsed on first need and kept. Holds the file text, which its owner (the
 * index, the CLI workspace) keeps anyway for positions.
 */
export class DocumentLocator {
  private exactRoot: Node | null | undefined;
  /**
   * Ranges already located. Unchanged documents are reused across analyses, and the rules locate
   * the same few paths of them on every analysis: scanning the lines again each time was most of
   * the re-analysis time after an edit.
   */
  private located: Map<string, SourceRange | null> | undefined;
  /** Name ranges by item index (-1: the document's object). */
  private nameRanges: Map<number, SourceRange> | undefined;

  constructor(
    readonly file: string,
    private readonly text: string,
    private readonly span: DocumentSpan,
    private readonly rootStart: number,
  ) {}

  /** Where the document starts in the file (ranges are offsets into the file). */
  get spanStart(): number {
    return this.span.start;
  }

  toRange(start: number, end: number): SourceRange {
    return { file: this.file, start: this.span.start + start, end: this.span.start + end };
  }

  fromLines(path: readonly PathSegment[], target: LocateTarget): SourceRange | undefined {
    const found = locateInBlock(this.chunk(), this.rootStart, path, target);
    return found ? this.toRange(found[0], found[1]) : undefined;
  }

  /**
   * `metadata.name`'s value of the object at `prefix` (from the lines, else from yaml v2 nodes),
   * or its start when it has no name. Kept per object: it is read for every finding on the object.
   */
  nameRange(body: unknown, prefix: readonly PathSegment[], start: number): SourceRange {
    this.nameRanges ??= new Map();
    const key = prefix.length === 0 ? -1 : (prefix[prefix.length - 1] as number);
    let range = this.nameRanges.get(key);
    if (!range) {
      range =
        (hasPath(body, NAME_PATH) ? this.locate([...prefix, ...NAME_PATH], 'value') : undefined) ??
        this.toRange(start, start);
      this.nameRanges.set(key, range);
    }
    return range;
  }

  locate(path: readonly PathSegment[], target: LocateTarget): SourceRange | undefined {
    const key = `${target}\u0000${path.join('\u0000')}`;
    this.located ??= new Map();
    const known = this.located.get(key);
    if (known !== undefined) return known ?? undefined;
    const found = this.locateUncached(path, target);
    this.located.set(key, found ?? null);
    return found;
  }

  private locateUncached(path: readonly PathSegment[], target: LocateTarget): SourceRange | undefined {
    const fromLines = this.fromLines(path, target);
    if (fromLines) return fromLines;
    if (this.exactRoot === undefined) {
      this.exactRoot = parseAllDocuments(this.chunk(), EXACT_PARSE_OPTIONS)[0]?.contents ?? null;
    }
    const found = locateInNode(this.exactRoot, path, target);
    return found ? this.toRange(found[0], found[1]) : undefined;
  }

  private chunk(): string {
    return this.text.slice(this.span.start, this.span.end);
  }
}
