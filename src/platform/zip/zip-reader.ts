import { readFileNoLargerThan } from './bounded-file-read.js';
import { readCentralDirectory, type CentralEntry } from './central-directory.js';
import { assertDirectoryPrecedesEndRecord, readEndOfCentralDirectory } from './end-of-central-directory.js';
import { assertNoEntryNamesCollide } from './entry-name-collisions.js';
import { assertEntryNameIsSafe, isFolderEntryName } from './entry-name-rules.js';
import { assertContentMatchesDeclaration, unpackEntryData } from './entry-content.js';
import { assertSpansDoNotOverlap, locateEntryData, type EntrySpan } from './local-header.js';
import {
  archiveTooLarge,
  contentTooLarge,
  entryTooLarge,
  symlinkRejected,
  tooManyEntries,
  zipInvalid,
} from './zip-errors.js';
import { UNIX_FILE_TYPE_MASK, UNIX_SYMLINK } from './zip-format.js';
import { resolveZipLimits, type ZipLimits } from './zip-limits.js';

export interface SafeZipEntry {
  name: string;
  data: Buffer;
}

/** A pack that passed every check: plain files with safe, distinct names and verified content. */
export interface SafeZip {
  entries: SafeZipEntry[];
}

/**
 * Opens a zip that came from someone else. Everything is checked before anything is returned, cheapest first:
 * archive size, entry count, directory structure, names, links, duplicates, local headers and overlaps, declared
 * sizes; then each entry is unpacked under a hard byte allowance and its real size and CRC compared with the header.
 * Folder entries are checked and skipped; files come back in directory order. Throws an AppError (pack_*).
 */
export function readZipSafely(bytes: Buffer, limits?: Partial<ZipLimits>): SafeZip {
  const resolved = resolveZipLimits(limits);
  if (bytes.length > resolved.maxArchiveBytes) throw archiveTooLarge(resolved.maxArchiveBytes);
  const end = readEndOfCentralDirectory(bytes);
  // Before the directory is even walked: a million-entry directory costs nothing to refuse here.
  if (end.entryCount > resolved.maxEntries) throw tooManyEntries(end.entryCount, resolved.maxEntries);
  assertDirectoryPrecedesEndRecord(end);
  const directory = readCentralDirectory(bytes, end);
  assertEntriesAreAcceptable(directory);
  const spans = directory.map((entry) => locateEntryData(bytes, entry, end.directoryOffset));
  assertSpansDoNotOverlap(spans);
  assertDeclaredSizesFitLimits(directory, resolved);
  return { entries: unpackAllEntries(bytes, directory, spans, resolved) };
}

/** Reads a pack file (refusing it by size before reading) and opens it with readZipSafely. */
export function readZipFileSafely(path: string, limits?: Partial<ZipLimits>): SafeZip {
  const resolved = resolveZipLimits(limits);
  const read = readFileNoLargerThan(path, resolved.maxArchiveBytes);
  if (read.kind === 'too_large') throw archiveTooLarge(resolved.maxArchiveBytes);
  if (read.kind === 'not_a_file') throw zipInvalid('the chosen pack is not a regular file');
  return readZipSafely(read.bytes, resolved);
}

function assertEntriesAreAcceptable(directory: readonly CentralEntry[]): void {
  for (const entry of directory) {
    assertEntryNameIsSafe(entry.name);
    if (isSymlink(entry)) throw symlinkRejected();
    // A folder has no content; bytes under a folder name would be hidden from every listing.
    if (isFolderEntryName(entry.name) && entry.uncompressedSize !== 0) throw zipInvalid('a folder entry holds data');
  }
  assertNoEntryNamesCollide(directory.map((entry) => entry.name));
}

/**
 * The Unix mode in the high 16 bits of the external attributes. Checked whatever host system the entry claims:
 * a forged "made by MS-DOS" must not smuggle a link past an extractor that looks at the mode anyway.
 */
function isSymlink(entry: CentralEntry): boolean {
  return ((entry.externalAttributes >>> 16) & UNIX_FILE_TYPE_MASK) === UNIX_SYMLINK;
}

/**
 * Declared sizes are never trusted to accept anything, but an archive that announces too much is refused before a
 * single byte is inflated: honest big packs fail fast, and lying ones are caught by the real count below.
 */
function assertDeclaredSizesFitLimits(directory: readonly CentralEntry[], limits: ZipLimits): void {
  let total = 0;
  for (const entry of directory) {
    if (entry.uncompressedSize > limits.maxEntryBytes) throw entryTooLarge(limits.maxEntryBytes);
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) throw contentTooLarge(limits.maxTotalBytes);
  }
}

function unpackAllEntries(
  bytes: Buffer,
  directory: readonly CentralEntry[],
  spans: readonly EntrySpan[],
  limits: ZipLimits,
): SafeZipEntry[] {
  const files: SafeZipEntry[] = [];
  let total = 0;
  directory.forEach((entry, index) => {
    const span = spans[index];
    if (span === undefined) throw new Error('every central entry has a located span');
    const remainingTotal = limits.maxTotalBytes - total;
    const allowance = Math.min(limits.maxEntryBytes, remainingTotal);
    const content = unpackEntryData(bytes.subarray(span.dataStart, span.dataEnd), entry.method, allowance);
    if (content === undefined) {
      // Whichever limit set the allowance is the one the entry broke.
      if (allowance === limits.maxEntryBytes) throw entryTooLarge(limits.maxEntryBytes);
      throw contentTooLarge(limits.maxTotalBytes);
    }
    assertContentMatchesDeclaration(content, entry);
    total += content.length;
    if (!isFolderEntryName(entry.name)) files.push({ name: entry.name, data: content });
  });
  return files;
}
