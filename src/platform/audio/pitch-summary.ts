import { MONOTONE_BELOW_SEMITONES } from '../../contracts/feedback-rules.js';
import { median } from './median.js';
import { PITCH_HOP_MS, type PitchPoint } from './pitch-track.js';
import { roundTo } from './round-to.js';

export interface PitchSummary {
  medianHz: number | null;
  variabilitySemitones: number | null;
  monotone: boolean | null;
  track: PitchPoint[];
}

/**
 * The rules that turn a pitch track into a verdict:
 * - at least MIN_VOICED_MS = 1000 ms of voiced frames (100 estimates) are needed; with less, median, variability and
 *   monotone are all null: a few words cannot show how a voice moves;
 * - each voiced frame becomes semitones from the median, 12 log2(hz / median); frames more than OCTAVE_SEMITONES = 12
 *   away are octave errors of the tracker, not intonation, and are left out;
 * - variability is the standard deviation of those semitone values;
 * - monotone when variability < MONOTONE_BELOW_SEMITONES = 2. Lively speech moves about 3-5 semitones around its
 *   median; a flat read stays within 1-2.
 * The track for the UI is at most TRACK_POINTS = 200 points: consecutive estimates are grouped evenly and each group
 * gives its mean time and the median of its voiced estimates (null when none is voiced).
 */
export const MIN_VOICED_MS = 1000;
export const OCTAVE_SEMITONES = 12;
export { MONOTONE_BELOW_SEMITONES };
export const TRACK_POINTS = 200;

/**
 * Summarizes a pitch track fed point by point (the track may be an hour long): voiced estimates are kept as 8-byte
 * numbers (about 2.9 MB per hour of voiced speech) because the median and the spread need all of them; the UI's track
 * is built group by group as points arrive, since the number of points is known in advance.
 */
export class PitchSummarizer {
  private readonly groupSize: number;
  private voiced = new Float64Array(1024);
  private voicedCount = 0;
  private group: PitchPoint[] = [];
  private readonly track: PitchPoint[] = [];

  constructor(pointCount: number) {
    this.groupSize = Math.max(1, Math.ceil(pointCount / TRACK_POINTS));
  }

  add(point: PitchPoint): void {
    if (point.hz !== null) this.keepVoiced(point.hz);
    this.group.push(point);
    if (this.group.length === this.groupSize) this.closeGroup();
  }

  finish(): PitchSummary {
    if (this.group.length > 0) this.closeGroup();
    const voiced = this.voiced.subarray(0, this.voicedCount);
    if (voiced.length * PITCH_HOP_MS < MIN_VOICED_MS) {
      return { medianHz: null, variabilitySemitones: null, monotone: null, track: this.track };
    }
    const medianHz = median(voiced);
    const variability = semitoneSpread(voiced, medianHz);
    return {
      medianHz: roundTo(medianHz, 1),
      variabilitySemitones: roundTo(variability, 2),
      monotone: variability < MONOTONE_BELOW_SEMITONES,
      track: this.track,
    };
  }

  private keepVoiced(hz: number): void {
    if (this.voicedCount === this.voiced.length) {
      const grown = new Float64Array(this.voiced.length * 2);
      grown.set(this.voiced);
      this.voiced = grown;
    }
    this.voiced[this.voicedCount] = hz;
    this.voicedCount += 1;
  }

  /** Each group gives its mean time and the median of its voiced estimates (null when none is voiced). */
  private closeGroup(): void {
    const voiced = this.group.flatMap((point) => (point.hz === null ? [] : [point.hz]));
    const tMs = this.group.reduce((sum, point) => sum + point.tMs, 0) / this.group.length;
    this.track.push({ tMs: Math.round(tMs), hz: voiced.length === 0 ? null : roundTo(median(voiced), 1) });
    this.group = [];
  }
}

/** Standard deviation of the voiced estimates in semitones from the median, octave errors (> 12) left out. */
function semitoneSpread(voicedHz: Float64Array, medianHz: number): number {
  let sum = 0;
  let count = 0;
  for (const hz of voicedHz) {
    const semitones = 12 * Math.log2(hz / medianHz);
    if (Math.abs(semitones) <= OCTAVE_SEMITONES) {
      sum += semitones;
      count += 1;
    }
  }
  const mean = sum / count;
  let squares = 0;
  for (const hz of voicedHz) {
    const semitones = 12 * Math.log2(hz / medianHz);
    if (Math.abs(semitones) <= OCTAVE_SEMITONES) squares += (semitones - mean) ** 2;
  }
  return Math.sqrt(squares / count);
}
