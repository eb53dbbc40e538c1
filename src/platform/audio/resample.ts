/**
 * Band-limited sample-rate conversion: a Kaiser-windowed sinc low-pass evaluated as a polyphase filter.
 *
 * Why not linear interpolation or dropping samples: going from 44.1 kHz to 16 kHz, everything between 8 and 22 kHz
 * (sibilants, hiss, a phone's whine) would fold back into the speech band as tones that were never there. The
 * low-pass removes it first; the sinc then interpolates between input samples exactly enough for speech analysis.
 *
 * Parameters (the design rule is Kaiser's: attenuation A dB with beta = 0.1102 (A - 8.7); transition width in cycles
 * per input sample ~ (A - 8) / (14.36 N) for N taps):
 * - pass band: 90% of the lower of the two Nyquist frequencies (7.2 kHz when writing 16 kHz);
 * - 32 zero crossings of the sinc on each side of the centre, so for 44.1 -> 16 kHz 196 taps, for 48 -> 16 kHz
 *   214 taps, for 8 -> 16 kHz 72 taps;
 * - Kaiser beta 8: about 80 dB of stop-band attenuation, reached before the output Nyquist frequency, so nothing
 *   above 8 kHz lands in a 16 kHz result louder than -80 dB;
 * - every polyphase branch is normalized to a DC gain of exactly 1.
 * The output sample n sits at input position n * from / to. With rates reduced by their gcd (160/441 for
 * 16000/44100) each of the `to` positions within a period gets its own exact branch; rates whose reduced ratio needs
 * more than 4096 branches use the nearest of 4096 (a timing error under 1/8192 sample, below -70 dB).
 * Samples before the start and after the end are taken as silence.
 */

const ZERO_CROSSINGS_PER_SIDE = 32;
const PASS_BAND_FRACTION = 0.9;
const KAISER_BETA = 8;
const MAX_BRANCHES = 4096;

export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  refuseUnlessIntegerRate(fromRate);
  refuseUnlessIntegerRate(toRate);
  if (fromRate === toRate) return input.slice();
  const divisor = greatestCommonDivisor(fromRate, toRate);
  const up = toRate / divisor;
  const down = fromRate / divisor;
  const filter = designPolyphaseFilter(up, Math.min(1, toRate / fromRate));
  const outputLength = Math.ceil((input.length * up) / down);
  const output = new Float32Array(outputLength);
  for (let n = 0; n < outputLength; n += 1) {
    const position = n * down;
    let base = Math.floor(position / up);
    let branch = Math.round(((position - base * up) / up) * filter.branches);
    if (branch === filter.branches) {
      branch = 0;
      base += 1;
    }
    output[n] = convolveAt(input, base - filter.halfWidth + 1, filter.coefficients, branch * filter.taps, filter.taps);
  }
  return output;
}

interface PolyphaseFilter {
  /** One row of `taps` coefficients per branch, row b for a fractional position b / branches. */
  coefficients: Float32Array;
  branches: number;
  taps: number;
  halfWidth: number;
}

/** `bandFraction` is 1 when upsampling and to/from when downsampling: the cut-off follows the lower Nyquist. */
function designPolyphaseFilter(up: number, bandFraction: number): PolyphaseFilter {
  const branches = Math.min(up, MAX_BRANCHES);
  // Cut-off in cycles per input sample; the sinc's zero crossings are 1 / (2 cutoff) input samples apart.
  const cutoff = 0.5 * PASS_BAND_FRACTION * bandFraction;
  const halfWidth = Math.ceil(ZERO_CROSSINGS_PER_SIDE / (2 * cutoff));
  const taps = 2 * halfWidth;
  const coefficients = new Float32Array(branches * taps);
  const besselOfBeta = besselI0(KAISER_BETA);
  for (let branch = 0; branch < branches; branch += 1) {
    const fraction = branch / branches;
    const row = branch * taps;
    let sum = 0;
    for (let tap = 0; tap < taps; tap += 1) {
      // Tap k weighs input sample base + k - halfWidth + 1, which lies (k - halfWidth + 1 - fraction) samples away.
      const distance = tap - halfWidth + 1 - fraction;
      const value = 2 * cutoff * sinc(2 * cutoff * distance) * kaiserWindow(distance / halfWidth, besselOfBeta);
      coefficients[row + tap] = value;
      sum += value;
    }
    for (let tap = 0; tap < taps; tap += 1) coefficients[row + tap] = (coefficients[row + tap] ?? 0) / sum;
  }
  return { coefficients, branches, taps, halfWidth };
}

function convolveAt(input: Float32Array, start: number, coefficients: Float32Array, row: number, taps: number): number {
  let acc = 0;
  if (start >= 0 && start + taps <= input.length) {
    for (let tap = 0; tap < taps; tap += 1) acc += (input[start + tap] as number) * (coefficients[row + tap] as number);
    return acc;
  }
  // Near the edges only the taps that land inside the signal count (outside is silence).
  const first = Math.max(0, -start);
  const last = Math.min(taps, input.length - start);
  for (let tap = first; tap < last; tap += 1) acc += (input[start + tap] as number) * (coefficients[row + tap] as number);
  return acc;
}

function sinc(x: number): number {
  if (x === 0) return 1;
  const angle = Math.PI * x;
  return Math.sin(angle) / angle;
}

/** `u` is the position within the window, -1..1; outside it the filter is zero. */
function kaiserWindow(u: number, besselOfBeta: number): number {
  if (u <= -1 || u >= 1) return 0;
  return besselI0(KAISER_BETA * Math.sqrt(1 - u * u)) / besselOfBeta;
}

/** Modified Bessel function of the first kind, order 0, by its power series (converges fast for beta <= 10). */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const quarterSquare = (x * x) / 4;
  for (let k = 1; term > 1e-12 * sum; k += 1) {
    term *= quarterSquare / (k * k);
    sum += term;
  }
  return sum;
}

function greatestCommonDivisor(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

function refuseUnlessIntegerRate(rate: number): void {
  if (!Number.isInteger(rate) || rate <= 0) throw new RangeError('sample rates must be positive integers');
}
