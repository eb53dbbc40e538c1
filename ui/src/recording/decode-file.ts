import { downsampleTo16k, TARGET_RATE } from './downsample';
import type { Recording } from './use-recorder';
import { encodeWavPcm16 } from './wav';

/** Averages the channels of decoded audio into one. */
function mixToMono(buffer: AudioBuffer): Float32Array {
  const mono = new Float32Array(buffer.length);
  for (let channel = 0; channel < buffer.numberOfChannels; channel += 1) {
    const data = buffer.getChannelData(channel);
    for (let i = 0; i < data.length; i += 1) mono[i] = (mono[i] ?? 0) + (data[i] ?? 0) / buffer.numberOfChannels;
  }
  return mono;
}

/**
 * An existing recording in any format the browser decodes (MP3, M4A, OGG, WebM, WAV…), as the 16 kHz mono PCM16 WAV
 * that the upload route takes: the browser decodes it with Web Audio, so the server never needs a codec. Rejects
 * with a DOMException (EncodingError) for a file that is not audio.
 */
export async function decodeAudioFile(file: Blob): Promise<Recording> {
  const context = new AudioContext();
  try {
    const decoded = await context.decodeAudioData(await file.arrayBuffer());
    const samples = downsampleTo16k(mixToMono(decoded), decoded.sampleRate);
    return { wav: encodeWavPcm16(samples, TARGET_RATE), durationMs: Math.round((samples.length / TARGET_RATE) * 1000) };
  } finally {
    void context.close();
  }
}
