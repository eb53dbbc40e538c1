import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { measureAudio } from '../../../src/platform/audio/audio-metrics.js';
import { floatToPcm16 } from '../../../src/platform/audio/pcm16.js';
import { resample } from '../../../src/platform/audio/resample.js';
import { toMono16k } from '../../../src/platform/audio/to-mono-16k.js';
import { readWav } from '../../../src/platform/audio/wav-reader.js';
import { writeWavPcm16 } from '../../../src/platform/audio/wav-writer.js';
import { concat, silence, speechBurst } from './synth.js';
import { encodeWav, oddListChunk } from './wav-forge.js';

/** 500 ms lead-in, phrases separated by 600 ms and 2.2 s, 700 ms tail. */
function phrases(): Float32Array {
  return concat(silence(500), speechBurst(1500, { f0: 130 }), silence(600), speechBurst(1200, { f0: 190 }), silence(2200), speechBurst(1500, { f0: 150 }), silence(700));
}

describe('measureAudio', () => {
  test('end to end: a 44.1 kHz 24-bit stereo WAV with a LIST chunk -> 16 kHz PCM16 WAV -> metrics', () => {
    const at441 = resample(phrases(), 16_000, 44_100);
    const recorded = encodeWav([at441, at441.map((x) => x * 0.5)], 44_100, { encoding: 'pcm', bits: 24, extensible: true }, { before: [oddListChunk()] });
    const forRecognizer = writeWavPcm16(toMono16k(readWav(recorded)), 16_000);
    const decoded = readWav(forRecognizer);
    assert.deepEqual([decoded.sampleRate, decoded.channels], [16_000, 1]);
    const metrics = measureAudio(toMono16k(decoded));
    assert.equal(metrics.durationMs, 8200);
    assert.deepEqual(metrics.pauses.map((pause) => Math.round(pause.durationMs / 100) * 100), [600, 2200]);
    assert.ok(Math.abs(metrics.pauses[0]!.tStartMs - 2000) <= 50 && Math.abs(metrics.pauses[1]!.tStartMs - 3800) <= 50, JSON.stringify(metrics.pauses));
    assert.equal(metrics.longPauses.length, 1);
    assert.equal(metrics.pitch.monotone, false, `variability ${metrics.pitch.variabilitySemitones}`);
  });

  test('PCM16 and float input give the same metrics', () => {
    const samples = floatToPcm16(phrases());
    const fromFloat = measureAudio(Float32Array.from(samples, (code) => code / 32768));
    assert.deepEqual(measureAudio(samples), fromFloat);
  });

  test('the result is plain JSON: no NaN, no Infinity, integer times', () => {
    const metrics = measureAudio(phrases());
    assert.deepEqual(JSON.parse(JSON.stringify(metrics)), metrics);
    const times = [...metrics.speechSegments, ...metrics.pauses].flatMap((span) => [span.tStartMs, span.tEndMs]);
    assert.ok([...times, metrics.durationMs, metrics.speakingTimeMs].every(Number.isInteger));
  });

  test('an empty recording measures as nothing, without failing', () => {
    const metrics = measureAudio(new Int16Array(0));
    assert.deepEqual(
      { ...metrics, waveformPeaks: metrics.waveformPeaks.length },
      {
        durationMs: 0,
        speechSegments: [],
        pauses: [],
        longPauses: [],
        speakingTimeMs: 0,
        pitch: { medianHz: null, variabilitySemitones: null, monotone: null, track: [] },
        loudness: { rmsDbfs: -120, peakDbfs: -120, tooQuiet: true },
        clippingRatio: 0,
        waveformPeaks: 48,
      },
    );
  });

  test('a non-integer sample rate is a programming error', () => {
    assert.throws(() => measureAudio(new Float32Array(10), 0), RangeError);
    assert.throws(() => measureAudio(new Float32Array(10), 16_000.5), RangeError);
  });
});
