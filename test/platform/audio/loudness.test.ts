import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { measureAudio } from '../../../src/platform/audio/audio-metrics.js';
import { WAVEFORM_BINS } from '../../../src/platform/audio/waveform-peaks.js';
import { concat, dbfsToAmplitude, rmsDbfsOf, silence, sine, speechBurst } from './synth.js';

describe('loudness, clipping and waveform', () => {
  test('a -20 dBFS sine reads -20 +- 0.5 dBFS RMS (AES17) and -20 dBFS peak, and is not too quiet', () => {
    const loudness = measureAudio(sine(1000, 2000, { amplitude: dbfsToAmplitude(-20) })).loudness;
    assert.ok(Math.abs(loudness.rmsDbfs - -20) <= 0.5, `rms ${loudness.rmsDbfs}`);
    assert.ok(Math.abs(loudness.peakDbfs - -20) <= 0.05, `peak ${loudness.peakDbfs}`);
    assert.equal(loudness.tooQuiet, false);
  });

  test('a -45 dBFS sine is too quiet, and so is speech at -45 dBFS between silences', () => {
    assert.equal(measureAudio(sine(1000, 2000, { amplitude: dbfsToAmplitude(-45) })).loudness.tooQuiet, true);
    const quietTake = concat(silence(500), speechBurst(1500, { peakDbfs: -42 }), silence(800), speechBurst(1500, { peakDbfs: -42 }), silence(500));
    const metrics = measureAudio(quietTake);
    assert.equal(metrics.speechSegments.length, 2, 'the quiet speech is still found');
    assert.ok(metrics.loudness.rmsDbfs < -35, `rms ${metrics.loudness.rmsDbfs}`);
    assert.equal(metrics.loudness.tooQuiet, true);
  });

  test('loudness is measured on speech: long silences do not make a good take look quiet', () => {
    const burst = speechBurst(2000, { peakDbfs: -10 });
    const loudness = measureAudio(concat(silence(6000), burst, silence(6000))).loudness;
    assert.ok(Math.abs(loudness.rmsDbfs - rmsDbfsOf(burst)) < 0.5, `rms ${loudness.rmsDbfs} vs burst ${rmsDbfsOf(burst)}`);
    assert.equal(loudness.tooQuiet, false);
  });

  test('digital silence: the floor level, too quiet, no clipping, a flat waveform', () => {
    const metrics = measureAudio(silence(1000));
    assert.deepEqual(metrics.loudness, { rmsDbfs: -120, peakDbfs: -120, tooQuiet: true });
    assert.equal(metrics.clippingRatio, 0);
    assert.deepEqual(metrics.waveformPeaks, new Array(WAVEFORM_BINS).fill(0));
  });

  test('a sine driven 6 dB past full scale and clipped has a clipping ratio > 0; a clean one has 0', () => {
    const clipped = sine(440, 1000, { amplitude: 2 }).map((x) => Math.max(-1, Math.min(1, x)));
    const ratio = measureAudio(clipped).clippingRatio;
    // A sine at twice full scale spends 2/3 of its time beyond full scale.
    assert.ok(ratio > 0.6 && ratio < 0.7, `ratio ${ratio}`);
    assert.equal(measureAudio(sine(440, 1000, { amplitude: 0.98 })).clippingRatio, 0);
    const pcm = Int16Array.from({ length: 1600 }, (_, n) => (n % 100 === 0 ? 32767 : 1000));
    assert.equal(measureAudio(pcm).clippingRatio, 16 / 1600, 'the top int16 code counts as clipped');
  });

  test('the waveform has exactly 48 values in 0..1 that follow the envelope', () => {
    const samples = concat(silence(2000), sine(300, 2000, { amplitude: 0.5 }));
    const peaks = measureAudio(samples).waveformPeaks;
    assert.equal(peaks.length, 48);
    assert.ok(peaks.every((peak) => peak >= 0 && peak <= 1));
    assert.ok(peaks.slice(0, 24).every((peak) => peak === 0));
    assert.ok(peaks.slice(24).every((peak) => Math.abs(peak - 0.5) < 0.01));
    assert.equal(measureAudio(Float32Array.from([0.1, -0.9, 0.3])).waveformPeaks.length, 48);
    assert.ok(measureAudio(sine(100, 500, { amplitude: 1 })).waveformPeaks.every((peak) => peak <= 1));
  });
});
