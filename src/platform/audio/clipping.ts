/**
 * Share of samples at or beyond CLIPPED_AT = 0.999 of full scale. A converter or a gain stage that runs out of room
 * flattens the wave there; the threshold sits just below 1 so that 16-bit audio's top code (32767 / 32768) counts
 * while a loud but clean peak at 0.99 does not.
 */
export const CLIPPED_AT = 0.999;

/** Counts clipped samples over pieces of a signal. */
export class ClippingCounter {
  private clipped = 0;
  private total = 0;

  push(samples: Float32Array): void {
    for (let index = 0; index < samples.length; index += 1) if (Math.abs(samples[index] as number) >= CLIPPED_AT) this.clipped += 1;
    this.total += samples.length;
  }

  ratio(): number {
    return this.total === 0 ? 0 : this.clipped / this.total;
  }
}
