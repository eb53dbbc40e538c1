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
export const TOO_QUIET_BELOW_DBFS = -35;

export function measureLoudness(samples: Float32Array, sampleRate: number, speech: readonly SpeechSegment[]): Loudness {
  const rmsDbfs = meanSquareToDbfs(speech.length > 0 ? meanSquareOfSpeech(samples, sampleRate, speech) : meanSquare(samples, 0, samples.length));
  return {
    rmsDbfs: roundTo(rmsDbfs, 2),
    peakDbfs: roundTo(amplitudeToDbfs(peakMagnitude(samples)), 2),
    tooQuiet: rmsDbfs < TOO_QUIET_BELOW_DBFS,
  };
}

function meanSquareOfSpeech(samples: Float32Array, sampleRate: number, speech: readonly SpeechSegment[]): number {
  let sum = 0;
  let count = 0;
  for (const segment of speech) {
    const start = Math.max(0, Math.floor((segment.tStartMs * sampleRate) / 1000));
    const end = Math.min(samples.length, Math.ceil((segment.tEndMs * sampleRate) / 1000));
    sum += meanSquare(samples, start, end) * (end - start);
    count += end - start;
  }
  return count === 0 ? 0 : sum / count;
}

function meanSquare(samples: Float32Array, start: number, end: number): number {
  if (end <= start) return 0;
  let sum = 0;
  for (let index = start; index < end; index += 1) {
    const sample = samples[index] as number;
    sum += sample * sample;
  }
  return sum / (end - start);
}

function peakMagnitude(samples: Float32Array): number {
  let peak = 0;
  for (let index = 0; index < samples.length; index += 1) peak = Math.max(peak, Math.abs(samples[index] as number));
  return peak;
}
