import type { TimedWord } from '../pocketsphinx-output.js';
import type { WhisperSegment } from './whisper-runtime.js';

/** Annotations whisper writes for non-speech ("[BLANK_AUDIO]", "(music)", "[_BEG_]"): not words the speaker said. */
const ANNOTATION = /^(\[.*\]|\(.*\)|\*.*\*)$/;

/**
 * Turns whisper.cpp's token segments (one token each: the binding's `maxLen: 1` with token timestamps) into timed
 * words: a token that starts with a space starts a word, any other token continues the current one ("un" + "der" +
 * "stand"). Times are kept inside the audio and in order, each word starting where the previous one ended at the
 * earliest, because whisper's timestamps on a window's last tokens can run past the end of the recording.
 */
export function whisperTokensToWords(segments: readonly WhisperSegment[], durationMs: number): TimedWord[] {
  const merged: Array<{ text: string; t0: number; t1: number }> = [];
  for (const segment of segments) {
    if (segment.text.length === 0) continue;
    const last = merged[merged.length - 1];
    if (last && !/^\s/.test(segment.text)) {
      last.text += segment.text;
      last.t1 = Math.max(last.t1, segment.t1);
    } else merged.push({ text: segment.text, t0: segment.t0, t1: segment.t1 });
  }
  const words: TimedWord[] = [];
  const clamp = (ms: number) => Math.min(durationMs, Math.max(0, Math.round(ms)));
  for (const word of merged) {
    const text = word.text.trim();
    if (text.length === 0 || ANNOTATION.test(text)) continue;
    const previousEnd = words[words.length - 1]?.tEndMs ?? 0;
    const tStartMs = clamp(Math.max(word.t0, previousEnd));
    words.push({ text, tStartMs, tEndMs: clamp(Math.max(word.t1, tStartMs)) });
  }
  return words;
}
