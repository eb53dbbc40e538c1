/**
 * The YIN fundamental-frequency estimator (de Cheveigne & Kawahara, 2002) for one frame:
 *
 * 1. difference d(tau) = sum over the window of (x[j] - x[j + tau])^2;
 * 2. cumulative-mean-normalized difference d'(tau) = d(tau) * tau / sum_{k=1..tau} d(k), which removes the bias
 *    towards tau = 0 and makes one threshold work at any level;
 * 3. the first tau in the search range where d' dips below the threshold, followed down to its local minimum (the
 *    first dip, not the deepest, so a period of 2T is not chosen over T);
 * 4. parabolic interpolation of d around that tau for a sub-sample period.
 * No dip below the threshold means the frame is not periodic enough to be voiced: null, not a guess.
 */
export interface YinSettings {
  sampleRate: number;
  minHz: number;
  maxHz: number;
  /** Aperiodicity a voiced frame may have: d' at the chosen period must be below it. */
  threshold: number;
  /** Integration window in samples; the frame read is windowSamples + the longest period. */
  windowSamples: number;
}

export function longestLag(settings: YinSettings): number {
  return Math.ceil(settings.sampleRate / settings.minHz);
}

/** Samples one estimate reads from `start`. */
export function yinFrameSamples(settings: YinSettings): number {
  return settings.windowSamples + longestLag(settings) + 1;
}

/** `difference` is scratch space of at least longestLag + 2 values, reused across frames to spare the allocator. */
export function estimatePitchYin(
  signal: Float32Array,
  start: number,
  settings: YinSettings,
  difference: Float64Array,
): number | null {
  const maxLag = longestLag(settings) + 1; // one beyond, so the parabola around the longest period has a right side
  const minLag = Math.max(2, Math.floor(settings.sampleRate / settings.maxHz));
  fillDifference(signal, start, settings.windowSamples, maxLag, difference);
  const lag = firstDipBelowThreshold(difference, minLag, maxLag - 1, settings.threshold);
  if (lag === null) return null;
  const hz = settings.sampleRate / refinePeriod(difference, lag);
  return hz >= settings.minHz && hz <= settings.maxHz ? hz : null;
}

function fillDifference(signal: Float32Array, start: number, window: number, maxLag: number, difference: Float64Array): void {
  difference[0] = 0;
  for (let lag = 1; lag <= maxLag; lag += 1) {
    let sum = 0;
    for (let j = start; j < start + window; j += 1) {
      const delta = (signal[j] as number) - (signal[j + lag] as number);
      sum += delta * delta;
    }
    difference[lag] = sum;
  }
}

/** Steps 2 and 3 together: the normalized difference is computed on the fly as the running sum grows. */
function firstDipBelowThreshold(difference: Float64Array, minLag: number, maxLag: number, threshold: number): number | null {
  let runningSum = 0;
  let candidate: number | null = null;
  let previousNormalized = Infinity;
  for (let lag = 1; lag <= maxLag; lag += 1) {
    runningSum += difference[lag] as number;
    if (runningSum <= 0) return null; // digital silence has no period
    const normalized = ((difference[lag] as number) * lag) / runningSum;
    if (candidate !== null) {
      if (normalized >= previousNormalized) return candidate;
      candidate = lag;
    } else if (lag >= minLag && normalized < threshold) {
      candidate = lag;
    }
    previousNormalized = normalized;
  }
  return candidate;
}

function refinePeriod(difference: Float64Array, lag: number): number {
  const left = difference[lag - 1] as number;
  const centre = difference[lag] as number;
  const right = difference[lag + 1] as number;
  const curvature = left - 2 * centre + right;
  if (curvature <= 0) return lag;
  const offset = (left - right) / (2 * curvature);
  return lag + Math.max(-1, Math.min(1, offset));
}
