import * as assert from 'node:assert/strict';
import type { K8sObject } from '../../../../src/core/model/k8sObject';
import { exceptObjects, ObjectList } from '../../../../src/core/model/objectList';

/** Stand-ins: ObjectList only moves them around by identity. */
const objects = (names: string[]) => names.map((name) => ({ id: name }) as unknown as K8sObject);
const ids = (list: ObjectList) => list.list().map((object) => object.id);

describe('ObjectList', () => {
  it('keeps the latest replacement per position across unread edits', () => {
    const [a, b, c] = objects(['a', 'b', 'c']);
    const [b2, b3, c2] = objects(['b2', 'b3', 'c2']);
    const first = ObjectList.of([a!, b!, c!]);
    const second = first.with([[1, b2!]]);
    const third = second.with([
      [1, b3!],
      [2, c2!],
    ]);
    assert.equal(third.length, 3);
    assert.deepEqual(ids(third), ['a', 'b3', 'c2']);
    assert.deepEqual(ids(second), ['a', 'b2', 'c']);
    assert.deepEqual(ids(first), ['a', 'b', 'c']);
  });

  it('patches from the made list once it was read', () => {
    const [a, b] = objects(['a', 'b']);
    const [a2, b2] = objects(['a2', 'b2']);
    const read = ObjectList.of([a!, b!]).with([[0, a2!]]);
    assert.deepEqual(ids(read), ['a2', 'b']);
    assert.deepEqual(ids(read.with([[1, b2!]])), ['a2', 'b2']);
  });

  it('copies every property of a model but its objects, without reading them', () => {
    let read = false;
    const model = {
      count: 2,
      get objects(): unknown {
        read = true;
        return [];
      },
    };
    assert.deepEqual(exceptObjects(model), { count: 2 });
    assert.equal(read, false);
  });
});
