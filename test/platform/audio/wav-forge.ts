/**
 * Builds WAV files byte by byte for the reader's tests: every variant the reader accepts, and the broken ones it
 * must refuse. Nothing here uses the code under test.
 */

export interface WavVariant {
  encoding: 'pcm' | 'float';
  bits: 8 | 16 | 24 | 32 | 64;
  /** Write WAVE_FORMAT_EXTENSIBLE (0xFFFE) with the PCM or float subformat GUID. */
  extensible?: boolean;
}

export interface FmtFields {
  tag: number;
  channels: number;
  sampleRate: number;
  bits: number;
  blockAlign?: number;
  /** Present for WAVE_FORMAT_EXTENSIBLE: the subformat tag written into the GUID's first two bytes. */
  extensible?: { subformatTag: number; validBits?: number; guidTail?: number[] };
}

export interface Chunk {
  id: string;
  body: Buffer;
  /** The size written in the header when it should lie about the body. */
  declaredSize?: number;
}

const GUID_TAIL = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];
export const WAVE_FORMAT_PCM = 1;
export const WAVE_FORMAT_IEEE_FLOAT = 3;
export const WAVE_FORMAT_MULAW = 7;
export const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/** An odd-sized LIST/INFO chunk (a 7-byte software name), so the next chunk starts after a pad byte. */
export function oddListChunk(): Chunk {
  const name = Buffer.from('Lectrn\0', 'latin1'); // 7 bytes, NUL-terminated as INFO strings are
  const size = Buffer.alloc(4);
  size.writeUInt32LE(name.length);
  return { id: 'LIST', body: Buffer.concat([Buffer.from('INFOISFT', 'latin1'), size, name]) };
}

/** A complete WAV of `channels` (equal lengths) in the given variant, with the chunks around the data requested. */
export function encodeWav(
  channels: Float32Array[],
  sampleRate: number,
  variant: WavVariant,
  options: { before?: Chunk[]; after?: Chunk[] } = {},
): Buffer {
  const tag = variant.encoding === 'pcm' ? WAVE_FORMAT_PCM : WAVE_FORMAT_IEEE_FLOAT;
  const fmt = fmtChunk(
    variant.extensible
      ? { tag: WAVE_FORMAT_EXTENSIBLE, channels: channels.length, sampleRate, bits: variant.bits, extensible: { subformatTag: tag } }
      : { tag, channels: channels.length, sampleRate, bits: variant.bits },
  );
  const data: Chunk = { id: 'data', body: interleave(channels, variant) };
  return riffWave([fmt, ...(options.before ?? []), data, ...(options.after ?? [])]);
}

export function fmtChunk(fields: FmtFields): Chunk {
  const body = Buffer.alloc(fields.extensible === undefined ? 16 : 40);
  body.writeUInt16LE(fields.tag, 0);
  body.writeUInt16LE(fields.channels, 2);
  body.writeUInt32LE(fields.sampleRate, 4);
  const blockAlign = fields.blockAlign ?? (fields.channels * fields.bits) / 8;
  body.writeUInt32LE(fields.sampleRate * blockAlign, 8);
  body.writeUInt16LE(blockAlign, 12);
  body.writeUInt16LE(fields.bits, 14);
  if (fields.extensible !== undefined) {
    body.writeUInt16LE(22, 16); // cbSize
    body.writeUInt16LE(fields.extensible.validBits ?? fields.bits, 18);
    body.writeUInt32LE(fields.channels === 2 ? 0x3 : 0x4, 20); // front left+right, or front centre
    body.writeUInt16LE(fields.extensible.subformatTag, 24);
    Buffer.from(fields.extensible.guidTail ?? GUID_TAIL).copy(body, 26);
  }
  return { id: 'fmt ', body };
}

/** A RIFF file of the given chunks, each padded to an even length as RIFF requires. */
export function riffWave(chunks: Chunk[], form = 'WAVE'): Buffer {
  const parts = chunks.map((chunk) => {
    const header = Buffer.alloc(8);
    header.write(chunk.id, 0, 'latin1');
    header.writeUInt32LE(chunk.declaredSize ?? chunk.body.length, 4);
    const pad = chunk.body.length % 2 === 1 ? Buffer.alloc(1) : Buffer.alloc(0);
    return Buffer.concat([header, chunk.body, pad]);
  });
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(4 + body.length, 4);
  header.write(form, 8, 'latin1');
  return Buffer.concat([header, body]);
}

function interleave(channels: Float32Array[], variant: WavVariant): Buffer {
  const bytesPerSample = variant.bits / 8;
  const frames = channels[0]?.length ?? 0;
  const out = Buffer.alloc(frames * channels.length * bytesPerSample);
  let offset = 0;
  for (let frame = 0; frame < frames; frame += 1) {
    for (const channel of channels) {
      writeSample(out, offset, channel[frame] ?? 0, variant);
      offset += bytesPerSample;
    }
  }
  return out;
}

function writeSample(out: Buffer, offset: number, value: number, variant: WavVariant): void {
  if (variant.encoding === 'float') {
    if (variant.bits === 64) out.writeDoubleLE(value, offset);
    else out.writeFloatLE(value, offset);
    return;
  }
  const code = quantize(value, variant.bits);
  if (variant.bits === 8) out.writeUInt8(code + 128, offset);
  else if (variant.bits === 16) out.writeInt16LE(code, offset);
  else if (variant.bits === 24) out.writeIntLE(code, offset, 3);
  else out.writeInt32LE(code, offset);
}

/** The integer code of a -1..1 value at `bits` bits (scale 2^(bits-1), clipped to the code range). */
function quantize(value: number, bits: number): number {
  const scale = 2 ** (bits - 1);
  return Math.max(-scale, Math.min(scale - 1, Math.round(value * scale)));
}

/** The largest difference quantization can make at this variant: half a step for integers, float32 rounding else. */
export function quantizationTolerance(variant: WavVariant): number {
  if (variant.encoding === 'float') return variant.bits === 64 ? 1e-12 : 1e-7;
  return 1 / 2 ** (variant.bits - 1);
}
