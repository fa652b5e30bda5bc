import { load } from 'js-yaml';
import type { SourceRange } from '../model/sourceRange';
import { documentContentSpan, isContentFree, locateSequenceItem } from './blockLocator';
import { mayNeedExactTier, NOT_SIMPLE, readBlockYaml } from './blockYamlReader';
import { YAML_V2_CORE_SCHEMA } from './fastYamlSchema';
import { shareStrings } from './sharedStrings';
import {
  isKubernetesObject,
  listItemWithImpliedKind,
  namesOf,
  withImpliedKind,
  type KubernetesBody,
} from './kubernetesObjects';
import { needsExactTier } from './exactTierTriggers';
import { containsTemplateAction } from './manifestDetection';
import type { FileParse, ParsedObject } from './parsedFile';
import { parseDocumentExactly, parseDocumentsInSteps, type DocumentResult } from './parseManifestFile';
import type { DocumentSpan } from './splitDocuments';
import type { LocateTarget, PathSegment } from './yamlNodes';
import { DocumentLocator, hasPath } from './documentLocator';

// The fast tier, for bulk indexing (the CLI, the VS Code index): js-yaml 4 reads each document's
// data (parse alone about 8x faster than yaml v2 Documents on the benchmark corpus, see bench/), or,
// for plain block YAML, a reader giving exactly what js-yaml gives, faster (blockYamlReader.ts); and
// ranges come from the lines (blockLocator.ts) or, on first use of `locate` for anything unusual,
// from yaml v2 parsing just that document. The result is the same FileParse as parseManifestFile's,
// object for object and range for range: every document js-yaml might read differently from yaml
// v2 goes to the exact tier instead (exactTierTriggers.ts), and so does every document js-yaml
// rejects, so syntax errors carry yaml v2's message and place.
// test/unit/core/parse/parseManifestFileFast.test.ts and bench/fuzzParseTiers.ts hold the two tiers
// to identical results.
//
// Kept per object: the body of every kind (as the exact tier does; its strings slices of the file
// text or, from js-yaml, copied and shared per file, see sharedStrings.ts), two ranges, and a
// locator holding the file text (which the index and the CLI keep anyway), the document's span
// and, once an unusual path was located, that document's yaml v2 nodes. Bodies are not dropped for
// kinds the analysis does not read: at 50,000 objects the parse keeps about 3 KB per object and the
// analysis holds more than the parse (bench/graphBench.ts).

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
  if (containsTemplateAction(chunk)) return parseDocumentExactly(file, text, span, documentIndex);
  // The hand-written reader for plain block YAML first, js-yaml for anything beyond it. The reader's
  // strings are slices of `text`, which the locator keeps anyway (a slice takes less heap than a
  // copy); js-yaml's are slices of its own copy of the chunk, so they are copied (sharedStrings.ts).
  // needsExactTier only runs where the reader could not tell that it would answer false.
  const read = readBlockYaml(text, span.start, span.end);
  const fromJsYaml = read === NOT_SIMPLE;
  if ((fromJsYaml || mayNeedExactTier()) && needsExactTier(text, span.start, span.end)) {
    return parseDocumentExactly(file, text, span, documentIndex);
  }
  let body: unknown;
  try {
    body = withImpliedKind(file, fromJsYaml ? load(chunk, { schema: YAML_V2_CORE_SCHEMA }) : read);
  } catch {
    // Broken (or only unusual) YAML: yaml v2 decides, with its message and range.
    return parseDocumentExactly(file, text, span, documentIndex);
  }
  if (!isKubernetesObject(body)) return NOT_KUBERNETES;
  if (fromJsYaml) shareStrings(body, text);
  const content = documentContentSpan(chunk);
  if (!content) return parseDocumentExactly(file, text, span, documentIndex);
  const locator = new DocumentLocator(file, text, span, content[0]);
  let objects: ParsedObject[] | undefined;
  if (body.kind.endsWith('List') && Array.isArray(body.items)) {
    // A List (`List`, `PodList`, ...): its Kubernetes items, each with its own span.
    objects = [];
    for (const [itemIndex, rawItem] of (body.items as unknown[]).entries()) {
      const item = listItemWithImpliedKind(body, rawItem);
      if (!isKubernetesObject(item)) continue;
      const itemSpan = locateSequenceItem(chunk, content[0], ITEMS_PATH, itemIndex);
      if (!itemSpan) return parseDocumentExactly(file, text, span, documentIndex);
      objects.push(
        new FastObject(locator, item, documentIndex, itemIndex, itemSpan, [...ITEMS_PATH, itemIndex]),
      );
    }
  } else {
    objects = [new FastObject(locator, body, documentIndex, undefined, content, [])];
  }
  return { objects, problems: [], isTemplate: false, hasContent: true };
}

const ITEMS_PATH: readonly PathSegment[] = ['items'];

/**
 * One object of the fast tier: `span` is its whole text (offsets into the chunk), `prefix` the path
 * from the document's root to it (empty, or `['items', i]` in a List). Its ranges come from the
 * lines, or from yaml v2 nodes of its document where the lines cannot tell (DocumentLocator). A
 * class: one shape for every object, its name range found on first read (most objects never have
 * a finding on their name: 10,000 locates were a tenth of the fast parse on the benchmark corpus),
 * and no closure per object.
 */
class FastObject implements ParsedObject {
  readonly file: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly declaredNamespace: string | undefined;
  readonly range: SourceRange;

  constructor(
    private readonly locator: DocumentLocator,
    readonly body: KubernetesBody,
    readonly documentIndex: number,
    readonly itemIndex: number | undefined,
    span: readonly [number, number],
    private readonly prefix: readonly PathSegment[],
  ) {
    const { name, namespace } = namesOf(body);
    this.file = locator.file;
    this.apiVersion = body.apiVersion;
    this.kind = body.kind;
    this.name = name;
    this.declaredNamespace = namespace;
    this.range = locator.toRange(span[0], span[1]);
  }

  get nameRange(): SourceRange {
    return this.locator.nameRange(this.body, this.prefix, this.range.start - this.locator.spanStart);
  }

  locate(path: readonly PathSegment[], target: LocateTarget = 'value'): SourceRange | undefined {
    if (!hasPath(this.body, path)) return undefined;
    return this.locator.locate(this.prefix.length === 0 ? path : [...this.prefix, ...path], target);
  }
}
