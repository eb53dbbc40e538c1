import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { measureAudio } from '../../../src/platform/audio/audio-metrics.js';
import { convertWavFile } from '../../../src/platform/audio/convert-wav-file.js';
import { toMono16k } from '../../../src/platform/audio/to-mono-16k.js';
import { readWav } from '../../../src/platform/audio/wav-reader.js';
import { writeWavPcm16 } from '../../../src/platform/audio/wav-writer.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { goldenImportCases } from './golden-import-cases.js';

/**
 * The import's numbers must not move when its implementation does. `golden/import-pipeline.json` was recorded from
 * the in-memory pipeline (readWav -> toMono16k -> measureAudio, writeWavPcm16) before the streaming rewrite: for each
 * file, the sha256 of the 16 kHz WAV written and of the metrics' JSON, plus a readable summary. The measures
 * themselves are checked against known truths by the other audio tests; this one proves that the in-memory path and
 * the streaming file conversion of the import (convertWavFile, in pieces of several sizes) give the same numbers and
 * the same bytes, bit for bit.
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

  const summaryOf = (metrics: ReturnType<typeof measureAudio>) => ({
    durationMs: metrics.durationMs,
    speakingTimeMs: metrics.speakingTimeMs,
    pauses: metrics.pauses.length,
    medianHz: metrics.pitch.medianHz,
    variabilitySemitones: metrics.pitch.variabilitySemitones,
    rmsDbfs: metrics.loudness.rmsDbfs,
    clippingRatio: metrics.clippingRatio,
  });

  for (const [index, { name, wav }] of cases.entries()) {
    test(`${name}: in memory, the same 16 kHz file and the same metrics`, () => {
      const samples = toMono16k(readWav(wav));
      const metrics = measureAudio(samples);
      const golden = GOLDEN[index]!;
      assert.deepEqual(summaryOf(metrics), golden.summary);
      assert.equal(sha256(JSON.stringify(metrics)), golden.metricsSha256);
      assert.equal(sha256(writeWavPcm16(samples, 16_000)), golden.outputSha256);
    });

    test(`${name}: streamed from disk in pieces, the same file and the same metrics`, () => {
      const dir = makeTempDir();
      const input = join(dir, 'in.wav');
      writeFileSync(input, wav);
      const golden = GOLDEN[index]!;
      for (const chunkBytes of [4099, 65_536, undefined]) {
        const output = join(dir, `out-${chunkBytes ?? 'default'}.wav`);
        const converted = convertWavFile(input, output, chunkBytes === undefined ? {} : { chunkBytes });
        assert.deepEqual(summaryOf(converted.metrics), golden.summary, `pieces of ${chunkBytes ?? 'the default'} bytes`);
        assert.equal(sha256(JSON.stringify(converted.metrics)), golden.metricsSha256);
        assert.equal(sha256(readFileSync(output)), golden.outputSha256);
        assert.deepEqual([converted.sha256, converted.bytes], [golden.outputSha256, readFileSync(output).length]);
      }
    });
  }
});
