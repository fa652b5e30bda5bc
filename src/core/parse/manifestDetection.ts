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
