import { assertSpanInside } from './byte-span.js';
import { zipInvalid } from './zip-errors.js';
import {
  END_OF_CENTRAL_DIRECTORY_SIGNATURE,
  END_OF_CENTRAL_DIRECTORY_SIZE,
  MAX_ARCHIVE_COMMENT_SIZE,
  ZIP64_END_LOCATOR_SIGNATURE,
  ZIP64_END_LOCATOR_SIZE,
  ZIP64_MARKER_16,
  ZIP64_MARKER_32,
} from './zip-format.js';

/** What the end record says about the central directory. */
export interface EndOfCentralDirectory {
  /** Where the end record itself starts. */
  offset: number;
  entryCount: number;
  directoryOffset: number;
  directorySize: number;
}

/**
 * Finds and checks the end record: the only way into a zip is from its end. It sits in the last 22 bytes plus at most
 * a 64 KiB comment; the candidate must have a comment length that reaches exactly the end of the file, so a
 * signature hidden inside a comment or in trailing junk is not mistaken for it.
 */
export function readEndOfCentralDirectory(bytes: Buffer): EndOfCentralDirectory {
  const offset = findEndRecordOffset(bytes);
  if (offset === undefined) {
    throw zipInvalid('no end-of-central-directory record was found (the file is truncated or is not a zip)');
  }
  const diskNumber = bytes.readUInt16LE(offset + 4);
  const directoryDisk = bytes.readUInt16LE(offset + 6);
  const entriesOnThisDisk = bytes.readUInt16LE(offset + 8);
  const entryCount = bytes.readUInt16LE(offset + 10);
  const directorySize = bytes.readUInt32LE(offset + 12);
  const directoryOffset = bytes.readUInt32LE(offset + 16);
  if (usesZip64(bytes, offset, [entriesOnThisDisk, entryCount], [directorySize, directoryOffset])) {
    throw zipInvalid('ZIP64 archives are not accepted');
  }
  if (diskNumber !== 0 || directoryDisk !== 0 || entriesOnThisDisk !== entryCount) {
    throw zipInvalid('archives split over several disks are not accepted');
  }
  return { offset, entryCount, directoryOffset, directorySize };
}

/**
 * Checks that the central directory lies exactly between the entries and the end record, where every writer puts it
 * (a gap would hide bytes, e.g. a prepended program or a second archive).
 */
export function assertDirectoryPrecedesEndRecord(end: EndOfCentralDirectory): void {
  assertSpanInside(end.directoryOffset, end.directorySize, end.offset, 'the central directory');
  if (end.directoryOffset + end.directorySize !== end.offset) {
    throw zipInvalid('the central directory does not end where the end record begins');
  }
}

function findEndRecordOffset(bytes: Buffer): number | undefined {
  const last = bytes.length - END_OF_CENTRAL_DIRECTORY_SIZE;
  const first = Math.max(0, last - MAX_ARCHIVE_COMMENT_SIZE);
  for (let offset = last; offset >= first; offset--) {
    if (bytes.readUInt32LE(offset) !== END_OF_CENTRAL_DIRECTORY_SIGNATURE) continue;
    const commentLength = bytes.readUInt16LE(offset + 20);
    if (offset + END_OF_CENTRAL_DIRECTORY_SIZE + commentLength === bytes.length) return offset;
  }
  return undefined;
}

function usesZip64(bytes: Buffer, endOffset: number, counts: number[], sizes: number[]): boolean {
  if (counts.includes(ZIP64_MARKER_16) || sizes.includes(ZIP64_MARKER_32)) return true;
  const locatorOffset = endOffset - ZIP64_END_LOCATOR_SIZE;
  return locatorOffset >= 0 && bytes.readUInt32LE(locatorOffset) === ZIP64_END_LOCATOR_SIGNATURE;
}
