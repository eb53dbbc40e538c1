import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { measureAudio } from '../../../src/platform/audio/audio-metrics.js';
import { toMono16k } from '../../../src/platform/audio/to-mono-16k.js';
import { readWav } from '../../../src/platform/audio/wav-reader.js';
import { writeWavPcm16 } from '../../../src/platform/audio/wav-writer.js';
import { goldenImportCases } from './golden-import-cases.js';

/**
 * The import's numbers must not move when its implementation does. `golden/import-pipeline.json` was recorded from
 * the in-memory pipeline (readWav -> toMono16k -> measureAudio, writeWavPcm16) before the streaming rewrite: for each
 * file, the sha256 of the 16 kHz WAV written and of the metrics' JSON, plus a readable summary. The measures
 * themselves are checked against known truths by the other audio tests; this one proves the numbers are the same
 * bit for bit.
 */
interface Golden {
  name: string;
  inputSha256: string;
  outputSha256: string;
  metricsSha256: string;
  summary: Record<string, number | null>;
}

const GOLDEN: Golden[] = JSON.parse(readFileSync(new URL('./golden/import-pipeline.json', import.meta.url), 'utf8'));
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

describe('import pipeline goldens', () => {
  const cases = goldenImportCases();
  test('the cases are the ones the goldens were recorded from', () => {
    assert.deepEqual(cases.map((c) => [c.name, sha256(c.wav)]), GOLDEN.map((g) => [g.name, g.inputSha256]));
  });

  for (const [index, { name, wav }] of cases.entries()) {
    test(`${name}: the same 16 kHz file and the same metrics`, () => {
      const samples = toMono16k(readWav(wav));
      const metrics = measureAudio(samples);
      const golden = GOLDEN[index]!;
      assert.deepEqual(
        {
          durationMs: metrics.durationMs,
          speakingTimeMs: metrics.speakingTimeMs,
          pauses: metrics.pauses.length,
          medianHz: metrics.pitch.medianHz,
          variabilitySemitones: metrics.pitch.variabilitySemitones,
          rmsDbfs: metrics.loudness.rmsDbfs,
          clippingRatio: metrics.clippingRatio,
        },
        golden.summary,
      );
      assert.equal(sha256(JSON.stringify(metrics)), golden.metricsSha256);
      assert.equal(sha256(writeWavPcm16(samples, 16_000)), golden.outputSha256);
    });
  }
});
