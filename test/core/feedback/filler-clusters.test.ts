import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findFillerClusters, type TimedFiller } from '../../../src/core/feedback/analyzer/filler-clusters.js';

const filler = (label: string, tStartMs: number, tEndMs = tStartMs + 300): TimedFiller => ({ label, tStartMs, tEndMs });

describe('where fillers pile up', { timeout: 10_000 }, () => {
  test('three fillers within 10 s are a cluster, reported in time order whatever order they came in', () => {
    assert.deepEqual(findFillerClusters([filler('c', 8000), filler('a', 0), filler('b', 4000)]), [{ tStartMs: 0, tEndMs: 8300, labels: ['a', 'b', 'c'] }]);
  });

  test('fillers starting together are ordered by their end', () => {
    assert.deepEqual(findFillerClusters([filler('x', 1000, 1600), filler('y', 1000, 1200), filler('z', 2000)]), [
      { tStartMs: 1000, tEndMs: 2300, labels: ['y', 'x', 'z'] },
    ]);
  });

  test('the window holds a filler that ends exactly 10 s after the first one starts', () => {
    assert.deepEqual(findFillerClusters([filler('a', 0), filler('b', 5000), filler('c', 9700, 10_000)]), [{ tStartMs: 0, tEndMs: 10_000, labels: ['a', 'b', 'c'] }]);
    assert.deepEqual(findFillerClusters([filler('a', 0, 10_000), filler('b', 0, 10_000), filler('c', 0, 10_000)]), [
      { tStartMs: 0, tEndMs: 10_000, labels: ['a', 'b', 'c'] },
    ]);
    assert.deepEqual(findFillerClusters([filler('a', 0), filler('b', 5000), filler('c', 9701, 10_001)]), []);
  });

  test('a filler timed by a segment longer than 10 s is not known to be near the others', () => {
    assert.deepEqual(findFillerClusters([filler('a', 0, 15_000), filler('b', 1000), filler('c', 2000)]), []);
    assert.deepEqual(findFillerClusters([filler('a', 0, 30_000), filler('b', 0, 30_000), filler('c', 0, 30_000)]), []);
  });

  test('groups that share a filler merge into one cluster; a group far away is its own', () => {
    const fillers = [filler('a', 0), filler('b', 1000), filler('c', 9000), filler('d', 18_000), filler('e', 18_500), filler('f', 40_000), filler('g', 41_000), filler('h', 42_000)];
    assert.deepEqual(findFillerClusters(fillers), [
      { tStartMs: 0, tEndMs: 18_800, labels: ['a', 'b', 'c', 'd', 'e'] },
      { tStartMs: 40_000, tEndMs: 42_300, labels: ['f', 'g', 'h'] },
    ]);
  });

  test('two fillers, or none, make no cluster', () => {
    assert.deepEqual(findFillerClusters([filler('a', 0), filler('b', 1000)]), []);
    assert.deepEqual(findFillerClusters([]), []);
  });
});
