import { load } from 'js-yaml';
import { parseAllDocuments, type Node } from 'yaml';
import type { SourceRange } from '../model/sourceRange';
import { documentContentSpan, isContentFree, locateInBlock } from './blockLocator';
import { YAML_V2_CORE_SCHEMA } from './fastYamlSchema';
import { isKubernetesObject, namesOf } from './kubernetesObjects';
import { containsTemplateAction } from './manifestDetection';
import type { FileParse, ParsedObject } from './parsedFile';
import {
  EXACT_PARSE_OPTIONS,
  parseDocumentExactly,
  parseDocumentsInSteps,
  type DocumentResult,
} from './parseManifestFile';
import type { DocumentSpan } from './splitDocuments';
import { locateInNode, type LocateTarget, type PathSegment } from './yamlNodes';

// The fast tier, for bulk indexing (the CLI, the VS Code scan of files on disk): js-yaml 4 reads
// each document's data (about 7× faster than yaml v2 Documents here, see bench/), and ranges come
// from the lines (blockLocator.ts) or, on first use of `locate` for anything unusual, from yaml v2
// parsing just that document. The result is the same FileParse as parseManifestFile's, object for
// object and range for range: every document js-yaml might read differently from yaml v2 goes to
// the exact tier instead (see NEEDS_EXACT), and so does every document js-yaml rejects, so syntax
// errors carry yaml v2's message and place. test/unit/core/parse/fastParse.test.ts holds the two
// tiers to identical results over the shared corpus and the fixtures.

/**
 * Text that sends a document to the exact tier. Each line is a case where js-yaml and yaml v2
 * could read the same text differently, or where the lines alone cannot give yaml v2's ranges:
 * - directives (`%YAML 1.1` switches yaml v2 to another schema), `...` document ends and content on
 *   the `---` line;
 * - aliases, anchors and tags: yaml v2 counts alias expansions (maxAliasCount guards against alias
 *   bombs) where js-yaml has no limit, and the two resolve tags differently, so js-yaml never sees
 *   an alias;
 * - explicit `? ` keys and flow collections as keys (yaml v2 stringifies those keys its own way);
 * - empty and null keys (`: x`, `~: x`, `null: x`): yaml v2 makes them `""`, js-yaml `"null"`;
 * - a lone `\r` (a line break for js-yaml, not for yaml v2);
 * - quoted scalars and flow collections left open at the end of a line: yaml v2 rejects their
 *   continuation lines when they are not indented enough, js-yaml accepts them.
 * The patterns are deliberately broad (a `*` in a cron schedule matches too); a false match only
 * costs a yaml v2 parse of that one document.
 */
const NEEDS_EXACT = new RegExp(
  [
    /^%/.source,
    /^\.\.\.(?=[ \t\r\n]|$)/.source,
    /^---[ \t]+[^#\s]/.source,
    /(?:^|[\s[{,:])[*&!]/.source,
    /(?:^|[\s[{,-])\?(?=[ \t\r\n]|$)/.source,
    /[\]}][ \t]*:(?=[ \t\r\n]|$)/.source,
    /(?:^|[\s{,?-])(?:~|null|Null|NULL)?[ \t]*:(?=[ \t\r\n]|$)/.source,
    /\r(?!\n)/.source,
    /(?:^|[\s[{,:])"(?:[^"\\\n]|\\[^\n])*\\?$/.source,
    /(?:^|[\s[{,:])'(?:[^'\n]|'')*$/.source,
    /(?:^|[\s[{,:])[[{][^\n\]}]*$/.source,
  ].join('|'),
  'm',
);

const NO_CONTENT: DocumentResult = { objects: [], problems: [], isTemplate: false, hasContent: false };
const NOT_KUBERNETES: DocumentResult = { objects: [], problems: [], isTemplate: false, hasContent: true };

/** Same contract and results as parseManifestFile, faster: see the comment at the top of this file. */
export function parseManifestFileFast(file: string, text: string): FileParse {
  const steps = parseManifestFileFastInSteps(file, text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** parseManifestFileInSteps with the fast tier: one document per step. */
export function parseManifestFileFastInSteps(file: string, text: string): Generator<void, FileParse> {
  return parseDocumentsInSteps(file, text, parseDocumentFast);
}

/** One document with js-yaml and line-read ranges, or with the exact tier when that is not safe. */
export function parseDocumentFast(
  file: string,
  text: string,
  span: DocumentSpan,
  documentIndex: number,
): DocumentResult {
  const chunk = text.slice(span.start, span.end);
  if (isContentFree(chunk)) return NO_CONTENT;
  if (containsTemplateAction(chunk) || NEEDS_EXACT.test(chunk)) {
    return parseDocumentExactly(file, text, span, documentIndex);
  }
  let body: unknown;
  try {
    body = load(chunk, { schema: YAML_V2_CORE_SCHEMA });
  } catch {
    // Broken (or only unusual) YAML: yaml v2 decides, with its message and range.
    return parseDocumentExactly(file, text, span, documentIndex);
  }
  if (!isKubernetesObject(body)) return NOT_KUBERNETES;
  // A List's items each need their own span: rare enough to take from yaml v2's nodes.
  if (body.kind.endsWith('List') && Array.isArray(body.items)) {
    return parseDocumentExactly(file, text, span, documentIndex);
  }
  const content = documentContentSpan(chunk);
  if (!content) return parseDocumentExactly(file, text, span, documentIndex);
  const locator = new DocumentLocator(file, text, span, content[0]);
  const nameRange = hasPath(body, NAME_PATH)
    ? locator.fromLines(NAME_PATH, 'value')
    : locator.toRange(content[0], content[0]);
  if (!nameRange) return parseDocumentExactly(file, text, span, documentIndex);
  const { name, namespace } = namesOf(body);
  const object: ParsedObject = {
    file,
    documentIndex,
    apiVersion: body.apiVersion,
    kind: body.kind,
    name,
    ...(namespace === undefined ? {} : { declaredNamespace: namespace }),
    body,
    range: locator.toRange(content[0], content[1]),
    nameRange,
    locate: (path, target = 'value') => (hasPath(body, path) ? locator.locate(path, target) : undefined),
  };
  return { objects: [object], problems: [], isTemplate: false, hasContent: true };
}

const NAME_PATH: readonly PathSegment[] = ['metadata', 'name'];

/**
 * Whether `path` names something in the data. When it does not, yaml v2's nodes have nothing there
 * either (every key of the data comes from a key node), so `locate` can answer undefined at once.
 */
function hasPath(body: unknown, path: readonly PathSegment[]): boolean {
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
class DocumentLocator {
  private exactRoot: Node | null | undefined;

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly span: DocumentSpan,
    private readonly rootStart: number,
  ) {}

  toRange(start: number, end: number): SourceRange {
    return { file: this.file, start: this.span.start + start, end: this.span.start + end };
  }

  fromLines(path: readonly PathSegment[], target: LocateTarget): SourceRange | undefined {
    const found = locateInBlock(this.chunk(), this.rootStart, path, target);
    return found ? this.toRange(found[0], found[1]) : undefined;
  }

  locate(path: readonly PathSegment[], target: LocateTarget): SourceRange | undefined {
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
