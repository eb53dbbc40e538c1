/**
 * The stretch of a long signal a streaming step still needs: samples are appended as they arrive and dropped once no
 * later output reads them, so memory follows the step's reach (a filter's length, a frame), not the signal's length.
 * Positions are global sample indexes from the start of the signal.
 */
export class SampleWindow {
  private data = new Float32Array(4096);
  private length = 0;
  /** Global index of the first sample held. */
  start = 0;

  /** Global index one past the last sample received. */
  get end(): number {
    return this.start + this.length;
  }

  /** The samples held, `view()[i]` being global sample `start + i`. */
  view(): Float32Array {
    return this.data.subarray(0, this.length);
  }

  append(samples: Float32Array): void {
    if (this.length + samples.length > this.data.length) {
      const grown = new Float32Array(Math.max(this.data.length * 2, this.length + samples.length));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    this.data.set(samples, this.length);
    this.length += samples.length;
  }

  /** Forgets every sample before the global index (never beyond what was received). */
  dropBefore(index: number): void {
    const count = Math.min(this.length, Math.max(0, index - this.start));
    if (count === 0) return;
    this.data.copyWithin(0, count, this.length);
    this.length -= count;
    this.start += count;
  }
}
