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
export const MONOTONE_BELOW_SEMITONES = 2;
export const TRACK_POINTS = 200;

export function summarizePitch(points: readonly PitchPoint[]): PitchSummary {
  const track = downsampleTrack(points, TRACK_POINTS);
  const voiced = points.flatMap((point) => (point.hz === null ? [] : [point.hz]));
  if (voiced.length * PITCH_HOP_MS < MIN_VOICED_MS) {
    return { medianHz: null, variabilitySemitones: null, monotone: null, track };
  }
  const medianHz = median(voiced);
  const variability = semitoneSpread(voiced, medianHz);
  return {
    medianHz: roundTo(medianHz, 1),
    variabilitySemitones: roundTo(variability, 2),
    monotone: variability < MONOTONE_BELOW_SEMITONES,
    track,
  };
}

function semitoneSpread(voicedHz: readonly number[], medianHz: number): number {
  const semitones = voicedHz
    .map((hz) => 12 * Math.log2(hz / medianHz))
    .filter((value) => Math.abs(value) <= OCTAVE_SEMITONES);
  const mean = semitones.reduce((sum, value) => sum + value, 0) / semitones.length;
  const variance = semitones.reduce((sum, value) => sum + (value - mean) ** 2, 0) / semitones.length;
  return Math.sqrt(variance);
}

function downsampleTrack(points: readonly PitchPoint[], maxPoints: number): PitchPoint[] {
  const groupSize = Math.max(1, Math.ceil(points.length / maxPoints));
  const track: PitchPoint[] = [];
  for (let start = 0; start < points.length; start += groupSize) {
    const group = points.slice(start, start + groupSize);
    const voiced = group.flatMap((point) => (point.hz === null ? [] : [point.hz]));
    const tMs = group.reduce((sum, point) => sum + point.tMs, 0) / group.length;
    track.push({ tMs: Math.round(tMs), hz: voiced.length === 0 ? null : roundTo(median(voiced), 1) });
  }
  return track;
}
