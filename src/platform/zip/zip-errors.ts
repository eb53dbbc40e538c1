import { AppError } from '../../kernel/errors.js';
import { describeByteCount } from './zip-limits.js';

/**
 * Every way a pack can be refused. Messages never repeat an entry name or a file path: the names come from a
 * stranger's archive (they may be hostile or private), and paths must not reach a client.
 */
export function zipInvalid(reason: string, cause?: unknown): AppError {
  return new AppError(
    'pack_zip_invalid',
    `This pack is not a zip file Lectern can open safely: ${reason}.`,
    cause === undefined ? undefined : { cause },
  );
}

export function tooManyEntries(count: number, maxEntries: number): AppError {
  return new AppError('pack_too_many_entries', `This pack lists ${count} entries; at most ${maxEntries} are accepted.`);
}

export function invalidEntryPath(reason: string): AppError {
  return new AppError(
    'pack_invalid_path',
    `This pack contains an entry whose name is not a safe relative path: ${reason}.`,
  );
}

export function symlinkRejected(): AppError {
  return new AppError('pack_symlink_rejected', 'This pack contains a symbolic link; a pack may only hold plain files.');
}

export function duplicateEntry(reason: string): AppError {
  return new AppError('pack_duplicate_entry', `This pack contains two entries with the same name: ${reason}.`);
}

export function entryTooLarge(maxEntryBytes: number): AppError {
  return new AppError(
    'pack_entry_too_large',
    `An entry of this pack unpacks to more than ${describeByteCount(maxEntryBytes)}, the limit for one file.`,
  );
}

export function contentTooLarge(maxTotalBytes: number): AppError {
  return new AppError(
    'pack_too_large',
    `This pack unpacks to more than ${describeByteCount(maxTotalBytes)} in total, the limit for one pack.`,
  );
}

export function archiveTooLarge(maxArchiveBytes: number): AppError {
  return new AppError(
    'pack_too_large',
    `This pack file is larger than ${describeByteCount(maxArchiveBytes)}, the limit for one pack.`,
  );
}

/** The writer's limits are the format's own: beyond them a zip needs ZIP64, which readers here refuse. */
export function tooManyEntriesToWrite(maxEntries: number): AppError {
  return new AppError('pack_too_many_entries', `A pack can hold at most ${maxEntries} entries.`);
}

export function tooLargeToWrite(): AppError {
  return new AppError('pack_too_large', 'A pack and each of its files must stay under 4 GiB.');
}
