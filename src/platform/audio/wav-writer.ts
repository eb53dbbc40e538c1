import { AppError } from '../../kernel/errors.js';
import { MAX_SAMPLE_RATE, MIN_SAMPLE_RATE } from './audio-limits.js';

/** The canonical header's size: the samples start at this offset. */
export const WAV_PCM16_HEADER_BYTES = 44;
const HEADER_BYTES = WAV_PCM16_HEADER_BYTES;
/** The RIFF size field is 32 bits and counts everything after itself. */
const MAX_DATA_BYTES = 0xffffffff - (HEADER_BYTES - 8);

/**
 * Writes mono PCM16 as the canonical 44-byte-header WAV (RIFF, one 16-byte `fmt `, `data`): the layout every
 * decoder reads, pocketsphinx included, with no chunk it could stumble on.
 */
export function writeWavPcm16(samples: Int16Array, sampleRate: number): Buffer {
  return Buffer.concat([wavPcm16Header(samples.length, sampleRate), pcm16Bytes(samples)]);
}

/** The 44-byte header of a mono PCM16 WAV holding `sampleCount` samples: written first when the samples are streamed. */
export function wavPcm16Header(sampleCount: number, sampleRate: number): Buffer {
  refuseUnlessWritableRate(sampleRate);
  const dataBytes = sampleCount * 2;
  if (dataBytes > MAX_DATA_BYTES) {
    throw new AppError('audio_too_long', 'This recording is too long to be written as one WAV file.');
  }
  const out = Buffer.alloc(HEADER_BYTES);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(HEADER_BYTES - 8 + dataBytes, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20); // WAVE_FORMAT_PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * 2, 28); // byte rate
  out.writeUInt16LE(2, 32); // block align
  out.writeUInt16LE(16, 34); // bits per sample
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataBytes, 40);
  return out;
}

/** PCM16 samples as little-endian bytes, the WAV data layout. */
export function pcm16Bytes(samples: Int16Array): Buffer {
  const out = Buffer.alloc(samples.length * 2);
  // WAV is little-endian; copying the typed array's bytes directly would be wrong on a big-endian host.
  for (let index = 0; index < samples.length; index += 1) out.writeInt16LE(samples[index] ?? 0, index * 2);
  return out;
}

/** A bad rate here is a caller's bug, not a user's file: it is thrown as a plain RangeError (an internal error). */
function refuseUnlessWritableRate(sampleRate: number): void {
  if (!Number.isInteger(sampleRate) || sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
    throw new RangeError(`sample rate must be an integer from ${MIN_SAMPLE_RATE} to ${MAX_SAMPLE_RATE} Hz`);
  }
}
