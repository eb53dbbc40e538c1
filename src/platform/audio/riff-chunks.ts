import { audioFormatUnsupported, audioTruncated } from './audio-errors.js';
import { bytesSource, type ByteSource } from './byte-source.js';
import { viewOf } from './byte-view.js';

/** Where a chunk's body lies in the file, as its header declares it (the body may run past the end of a cut file). */
export interface ChunkSpan {
  offset: number;
  size: number;
}

/** The two chunks a WAV reader needs; everything else (LIST, fact, cue, bext, JUNK...) is skipped. */
export interface WaveChunks {
  fmt: ChunkSpan;
  data: ChunkSpan;
}

const RIFF_HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;

/**
 * Walks the RIFF chunks of a WAVE file and returns its `fmt ` and `data` chunks. The walk stops as soon as both are
 * found, so bytes after them (trailing junk, a tag appended by some tool) are never judged. The RIFF size field is not
 * trusted: many writers leave it wrong, and the chunk headers are what the reader follows.
 */
export function locateWaveChunks(input: Uint8Array | ByteSource): WaveChunks {
  const source = input instanceof Uint8Array ? bytesSource(input) : input;
  refuseUnlessRiffWave(source.read(0, RIFF_HEADER_BYTES), source.length);
  let fmt: ChunkSpan | undefined;
  let data: ChunkSpan | undefined;
  let offset = RIFF_HEADER_BYTES;
  while (fmt === undefined || data === undefined) {
    const remaining = source.length - offset;
    if (remaining <= 0) break;
    if (remaining < CHUNK_HEADER_BYTES) throw audioTruncated('the file ends inside a chunk header');
    const header = source.read(offset, CHUNK_HEADER_BYTES);
    const id = asciiAt(header, 0, 4);
    const span = { offset: offset + CHUNK_HEADER_BYTES, size: viewOf(header).getUint32(4, true) };
    const runsPastEnd = span.offset + span.size > source.length;
    if (id === 'data') {
      data = span;
      // A cut data chunk is judged by the reader (it knows the frame size); a format chunk after it is unreachable.
      if (runsPastEnd && fmt === undefined) throw audioTruncated('the file ends inside its audio data');
    } else if (id === 'fmt ') {
      if (runsPastEnd) throw audioTruncated('the file ends inside its format chunk');
      fmt = span;
    } else if (runsPastEnd) {
      throw audioTruncated('the file ends inside a metadata chunk');
    }
    // RIFF pads every odd-sized chunk with one byte so the next header starts on an even offset.
    offset = span.offset + span.size + (span.size % 2);
  }
  if (fmt === undefined) throw audioFormatUnsupported('it has no format chunk');
  if (data === undefined) throw audioFormatUnsupported('it has no audio data chunk');
  return { fmt, data };
}

/** `bytes` are the file's first 12 bytes (fewer for a shorter file of `fileLength` bytes). */
function refuseUnlessRiffWave(bytes: Uint8Array, fileLength: number): void {
  if (fileLength === 0) throw audioTruncated('the file is empty');
  const magic = asciiAt(bytes, 0, 4);
  if (fileLength < RIFF_HEADER_BYTES) {
    // A prefix of "RIFF" is a WAV file cut inside its first header; anything else is not a WAV file at all.
    if ('RIFF'.startsWith(magic) && (bytes.length <= 8 || 'WAVE'.startsWith(asciiAt(bytes, 8, 4)))) {
      throw audioTruncated('the file ends inside its RIFF header');
    }
    throw audioFormatUnsupported('it does not start with a RIFF header');
  }
  if (magic === 'RF64' || magic === 'BW64') throw audioFormatUnsupported('it is a 64-bit RF64 file');
  if (magic === 'RIFX') throw audioFormatUnsupported('it is a big-endian RIFX file');
  if (magic !== 'RIFF') throw audioFormatUnsupported('it does not start with a RIFF header');
  if (asciiAt(bytes, 8, 4) !== 'WAVE') throw audioFormatUnsupported('it is a RIFF file but not WAVE audio');
}

function asciiAt(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, Math.min(offset + length, bytes.length)));
}
