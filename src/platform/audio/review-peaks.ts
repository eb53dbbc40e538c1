import { closeSync, createReadStream, fstatSync, openSync } from 'node:fs';
import { audioFormatUnsupported } from './audio-errors.js';
import { fileSource } from './byte-source.js';
import { WaveformPeakMeter } from './waveform-peaks.js';
import { readWavHeader } from './wav-reader.js';

/**
 * The review page's waveform: REVIEW_PEAK_BINS spans of the recording, each its largest magnitude (0..1 of full
 * scale). A thousand bars is finer than any screen draws a take (a pixel or two each at 1,000-2,000 px), and about
 * 6 KiB of JSON, instead of the whole WAV the browser would otherwise download and decode a second time.
 */
export const REVIEW_PEAK_BINS = 1000;

/**
 * Reads a stored recording (Lectern keeps them as 16-bit PCM WAV) from disk in pieces, so the event loop serves other
 * requests between them and memory does not grow with the recording.
 */
export async function measureReviewPeaks(path: string, bins = REVIEW_PEAK_BINS): Promise<number[]> {
  const fd = openSync(path, 'r');
  let header;
  try {
    header = readWavHeader(fileSource(fd, fstatSync(fd).size));
  } finally {
    closeSync(fd);
  }
  const { format, dataOffset, frames } = header;
  if (format.encoding !== 'pcm' || format.bitsPerSample !== 16) throw audioFormatUnsupported('a stored recording must be 16-bit PCM');
  const meter = new WaveformPeakMeter(frames, bins);
  const channels = format.channels;
  let carry = Buffer.alloc(0);
  const stream = createReadStream(path, { start: dataOffset, end: dataOffset + frames * format.blockAlign - 1, highWaterMark: 256 * 1024 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const whole = bytes.length - (bytes.length % format.blockAlign);
    meter.push(firstChannel(bytes.subarray(0, whole), channels));
    carry = Buffer.from(bytes.subarray(whole));
  }
  return meter.result();
}

/** The first channel's samples as -1..1 (a stored recording is mono; a wider file is drawn from its first channel). */
function firstChannel(bytes: Buffer, channels: number): Float32Array {
  const frames = bytes.length / (2 * channels);
  const samples = new Float32Array(frames);
  for (let frame = 0; frame < frames; frame += 1) samples[frame] = bytes.readInt16LE(frame * 2 * channels) / 32768;
  return samples;
}
