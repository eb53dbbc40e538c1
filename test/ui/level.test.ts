import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { measureChunk, meterValue, QualityTracker } from '../../ui/src/recording/level';

const QUIET = { rms: 0.005, peak: 0.02 }; // about -46 dBFS
const SPEECH = { rms: 0.1, peak: 0.5 }; // -20 dBFS
const CLIPPED = { rms: 0.3, peak: 0.98 };

describe('live recording level', { timeout: 10_000 }, () => {
  test('measureChunk: RMS and peak of a chunk, the peak from the largest magnitude of either sign', () => {
    assert.deepEqual(measureChunk(Float32Array.of(0.5, -0.5, 0.5, -0.5)), { rms: 0.5, peak: 0.5 });
    assert.deepEqual(measureChunk(Float32Array.of(0, -1)), { rms: Math.SQRT1_2, peak: 1 });
    assert.deepEqual(measureChunk(Float32Array.of(0.25, -0.75, 0.5)), { rms: Math.sqrt(0.875 / 3), peak: 0.75 });
  });

  test('measureChunk of an empty chunk is silence, not NaN', () => {
    assert.deepEqual(measureChunk(new Float32Array(0)), { rms: 0, peak: 0 });
  });

  test('meterValue maps -60 dBFS to 0 and 0 dBFS to 1, linearly in decibels', () => {
    assert.equal(meterValue(0.001), 0); // -60 dBFS
    assert.equal(meterValue(0.01), 1 / 3); // -40 dBFS
    assert.equal(meterValue(0.1), 2 / 3); // -20 dBFS
    assert.equal(meterValue(1), 1); // full scale
  });

  test('meterValue stays within the meter: silence and below -60 dBFS at 0, above full scale at 1', () => {
    assert.equal(meterValue(0), 0);
    assert.equal(meterValue(-0.5), 0);
    assert.equal(meterValue(0.0001), 0); // -80 dBFS
    assert.equal(meterValue(2), 1);
  });

  test('the hint waits for the first 3 seconds, then judges the loudest moment of the last 3 seconds', () => {
    const tracker = new QualityTracker();
    assert.equal(tracker.push(QUIET, 1000), 'waiting');
    assert.equal(tracker.push(QUIET, 3999), 'waiting');
    assert.equal(tracker.push(QUIET, 4000), 'too_quiet');
    assert.equal(tracker.push(SPEECH, 4500), 'good');
  });

  test('one loud moment keeps the hint good for 3 seconds, then it is forgotten', () => {
    const tracker = new QualityTracker();
    tracker.push(QUIET, 0);
    tracker.push(SPEECH, 1000);
    assert.equal(tracker.push(QUIET, 3000), 'good');
    assert.equal(tracker.push(QUIET, 4000), 'good'); // the loud chunk at 1000 is exactly 3 s old
    assert.equal(tracker.push(QUIET, 4001), 'too_quiet');
  });

  test('a peak at full scale shows clipping for 1.5 seconds, even while waiting', () => {
    const tracker = new QualityTracker();
    assert.equal(tracker.push(CLIPPED, 0), 'clipping');
    assert.equal(tracker.push(SPEECH, 1499), 'clipping');
    assert.equal(tracker.push(SPEECH, 1500), 'waiting');
    assert.equal(tracker.push(SPEECH, 3000), 'good');
    assert.equal(tracker.push({ rms: 0.2, peak: 0.979 }, 3100), 'good'); // just under the clipping peak
  });
});
