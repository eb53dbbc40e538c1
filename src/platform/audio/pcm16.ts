/**
 * Converts -1..1 floats to PCM16 with the same scale the reader uses (x 32768), rounding to the nearest code and
 * clipping at the int16 limits: a resampler's overshoot near full scale must saturate, not wrap around.
 */
export function floatToPcm16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let index = 0; index < samples.length; index += 1) {
    const code = Math.round((samples[index] ?? 0) * 32768);
    out[index] = code > 32767 ? 32767 : code < -32768 ? -32768 : code;
  }
  return out;
}

export function pcm16ToFloat(samples: Int16Array): Float32Array {
  const out = new Float32Array(samples.length);
  for (let index = 0; index < samples.length; index += 1) out[index] = (samples[index] ?? 0) / 32768;
  return out;
}
