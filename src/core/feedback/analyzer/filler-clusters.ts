import type { TimeSpan } from './time-span.js';

export const FILLER_CLUSTER_MIN = 3;
export const FILLER_CLUSTER_WINDOW_MS = 10_000;

/** A timed filler: its label and when it was said (word times, or its segment's span when words have no times). */
export interface TimedFiller extends TimeSpan {
  label: string;
}

export interface FillerCluster extends TimeSpan {
  labels: string[];
}

/**
 * Places where fillers pile up: 3 or more fillers that all fit inside 10 s (from the first one's start to the last
 * one's end). Using ends, not only starts, keeps segment-timed fillers honest: 3 fillers in a 30 s segment are not
 * known to be within 10 s of each other, so they make no cluster. Overlapping groups merge into one cluster.
 */
export function findFillerClusters(fillers: readonly TimedFiller[]): FillerCluster[] {
  const sorted = [...fillers].sort((a, b) => a.tStartMs - b.tStartMs || a.tEndMs - b.tEndMs);
  const clusters: { first: number; last: number }[] = [];
  for (let first = 0; first < sorted.length; first += 1) {
    const last = lastFillerWithinWindow(sorted, first);
    if (last - first + 1 < FILLER_CLUSTER_MIN) continue;
    const previous = clusters[clusters.length - 1];
    if (previous && first <= previous.last) previous.last = Math.max(previous.last, last);
    else clusters.push({ first, last });
  }
  return clusters.map(({ first, last }) => {
    const members = sorted.slice(first, last + 1);
    return {
      tStartMs: members[0]!.tStartMs,
      tEndMs: Math.max(...members.map((filler) => filler.tEndMs)),
      labels: members.map((filler) => filler.label),
    };
  });
}

/** The last filler, in time order, such that all fillers from `first` to it fit in the 10 s window. */
function lastFillerWithinWindow(sorted: readonly TimedFiller[], first: number): number {
  const windowEnd = sorted[first]!.tStartMs + FILLER_CLUSTER_WINDOW_MS;
  if (sorted[first]!.tEndMs > windowEnd) return first;
  let last = first;
  while (last + 1 < sorted.length && sorted[last + 1]!.tEndMs <= windowEnd) last += 1;
  return last;
}
