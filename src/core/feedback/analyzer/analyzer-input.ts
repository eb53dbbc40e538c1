import type { TranscriptV1 } from '../../../contracts/transcript.js';

/** A silence measured on the audio itself (a later issue provides them); times in ms from the recording start. */
export interface AudioPause {
  tStartMs: number;
  tEndMs: number;
}

/** Everything the analyzer may use. Only the transcript is required; the rest makes time metrics more exact. */
export interface AnalyzerInput {
  transcript: TranscriptV1;
  /** The recording's real length, measured on the audio; wins over every transcript time. */
  audioDurationMs?: number | null;
  /** Silences measured on the audio; when given they replace the gaps between transcript words. */
  audioPauses?: AudioPause[] | null;
  /** How long the talk is meant to last, in seconds (the talk's or the quest's target). */
  targetDurationSec?: number | null;
  /** What the audio itself says about the delivery (platform/audio's metrics), when the take has a recording. */
  audioDelivery?: AudioDelivery | null;
}

export interface AudioDelivery {
  /** Time with speech (speech segments): the speaking-time pace is words per minute of it (shown, not judged). */
  speakingTimeMs: number;
  pitchVariabilitySemitones: number | null;
  monotone: boolean | null;
  rmsDbfs: number;
  tooQuiet: boolean;
  clippingRatio: number;
  /** At most a few hundred points: the median pitch of each stretch, null where nothing was voiced. */
  pitchTrack: ReadonlyArray<{ tMs: number; hz: number | null }>;
}

export type Language = TranscriptV1['language'];
