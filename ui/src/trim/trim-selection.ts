import { TRIM_MIN_LENGTH_MS } from '../../../src/contracts/trim-rules.js';

/** The part of a recording to keep, in whole milliseconds: `startMs` included, `endMs` excluded (run_trim's range). */
export interface TrimSelection {
  startMs: number;
  endMs: number;
}

/** An arrow key moves a handle by a tenth of a second; Shift+arrow, Page Up and Page Down by a second. */
export const TRIM_STEP_MS = 100;
export const TRIM_BIG_STEP_MS = 1000;

export function wholeRecording(durationMs: number): TrimSelection {
  return { startMs: 0, endMs: durationMs };
}

/** Whether the recording is long enough to keep a part of it (the server refuses less than TRIM_MIN_LENGTH_MS). */
export function canTrim(durationMs: number): boolean {
  return durationMs > TRIM_MIN_LENGTH_MS;
}

/** Where the start handle may go: from the beginning to TRIM_MIN_LENGTH_MS before the end handle. */
export function startLimits(selection: TrimSelection): { min: number; max: number } {
  return { min: 0, max: Math.max(0, selection.endMs - TRIM_MIN_LENGTH_MS) };
}

/** Where the end handle may go: from TRIM_MIN_LENGTH_MS after the start handle to the end of the recording. */
export function endLimits(selection: TrimSelection, durationMs: number): { min: number; max: number } {
  return { min: Math.min(durationMs, selection.startMs + TRIM_MIN_LENGTH_MS), max: durationMs };
}

export function moveStart(selection: TrimSelection, toMs: number): TrimSelection {
  const { min, max } = startLimits(selection);
  return { ...selection, startMs: clampToWholeMs(toMs, min, max) };
}

export function moveEnd(selection: TrimSelection, toMs: number, durationMs: number): TrimSelection {
  const { min, max } = endLimits(selection, durationMs);
  return { ...selection, endMs: clampToWholeMs(toMs, min, max) };
}

/** The time under the pointer on a waveform drawn over `box`. */
export function msAtPointer(clientX: number, box: { left: number; width: number }, durationMs: number): number {
  if (box.width <= 0) return 0;
  return ((clientX - box.left) / box.width) * durationMs;
}

/**
 * Where a key sends a handle now at `valueMs` (a slider's keys: arrows, Page Up/Down, Home, End), before the handle's
 * limits apply; null for any other key.
 */
export function keyTarget(key: string, shiftKey: boolean, valueMs: number, limits: { min: number; max: number }): number | null {
  const step = shiftKey ? TRIM_BIG_STEP_MS : TRIM_STEP_MS;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return valueMs - step;
    case 'ArrowRight':
    case 'ArrowUp':
      return valueMs + step;
    case 'PageDown':
      return valueMs - TRIM_BIG_STEP_MS;
    case 'PageUp':
      return valueMs + TRIM_BIG_STEP_MS;
    case 'Home':
      return limits.min;
    case 'End':
      return limits.max;
    default:
      return null;
  }
}

/** Whether applying this selection would cut anything (the server refuses the whole recording). */
export function cutsSomething(selection: TrimSelection, durationMs: number): boolean {
  return selection.startMs > 0 || selection.endMs < durationMs;
}

function clampToWholeMs(ms: number, min: number, max: number): number {
  return Math.round(Math.min(max, Math.max(min, ms)));
}
