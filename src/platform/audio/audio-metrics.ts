import { SPEECH_SAMPLE_RATE } from './audio-limits.js';
import { clippingRatio } from './clipping.js';
import { measureLoudness, type Loudness } from './loudness.js';
import { findPauses, longPausesAmong, speakingTimeMs } from './pauses.js';
import { pcm16ToFloat } from './pcm16.js';
import { summarizePitch, type PitchSummary } from './pitch-summary.js';
import { trackPitch } from './pitch-track.js';
import type { Pause, SpeechSegment } from './speech-segment.js';
import { detectSpeech } from './voice-activity.js';
import { waveformPeaks } from './waveform-peaks.js';

/** Everything measured from the samples alone; times are whole milliseconds from the start of the recording. */
export interface AudioMetrics {
  durationMs: number;
  speechSegments: SpeechSegment[];
  /** Silences of at least 300 ms between two stretches of speech (never the leading or trailing silence). */
  pauses: Pause[];
  /** The pauses of at least 2 s (a subset of `pauses`). */
  longPauses: Pause[];
  speakingTimeMs: number;
  pitch: PitchSummary;
  loudness: Loudness;
  /** Share of samples at or beyond 0.999 of full scale, 0..1. */
  clippingRatio: number;
  /** 48 values, 0..1 of full scale. */
  waveformPeaks: number[];
}

/**
 * Measures a mono recording: PCM16 as produced by toMono16k, or floats in -1..1. Each measure's parameters and
 * reasons are documented in its own file: voice-activity.ts and speech-threshold.ts (segmentation), pauses.ts,
 * pitch-track.ts and pitch-summary.ts (pitch, monotone), loudness.ts (too quiet), clipping.ts, waveform-peaks.ts.
 * Pure and deterministic: the same samples always give the same metrics.
 */
export function measureAudio(samples: Int16Array | Float32Array, sampleRate = SPEECH_SAMPLE_RATE): AudioMetrics {
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) throw new RangeError('sample rate must be a positive integer');
  const signal = samples instanceof Int16Array ? pcm16ToFloat(samples) : samples;
  const speechSegments = detectSpeech(signal, sampleRate);
  const pauses = findPauses(speechSegments);
  return {
    durationMs: Math.round((signal.length * 1000) / sampleRate),
    speechSegments,
    pauses,
    longPauses: longPausesAmong(pauses),
    speakingTimeMs: speakingTimeMs(speechSegments),
    pitch: summarizePitch(trackPitch(signal, sampleRate, speechSegments)),
    loudness: measureLoudness(signal, sampleRate, speechSegments),
    clippingRatio: clippingRatio(signal),
    waveformPeaks: waveformPeaks(signal),
  };
}
