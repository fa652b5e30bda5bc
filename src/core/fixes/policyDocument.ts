import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node, type Pair, type YAMLMap } from 'yaml';
import type { K8sObject } from '../model/k8sObject';
import { EXACT_PARSE_OPTIONS } from '../parse/parseManifestFile';
import { splitDocuments } from '../parse/splitDocuments';
import type { GeneratedRule } from './generatedPolicy';
import { flowRule, ruleLines, scalar } from './policyYaml';
import type { TextEdit } from './textEdit';

/**
 * A NetworkPolicy as yaml v2 nodes of the text it was analysed from, for edits in place: the
 * nodes give where each list and key is and how it is written (block or flow, indentation), so an
 * edit inserts text there and leaves every other byte, comments and order included, as it was.
 */
export interface PolicyNodes {
  readonly file: string;
  readonly text: string;
  /** The object's mapping; node offsets are into `text`. */
  readonly root: YAMLMap;
}

/**
 * Re-reads the document an object came from (the same cut into documents and the same yaml
 * options as the exact parse tier), or undefined when the text is not the one analysed (its
 * document there no longer names this policy), does not parse cleanly, or is JSON (an edit in YAML
 * syntax would break it).
 */
export function policyNodes(object: K8sObject, text: string | undefined): PolicyNodes | undefined {
  if (text === undefined || /\.json$/i.test(object.file)) return undefined;
  const span = splitDocuments(text)[object.documentIndex];
  if (!span) return undefined;
  // The chunk parsed at its place in the file (what comes before it blanked, line breaks kept), so
  // node offsets are offsets into the file.
  const blanked = text.slice(0, span.start).replace(/[^\r\n]/g, ' ');
  const documents = parseAllDocuments(blanked + text.slice(span.start, span.end), EXACT_PARSE_OPTIONS);
  if (!Array.isArray(documents)) return undefined;
  for (const document of documents) {
    if (document.errors.length > 0) continue;
    let root: unknown = document.contents;
    if (object.itemIndex !== undefined) {
      const items = isMap(root) ? root.get('items', true) : undefined;
      root = isSeq(items) ? items.items[object.itemIndex] : undefined;
    }
    if (!isMap(root)) continue;
    const metadata = root.get('metadata', true);
    if (root.get('kind') === 'NetworkPolicy' && isMap(metadata) && metadata.get('name') === object.name)
      return { file: object.file, text, root };
  }
  return undefined;
}

export type RuleDirection = 'ingress' | 'egress';

/**
 * Appends rules to a policy's `ingress` or `egress` list, written the way the list already is: a
 * block item at the indentation of its dashes (with the rules' evidence as comments above it), a
 * flow item before the closing `]`, a block list in place of `[]` or of an empty value, or a new key
 * after the last one of `spec`. Undefined when the policy's shape leaves no clear place.
 */
export function insertRules(
  nodes: PolicyNodes,
  direction: RuleDirection,
  rules: readonly GeneratedRule[],
): TextEdit | undefined {
  if (rules.length === 0) return undefined;
  const { text, file } = nodes;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const peersKey = direction === 'ingress' ? 'from' : 'to';
  const spec = nodes.root.get('spec', true);
  if (!isMap(spec) || !spec.range) return undefined;
  const pair = spec.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === direction);
  const nested = sequenceIndent(text, nodes.root);
  const block = (indent: number) =>
    rules.flatMap((rule) => ruleLines(rule, peersKey, ' '.repeat(indent), nested));
  const flow = rules.map((rule) => flowRule(rule, peersKey)).join(', ');
  if (!pair) {
    if (spec.flow) {
      const close = closingAt(text, spec, '}');
      if (close === undefined) return undefined;
      const comma = spec.items.length > 0 ? ', ' : '';
      return insertAt(file, close, `${comma}${direction}: [${flow}]`);
    }
    const firstKey = (spec.items[0] as Pair<Node> | undefined)?.key;
    const indent = firstKey?.range ? columnOf(text, firstKey.range[0]) : undefined;
    if (indent === undefined) return undefined;
    return insertLines(
      file,
      text,
      spec.range[1],
      [`${' '.repeat(indent)}${direction}:`, ...block(indent + nested)],
      eol,
    );
  }
  const key = pair.key as Node;
  const value = pair.value as Node | null;
  if (!key.range) return undefined;
  const keyIndent = columnOf(text, key.range[0]);
  if (isSeq(value) && value.range) {
    if (value.flow) {
      if (value.items.length === 0 && !spec.flow)
        return replaceValue(file, text, key, value, block(keyIndent + nested), eol);
      const close = closingAt(text, value, ']');
      if (close === undefined) return undefined;
      return insertAt(file, close, `${value.items.length > 0 ? ', ' : ''}${flow}`);
    }
    return insertLines(file, text, value.range[1], block(columnOf(text, value.range[0])), eol);
  }
  // `ingress:` with nothing (or null) after it: the list goes where the value is.
  if ((value === null || (isScalar(value) && value.value === null)) && !spec.flow)
    return replaceValue(file, text, key, value, block(keyIndent + nested), eol);
  return undefined;
}

/** Replaces a scalar's text (a label value), keeping its quoting style. */
export function replaceScalar(file: string, text: string, node: Node, value: string): TextEdit | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  const [start, end] = node.range;
  const quoted =
    node.type === 'QUOTE_DOUBLE'
      ? JSON.stringify(value)
      : node.type === 'QUOTE_SINGLE'
        ? `'${value.replaceAll("'", "''")}'`
        : scalar(value);
  return { file, start, end, newText: quoted };
}

function insertAt(file: string, offset: number, newText: string): TextEdit {
  return { file, start: offset, end: offset, newText };
}

/**
 * Lines after the node that ends at `end`: block nodes end after their last line break, so the
 * lines go right there; a node ending at the end of a file without one gets a break first.
 */
function insertLines(
  file: string,
  text: string,
  end: number,
  lines: readonly string[],
  eol: string,
): TextEdit {
  if (end > 0 && text[end - 1] === '\n')
    return insertAt(file, end, lines.map((line) => `${line}${eol}`).join(''));
  return insertAt(file, end, lines.map((line) => `${eol}${line}`).join(''));
}

/** `key: []` or `key:` becomes `key:` followed by a block list. */
function replaceValue(
  file: string,
  text: string,
  key: Node,
  value: Node | null,
  lines: readonly string[],
  eol: string,
): TextEdit | undefined {
  const colon = text.indexOf(':', key.range![1]);
  if (colon === -1) return undefined;
  const end = value?.range ? Math.max(value.range[1], colon + 1) : colon + 1;
  if (text.slice(colon + 1, end).includes('\n')) return undefined;
  return { file, start: colon + 1, end, newText: lines.map((line) => `${eol}${line}`).join('') };
}

/**
 * How far the policy writes a block sequence's dashes from its key: 2 (`ports:` then `  - port`),
 * or 0 (`ports:` then `- port`); 2 when it has no block sequence under a key.
 */
function sequenceIndent(text: string, root: YAMLMap): number {
  return nestedIndent(text, root) ?? 2;
}

function nestedIndent(text: string, node: unknown): number | undefined {
  if (isSeq(node)) {
    for (const item of node.items) {
      const found = nestedIndent(text, item);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    if (isSeq(value) && !value.flow && value.range && key?.range)
      return Math.max(0, columnOf(text, value.range[0]) - columnOf(text, key.range[0]));
    const found = nestedIndent(text, value);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The offset of a flow collection's closing bracket. */
function closingAt(text: string, node: Node, bracket: ']' | '}'): number | undefined {
  const end = node.range?.[1];
  if (end === undefined) return undefined;
  const close = text.lastIndexOf(bracket, end - 1);
  return close >= (node.range?.[0] ?? 0) ? close : undefined;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
