import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { byteRangeOf } from '../../src/app/server/byte-range.js';

describe('HTTP Range of a stored file (1000 bytes)', () => {
  test('first-last, first- and -suffix give the inclusive span; a last past the end is cut to the end', () => {
    assert.deepEqual(byteRangeOf('bytes=0-99', 1000), { kind: 'range', start: 0, end: 99 });
    assert.deepEqual(byteRangeOf('bytes=500-', 1000), { kind: 'range', start: 500, end: 999 });
    assert.deepEqual(byteRangeOf('bytes=-200', 1000), { kind: 'range', start: 800, end: 999 });
    assert.deepEqual(byteRangeOf('bytes=-5000', 1000), { kind: 'range', start: 0, end: 999 });
    assert.deepEqual(byteRangeOf('bytes=900-5000', 1000), { kind: 'range', start: 900, end: 999 });
    assert.deepEqual(byteRangeOf('bytes=999-999', 1000), { kind: 'range', start: 999, end: 999 });
  });

  test('no header, another unit or several ranges: the whole file', () => {
    assert.deepEqual(byteRangeOf(undefined, 1000), { kind: 'whole' });
    assert.deepEqual(byteRangeOf('items=0-1', 1000), { kind: 'whole' });
    assert.deepEqual(byteRangeOf('bytes=0-1,5-9', 1000), { kind: 'whole' });
  });

  test('a start at or past the end, last before first, or a malformed range cannot be satisfied', () => {
    for (const header of ['bytes=1000-', 'bytes=1000-1200', 'bytes=50-10', 'bytes=-0', 'bytes=-', 'bytes=a-b', 'bytes=1-2-3']) {
      assert.deepEqual(byteRangeOf(header, 1000), { kind: 'unsatisfiable' }, header);
    }
    assert.deepEqual(byteRangeOf('bytes=0-', 0), { kind: 'unsatisfiable' });
  });
});
