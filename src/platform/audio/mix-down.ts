/**
 * Averages all channels into one. Averaging (not summing) keeps the result in -1..1; a stereo file whose channels
 * are out of phase cancels, which is what a mono listener would hear too. A mono signal's one channel is returned as
 * is (not copied): callers only read it.
 */
export function mixDownToMono(channels: readonly Float32Array[], frames: number): Float32Array {
  const first = channels[0];
  if (channels.length === 1 && first !== undefined) return first;
  const mono = new Float32Array(frames);
  for (const channel of channels) {
    for (let frame = 0; frame < frames; frame += 1) mono[frame] = (mono[frame] ?? 0) + (channel[frame] ?? 0);
  }
  const scale = 1 / channels.length;
  for (let frame = 0; frame < frames; frame += 1) mono[frame] = (mono[frame] ?? 0) * scale;
  return mono;
}
