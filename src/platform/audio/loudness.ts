import { TOO_QUIET_BELOW_DBFS } from '../../contracts/feedback-rules.js';
import { amplitudeToDbfs, meanSquareToDbfs } from './decibels.js';
import { roundTo } from './round-to.js';
import type { SpeechSegment } from './speech-segment.js';

export interface Loudness {
  /** AES17 RMS level of the speech (of the whole recording when no speech was found). */
  rmsDbfs: number;
  peakDbfs: number;
  tooQuiet: boolean;
}

/**
 * Loudness is measured on speech only, so a long silence before the talk does not make a well-recorded voice look
 * quiet. TOO_QUIET_BELOW_DBFS = -35: speech recorded at a sensible gain sits around -25 to -15 dBFS RMS (AES17);
 * below -35 the voice is within 25 dB of a typical laptop's noise, the recognizer starts to miss words, and raising
 * the gain afterwards raises the noise with it. A recording with no speech at all is judged on all of it (and
 * digital silence is, fairly, too quiet).
 */
export { TOO_QUIET_BELOW_DBFS };

/** The level and peak of a whole signal fed in pieces (the first pass, before speech is known). */
export class LevelMeter {
  private sumOfSquares = 0;
  private count = 0;
  private peak = 0;

  push(samples: Float32Array): void {
    for (let index = 0; index < samples.length; index += 1) {
      const sample = samples[index] as number;
      this.sumOfSquares += sample * sample;
      this.peak = Math.max(this.peak, Math.abs(sample));
    }
    this.count += samples.length;
  }

  meanSquare(): number {
    return this.count === 0 ? 0 : this.sumOfSquares / this.count;
  }

  peakMagnitude(): number {
    return this.peak;
  }
}

/**
 * The mean square of the speech segments of a signal fed in pieces (the second pass, once the segments are known):
 * each segment's mean square weighted by its length, summed in segment order as a whole-signal computation would.
 * Segments are in time order and apart (voice-activity.ts bridges gaps under 200 ms), so one pointer follows them.
 */
export class SpeechLevelMeter {
  private readonly spans: Array<{ start: number; end: number }>;
  private segment = 0;
  private segmentSum = 0;
  private position = 0;
  private sum = 0;
  private count = 0;

  constructor(speech: readonly SpeechSegment[], sampleRate: number, totalSamples: number) {
    this.spans = speech.map((segment) => ({
      start: Math.max(0, Math.floor((segment.tStartMs * sampleRate) / 1000)),
      end: Math.min(totalSamples, Math.ceil((segment.tEndMs * sampleRate) / 1000)),
    }));
  }

  push(samples: Float32Array): void {
    for (let index = 0; index < samples.length; index += 1, this.position += 1) {
      this.closeSegmentsEndedBy(this.position);
      const span = this.spans[this.segment];
      if (span !== undefined && this.position >= span.start) {
        const sample = samples[index] as number;
        this.segmentSum += sample * sample;
      }
    }
  }

  /** Once every sample was pushed; null when there was no speech (the recording is then judged as a whole). */
  meanSquare(): number | null {
    this.closeSegmentsEndedBy(this.position);
    if (this.spans.length === 0) return null;
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  private closeSegmentsEndedBy(position: number): void {
    for (let span = this.spans[this.segment]; span !== undefined && span.end <= position; span = this.spans[this.segment]) {
      const length = span.end - span.start;
      this.sum += (length <= 0 ? 0 : this.segmentSum / length) * length;
      this.count += length;
      this.segmentSum = 0;
      this.segment += 1;
    }
  }
}

export function loudnessOf(speechMeanSquare: number | null, wholeMeanSquare: number, peak: number): Loudness {
  const rmsDbfs = meanSquareToDbfs(speechMeanSquare ?? wholeMeanSquare);
  return {
    rmsDbfs: roundTo(rmsDbfs, 2),
    peakDbfs: roundTo(amplitudeToDbfs(peak), 2),
    tooQuiet: rmsDbfs < TOO_QUIET_BELOW_DBFS,
  };
}
