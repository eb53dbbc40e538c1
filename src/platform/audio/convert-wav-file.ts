import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { AppError } from '../../kernel/errors.js';
import { PRIVATE_FILE_MODE } from '../fs/private-permissions.js';
import { SPEECH_SAMPLE_RATE } from './audio-limits.js';
import { AudioMeter, type AudioMetrics } from './audio-metrics.js';
import { fileSource } from './byte-source.js';
import { viewOf } from './byte-view.js';
import { mixDownToMono } from './mix-down.js';
import { floatToPcm16, pcm16ToFloat } from './pcm16.js';
import { resampledLength, StreamingResampler } from './resample.js';
import { decodeInterleavedFrames } from './sample-decoding.js';
import { readWavHeader } from './wav-reader.js';
import { pcm16Bytes, WAV_PCM16_HEADER_BYTES, wavPcm16Header } from './wav-writer.js';

/** What a converted recording is: its measures, the original's format, and the written file's hash and size. */
export interface ConvertedWav {
  metrics: AudioMetrics;
  original: { sampleRate: number; channels: number; bitsPerSample: number; encoding: 'pcm' | 'float' };
  sha256: string;
  bytes: number;
}

export interface ConvertOptions {
  /** Bytes of the input read at a time (rounded down to whole frames); 1 MiB by default. */
  chunkBytes?: number;
  /** Called after each piece with the share of the work done, 0..1. */
  onProgress?: (done: number) => void;
  /** Asked between pieces; true stops the work with `job_cancelled` (the caller removes the output). */
  shouldStop?: () => boolean;
  /** Only these frames of the input, `[startFrame, endFrame)` (a trim); the whole file by default. */
  range?: FrameRange;
}

/** A part of a recording in frames of its own rate: from `startFrame` included to `endFrame` excluded. */
export interface FrameRange {
  startFrame: number;
  endFrame: number;
}

/** The first pass (decode, convert, write, measure levels) is most of the work; the second (pitch) the rest. */
const FIRST_PASS_SHARE = 0.75;
const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/**
 * Converts a WAV file to the 16 kHz mono PCM16 WAV every later step reads, and measures it, streaming: the input is
 * read in pieces of about 1 MiB, decoded, mixed down, resampled, written and measured as it goes, then the output is
 * read back once for the measures that need the speech segments (pitch, speech level). Memory does not grow with the
 * file's length beyond a few bytes per 10 ms of audio. Same numbers and bytes as readWav -> toMono16k ->
 * measureAudio -> writeWavPcm16 on the whole file. Refuses what readWav refuses, before writing anything. Runs
 * synchronously: call it from a worker thread (audio-import-worker.ts), never on the event loop.
 */
export function convertWavFile(inputPath: string, outputPath: string, options: ConvertOptions = {}): ConvertedWav {
  const input = openSync(inputPath, 'r');
  try {
    const header = readWavHeader(fileSource(input, fstatSync(input).size));
    const { format } = header;
    const { startFrame, endFrame } = frameRangeWithin(header.frames, options.range);
    const frameCount = endFrame - startFrame;
    const outputSamples = resampledLength(frameCount, format.sampleRate, SPEECH_SAMPLE_RATE);
    const output = openSync(outputPath, 'wx+', PRIVATE_FILE_MODE);
    try {
      const hash = createHash('sha256');
      const write = (bytes: Buffer, position: number) => {
        writeSync(output, bytes, 0, bytes.length, position);
        hash.update(bytes);
      };
      write(wavPcm16Header(outputSamples, SPEECH_SAMPLE_RATE), 0);
      const meter = new AudioMeter(outputSamples, SPEECH_SAMPLE_RATE);
      const framesPerPiece = Math.max(1, Math.floor((options.chunkBytes ?? DEFAULT_CHUNK_BYTES) / format.blockAlign));
      const resampler = new StreamingResampler(format.sampleRate, SPEECH_SAMPLE_RATE);
      let written = 0;
      const emit = (converted: Float32Array) => {
        const pcm = floatToPcm16(converted);
        write(pcm16Bytes(pcm), WAV_PCM16_HEADER_BYTES + written * 2);
        written += pcm.length;
        meter.firstPass(pcm16ToFloat(pcm));
      };
      const source = fileSource(input, header.dataOffset + header.frames * format.blockAlign);
      for (let frame = startFrame; frame < endFrame; frame += framesPerPiece) {
        stopIfAsked(options);
        const frames = Math.min(framesPerPiece, endFrame - frame);
        const bytes = source.read(header.dataOffset + frame * format.blockAlign, frames * format.blockAlign);
        emit(resampler.push(mixDownToMono(decodeInterleavedFrames(viewOf(bytes), 0, frames, format), frames)));
        options.onProgress?.(((frame + frames - startFrame) / frameCount) * FIRST_PASS_SHARE);
      }
      emit(resampler.finish());
      if (written !== outputSamples) throw new Error(`the converter wrote ${written} samples instead of ${outputSamples}`);
      measureSpeech(output, outputSamples, meter, options);
      fsyncSync(output);
      return {
        metrics: meter.result(),
        original: { sampleRate: format.sampleRate, channels: format.channels, bitsPerSample: format.bitsPerSample, encoding: format.encoding },
        sha256: hash.digest('hex'),
        bytes: WAV_PCM16_HEADER_BYTES + outputSamples * 2,
      };
    } finally {
      closeSync(output);
    }
  } finally {
    closeSync(input);
  }
}

/** The whole file, or the asked range once checked to lie inside it (a caller's bug otherwise, never user input). */
function frameRangeWithin(frames: number, range: FrameRange | undefined): FrameRange {
  if (!range) return { startFrame: 0, endFrame: frames };
  const { startFrame, endFrame } = range;
  if (!Number.isInteger(startFrame) || !Number.isInteger(endFrame) || startFrame < 0 || endFrame > frames || endFrame <= startFrame) {
    throw new RangeError(`frame range ${startFrame}..${endFrame} is not inside 0..${frames}`);
  }
  return range;
}

/** The second pass: the written 16 kHz samples read back in pieces. */
function measureSpeech(output: number, samples: number, meter: AudioMeter, options: ConvertOptions): void {
  const source = fileSource(output, WAV_PCM16_HEADER_BYTES + samples * 2);
  const perPiece = Math.max(1, Math.floor((options.chunkBytes ?? DEFAULT_CHUNK_BYTES) / 2));
  for (let sample = 0; sample < samples; sample += perPiece) {
    stopIfAsked(options);
    const count = Math.min(perPiece, samples - sample);
    const view = viewOf(source.read(WAV_PCM16_HEADER_BYTES + sample * 2, count * 2));
    const pcm = new Int16Array(count);
    for (let index = 0; index < count; index += 1) pcm[index] = view.getInt16(index * 2, true);
    meter.secondPass(pcm16ToFloat(pcm));
    options.onProgress?.(FIRST_PASS_SHARE + ((sample + count) / samples) * (1 - FIRST_PASS_SHARE));
  }
}

function stopIfAsked(options: ConvertOptions): void {
  if (options.shouldStop?.()) throw new AppError('job_cancelled', 'The import was cancelled; nothing was saved.');
}
