import { SILENCE_DBFS } from './decibels.js';
import { HOP_MS } from './frame-levels.js';

/**
 * The level a frame must exceed to count as speech, per frame:
 *
 *   threshold = max(ABSOLUTE_FLOOR_DBFS, min(noiseFloor, NOISE_FLOOR_CEILING_DBFS) + MARGIN_DB)
 *
 * - noiseFloor: the 10th percentile (NOISE_PERCENTILE) of frame levels over the 4 s before the frame and, separately,
 *   over the 4 s after it (NOISE_SIDE_MS), taking the louder of the two. Speech leaves quieter gaps between words and
 *   phrases well over 10% of the time, so the percentile lands on the room's noise. Looking both ways and keeping
 *   the louder estimate follows a noise that rises during the take (a fan switching on) from the first frame of the
 *   louder noise, instead of calling the new noise speech until the window has filled with it. A side holding less
 *   than 1 s of frames (the start and end of the recording) is not trusted alone: it is ignored while the other
 *   side has enough, and both are pooled when neither has.
 * - MARGIN_DB = 10: speech must stand 10 dB above that floor (about 3x the noise amplitude).
 * - ABSOLUTE_FLOOR_DBFS = -60: in digital silence or a very quiet room nothing below -60 dBFS counts as speech (a
 *   breath, a hum, dither).
 * - NOISE_FLOOR_CEILING_DBFS = -45, so the threshold never exceeds -35 dBFS (the too-quiet line of loudness.ts): a
 *   stretch with no quiet part at all (fast continuous speech, a test tone) would otherwise put the "noise floor" on
 *   the speech itself and call it silence. The price: a room noisier than -35 dBFS counts as speech.
 * Levels are histogrammed in 0.5 dB bins, so the sliding percentiles cost a few operations per frame.
 */
export const MARGIN_DB = 10;
export const ABSOLUTE_FLOOR_DBFS = -60;
export const NOISE_FLOOR_CEILING_DBFS = -45;
export const NOISE_PERCENTILE = 0.1;
export const NOISE_SIDE_MS = 4000;
const MIN_SIDE_MS = 1000;

const BIN_DB = 0.5;
const TOP_DBFS = 10; // an AES17 level tops out at +3 dBFS (a full-scale square); the rest is headroom
const BIN_COUNT = Math.ceil((TOP_DBFS - SILENCE_DBFS) / BIN_DB);

export function speechThresholds(levelsDbfs: Float32Array): Float32Array {
  const side = Math.round(NOISE_SIDE_MS / HOP_MS);
  const minSide = Math.round(MIN_SIDE_MS / HOP_MS);
  const before = new LevelHistogram(levelsDbfs);
  const after = new LevelHistogram(levelsDbfs);
  for (let frame = 0; frame <= Math.min(side, levelsDbfs.length - 1); frame += 1) after.add(frame);
  const thresholds = new Float32Array(levelsDbfs.length);
  for (let frame = 0; frame < levelsDbfs.length; frame += 1) {
    // `before` holds frames [frame - side, frame], `after` holds [frame, frame + side].
    before.add(frame);
    if (frame - side - 1 >= 0) before.remove(frame - side - 1);
    if (frame > 0) after.remove(frame - 1);
    if (frame > 0 && frame + side < levelsDbfs.length) after.add(frame + side);
    const noiseFloor = noiseFloorFrom(before, after, minSide);
    thresholds[frame] = Math.max(ABSOLUTE_FLOOR_DBFS, Math.min(noiseFloor, NOISE_FLOOR_CEILING_DBFS) + MARGIN_DB);
  }
  return thresholds;
}

function noiseFloorFrom(before: LevelHistogram, after: LevelHistogram, minSide: number): number {
  const beforeTrusted = before.count >= minSide;
  const afterTrusted = after.count >= minSide;
  if (beforeTrusted && afterTrusted) return Math.max(before.percentile(NOISE_PERCENTILE), after.percentile(NOISE_PERCENTILE));
  if (beforeTrusted) return before.percentile(NOISE_PERCENTILE);
  if (afterTrusted) return after.percentile(NOISE_PERCENTILE);
  return LevelHistogram.pooledPercentile(before, after, NOISE_PERCENTILE);
}

/** Counts of frame levels in 0.5 dB bins, for percentiles over a sliding window. */
class LevelHistogram {
  readonly bins = new Int32Array(BIN_COUNT);
  count = 0;

  constructor(private readonly levelsDbfs: Float32Array) {}

  add(frame: number): void {
    this.shift(frame, 1);
  }

  remove(frame: number): void {
    this.shift(frame, -1);
  }

  /** The centre of the bin holding the given share of the values. */
  percentile(share: number): number {
    return LevelHistogram.pooledPercentile(this, undefined, share);
  }

  static pooledPercentile(first: LevelHistogram, second: LevelHistogram | undefined, share: number): number {
    const total = first.count + (second?.count ?? 0);
    const wanted = Math.max(1, Math.ceil(total * share));
    let seen = 0;
    for (let bin = 0; bin < BIN_COUNT; bin += 1) {
      seen += (first.bins[bin] as number) + ((second?.bins[bin] as number | undefined) ?? 0);
      if (seen >= wanted) return SILENCE_DBFS + (bin + 0.5) * BIN_DB;
    }
    return SILENCE_DBFS;
  }

  private shift(frame: number, delta: number): void {
    const bin = binOf(this.levelsDbfs[frame] as number);
    this.bins[bin] = (this.bins[bin] as number) + delta;
    this.count += delta;
  }
}

function binOf(levelDbfs: number): number {
  const bin = Math.floor((levelDbfs - SILENCE_DBFS) / BIN_DB);
  return bin < 0 ? 0 : bin >= BIN_COUNT ? BIN_COUNT - 1 : bin;
}
