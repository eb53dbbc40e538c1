import type { WavFormat } from './wav-format.js';

/** Reads the sample at a byte offset as a number in -1..1. */
type SampleReader = (view: DataView, offset: number) => number;

/*
 * Integer PCM is scaled by 2^(bits-1), so the most negative code is exactly -1 and the most positive is one step
 * below 1; 8-bit WAV is the one unsigned format (silence is 128).
 */
const readUnsigned8: SampleReader = (view, offset) => (view.getUint8(offset) - 128) / 128;
const readSigned16: SampleReader = (view, offset) => view.getInt16(offset, true) / 32768;
const readSigned24: SampleReader = (view, offset) =>
  // The high byte is read signed, so the sign extends without a shift trick.
  (view.getInt8(offset + 2) * 65536 + view.getUint16(offset, true)) / 8388608;
const readSigned32: SampleReader = (view, offset) => view.getInt32(offset, true) / 2147483648;
const readFloat32: SampleReader = (view, offset) => clampToFullScale(view.getFloat32(offset, true));
const readFloat64: SampleReader = (view, offset) => clampToFullScale(view.getFloat64(offset, true));

/**
 * Float files may hold values beyond full scale (they would clip in any player) or even NaN from a broken encoder;
 * every consumer is promised -1..1, so overs are clipped here and NaN becomes silence.
 */
function clampToFullScale(value: number): number {
  if (Number.isNaN(value)) return 0;
  return value > 1 ? 1 : value < -1 ? -1 : value;
}

function readerFor(format: WavFormat): SampleReader {
  if (format.encoding === 'float') return format.bitsPerSample === 64 ? readFloat64 : readFloat32;
  switch (format.bitsPerSample) {
    case 8:
      return readUnsigned8;
    case 16:
      return readSigned16;
    case 24:
      return readSigned24;
    default:
      return readSigned32;
  }
}

/** Splits interleaved frames into one Float32Array per channel. */
export function decodeInterleavedFrames(
  view: DataView,
  dataOffset: number,
  frames: number,
  format: WavFormat,
): Float32Array[] {
  const read = readerFor(format);
  const bytesPerSample = format.bitsPerSample / 8;
  const channels = Array.from({ length: format.channels }, () => new Float32Array(frames));
  channels.forEach((samples, channel) => {
    let offset = dataOffset + channel * bytesPerSample;
    for (let frame = 0; frame < frames; frame += 1) {
      samples[frame] = read(view, offset);
      offset += format.blockAlign;
    }
  });
  return channels;
}
