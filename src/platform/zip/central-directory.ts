import { isUtf8 } from 'node:buffer';
import { assertSpanInside, extraFieldIds } from './byte-span.js';
import type { EndOfCentralDirectory } from './end-of-central-directory.js';
import { invalidEntryPath, zipInvalid } from './zip-errors.js';
import {
  CENTRAL_HEADER_SIGNATURE,
  CENTRAL_HEADER_SIZE,
  ENCRYPTION_FLAGS,
  METHOD_DEFLATE,
  METHOD_STORE,
  ZIP64_EXTRA_FIELD_ID,
  ZIP64_MARKER_32,
} from './zip-format.js';

/** One entry as the central directory declares it; nothing here is trusted until the reader has checked it. */
export interface CentralEntry {
  name: string;
  nameBytes: Buffer;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  externalAttributes: number;
  localHeaderOffset: number;
}

/**
 * Parses exactly `entryCount` central headers, which must fill the directory to its last byte (a count that lies
 * either way is damage). Encryption, methods other than store and deflate, ZIP64 and multi-disk entries are refused.
 */
export function readCentralDirectory(bytes: Buffer, end: EndOfCentralDirectory): CentralEntry[] {
  const directoryEnd = end.directoryOffset + end.directorySize;
  const entries: CentralEntry[] = [];
  let cursor = end.directoryOffset;
  for (let index = 0; index < end.entryCount; index++) {
    const { entry, size } = readCentralHeader(bytes, cursor, directoryEnd);
    entries.push(entry);
    cursor += size;
  }
  if (cursor !== directoryEnd) throw zipInvalid('the central directory holds more than the end record counts');
  return entries;
}

function readCentralHeader(bytes: Buffer, offset: number, directoryEnd: number): { entry: CentralEntry; size: number } {
  assertSpanInside(offset, CENTRAL_HEADER_SIZE, directoryEnd, 'a central directory header');
  if (bytes.readUInt32LE(offset) !== CENTRAL_HEADER_SIGNATURE) {
    throw zipInvalid('a central directory header is damaged');
  }
  const flags = bytes.readUInt16LE(offset + 8);
  const method = bytes.readUInt16LE(offset + 10);
  const crc32 = bytes.readUInt32LE(offset + 16);
  const compressedSize = bytes.readUInt32LE(offset + 20);
  const uncompressedSize = bytes.readUInt32LE(offset + 24);
  const nameLength = bytes.readUInt16LE(offset + 28);
  const extraLength = bytes.readUInt16LE(offset + 30);
  const commentLength = bytes.readUInt16LE(offset + 32);
  const diskStart = bytes.readUInt16LE(offset + 34);
  const externalAttributes = bytes.readUInt32LE(offset + 38);
  const localHeaderOffset = bytes.readUInt32LE(offset + 42);
  const size = CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
  assertSpanInside(offset, size, directoryEnd, 'a central directory header');

  const nameStart = offset + CENTRAL_HEADER_SIZE;
  const nameBytes = bytes.subarray(nameStart, nameStart + nameLength);
  const extra = bytes.subarray(nameStart + nameLength, nameStart + nameLength + extraLength);
  assertEntryIsReadable(flags, method);
  const hasZip64Marker = [compressedSize, uncompressedSize, localHeaderOffset].includes(ZIP64_MARKER_32);
  if (hasZip64Marker || extraFieldIds(extra).includes(ZIP64_EXTRA_FIELD_ID)) {
    throw zipInvalid('ZIP64 entries are not accepted');
  }
  if (diskStart !== 0) throw zipInvalid('archives split over several disks are not accepted');
  const entry = {
    name: decodeEntryName(nameBytes),
    nameBytes,
    flags,
    method,
    crc32,
    compressedSize,
    uncompressedSize,
    externalAttributes,
    localHeaderOffset,
  };
  return { entry, size };
}

/** Shared by the central and the local header: both must say "not encrypted" and "store or deflate". */
export function assertEntryIsReadable(flags: number, method: number): void {
  if ((flags & ENCRYPTION_FLAGS) !== 0) throw zipInvalid('an entry is encrypted');
  if (method !== METHOD_STORE && method !== METHOD_DEFLATE) {
    throw zipInvalid(`an entry uses compression method ${method} (only store and deflate are accepted)`);
  }
}

/**
 * Names are read as UTF-8 whether or not flag bit 11 is set: Lectern always sets it, ASCII names read the same
 * either way, and a legacy code-page name that is not valid UTF-8 is refused instead of guessed.
 */
function decodeEntryName(nameBytes: Buffer): string {
  // Checked first: decoding alone would patch bad bytes with U+FFFD and so name some other file.
  if (!isUtf8(nameBytes)) throw invalidEntryPath('the name is not valid UTF-8');
  return nameBytes.toString('utf8');
}
