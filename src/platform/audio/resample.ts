import { SampleWindow } from './sample-window.js';

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
  const resampler = new StreamingResampler(fromRate, toRate);
  const head = resampler.push(input);
  const tail = resampler.finish();
  if (tail.length === 0) return head;
  const output = new Float32Array(head.length + tail.length);
  output.set(head);
  output.set(tail, head.length);
  return output;
}

/** How many samples `resample` returns for `inputLength` samples. */
export function resampledLength(inputLength: number, fromRate: number, toRate: number): number {
  if (fromRate === toRate) return inputLength;
  const divisor = greatestCommonDivisor(fromRate, toRate);
  return Math.ceil((inputLength * (toRate / divisor)) / (fromRate / divisor));
}

/**
 * The same conversion fed in pieces, for signals too long to hold: `push` returns every output sample whose filter
 * taps have all arrived, `finish` the rest (taps past the end read silence). The concatenated outputs equal
 * `resample` of the whole signal bit for bit, whatever the pieces: each output is the same sum of the same products
 * in the same order, and samples are dropped only once no later output reads them.
 */
export class StreamingResampler {
  private readonly identity: boolean;
  private readonly up: number;
  private readonly down: number;
  private readonly filter: PolyphaseFilter | null;
  private readonly window = new SampleWindow();
  private next = 0;
  private tapStart = 0;
  private tapBranch = 0;

  constructor(fromRate: number, toRate: number) {
    refuseUnlessIntegerRate(fromRate);
    refuseUnlessIntegerRate(toRate);
    this.identity = fromRate === toRate;
    const divisor = greatestCommonDivisor(fromRate, toRate);
    this.up = toRate / divisor;
    this.down = fromRate / divisor;
    this.filter = this.identity ? null : designPolyphaseFilter(this.up, Math.min(1, toRate / fromRate));
  }

  push(input: Float32Array): Float32Array {
    if (this.identity) return input.slice();
    this.window.append(input);
    return this.produce(false);
  }

  finish(): Float32Array {
    return this.identity ? new Float32Array(0) : this.produce(true);
  }

  private produce(final: boolean): Float32Array {
    const filter = this.filter!;
    const received = this.window.end;
    const last = Math.ceil((received * this.up) / this.down);
    const output = new Float32Array(Math.max(0, last - this.next));
    const samples = this.window.view();
    let produced = 0;
    for (; this.next < last; this.next += 1) {
      this.locateTaps(this.next);
      if (!final && this.tapStart + filter.taps > received) break;
      output[produced] = convolveAt(samples, this.tapStart - this.window.start, filter.coefficients, this.tapBranch * filter.taps, filter.taps);
      produced += 1;
    }
    this.locateTaps(this.next);
    this.window.dropBefore(this.tapStart);
    return output.slice(0, produced);
  }

  /**
   * Output n sits at input position n * down / up: sets its first tap's input index and its polyphase branch (fields,
   * not a returned object: this runs once per output sample).
   */
  private locateTaps(n: number): void {
    const filter = this.filter!;
    const position = n * this.down;
    let base = Math.floor(position / this.up);
    let branch = Math.round(((position - base * this.up) / this.up) * filter.branches);
    if (branch === filter.branches) {
      branch = 0;
      base += 1;
    }
    this.tapStart = base - filter.halfWidth + 1;
    this.tapBranch = branch;
  }
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
