import type { DecodedAudio } from './decoded-audio.js';

/**
 * Averages all channels into one. Averaging (not summing) keeps the result in -1..1; a stereo file whose channels
 * are out of phase cancels, which is what a mono listener would hear too. A mono file's one channel is returned as
 * is (not copied): callers only read it.
 */
export function mixDownToMono(audio: DecodedAudio): Float32Array {
  const first = audio.samples[0];
  if (audio.samples.length === 1 && first !== undefined) return first;
  const mono = new Float32Array(audio.frames);
  for (const channel of audio.samples) {
    for (let frame = 0; frame < audio.frames; frame += 1) mono[frame] = (mono[frame] ?? 0) + (channel[frame] ?? 0);
  }
  const scale = 1 / audio.samples.length;
  for (let frame = 0; frame < audio.frames; frame += 1) mono[frame] = (mono[frame] ?? 0) * scale;
  return mono;
}
