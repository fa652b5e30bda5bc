import { visit, type Document } from 'yaml';

// Cheap text checks that decide how a file is treated before (or instead of) a full parse.

/** Files with a NUL byte in their first 8 KB are binary, whatever their extension. */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

const API_VERSION_KEY = /(?:^|[\s{,])["']?apiVersion["']?\s*:/m;
const KIND_KEY = /(?:^|[\s{,])["']?kind["']?\s*:/m;

/**
 * Whether a file looks like a Kubernetes manifest at all. Syntax errors are only reported for
 * files that do: a broken compose file or a JSON-with-comments tsconfig is not ours to lint.
 */
export function looksLikeManifestText(text: string): boolean {
  return API_VERSION_KEY.test(text) && KIND_KEY.test(text);
}

/** Go template actions (`{{ ... }}`) are how Helm charts and similar generators mark their templates. */
export function containsTemplateAction(text: string): boolean {
  return text.includes('{{');
}

/**
 * A Go template (Helm chart source) rather than YAML data: `{{` in an unquoted scalar or opening a
 * flow collection, or anywhere in a document that does not parse. `{{` inside quoted or block
 * strings (Prometheus alert texts, Alertmanager templates) is ordinary data and stays.
 */
export function isTemplateDocument(document: Document.Parsed, chunk: string): boolean {
  if (!containsTemplateAction(chunk)) return false;
  if (document.errors.length > 0) return true;
  let template = false;
  visit(document, {
    Scalar(_key, node) {
      if (node.type === 'PLAIN' && typeof node.source === 'string' && node.source.includes('{{')) {
        template = true;
        return visit.BREAK;
      }
      return undefined;
    },
    Map(_key, node) {
      if (node.flow && node.range && chunk.startsWith('{{', node.range[0])) {
        template = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return template;
}
