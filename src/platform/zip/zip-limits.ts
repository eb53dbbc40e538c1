import { constants as bufferConstants } from 'node:buffer';

/** How much a pack may hold. Counted on real bytes while unpacking, never on what the archive declares. */
export interface ZipLimits {
  /** Entries listed in the central directory, folders included. */
  maxEntries: number;
  /** Unpacked bytes of one entry. */
  maxEntryBytes: number;
  /** Unpacked bytes of all entries together. */
  maxTotalBytes: number;
  /** Bytes of the zip file itself. */
  maxArchiveBytes: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxEntries: 64,
  maxEntryBytes: 64 * MIB,
  maxTotalBytes: 256 * MIB,
  maxArchiveBytes: 300 * MIB,
});

/** The defaults with the caller's overrides; a limit that is not a whole number >= 0 is a programming error. */
export function resolveZipLimits(overrides: Partial<ZipLimits> = {}): ZipLimits {
  const limits: ZipLimits = {
    maxEntries: overrides.maxEntries ?? DEFAULT_ZIP_LIMITS.maxEntries,
    maxEntryBytes: overrides.maxEntryBytes ?? DEFAULT_ZIP_LIMITS.maxEntryBytes,
    maxTotalBytes: overrides.maxTotalBytes ?? DEFAULT_ZIP_LIMITS.maxTotalBytes,
    maxArchiveBytes: overrides.maxArchiveBytes ?? DEFAULT_ZIP_LIMITS.maxArchiveBytes,
  };
  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`zip limit ${key} must be a whole number >= 0`);
  }
  // The unpacker asks zlib for one byte more than the allowance to detect an overflow; that must fit in a Buffer.
  if (limits.maxEntryBytes >= bufferConstants.MAX_LENGTH) {
    throw new RangeError(`zip limit maxEntryBytes must be below ${bufferConstants.MAX_LENGTH}`);
  }
  return limits;
}

/** "64 MiB", "512 KiB" or "1000 bytes": limits as a person reads them in an error message. */
export function describeByteCount(bytes: number): string {
  if (bytes >= MIB && bytes % MIB === 0) return `${bytes / MIB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
