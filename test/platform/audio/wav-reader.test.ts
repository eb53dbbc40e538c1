import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isReadableAudioError } from '../../../src/platform/audio/audio-errors.js';
import { MAX_AUDIO_SECONDS } from '../../../src/platform/audio/audio-limits.js';
import { readWav } from '../../../src/platform/audio/wav-reader.js';
import { assertAudioError } from './assert-audio-error.js';
import { sine } from './synth.js';
import {
  encodeWav,
  fmtChunk,
  oddListChunk,
  quantizationTolerance,
  riffWave,
  WAVE_FORMAT_EXTENSIBLE,
  WAVE_FORMAT_IEEE_FLOAT,
  WAVE_FORMAT_MULAW,
  WAVE_FORMAT_PCM,
  type WavVariant,
} from './wav-forge.js';

const VARIANTS: WavVariant[] = [
  { encoding: 'pcm', bits: 8 },
  { encoding: 'pcm', bits: 16 },
  { encoding: 'pcm', bits: 24 },
  { encoding: 'pcm', bits: 32 },
  { encoding: 'float', bits: 32 },
  { encoding: 'float', bits: 64 },
];
const RATES = [8000, 22_050, 44_100, 48_000];

/** Two different, recognizable channels: a 440 Hz sine and a 700 Hz one of another level and sign. */
function testChannels(count: number, sampleRate: number): Float32Array[] {
  const left = sine(440, 50, { amplitude: 0.7, sampleRate });
  const right = sine(700, 50, { amplitude: -0.4, sampleRate });
  return count === 1 ? [left] : [left, right];
}

function assertSamplesMatch(actual: Float32Array[], expected: Float32Array[], tolerance: number): void {
  assert.equal(actual.length, expected.length, 'channel count');
  expected.forEach((channel, index) => {
    const decoded = actual[index] as Float32Array;
    assert.equal(decoded.length, channel.length, `channel ${index} length`);
    let worst = 0;
    for (let n = 0; n < channel.length; n += 1) worst = Math.max(worst, Math.abs((decoded[n] as number) - (channel[n] as number)));
    assert.ok(worst <= tolerance, `channel ${index}: worst difference ${worst} over tolerance ${tolerance}`);
  });
}

function validWav(): Buffer {
  return encodeWav(testChannels(2, 8000), 8000, { encoding: 'pcm', bits: 16 });
}

describe('readWav: every accepted variant', () => {
  for (const variant of VARIANTS) {
    for (const channels of [1, 2]) {
      for (const rate of RATES) {
        test(`${variant.encoding} ${variant.bits}-bit, ${channels === 1 ? 'mono' : 'stereo'}, ${rate} Hz`, () => {
          const source = testChannels(channels, rate);
          const audio = readWav(encodeWav(source, rate, variant));
          assert.equal(audio.sampleRate, rate);
          assert.equal(audio.channels, channels);
          assert.equal(audio.frames, source[0]?.length);
          assert.deepEqual(audio.format, { bitsPerSample: variant.bits, encoding: variant.encoding });
          assertSamplesMatch(audio.samples, source, quantizationTolerance(variant));
        });
      }
    }
  }

  for (const variant of VARIANTS) {
    test(`WAVE_FORMAT_EXTENSIBLE with the ${variant.encoding} subformat GUID, ${variant.bits}-bit stereo`, () => {
      const source = testChannels(2, 48_000);
      const audio = readWav(encodeWav(source, 48_000, { ...variant, extensible: true }));
      assert.deepEqual(audio.format, { bitsPerSample: variant.bits, encoding: variant.encoding });
      assertSamplesMatch(audio.samples, source, quantizationTolerance(variant));
    });
  }

  test('an odd-sized LIST chunk before the data is skipped, pad byte included', () => {
    const source = testChannels(2, 44_100);
    const audio = readWav(encodeWav(source, 44_100, { encoding: 'pcm', bits: 24 }, { before: [oddListChunk()] }));
    assertSamplesMatch(audio.samples, source, quantizationTolerance({ encoding: 'pcm', bits: 24 }));
  });

  test('an odd-sized 8-bit data chunk followed by its pad byte and another chunk', () => {
    const source = [sine(300, 10, { sampleRate: 8000 }).subarray(0, 7)]; // 7 frames: 7 data bytes
    const bytes = encodeWav(source, 8000, { encoding: 'pcm', bits: 8 }, { after: [oddListChunk()] });
    const audio = readWav(bytes);
    assert.equal(audio.frames, 7);
    assertSamplesMatch(audio.samples, source, quantizationTolerance({ encoding: 'pcm', bits: 8 }));
  });

  test('a format chunk after the data chunk, and trailing bytes after both, are accepted', () => {
    const source = testChannels(1, 8000);
    const wav = encodeWav(source, 8000, { encoding: 'pcm', bits: 16 });
    const fmt = wav.subarray(12, 36);
    const data = wav.subarray(36);
    const reordered = Buffer.concat([wav.subarray(0, 12), data, fmt, Buffer.from('junk')]);
    assertSamplesMatch(readWav(reordered).samples, source, 1 / 32768);
  });

  test('integer extremes map to -1 and one step below +1, 8-bit silence (128) to 0', () => {
    const eightBit = riffWave([fmtChunk({ tag: WAVE_FORMAT_PCM, channels: 1, sampleRate: 8000, bits: 8 }), { id: 'data', body: Buffer.from([0, 128, 255, 0]) }]);
    assert.deepEqual([...readWav(eightBit).samples[0]!], [-1, 0, 127 / 128, -1]);
    const extremes24 = Buffer.alloc(6);
    extremes24.writeIntLE(-8388608, 0, 3);
    extremes24.writeIntLE(8388607, 3, 3);
    const audio24 = readWav(riffWave([fmtChunk({ tag: WAVE_FORMAT_PCM, channels: 1, sampleRate: 8000, bits: 24 }), { id: 'data', body: extremes24 }]));
    assert.deepEqual([...audio24.samples[0]!], [-1, Math.fround(8388607 / 8388608)]);
  });

  test('float samples beyond full scale are clipped to -1..1 and NaN becomes silence', () => {
    const body = Buffer.alloc(12);
    body.writeFloatLE(1.5, 0);
    body.writeFloatLE(-3, 4);
    body.writeFloatLE(Number.NaN, 8);
    const audio = readWav(riffWave([fmtChunk({ tag: WAVE_FORMAT_IEEE_FLOAT, channels: 1, sampleRate: 8000, bits: 32 }), { id: 'data', body }]));
    assert.deepEqual([...audio.samples[0]!], [1, -1, 0]);
  });

  test('20 valid bits in a 24-bit extensible container decode on the 24-bit scale', () => {
    const body = Buffer.alloc(3);
    body.writeIntLE(0x400000, 0, 3); // left-justified: half of full scale
    const fmt = fmtChunk({ tag: WAVE_FORMAT_EXTENSIBLE, channels: 1, sampleRate: 16_000, bits: 24, extensible: { subformatTag: WAVE_FORMAT_PCM, validBits: 20 } });
    assert.deepEqual([...readWav(riffWave([fmt, { id: 'data', body }])).samples[0]!], [0.5]);
  });

  test(`exactly ${MAX_AUDIO_SECONDS / 3600} hours is accepted`, () => {
    const fmt = fmtChunk({ tag: WAVE_FORMAT_PCM, channels: 1, sampleRate: 1000, bits: 8 });
    const audio = readWav(riffWave([fmt, { id: 'data', body: Buffer.alloc(MAX_AUDIO_SECONDS * 1000, 128) }]));
    assert.equal(audio.frames / audio.sampleRate, MAX_AUDIO_SECONDS);
  });
});

describe('readWav: refusals', () => {
  const unsupported = 'audio_format_unsupported';
  const truncated = 'audio_truncated';

  test('garbage bytes, a text file and an MP3 header are not WAV', () => {
    const garbage = Buffer.from(Array.from({ length: 256 }, (_, index) => (index * 97 + 13) % 256));
    assertAudioError(() => readWav(garbage), unsupported);
    assertAudioError(() => readWav(Buffer.from('hello, this is not audio at all')), unsupported);
    assertAudioError(() => readWav(Buffer.from([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])), unsupported);
    assertAudioError(() => readWav(Buffer.from('abc')), unsupported);
  });

  test('an empty file is truncated', () => {
    assertAudioError(() => readWav(Buffer.alloc(0)), truncated);
  });

  test('a RIFF file that is not WAVE (an AVI), RIFX and RF64 are refused', () => {
    assertAudioError(() => readWav(riffWave([{ id: 'avih', body: Buffer.alloc(56) }], 'AVI ')), unsupported);
    const rifx = validWav();
    rifx.write('RIFX', 0, 'latin1');
    assertAudioError(() => readWav(rifx), unsupported);
    const rf64 = validWav();
    rf64.write('RF64', 0, 'latin1');
    assertAudioError(() => readWav(rf64), unsupported);
  });

  test('a missing data chunk or a missing format chunk', () => {
    const fmt = fmtChunk({ tag: WAVE_FORMAT_PCM, channels: 1, sampleRate: 8000, bits: 16 });
    assertAudioError(() => readWav(riffWave([fmt, oddListChunk()])), unsupported);
    assertAudioError(() => readWav(riffWave([{ id: 'data', body: Buffer.alloc(100) }])), unsupported);
    assertAudioError(() => readWav(riffWave([])), unsupported);
  });

  test('a file cut inside a header: RIFF header, format chunk, data chunk header, a LIST chunk', () => {
    const wav = validWav(); // RIFF header 0-12, fmt 12-36, data header 36-44
    for (const cut of [2, 4, 6, 9, 11, 14, 20, 30, 35, 38, 42]) {
      assertAudioError(() => readWav(wav.subarray(0, cut)), truncated);
    }
    const withList = encodeWav(testChannels(1, 8000), 8000, { encoding: 'pcm', bits: 16 }, { before: [oddListChunk()] });
    assertAudioError(() => readWav(withList.subarray(0, 36 + 10)), truncated);
  });

  test('a data chunk shorter than declared', () => {
    const wav = validWav();
    assertAudioError(() => readWav(wav.subarray(0, wav.length - 40)), truncated);
    const lying = riffWave([fmtChunk({ tag: WAVE_FORMAT_PCM, channels: 1, sampleRate: 8000, bits: 16 }), { id: 'data', body: Buffer.alloc(100), declaredSize: 0xffffffff }]);
    assertAudioError(() => readWav(lying), truncated);
  });

  test('data holding no whole frame, or ending inside a frame', () => {
    const fmt = fmtChunk({ tag: WAVE_FORMAT_PCM, channels: 2, sampleRate: 8000, bits: 24 }); // 6-byte frames
    assertAudioError(() => readWav(riffWave([fmt, { id: 'data', body: Buffer.alloc(0) }])), truncated);
    assertAudioError(() => readWav(riffWave([fmt, { id: 'data', body: Buffer.alloc(4) }])), truncated);
    assertAudioError(() => readWav(riffWave([fmt, { id: 'data', body: Buffer.alloc(6 * 10 + 3) }])), truncated);
  });

  test('compressed encodings are named: mu-law, A-law, ADPCM, and an extensible mu-law', () => {
    const data = { id: 'data', body: Buffer.alloc(160) };
    const mulaw = assertAudioError(() => readWav(riffWave([fmtChunk({ tag: WAVE_FORMAT_MULAW, channels: 1, sampleRate: 8000, bits: 8 }), data])), unsupported);
    assert.match(mulaw.message, /mu-law/);
    assert.match(assertAudioError(() => readWav(riffWave([fmtChunk({ tag: 6, channels: 1, sampleRate: 8000, bits: 8 }), data])), unsupported).message, /A-law/);
    assert.match(assertAudioError(() => readWav(riffWave([fmtChunk({ tag: 2, channels: 1, sampleRate: 8000, bits: 4, blockAlign: 256 }), data])), unsupported).message, /ADPCM/);
    const extensibleMulaw = fmtChunk({ tag: WAVE_FORMAT_EXTENSIBLE, channels: 1, sampleRate: 8000, bits: 8, extensible: { subformatTag: WAVE_FORMAT_MULAW } });
    assertAudioError(() => readWav(riffWave([extensibleMulaw, data])), unsupported);
    assertAudioError(() => readWav(riffWave([fmtChunk({ tag: 0x1234, channels: 1, sampleRate: 8000, bits: 16 }), data])), unsupported);
  });

  test('an extensible format with a foreign GUID, or too short to hold one', () => {
    const data = { id: 'data', body: Buffer.alloc(160) };
    const foreign = fmtChunk({ tag: WAVE_FORMAT_EXTENSIBLE, channels: 1, sampleRate: 8000, bits: 16, extensible: { subformatTag: 1, guidTail: Array.from({ length: 14 }, () => 0x42) } });
    assertAudioError(() => readWav(riffWave([foreign, data])), unsupported);
    const short = fmtChunk({ tag: WAVE_FORMAT_EXTENSIBLE, channels: 1, sampleRate: 8000, bits: 16 });
    assertAudioError(() => readWav(riffWave([short, data])), unsupported);
    const tooManyValidBits = fmtChunk({ tag: WAVE_FORMAT_EXTENSIBLE, channels: 1, sampleRate: 8000, bits: 16, extensible: { subformatTag: 1, validBits: 24 } });
    assertAudioError(() => readWav(riffWave([tooManyValidBits, data])), unsupported);
  });

  test('absurd or undecodable values: no channels, no rate, absurd rate or channels, odd sizes, a lying frame size', () => {
    const data = { id: 'data', body: Buffer.alloc(192) };
    const refused = [
      { tag: WAVE_FORMAT_PCM, channels: 0, sampleRate: 8000, bits: 16, blockAlign: 2 },
      { tag: WAVE_FORMAT_PCM, channels: 1, sampleRate: 0, bits: 16 },
      { tag: WAVE_FORMAT_PCM, channels: 1, sampleRate: 5_000_000, bits: 16 },
      { tag: WAVE_FORMAT_PCM, channels: 1, sampleRate: 10, bits: 16 },
      { tag: WAVE_FORMAT_PCM, channels: 200, sampleRate: 8000, bits: 16 },
      { tag: WAVE_FORMAT_PCM, channels: 1, sampleRate: 8000, bits: 12, blockAlign: 2 },
      { tag: WAVE_FORMAT_PCM, channels: 1, sampleRate: 8000, bits: 0, blockAlign: 1 },
      { tag: WAVE_FORMAT_IEEE_FLOAT, channels: 1, sampleRate: 8000, bits: 16 },
      { tag: WAVE_FORMAT_PCM, channels: 2, sampleRate: 8000, bits: 16, blockAlign: 3 },
    ];
    for (const fields of refused) assertAudioError(() => readWav(riffWave([fmtChunk(fields), data])), unsupported);
    const shortFmt = { id: 'fmt ', body: Buffer.alloc(14) };
    assertAudioError(() => readWav(riffWave([shortFmt, data])), unsupported);
  });

  test(`more than ${MAX_AUDIO_SECONDS / 3600} hours is refused before anything is decoded`, () => {
    const fmt = fmtChunk({ tag: WAVE_FORMAT_PCM, channels: 1, sampleRate: 1000, bits: 8 });
    const error = assertAudioError(() => readWav(riffWave([fmt, { id: 'data', body: Buffer.alloc((MAX_AUDIO_SECONDS + 1) * 1000, 128) }])), 'audio_too_long');
    assert.ok(isReadableAudioError(error));
  });
});
