import { SPEECH_SAMPLE_RATE } from './audio-limits.js';
import { ClippingCounter } from './clipping.js';
import { FrameLevelMeter } from './frame-levels.js';
import { LevelMeter, loudnessOf, SpeechLevelMeter, type Loudness } from './loudness.js';
import { findPauses, longPausesAmong, speakingTimeMs } from './pauses.js';
import { pcm16ToFloat } from './pcm16.js';
import { PitchSummarizer, type PitchSummary } from './pitch-summary.js';
import { pitchPointCount, PitchTracker } from './pitch-track.js';
import type { Pause, SpeechSegment } from './speech-segment.js';
import { detectSpeech } from './voice-activity.js';
import { WaveformPeakMeter } from './waveform-peaks.js';

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
 * Pure and deterministic: the same samples always give the same metrics. The work is that of AudioMeter with the
 * whole signal as one piece.
 */
export function measureAudio(samples: Int16Array | Float32Array, sampleRate = SPEECH_SAMPLE_RATE): AudioMetrics {
  const signal = samples instanceof Int16Array ? pcm16ToFloat(samples) : samples;
  const meter = new AudioMeter(signal.length, sampleRate);
  meter.firstPass(signal);
  meter.secondPass(signal);
  return meter.result();
}

/**
 * The measures of a recording too long to hold, read twice in pieces of any size. The first pass gives the frame
 * levels (hence the speech segments), clipping, peak, overall level and waveform; the second, which needs the
 * segments, the pitch on speech and the level of the speech. Memory is a few bytes per 10 ms (levels and voiced pitch
 * estimates), never the samples. Feeding the whole signal as one piece or in pieces gives the same numbers.
 */
export class AudioMeter {
  private readonly levels: FrameLevelMeter;
  private readonly clipping = new ClippingCounter();
  private readonly overall = new LevelMeter();
  private readonly waveform: WaveformPeakMeter;
  private second: { speech: SpeechSegment[]; level: SpeechLevelMeter; tracker: PitchTracker; pitch: PitchSummarizer } | null = null;

  constructor(
    private readonly totalSamples: number,
    private readonly sampleRate: number,
  ) {
    if (!Number.isInteger(sampleRate) || sampleRate <= 0) throw new RangeError('sample rate must be a positive integer');
    this.levels = new FrameLevelMeter(totalSamples, sampleRate);
    this.waveform = new WaveformPeakMeter(totalSamples);
  }

  firstPass(samples: Float32Array): void {
    this.levels.push(samples);
    this.clipping.push(samples);
    this.overall.push(samples);
    this.waveform.push(samples);
  }

  secondPass(samples: Float32Array): void {
    const second = (this.second ??= this.startSecondPass());
    second.level.push(samples);
    second.tracker.push(samples);
  }

  result(): AudioMetrics {
    const second = (this.second ??= this.startSecondPass());
    second.tracker.finish();
    const { speech } = second;
    const pauses = findPauses(speech);
    return {
      durationMs: Math.round((this.totalSamples * 1000) / this.sampleRate),
      speechSegments: speech,
      pauses,
      longPauses: longPausesAmong(pauses),
      speakingTimeMs: speakingTimeMs(speech),
      pitch: second.pitch.finish(),
      loudness: loudnessOf(second.level.meanSquare(), this.overall.meanSquare(), this.overall.peakMagnitude()),
      clippingRatio: this.clipping.ratio(),
      waveformPeaks: this.waveform.result(),
    };
  }

  private startSecondPass() {
    const speech = detectSpeech(this.levels.levels, (this.totalSamples * 1000) / this.sampleRate);
    const pitch = new PitchSummarizer(pitchPointCount(this.totalSamples, this.sampleRate));
    return { speech, pitch, level: new SpeechLevelMeter(speech, this.sampleRate, this.totalSamples), tracker: new PitchTracker(this.sampleRate, speech, (point) => pitch.add(point)) };
  }
}
