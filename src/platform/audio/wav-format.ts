import { audioFormatUnsupported } from './audio-errors.js';
import { MAX_CHANNELS, MAX_SAMPLE_RATE, MIN_SAMPLE_RATE } from './audio-limits.js';
import { viewOf } from './byte-view.js';
import type { SampleFormat } from './decoded-audio.js';
import type { ChunkSpan } from './riff-chunks.js';

/** What the `fmt ` chunk says, once checked: enough to decode every frame of the data chunk. */
export interface WavFormat extends SampleFormat {
  channels: number;
  sampleRate: number;
  /** Bytes per frame (one sample of every channel). */
  blockAlign: number;
}

const WAVE_FORMAT_PCM = 0x0001;
const WAVE_FORMAT_IEEE_FLOAT = 0x0003;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/** Every KSDATAFORMAT_SUBTYPE_* GUID ends with these 14 bytes; the first two carry the classic format tag. */
const SUBFORMAT_GUID_TAIL = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

const BASIC_FORMAT_BYTES = 16;
/** The 16 basic bytes, cbSize, then valid bits, channel mask and the 16-byte subformat GUID. */
const EXTENSIBLE_FORMAT_BYTES = 40;

/** Names of the encodings people actually meet, so the refusal says what the file is. */
const KNOWN_COMPRESSED_FORMATS: ReadonlyMap<number, string> = new Map([
  [0x0002, 'Microsoft ADPCM'],
  [0x0006, 'A-law'],
  [0x0007, 'mu-law'],
  [0x0011, 'IMA ADPCM'],
  [0x0031, 'GSM 6.10'],
  [0x0050, 'MPEG audio'],
  [0x0055, 'MP3'],
  [0x0161, 'Windows Media Audio'],
  [0x1610, 'AAC'],
  [0xf1ac, 'FLAC'],
]);

/** Reads and checks the format chunk; anything Lectern cannot decode exactly is refused here, before the data. */
export function parseWavFormat(bytes: Uint8Array, chunk: ChunkSpan): WavFormat {
  if (chunk.size < BASIC_FORMAT_BYTES) throw audioFormatUnsupported('its format chunk is too short');
  const view = viewOf(bytes);
  const at = chunk.offset;
  const declaredTag = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const blockAlign = view.getUint16(at + 12, true);
  const bitsPerSample = view.getUint16(at + 14, true);
  const tag = declaredTag === WAVE_FORMAT_EXTENSIBLE ? subformatTagOf(bytes, chunk, bitsPerSample) : declaredTag;
  const encoding = encodingOf(tag);
  refuseUnlessPlausible(channels, sampleRate);
  refuseUnlessDecodableSampleSize(encoding, bitsPerSample);
  if (blockAlign !== channels * (bitsPerSample / 8)) {
    throw audioFormatUnsupported('its frame size does not match its channel count and sample size');
  }
  return { encoding, bitsPerSample, channels, sampleRate, blockAlign };
}

/** WAVE_FORMAT_EXTENSIBLE moves the real format into a GUID; only PCM and IEEE float GUIDs are accepted. */
function subformatTagOf(bytes: Uint8Array, chunk: ChunkSpan, containerBits: number): number {
  if (chunk.size < EXTENSIBLE_FORMAT_BYTES) throw audioFormatUnsupported('its extensible format chunk is too short');
  const view = viewOf(bytes);
  const validBits = view.getUint16(chunk.offset + 18, true);
  // 0 is what some writers put when every bit is valid; more valid bits than the container holds is nonsense.
  if (validBits > containerBits) throw audioFormatUnsupported('it declares more valid bits than each sample holds');
  const guid = chunk.offset + 24;
  const tailMatches = SUBFORMAT_GUID_TAIL.every((byte, index) => bytes[guid + 2 + index] === byte);
  if (!tailMatches) throw audioFormatUnsupported('its extensible format names an unknown encoding');
  return view.getUint16(guid, true);
}

function encodingOf(tag: number): SampleFormat['encoding'] {
  if (tag === WAVE_FORMAT_PCM) return 'pcm';
  if (tag === WAVE_FORMAT_IEEE_FLOAT) return 'float';
  const known = KNOWN_COMPRESSED_FORMATS.get(tag);
  if (known !== undefined) throw audioFormatUnsupported(`it is compressed as ${known}; export it as PCM WAV`);
  throw audioFormatUnsupported(`it uses an unknown encoding (format tag 0x${tag.toString(16).padStart(4, '0')})`);
}

function refuseUnlessPlausible(channels: number, sampleRate: number): void {
  if (channels === 0) throw audioFormatUnsupported('it declares no channels');
  if (channels > MAX_CHANNELS) throw audioFormatUnsupported(`it declares ${channels} channels`);
  if (sampleRate === 0) throw audioFormatUnsupported('it declares a sample rate of zero');
  if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
    throw audioFormatUnsupported(`its sample rate of ${sampleRate} Hz is outside ${MIN_SAMPLE_RATE}-${MAX_SAMPLE_RATE} Hz`);
  }
}

function refuseUnlessDecodableSampleSize(encoding: SampleFormat['encoding'], bitsPerSample: number): void {
  const accepted = encoding === 'pcm' ? [8, 16, 24, 32] : [32, 64];
  if (!accepted.includes(bitsPerSample)) {
    const kind = encoding === 'pcm' ? 'integer' : 'floating-point';
    throw audioFormatUnsupported(`it stores ${bitsPerSample}-bit ${kind} samples`);
  }
}
