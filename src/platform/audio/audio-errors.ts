import { AppError } from '../../kernel/errors.js';
import { MAX_AUDIO_SECONDS } from './audio-limits.js';

/** The codes a recording can be refused with; callers match on these, never on the message. */
export type ReadableAudioErrorCode = 'audio_format_unsupported' | 'audio_truncated' | 'audio_too_long';

/** A refused recording: an AppError whose code is one of the audio codes. */
export type ReadableAudioError = AppError & { readonly code: ReadableAudioErrorCode };

const AUDIO_CODES: ReadonlySet<string> = new Set<ReadableAudioErrorCode>([
  'audio_format_unsupported',
  'audio_truncated',
  'audio_too_long',
]);

export function isReadableAudioError(error: unknown): error is ReadableAudioError {
  return error instanceof AppError && AUDIO_CODES.has(error.code);
}

/*
 * Messages never repeat bytes from the file (a chunk id may be anything) and never name a path: the reason is one of
 * the fixed phrases written by the reader.
 */

export function audioFormatUnsupported(reason: string): ReadableAudioError {
  return new AppError(
    'audio_format_unsupported',
    `This recording is not a WAV file Lectern can read: ${reason}.`,
  ) as ReadableAudioError;
}

export function audioTruncated(reason: string): ReadableAudioError {
  return new AppError(
    'audio_truncated',
    `This recording is cut short: ${reason}; record or export it again.`,
  ) as ReadableAudioError;
}

export function audioTooLong(seconds: number): ReadableAudioError {
  const hours = MAX_AUDIO_SECONDS / 3600;
  return new AppError(
    'audio_too_long',
    `This recording lasts ${clockDuration(seconds)}, longer than the ${hours} hours Lectern accepts; split it into parts.`,
  ) as ReadableAudioError;
}

/** 7201 s reads "2:00:01": exact to the second, so "longer than 2 hours" never looks like a contradiction. */
function clockDuration(seconds: number): string {
  const whole = Math.ceil(seconds);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${Math.floor(whole / 3600)}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
}
