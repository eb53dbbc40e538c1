import { seededRandom } from '../../support/seeded-random.js';

/**
 * Synthetic audio for the audio tests: every signal is computed here, so each test knows the truth it measures
 * against (a frequency, a level, where the silences are). Noise comes from a seeded generator: runs are identical.
 */

export const RATE = 16_000;

/** Peak amplitude of a level in dBFS (a sine at -20 dBFS has peak 0.1 and, in AES17 terms, RMS -20 dBFS). */
export function dbfsToAmplitude(dbfs: number): number {
  return 10 ** (dbfs / 20);
}

export function silence(durationMs: number, sampleRate = RATE): Float32Array {
  return new Float32Array(samplesIn(durationMs, sampleRate));
}

export function sine(hz: number, durationMs: number, options: { amplitude?: number; sampleRate?: number } = {}): Float32Array {
  const sampleRate = options.sampleRate ?? RATE;
  const amplitude = options.amplitude ?? 0.5;
  return Float32Array.from({ length: samplesIn(durationMs, sampleRate) }, (_, n) => amplitude * Math.sin((2 * Math.PI * hz * n) / sampleRate));
}

/**
 * A voiced-sound stand-in: harmonics 1..8 with amplitudes 1/k (a buzz, like glottal pulses), its fundamental gliding
 * exponentially from `fromHz` to `toHz` (equal to make a flat tone), scaled so the peak is `amplitude`.
 */
export function harmonicTone(
  fromHz: number,
  durationMs: number,
  options: { toHz?: number; amplitude?: number; sampleRate?: number } = {},
): Float32Array {
  const sampleRate = options.sampleRate ?? RATE;
  const toHz = options.toHz ?? fromHz;
  const length = samplesIn(durationMs, sampleRate);
  const out = new Float32Array(length);
  let phase = 0;
  for (let n = 0; n < length; n += 1) {
    const hz = fromHz * (toHz / fromHz) ** (n / Math.max(1, length - 1));
    let value = 0;
    for (let k = 1; k <= 8; k += 1) if (k * hz < sampleRate / 2) value += Math.sin(k * phase) / k;
    out[n] = value;
    phase += (2 * Math.PI * hz) / sampleRate;
  }
  return scaleToPeak(out, options.amplitude ?? 0.5);
}

/** A sine whose frequency glides exponentially (for resampler tests: a sweep through the band). */
export function sweep(fromHz: number, toHz: number, durationMs: number, options: { amplitude?: number; sampleRate?: number } = {}): Float32Array {
  const sampleRate = options.sampleRate ?? RATE;
  const length = samplesIn(durationMs, sampleRate);
  const out = new Float32Array(length);
  let phase = 0;
  for (let n = 0; n < length; n += 1) {
    out[n] = (options.amplitude ?? 0.5) * Math.sin(phase);
    phase += (2 * Math.PI * fromHz * (toHz / fromHz) ** (n / Math.max(1, length - 1))) / sampleRate;
  }
  return out;
}

/** White noise, uniform, whose RMS is `rmsDbfs` in AES17 terms (plain RMS = 10^(dBFS/20) / sqrt 2). */
export function whiteNoise(durationMs: number, rmsDbfs: number, options: { seed?: number; sampleRate?: number } = {}): Float32Array {
  const random = seededRandom(options.seed ?? 1);
  const rms = dbfsToAmplitude(rmsDbfs) / Math.SQRT2;
  // A uniform variable on [-a, a] has RMS a / sqrt 3.
  const spread = rms * Math.sqrt(3);
  return Float32Array.from({ length: samplesIn(durationMs, options.sampleRate ?? RATE) }, () => spread * (2 * random() - 1));
}

/**
 * Speech-like: a harmonic tone at f0 with a slow vibrato (+-3%), amplitude-modulated at a syllable rate of 4 Hz
 * between 35% and 100%, with 15 ms raised-cosine ramps at both ends. Peak level `peakDbfs`.
 * `dips` adds near-silent gaps (at the given offsets, of the given length) inside the burst, as between two words
 * spoken without a pause.
 */
export function speechBurst(
  durationMs: number,
  options: { f0?: number; peakDbfs?: number; sampleRate?: number; dips?: Array<{ atMs: number; durationMs: number }> } = {},
): Float32Array {
  const sampleRate = options.sampleRate ?? RATE;
  const f0 = options.f0 ?? 140;
  const length = samplesIn(durationMs, sampleRate);
  const out = new Float32Array(length);
  let phase = 0;
  const ramp = samplesIn(15, sampleRate);
  for (let n = 0; n < length; n += 1) {
    const t = n / sampleRate;
    const hz = f0 * (1 + 0.03 * Math.sin(2 * Math.PI * 1.5 * t));
    let value = 0;
    for (let k = 1; k <= 8; k += 1) value += Math.sin(k * phase) / k;
    const syllable = 0.675 + 0.325 * Math.cos(2 * Math.PI * 4 * t);
    const edge = Math.min(1, rampGain(n, ramp), rampGain(length - 1 - n, ramp));
    out[n] = value * syllable * edge;
    phase += (2 * Math.PI * hz) / sampleRate;
  }
  for (const dip of options.dips ?? []) {
    out.fill(0, samplesIn(dip.atMs, sampleRate), samplesIn(dip.atMs + dip.durationMs, sampleRate));
  }
  return scaleToPeak(out, dbfsToAmplitude(options.peakDbfs ?? -6));
}

export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Adds `b` onto `a` (same rate), sample by sample, over the shorter length. */
export function mix(a: Float32Array, b: Float32Array): Float32Array {
  return a.map((value, index) => value + (b[index] ?? 0));
}

export function samplesIn(durationMs: number, sampleRate = RATE): number {
  return Math.round((durationMs * sampleRate) / 1000);
}

function rampGain(fromEdge: number, rampSamples: number): number {
  return fromEdge >= rampSamples ? 1 : 0.5 - 0.5 * Math.cos((Math.PI * fromEdge) / rampSamples);
}

function scaleToPeak(samples: Float32Array, peak: number): Float32Array {
  const current = samples.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
  return current === 0 ? samples : samples.map((value) => (value * peak) / current);
}

/** RMS of samples in AES17 dBFS (a full-scale sine = 0), for assertions. */
export function rmsDbfsOf(samples: ArrayLike<number>, scale = 1): number {
  let sum = 0;
  for (let index = 0; index < samples.length; index += 1) sum += ((samples[index] as number) / scale) ** 2;
  return 10 * Math.log10((2 * sum) / samples.length);
}

/** Upward zero crossings: a sine of f Hz lasting d seconds has f * d of them. */
export function upwardZeroCrossings(samples: ArrayLike<number>): number {
  let count = 0;
  for (let index = 1; index < samples.length; index += 1) {
    if ((samples[index - 1] as number) < 0 && (samples[index] as number) >= 0) count += 1;
  }
  return count;
}
