import * as assert from 'node:assert/strict';
import { OverlayMap } from '../../../../src/core/util/overlayMap';

// An OverlayMap must answer exactly like the Map that applying the same changes to a copy gives.

function applied<K, V>(base: ReadonlyMap<K, V>, set: [K, V][], remove: K[]): Map<K, V> {
  const copy = new Map(base);
  for (const key of remove) copy.delete(key);
  for (const [key, value] of set) copy.set(key, value);
  return copy;
}

function assertSame<K, V>(actual: ReadonlyMap<K, V>, expected: ReadonlyMap<K, V>, probe: K[]): void {
  assert.equal(actual.size, expected.size);
  assert.deepEqual([...actual.entries()].sort(), [...expected.entries()].sort());
  for (const key of probe) {
    assert.equal(actual.has(key), expected.has(key), `has ${String(key)}`);
    assert.equal(actual.get(key), expected.get(key), `get ${String(key)}`);
  }
  const seen: [K, V][] = [];
  actual.forEach((value, key) => seen.push([key, value]));
  assert.deepEqual(seen, [...actual]);
  assert.deepEqual(
    [...actual.keys()],
    [...actual].map(([key]) => key),
  );
  assert.deepEqual(
    [...actual.values()],
    [...actual].map(([, value]) => value),
  );
}

describe('OverlayMap', () => {
  const base = new Map(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i] as [string, number]));
  const probe = ['k0', 'k1', 'k2', 'k999', 'new', 'k500', 'missing'];

  it('replaces values in place, keeping the base order', () => {
    const patched = OverlayMap.patch(base, [['k1', -1]]);
    assertSame(patched, applied(base, [['k1', -1]], []), probe);
    assert.deepEqual([...patched.keys()].slice(0, 3), ['k0', 'k1', 'k2']);
    assert.equal(base.get('k1'), 1, 'the base is not modified');
  });

  it('adds and removes keys, and undefined is a value like any other', () => {
    const set: [string, number | undefined][] = [
      ['new', 7],
      ['k2', undefined],
    ];
    const patched = OverlayMap.patch<string, number | undefined>(base, set, ['k0', 'missing']);
    assertSame(patched, applied<string, number | undefined>(base, set, ['k0', 'missing']), probe);
    assert.equal(patched.has('k2'), true);
  });

  it('chains patches on the same base and matches every step', () => {
    let expected = new Map(base);
    let patched: ReadonlyMap<string, number> = base;
    for (let step = 0; step < 40; step++) {
      const set: [string, number][] = [[`k${(step * 37) % 1000}`, -step]];
      const remove = step % 3 === 0 ? [`k${(step * 11) % 1000}`] : [];
      if (step % 5 === 0) set.push([`added${step}`, step]);
      patched = OverlayMap.patch(patched, set, remove);
      expected = applied(expected, set, remove);
      assertSame(patched, expected, [...probe, `added${step}`, `k${(step * 11) % 1000}`]);
    }
    assert.ok(patched instanceof OverlayMap, 'forty small changes stay an overlay');
  });

  it('flattens into a plain Map once the changes reach an eighth of the base', () => {
    const set = Array.from({ length: 200 }, (_, i) => [`k${i}`, -i] as [string, number]);
    const patched = OverlayMap.patch(base, set);
    assert.ok(patched instanceof Map);
    assertSame(patched, applied(base, set, []), probe);
  });
});
