import { audioTooLong, audioTruncated } from './audio-errors.js';
import { MAX_AUDIO_SECONDS } from './audio-limits.js';
import { bytesSource, type ByteSource } from './byte-source.js';
import { viewOf } from './byte-view.js';
import type { DecodedAudio } from './decoded-audio.js';
import { locateWaveChunks, type ChunkSpan } from './riff-chunks.js';
import { decodeInterleavedFrames } from './sample-decoding.js';
import { parseWavFormat, type WavFormat } from './wav-format.js';

/** Everything needed to decode a WAV file's samples, checked: its format and where its whole frames lie. */
export interface WavHeader {
  format: WavFormat;
  /** Byte offset of the first frame. */
  dataOffset: number;
  frames: number;
}

/** The format chunk is at most 40 bytes that matter (the extensible layout); longer ones carry nothing Lectern reads. */
const FORMAT_BYTES_READ = 64;

/**
 * Decodes a WAV file (PCM 8/16/24/32-bit integer, 32/64-bit float, plain or WAVE_FORMAT_EXTENSIBLE, any rate and
 * channel count) into one -1..1 array per channel. Every check runs before the samples are allocated, so a hostile
 * header costs nothing. Refusals: `audio_format_unsupported` (not a WAV file, or an encoding Lectern does not
 * decode), `audio_truncated` (the file ends before what its headers declare), `audio_too_long` (over two hours).
 */
export function readWav(bytes: Uint8Array): DecodedAudio {
  const header = readWavHeader(bytesSource(bytes));
  const { format } = header;
  return {
    sampleRate: format.sampleRate,
    channels: format.channels,
    frames: header.frames,
    samples: decodeInterleavedFrames(viewOf(bytes), header.dataOffset, header.frames, format),
    format: { bitsPerSample: format.bitsPerSample, encoding: format.encoding },
  };
}

/**
 * Reads and checks a WAV file's headers without its samples: from memory or from an open file (only the chunk
 * headers and the format chunk are read), with the same refusals as readWav.
 */
export function readWavHeader(source: ByteSource): WavHeader {
  const chunks = locateWaveChunks(source);
  const fmtBytes = source.read(chunks.fmt.offset, Math.min(chunks.fmt.size, FORMAT_BYTES_READ));
  const format = parseWavFormat(fmtBytes, { offset: 0, size: chunks.fmt.size });
  const frames = countWholeFrames(chunks.data, format, source.length);
  refuseLongerThanTheCap(frames, format.sampleRate);
  return { format, dataOffset: chunks.data.offset, frames };
}

/**
 * The data chunk must be present in full and hold whole frames: a file cut during recording or copying ends early or
 * mid-frame, and guessing which samples were lost would misplace every channel after it.
 */
function countWholeFrames(data: ChunkSpan, format: WavFormat, fileBytes: number): number {
  const present = fileBytes - data.offset;
  if (present < data.size) {
    throw audioTruncated(`its audio data declares ${data.size} bytes but only ${present} are present`);
  }
  if (data.size < format.blockAlign) throw audioTruncated('its audio data holds no complete sample frame');
  if (data.size % format.blockAlign !== 0) throw audioTruncated('its audio data ends inside a sample frame');
  return data.size / format.blockAlign;
}

function refuseLongerThanTheCap(frames: number, sampleRate: number): void {
  const seconds = frames / sampleRate;
  if (seconds > MAX_AUDIO_SECONDS) throw audioTooLong(seconds);
}
