import { closeSync, openSync, writeSync } from 'node:fs';
import {
  ENGLISH_ONLY_VOCAB,
  expectedTensors,
  GGML_MAGIC,
  GGML_TYPE_F16,
  WHISPER_HPARAM_NAMES,
  type WhisperHparams,
} from '../../src/platform/asr/whisper/ggml-model-layout.js';
import { seededRandom } from './seeded-random.js';

/**
 * Writes a whisper model in the real ggml format (the one whisper.cpp's converter writes and its loader reads) with
 * seeded random weights: real hyperparameters, real mel filters (librosa's Slaney filter bank, as in whisper), a
 * synthetic vocabulary of pronounceable ASCII tokens and every tensor the loader expects. whisper.cpp loads it and
 * runs the whole pipeline on it (mel spectrogram, encoder, decoder, timestamps); the text it produces is meaningless.
 *
 * - `test`: 1 encoder and 1 decoder layer of width 64 (about 7 MB; generated in well under a second);
 * - `tiny`: the real tiny model's shapes (4 + 4 layers of width 384, about 75 MB), for the benchmark.
 */
export type GeneratedModelSize = 'test' | 'tiny';

export interface GenerateOptions {
  size?: GeneratedModelSize;
  multilingual?: boolean;
  seed?: number;
}

const SHAPES: Record<GeneratedModelSize, { state: number; heads: number; layers: number }> = {
  test: { state: 64, heads: 2, layers: 1 },
  tiny: { state: 384, heads: 6, layers: 4 },
};

export function whisperHparams(size: GeneratedModelSize, multilingual: boolean): WhisperHparams {
  const shape = SHAPES[size];
  return {
    nVocab: multilingual ? ENGLISH_ONLY_VOCAB + 1 : ENGLISH_ONLY_VOCAB,
    nAudioCtx: 1500,
    nAudioState: shape.state,
    nAudioHead: shape.heads,
    nAudioLayer: shape.layers,
    nTextCtx: 448,
    nTextState: shape.state,
    nTextHead: shape.heads,
    nTextLayer: shape.layers,
    nMels: 80,
    ftype: GGML_TYPE_F16,
  };
}

/** Writes the model to `path` and returns its size in bytes. */
export function writeWhisperModel(path: string, options: GenerateOptions = {}): number {
  const hparams = whisperHparams(options.size ?? 'test', options.multilingual ?? false);
  const random = seededRandom(options.seed ?? 1);
  const fd = openSync(path, 'w', 0o600);
  let bytes = 0;
  const write = (buffer: Uint8Array) => {
    writeSync(fd, buffer);
    bytes += buffer.length;
  };
  try {
    write(int32s([GGML_MAGIC, ...WHISPER_HPARAM_NAMES.map((name) => hparams[name])]));
    const filters = melFilters(16_000, 400, hparams.nMels);
    write(int32s([hparams.nMels, 201]));
    write(new Uint8Array(filters.buffer));
    const tokens = syntheticVocabulary(hparams.nVocab > ENGLISH_ONLY_VOCAB ? 50_257 : 50_256, random);
    write(int32s([tokens.length]));
    for (const token of tokens) {
      const encoded = Buffer.from(token, 'utf8');
      write(int32s([encoded.length]));
      write(encoded);
    }
    for (const tensor of expectedTensors(hparams)) {
      const name = Buffer.from(tensor.name, 'utf8');
      write(int32s([tensor.shape.length, name.length, tensor.type, ...tensor.shape]));
      write(name);
      const count = tensor.shape.reduce((a, b) => a * b, 1);
      write(tensorData(tensor.name, count, tensor.type, random));
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** Norm weights are 1 and biases 0 (as at initialisation); everything else is small seeded noise. */
function tensorData(name: string, count: number, type: number, random: () => number): Uint8Array {
  const isNormWeight = /_ln(_post)?\.weight$|ln_post\.weight$|decoder\.ln\.weight$/.test(name);
  const isBias = name.endsWith('.bias');
  if (type === GGML_TYPE_F16) {
    const values = new Uint16Array(count);
    for (let i = 0; i < count; i += 1) values[i] = randomSmallFloat16(random);
    return new Uint8Array(values.buffer);
  }
  const values = new Float32Array(count);
  for (let i = 0; i < count; i += 1) values[i] = isNormWeight ? 1 : isBias ? 0 : (random() - 0.5) * 0.08;
  return new Uint8Array(values.buffer);
}

function int32s(values: number[]): Uint8Array {
  const array = new Int32Array(values.length);
  values.forEach((value, index) => {
    array[index] = value | 0;
  });
  return new Uint8Array(array.buffer);
}

/**
 * The bits of a random IEEE 754 half-precision float of magnitude 2^-9 to 2^-5 (about 0.002 to 0.06), built directly
 * from random bits: sign, one of four exponents, any mantissa. Much faster than converting a float per weight.
 */
function randomSmallFloat16(random: () => number): number {
  const bits = Math.floor(random() * 0x10000);
  const sign = bits & 0x8000;
  const exponent = 15 - 9 + ((bits >> 10) & 3);
  return sign | (exponent << 10) | (bits & 0x3ff);
}

/** Byte tokens first (printable ASCII), then pseudo-words, half of them starting with a space (a word start). */
function syntheticVocabulary(count: number, random: () => number): string[] {
  const consonants = 'bcdfghjklmnprstvwz';
  const vowels = 'aeiou';
  const tokens: string[] = [];
  // whisper.cpp's decoder looks up " " (suppress blank), " -" and " '" by text: the vocabulary must hold them.
  for (let i = 0; i < 256; i += 1) tokens.push(String.fromCharCode(i >= 32 && i <= 126 ? i : 97 + (i % 26)));
  tokens.push(' -', " '");
  while (tokens.length < count) {
    let word = '';
    const syllables = 1 + Math.floor(random() * 3);
    for (let s = 0; s < syllables; s += 1) {
      word += consonants[Math.floor(random() * consonants.length)]! + vowels[Math.floor(random() * vowels.length)]!;
    }
    tokens.push(random() < 0.5 ? ` ${word}` : word);
  }
  return tokens;
}

/** librosa.filters.mel(sr, n_fft, n_mels) with the Slaney mel scale and Slaney normalisation: whisper's filter bank. */
export function melFilters(sampleRate: number, nFft: number, nMels: number): Float32Array {
  const bins = 1 + nFft / 2;
  const fftFreqs = Array.from({ length: bins }, (_, i) => (i * sampleRate) / nFft);
  const minMel = hzToMel(0);
  const maxMel = hzToMel(sampleRate / 2);
  const melFreqs = Array.from({ length: nMels + 2 }, (_, i) => melToHz(minMel + ((maxMel - minMel) * i) / (nMels + 1)));
  const weights = new Float32Array(nMels * bins);
  for (let m = 0; m < nMels; m += 1) {
    const lowerWidth = melFreqs[m + 1]! - melFreqs[m]!;
    const upperWidth = melFreqs[m + 2]! - melFreqs[m + 1]!;
    const norm = 2 / (melFreqs[m + 2]! - melFreqs[m]!);
    for (let k = 0; k < bins; k += 1) {
      const lower = (fftFreqs[k]! - melFreqs[m]!) / lowerWidth;
      const upper = (melFreqs[m + 2]! - fftFreqs[k]!) / upperWidth;
      weights[m * bins + k] = Math.max(0, Math.min(lower, upper)) * norm;
    }
  }
  return weights;
}

const F_SP = 200 / 3;
const MIN_LOG_HZ = 1000;
const MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
const LOG_STEP = Math.log(6.4) / 27;

function hzToMel(hz: number): number {
  return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
}

function melToHz(mel: number): number {
  return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : mel * F_SP;
}
