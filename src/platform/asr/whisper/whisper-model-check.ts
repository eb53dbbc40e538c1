import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { AppError } from '../../../kernel/errors.js';
import {
  bytesPerElement,
  ENGLISH_ONLY_VOCAB,
  expectedTensors,
  GGML_MAGIC,
  WHISPER_HPARAM_NAMES,
  type WhisperHparams,
} from './ggml-model-layout.js';

export interface WhisperModelFacts {
  hparams: WhisperHparams;
  /** English-only models (vocabulary of 51864) transcribe English only; the others any of whisper's languages. */
  multilingual: boolean;
  bytes: number;
}

/** Upper bounds well above the largest real model, so a garbled header never makes us allocate or loop for long. */
const LIMITS = { vocab: 60_000, ctx: 4_096, state: 4_096, layers: 64, mels: 256, fft: 4_096, tokenBytes: 1_024, dims: 4, nameBytes: 256 };

/**
 * Walks a ggml whisper model from its first byte to its last against the layout whisper.cpp expects, before the file
 * ever reaches native code: whisper.cpp's own loader accepts a file cut off in its header (it then "assumes an empty
 * model for testing") and reads past a short tensor, so a truncated or damaged download must be caught here. Throws
 * `asr_model_corrupt` for anything that is not a complete float16/float32 whisper model.
 */
export function checkWhisperModel(path: string): WhisperModelFacts {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new AppError('asr_model_missing', 'The speech model file is missing; download it again from Settings.');
  }
  try {
    const reader = new SequentialReader(fd);
    if (reader.int32() !== GGML_MAGIC) corrupt('it is not a ggml model');
    const hparams = Object.fromEntries(WHISPER_HPARAM_NAMES.map((name) => [name, reader.int32()])) as WhisperHparams;
    checkHparams(hparams);
    const nMel = reader.int32();
    const nFft = reader.int32();
    if (nMel !== hparams.nMels || nFft <= 0 || nFft > LIMITS.fft) corrupt('its mel filters do not match');
    reader.skip(nMel * nFft * 4);
    const tokens = reader.int32();
    if (tokens <= 0 || tokens > hparams.nVocab) corrupt('its vocabulary is damaged');
    for (let i = 0; i < tokens; i += 1) {
      const length = reader.int32();
      if (length < 0 || length > LIMITS.tokenBytes) corrupt('its vocabulary is damaged');
      reader.skip(length);
    }
    checkTensors(reader, hparams);
    return { hparams, multilingual: hparams.nVocab > ENGLISH_ONLY_VOCAB, bytes: reader.size };
  } finally {
    closeSync(fd);
  }
}

function checkHparams(h: WhisperHparams): void {
  const inRange = (value: number, max: number) => Number.isInteger(value) && value > 0 && value <= max;
  const plausible =
    h.nVocab >= ENGLISH_ONLY_VOCAB &&
    h.nVocab <= LIMITS.vocab &&
    inRange(h.nAudioCtx, LIMITS.ctx) &&
    inRange(h.nTextCtx, LIMITS.ctx) &&
    inRange(h.nAudioState, LIMITS.state) &&
    h.nTextState === h.nAudioState &&
    inRange(h.nAudioHead, h.nAudioState) &&
    inRange(h.nTextHead, h.nTextState) &&
    inRange(h.nAudioLayer, LIMITS.layers) &&
    inRange(h.nTextLayer, LIMITS.layers) &&
    inRange(h.nMels, LIMITS.mels);
  if (!plausible) corrupt('its header is damaged');
  if (h.ftype !== 0 && h.ftype !== 1) corrupt('it is quantized or of an unknown type (Lectern uses the float16 models of its catalogue)');
}

/** Every expected tensor exactly once, with its shape and type, and nothing after the last one. */
function checkTensors(reader: SequentialReader, hparams: WhisperHparams): void {
  const expected = new Map(expectedTensors(hparams).map((tensor) => [tensor.name, tensor]));
  const seen = new Set<string>();
  while (!reader.atEnd()) {
    const dims = reader.int32();
    const nameLength = reader.int32();
    const type = reader.int32();
    if (dims < 1 || dims > LIMITS.dims || nameLength < 1 || nameLength > LIMITS.nameBytes) corrupt('a tensor header is damaged');
    const shape = Array.from({ length: dims }, () => reader.int32());
    const name = reader.text(nameLength);
    const spec = expected.get(name);
    if (!spec || seen.has(name)) corrupt('it holds an unexpected tensor');
    if (spec.shape.join('x') !== shape.join('x') || spec.type !== type) corrupt('a tensor has the wrong shape');
    seen.add(name);
    reader.skip(shape.reduce((a, b) => a * b, 1) * bytesPerElement(type)!);
  }
  if (seen.size !== expected.size) corrupt('it is incomplete');
}

function corrupt(reason: string): never {
  throw new AppError('asr_model_corrupt', `The speech model file is damaged (${reason}); remove it and download it again.`);
}

/** Little-endian reads through a 1 MiB window, so a 500 MB model is checked in constant memory. */
class SequentialReader {
  readonly size: number;
  private position = 0;
  private readonly buffer = Buffer.allocUnsafe(1 << 20);
  private bufferStart = 0;
  private bufferLength = 0;

  constructor(private readonly fd: number) {
    this.size = fstatSync(fd).size;
  }

  atEnd(): boolean {
    return this.position >= this.size;
  }

  int32(): number {
    return this.bytes(4).readInt32LE(0);
  }

  text(length: number): string {
    return this.bytes(length).toString('utf8');
  }

  skip(length: number): void {
    if (this.position + length > this.size) corrupt('it is truncated');
    this.position += length;
  }

  private bytes(length: number): Buffer {
    if (this.position + length > this.size) corrupt('it is truncated');
    const offset = this.position - this.bufferStart;
    if (offset < 0 || offset + length > this.bufferLength) {
      this.bufferStart = this.position;
      this.bufferLength = readSync(this.fd, this.buffer, 0, this.buffer.length, this.position);
    }
    const start = this.position - this.bufferStart;
    this.position += length;
    return this.buffer.subarray(start, start + length);
  }
}
