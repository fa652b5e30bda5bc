import { parseAllDocuments, visit, type Document } from 'yaml';
import type { SourceRange } from '../model/sourceRange';
import { isTemplateDocument, looksBinary, looksLikeManifestText } from './manifestDetection';
import { objectsOf } from './kubernetesObjects';
import type { FileParse, ParsedObject, SkipReason, SyntaxProblem } from './parsedFile';
import { splitDocuments, type DocumentSpan } from './splitDocuments';

/**
 * Alias expansions allowed per document when converting to plain data. Real manifests use a
 * handful; a "billion laughs" document needs thousands and is reported instead of expanded.
 */
const MAX_ALIAS_COUNT = 100;

// logLevel 'error': yaml would otherwise print warnings (e.g. collection keys) to the console.
// prettyErrors false: messages without "at line L, column C", which would count from the chunk.
export const EXACT_PARSE_OPTIONS = { uniqueKeys: true, logLevel: 'error', prettyErrors: false } as const;

/** The result of one document: its objects and problems, or the signal that the file is a template. */
export interface DocumentResult {
  readonly objects: ParsedObject[];
  readonly problems: SyntaxProblem[];
  readonly isTemplate: boolean;
  /** Whether the chunk held any YAML content (not just comments and blank lines). */
  readonly hasContent: boolean;
}

/**
 * Parses a file into Kubernetes objects with exact source ranges. Never throws. A broken document
 * yields a syntax problem while the other documents are still read; binary files, Helm/Go templates
 * and files without Kubernetes objects are skipped with a reason.
 */
export function parseManifestFile(file: string, text: string): FileParse {
  const steps = parseManifestFileInSteps(file, text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same parse, one document per step, so a caller can yield to other work between documents
 * of a very large file (the VS Code index does) and stop early when the text changed again.
 */
export function parseManifestFileInSteps(file: string, text: string): Generator<void, FileParse> {
  return parseDocumentsInSteps(file, text, parseDocumentExactly);
}

/** Reads one document chunk of a file (`span` from splitDocuments) into objects and problems. */
export type DocumentParser = (
  file: string,
  text: string,
  span: DocumentSpan,
  documentIndex: number,
) => DocumentResult;

/**
 * What every parse tier shares: binary detection, the cut into documents, the order in which a
 * template document makes the whole file a skipped template, and the final skip decision.
 */
export function* parseDocumentsInSteps(
  file: string,
  text: string,
  parseDocument: DocumentParser,
): Generator<void, FileParse> {
  if (looksBinary(text)) return skippedFile(file, 'binary');
  const spans = splitDocuments(text);
  const objects: ParsedObject[] = [];
  const problems: SyntaxProblem[] = [];
  let documentIndex = 0;
  let hasContent = false;
  for (const span of spans) {
    const result = parseDocument(file, text, span, documentIndex);
    if (result.isTemplate) return skippedFile(file, 'template', spans.length);
    hasContent ||= result.hasContent;
    objects.push(...result.objects);
    problems.push(...result.problems);
    documentIndex += 1;
    yield;
  }
  const isManifest = objects.length > 0 || looksLikeManifestText(text);
  if (!isManifest) return skippedFile(file, hasContent ? 'not-kubernetes' : 'empty', spans.length);
  return { file, objects, syntaxProblems: problems, documentCount: spans.length };
}

function skippedFile(file: string, skipped: SkipReason, documentCount = 0): FileParse {
  return { file, objects: [], syntaxProblems: [], documentCount, skipped };
}

/** The exact tier: `yaml` v2 Documents, whose nodes give every range. */
export function parseDocumentExactly(
  file: string,
  text: string,
  span: DocumentSpan,
  documentIndex: number,
): DocumentResult {
  const chunk = text.slice(span.start, span.end);
  const documents = parseAllDocuments(chunk, EXACT_PARSE_OPTIONS);
  const hasContent = documents.some((document) => document.contents !== null || document.errors.length > 0);
  const result: DocumentResult = { objects: [], problems: [], isTemplate: false, hasContent };
  for (const document of documents) {
    if (isTemplateDocument(document, chunk)) return { ...result, isTemplate: true };
    const toRange = (start: number, end: number): SourceRange => ({
      file,
      start: span.start + start,
      end: span.start + end,
    });
    const error = document.errors[0];
    if (error) {
      const [start, end] = placeSyntaxError(chunk, error.pos);
      result.problems.push({
        message: `YAML syntax error: ${firstSentence(error.message)}`,
        range: toRange(start, end),
      });
      continue;
    }
    let body: unknown;
    try {
      body = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      // toJS throws only for excessive alias expansion here (parse errors were handled above).
      const [start, end] = firstAliasRange(document) ?? document.contents?.range ?? [0, 0];
      result.problems.push({
        message: `This document expands YAML aliases more than ${MAX_ALIAS_COUNT} times (an "alias bomb"), so it is not read`,
        range: toRange(start, end),
      });
      continue;
    }
    result.objects.push(...objectsOf(chunk, file, body, document.contents, documentIndex, toRange));
  }
  return result;
}

/**
 * yaml reports "unexpected end" errors (an unclosed `[` or quote) at the end of the document,
 * which is the next document's `---` line. Users look for the mistake on the last line that has
 * content, so such errors are moved there.
 */
function placeSyntaxError(chunk: string, [start, end]: [number, number]): [number, number] {
  const contentEnd = chunk.trimEnd().length;
  if (start < contentEnd) return [start, Math.max(start, Math.min(end, contentEnd))];
  const lineStart = chunk.lastIndexOf('\n', contentEnd - 1) + 1;
  const indent = chunk.slice(lineStart, contentEnd).search(/\S/);
  return [lineStart + Math.max(0, indent), contentEnd];
}

/** yaml's message without the code excerpt and without a final period (the rule adds its own sentence). */
function firstSentence(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/[.:]\s*$/, '');
}

function firstAliasRange(document: Document.Parsed): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(document, {
    Alias(_key, node) {
      if (node.range) found = [node.range[0], node.range[1]];
      return visit.BREAK;
    },
  });
  return found;
}
