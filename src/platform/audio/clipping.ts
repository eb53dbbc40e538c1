/**
 * Share of samples at or beyond CLIPPED_AT = 0.999 of full scale. A converter or a gain stage that runs out of room
 * flattens the wave there; the threshold sits just below 1 so that 16-bit audio's top code (32767 / 32768) counts
 * while a loud but clean peak at 0.99 does not.
 */
export const CLIPPED_AT = 0.999;

export function clippingRatio(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let clipped = 0;
  for (let index = 0; index < samples.length; index += 1) if (Math.abs(samples[index] as number) >= CLIPPED_AT) clipped += 1;
  return clipped / samples.length;
}
