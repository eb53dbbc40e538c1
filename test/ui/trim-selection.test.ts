import './support/page-document';
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { TRIM_MIN_LENGTH_MS } from '../../src/contracts/trim-rules.js';
import { language, tn } from '../../ui/src/i18n';
import { cutsSomething, endLimits, keyTarget, moveEnd, moveStart, msAtPointer, startLimits } from '../../ui/src/trim/trim-selection';
import { formatClockTenths, tenthsOfSeconds } from '../../ui/src/util/format';

afterEach(() => {
  language.value = 'en';
});

describe('trim handles', () => {
  test('a handle stops TRIM_MIN_LENGTH_MS short of the other one and at the recording’s edges, on whole milliseconds', () => {
    const selection = { startMs: 1000, endMs: 5000 };
    assert.deepEqual(moveStart(selection, 4500.4), { startMs: 5000 - TRIM_MIN_LENGTH_MS, endMs: 5000 });
    assert.deepEqual(moveStart(selection, -300), { startMs: 0, endMs: 5000 });
    assert.deepEqual(moveStart(selection, 1234.6), { startMs: 1235, endMs: 5000 });
    assert.deepEqual(moveEnd(selection, 1200, 9000), { startMs: 1000, endMs: 1000 + TRIM_MIN_LENGTH_MS });
    assert.deepEqual(moveEnd(selection, 12_000, 9000), { startMs: 1000, endMs: 9000 });
    assert.deepEqual(startLimits(selection), { min: 0, max: 5000 - TRIM_MIN_LENGTH_MS });
    assert.deepEqual(endLimits(selection, 9000), { min: 1000 + TRIM_MIN_LENGTH_MS, max: 9000 });
  });

  test('the keys of a slider: arrows by 100 ms, Shift+arrow and Page keys by a second, Home and End to the limits', () => {
    const limits = { min: 0, max: 4000 };
    assert.equal(keyTarget('ArrowRight', false, 1000, limits), 1100);
    assert.equal(keyTarget('ArrowLeft', false, 1000, limits), 900);
    assert.equal(keyTarget('ArrowUp', true, 1000, limits), 2000);
    assert.equal(keyTarget('PageDown', false, 1000, limits), 0);
    assert.equal(keyTarget('Home', false, 1000, limits), 0);
    assert.equal(keyTarget('End', false, 1000, limits), 4000);
    assert.equal(keyTarget('Enter', false, 1000, limits), null);
  });

  test('the pointer’s place on the waveform is a time; the whole recording cuts nothing', () => {
    assert.equal(msAtPointer(250, { left: 50, width: 400 }, 8000), 4000);
    assert.equal(cutsSomething({ startMs: 0, endMs: 8000 }, 8000), false);
    assert.equal(cutsSomething({ startMs: 0, endMs: 7999 }, 8000), true);
  });

  test('times to the tenth, cut down, in each language; seconds counted with their plural', () => {
    assert.equal(formatClockTenths(3499), '0:03.4');
    assert.equal(formatClockTenths(62_550), '1:02.5');
    assert.equal(tn('trim.cutSeconds', tenthsOfSeconds(1000)), '1 second cut');
    assert.equal(tn('trim.cutSeconds', tenthsOfSeconds(1560)), '1.5 seconds cut');
    language.value = 'fr';
    assert.equal(formatClockTenths(3499), '0:03,4');
    assert.equal(tn('trim.cutSeconds', tenthsOfSeconds(1560)), '1,5 seconde coupée');
    assert.equal(tn('trim.cutSeconds', tenthsOfSeconds(2000)), '2 secondes coupées');
  });
});
