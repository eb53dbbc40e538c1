import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paceRanges } from '../../ui/src/help/metric-bands';

test('Help gives the analyzer pace bands as ranges of whole words per minute, with no gap and no overlap', { timeout: 10_000 }, () => {
  assert.deepEqual(paceRanges(), [
    { band: 'too_slow', fromWpm: null, toWpm: 109 },
    { band: 'slow', fromWpm: 110, toWpm: 129 },
    { band: 'ideal', fromWpm: 130, toWpm: 160 },
    { band: 'fast', fromWpm: 161, toWpm: 180 },
    { band: 'too_fast', fromWpm: 181, toWpm: null },
  ]);
});
