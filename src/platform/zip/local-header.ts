import { assertSpanInside, extraFieldIds } from './byte-span.js';
import { assertEntryIsReadable, type CentralEntry } from './central-directory.js';
import { zipInvalid } from './zip-errors.js';
import {
  DATA_DESCRIPTOR_SIGNATURE,
  FLAG_DATA_DESCRIPTOR,
  LOCAL_HEADER_SIGNATURE,
  LOCAL_HEADER_SIZE,
  ZIP64_EXTRA_FIELD_ID,
} from './zip-format.js';

/** Where one entry lives in the file: its whole span (header, data, descriptor) and its compressed data. */
export interface EntrySpan {
  start: number;
  end: number;
  dataStart: number;
  dataEnd: number;
}

/**
 * Reads the local header an entry points at and checks that it tells the same story as the central directory.
 * Extractors that stream from the front trust the local header, those that seek trust the central one: an archive
 * where they differ shows different content to different tools, so it is refused. Everything must end before the
 * central directory.
 */
export function locateEntryData(bytes: Buffer, entry: CentralEntry, directoryOffset: number): EntrySpan {
  const start = entry.localHeaderOffset;
  assertSpanInside(start, LOCAL_HEADER_SIZE, directoryOffset, 'an entry');
  if (bytes.readUInt32LE(start) !== LOCAL_HEADER_SIGNATURE) throw zipInvalid('a local header is missing or damaged');
  const flags = bytes.readUInt16LE(start + 6);
  const method = bytes.readUInt16LE(start + 8);
  const crc32 = bytes.readUInt32LE(start + 14);
  const compressedSize = bytes.readUInt32LE(start + 18);
  const uncompressedSize = bytes.readUInt32LE(start + 22);
  const nameLength = bytes.readUInt16LE(start + 26);
  const extraLength = bytes.readUInt16LE(start + 28);
  const dataStart = start + LOCAL_HEADER_SIZE + nameLength + extraLength;
  assertSpanInside(start, dataStart - start, directoryOffset, 'an entry');

  assertEntryIsReadable(flags, method);
  const hasDescriptor = (entry.flags & FLAG_DATA_DESCRIPTOR) !== 0;
  if ((flags & FLAG_DATA_DESCRIPTOR) !== (entry.flags & FLAG_DATA_DESCRIPTOR) || method !== entry.method) {
    throw zipInvalid('a local header disagrees with the central directory');
  }
  const name = bytes.subarray(start + LOCAL_HEADER_SIZE, start + LOCAL_HEADER_SIZE + nameLength);
  if (!name.equals(entry.nameBytes)) {
    throw zipInvalid('a local header names a different file than the central directory');
  }
  const extra = bytes.subarray(start + LOCAL_HEADER_SIZE + nameLength, dataStart);
  if (extraFieldIds(extra).includes(ZIP64_EXTRA_FIELD_ID)) throw zipInvalid('ZIP64 entries are not accepted');
  // With a data descriptor the local fields may be zero (they were unknown when the header was written).
  const localFieldsMayBeZero = hasDescriptor && crc32 === 0 && compressedSize === 0 && uncompressedSize === 0;
  if (!localFieldsMayBeZero && !sameSizesAndCrc(entry, { crc32, compressedSize, uncompressedSize })) {
    throw zipInvalid('a local header declares other sizes or checksum than the central directory');
  }

  const dataEnd = dataStart + entry.compressedSize;
  assertSpanInside(dataStart, entry.compressedSize, directoryOffset, 'an entry');
  const end = hasDescriptor ? dataEnd + checkDataDescriptor(bytes, entry, dataEnd, directoryOffset) : dataEnd;
  return { start, end, dataStart, dataEnd };
}

/**
 * Two entries sharing bytes is the trick behind overlapping zip bombs (one small deflate stream unpacked by thousands
 * of entries); honest writers never do it.
 */
export function assertSpansDoNotOverlap(spans: readonly EntrySpan[]): void {
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  for (let index = 1; index < ordered.length; index++) {
    const previous = ordered[index - 1];
    const current = ordered[index];
    if (previous !== undefined && current !== undefined && current.start < previous.end) {
      throw zipInvalid('two entries overlap in the file');
    }
  }
}

/** Returns the descriptor's size (12 bytes, or 16 with its optional signature) after checking it against the entry. */
function checkDataDescriptor(bytes: Buffer, entry: CentralEntry, offset: number, directoryOffset: number): number {
  assertSpanInside(offset, 12, directoryOffset, 'a data descriptor');
  const hasSignature = bytes.readUInt32LE(offset) === DATA_DESCRIPTOR_SIGNATURE;
  const fields = hasSignature ? offset + 4 : offset;
  const size = hasSignature ? 16 : 12;
  assertSpanInside(offset, size, directoryOffset, 'a data descriptor');
  const declared = {
    crc32: bytes.readUInt32LE(fields),
    compressedSize: bytes.readUInt32LE(fields + 4),
    uncompressedSize: bytes.readUInt32LE(fields + 8),
  };
  if (!sameSizesAndCrc(entry, declared)) throw zipInvalid('a data descriptor disagrees with the central directory');
  return size;
}

function sameSizesAndCrc(
  entry: CentralEntry,
  other: { crc32: number; compressedSize: number; uncompressedSize: number },
): boolean {
  return (
    entry.crc32 === other.crc32 &&
    entry.compressedSize === other.compressedSize &&
    entry.uncompressedSize === other.uncompressedSize
  );
}
