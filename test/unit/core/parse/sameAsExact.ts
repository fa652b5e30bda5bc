import * as assert from 'node:assert/strict';
import { parseManifestFile } from '../../../../src/core/parse/parseManifestFile';
import { parseManifestFileFast } from '../../../../src/core/parse/parseManifestFileFast';
import { parsedObjectData, type FileParse } from '../../../../src/core/parse/parsedFile';
import type { PathSegment } from '../../../../src/core/parse/yamlNodes';

/** Paths every differential check locates when the object has them. */
export const NAMED_PATHS: readonly (readonly PathSegment[])[] = [
  ['metadata', 'name'],
  ['metadata', 'namespace'],
  ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'value'],
  ['spec', 'ports', 0, 'targetPort'],
  ['spec', 'selector'],
  ['data'],
];

/** Every path into `value` (itself included), depth first, at most `limit` of them. */
export function pathsOf(value: unknown, limit = Infinity): PathSegment[][] {
  const paths: PathSegment[][] = [];
  const visit = (node: unknown, path: PathSegment[]) => {
    if (paths.length >= limit) return;
    paths.push(path);
    if (Array.isArray(node)) node.forEach((item, index) => visit(item, [...path, index]));
    else if (typeof node === 'object' && node !== null)
      for (const [key, item] of Object.entries(node)) visit(item, [...path, key]);
  };
  visit(value, []);
  return paths;
}

/** A FileParse without the locate functions, for deepEqual. */
function comparable(parse: FileParse) {
  return { ...parse, objects: parse.objects.map(parsedObjectData) };
}

/**
 * Parses `text` with both tiers and asserts identical results: objects (kind, name, namespace, body,
 * range, nameRange, indexes), skips and syntax problems, and `locate` (value and key) for the named
 * paths, paths that do not exist, and up to `pathsPerObject` paths of each object's data.
 */
export function assertSameAsExact(file: string, text: string, pathsPerObject = Infinity): FileParse {
  const exact = parseManifestFile(file, text);
  const fast = parseManifestFileFast(file, text);
  assert.deepStrictEqual(comparable(fast), comparable(exact), `${file}: the tiers read different objects`);
  exact.objects.forEach((object, index) => {
    const other = fast.objects[index]!;
    const paths = [
      ...NAMED_PATHS,
      ['metadata', 'nope'],
      ['spec', 99],
      ...pathsOf(object.body, pathsPerObject),
    ];
    for (const path of paths) {
      for (const target of ['value', 'key'] as const) {
        assert.deepStrictEqual(
          other.locate(path, target),
          object.locate(path, target),
          `${file}: ${object.kind}/${object.name} locate(${JSON.stringify(path)}, ${target})`,
        );
      }
    }
  });
  return fast;
}
