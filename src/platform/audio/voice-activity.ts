import { frameCentreMs, type FrameLevels } from './frame-levels.js';
import type { SpeechSegment } from './speech-segment.js';
import { speechThresholds } from './speech-threshold.js';

/**
 * Energy voice-activity detection.
 *
 * 1. Frame levels: 20 ms frames every 10 ms (frame-levels.ts), in AES17 dBFS.
 * 2. A frame is active when its level exceeds the adaptive threshold of speech-threshold.ts (local noise floor
 *    + 10 dB, never below -60 dBFS, never above -35 dBFS).
 * 3. Hangover, HANGOVER_MS = 200: active runs whose frame centres are at most 200 ms apart are one segment, so a
 *    stop consonant, a short unvoiced stretch or the dip between two syllables does not split speech. It stays below
 *    the 300 ms pause minimum, so no pause that counts can be bridged.
 * 4. Segments shorter than MIN_SPEECH_MS = 60 are dropped: a click or a bumped microphone is not a word, and it would
 *    otherwise cut a real pause in two.
 * Segment edges are the centres of their first and last active frames (an edge is placed within about half a frame,
 * 10 ms, of a clean onset); a segment touching the start or the end of the recording is extended to it.
 */
export const HANGOVER_MS = 200;
export const MIN_SPEECH_MS = 60;

/** The speech segments of a recording of `durationMs` (unrounded), from its frame levels (frame-levels.ts). */
export function detectSpeech(levels: FrameLevels, durationMs: number): SpeechSegment[] {
  const runs = bridgeShortGaps(activeRuns(levels), levels);
  return runs
    .map((run) => segmentOf(run, levels, durationMs))
    .filter((segment) => segment.tEndMs - segment.tStartMs >= MIN_SPEECH_MS);
}

/** Inclusive frame indexes of a run of active frames. */
interface FrameRun {
  first: number;
  last: number;
}

function activeRuns(levels: FrameLevels): FrameRun[] {
  const thresholds = speechThresholds(levels.levelsDbfs);
  const runs: FrameRun[] = [];
  let open: FrameRun | undefined;
  for (let frame = 0; frame < levels.levelsDbfs.length; frame += 1) {
    const active = (levels.levelsDbfs[frame] as number) > (thresholds[frame] as number);
    if (active && open === undefined) open = { first: frame, last: frame };
    else if (active && open !== undefined) open.last = frame;
    else if (!active && open !== undefined) {
      runs.push(open);
      open = undefined;
    }
  }
  if (open !== undefined) runs.push(open);
  return runs;
}

function bridgeShortGaps(runs: FrameRun[], levels: FrameLevels): FrameRun[] {
  const bridged: FrameRun[] = [];
  for (const run of runs) {
    const previous = bridged[bridged.length - 1];
    const gapMs = previous === undefined ? Infinity : frameCentreMs(levels, run.first) - frameCentreMs(levels, previous.last);
    if (previous !== undefined && gapMs <= HANGOVER_MS) previous.last = run.last;
    else bridged.push({ ...run });
  }
  return bridged;
}

function segmentOf(run: FrameRun, levels: FrameLevels, durationMs: number): SpeechSegment {
  const lastFrame = levels.levelsDbfs.length - 1;
  const start = run.first === 0 ? 0 : frameCentreMs(levels, run.first);
  const end = run.last === lastFrame ? durationMs : Math.min(durationMs, frameCentreMs(levels, run.last));
  return { tStartMs: Math.round(start), tEndMs: Math.round(end) };
}
