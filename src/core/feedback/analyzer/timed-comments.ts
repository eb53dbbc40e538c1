import {
  FAST_PASSAGE_SUGGESTION,
  FILLER_CLUSTER_SUGGESTION,
  fastPassageLabel,
  fillerClusterLabel,
  longPauseLabel,
  longPauseSuggestion,
  MONOTONE_STRETCH_SUGGESTION,
  monotoneStretchLabel,
} from './comment-copy.js';
import type { FastPassage } from './fast-passages.js';
import type { Severity, TimedComment } from '../../../contracts/feedback-v1.js';
import type { FillerCluster } from './filler-clusters.js';
import type { TimeSpan } from './time-span.js';

export const COMMENTS_MAX = 7;

/** Severity thresholds, one place to tune them. */
export const CRITICAL_FILLER_CLUSTER = 6;
export const WARNING_PAUSE_MS = 5_000;
export const CRITICAL_PAUSE_MS = 10_000;
export const CRITICAL_FAST_WPM = 220;

export interface CommentSources {
  fillerClusters: readonly FillerCluster[];
  longPauses: readonly TimeSpan[];
  fastPassages: readonly FastPassage[];
  /** Flat stretches of the voice, from the recording's pitch track (none without a recording). */
  monotoneStretches?: readonly TimeSpan[];
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/**
 * Comments anchored on moments of the recording: filler clusters, long pauses, fast passages. At most 7 (more is a
 * list nobody reads): when there are more, the most severe are kept, earliest first among equals. The result is in
 * time order; simultaneous comments keep the order clusters, pauses, passages.
 */
export function timedComments(sources: CommentSources): TimedComment[] {
  const candidates = [
    ...sources.fillerClusters.map(commentOnFillerCluster),
    ...sources.longPauses.map(commentOnLongPause),
    ...sources.fastPassages.map(commentOnFastPassage),
    ...(sources.monotoneStretches ?? []).map(commentOnMonotoneStretch),
  ].map((comment, order) => ({ comment, order }));
  const kept = [...candidates]
    .sort((a, b) => SEVERITY_RANK[a.comment.severity] - SEVERITY_RANK[b.comment.severity] || byTime(a, b))
    .slice(0, COMMENTS_MAX);
  return kept.sort(byTime).map(({ comment }) => comment);
}

function byTime(a: { comment: TimedComment; order: number }, b: { comment: TimedComment; order: number }): number {
  return a.comment.tStartMs - b.comment.tStartMs || a.comment.tEndMs - b.comment.tEndMs || a.order - b.order;
}

function commentOnFillerCluster(cluster: FillerCluster): TimedComment {
  return {
    tStartMs: cluster.tStartMs,
    tEndMs: cluster.tEndMs,
    severity: cluster.labels.length >= CRITICAL_FILLER_CLUSTER ? 'critical' : 'warning',
    label: fillerClusterLabel(cluster.labels, cluster.tEndMs - cluster.tStartMs),
    suggestion: { ...FILLER_CLUSTER_SUGGESTION },
  };
}

function commentOnLongPause(pause: TimeSpan): TimedComment {
  const length = pause.tEndMs - pause.tStartMs;
  const severity: Severity = length >= CRITICAL_PAUSE_MS ? 'critical' : length >= WARNING_PAUSE_MS ? 'warning' : 'info';
  return { tStartMs: pause.tStartMs, tEndMs: pause.tEndMs, severity, label: longPauseLabel(length), suggestion: longPauseSuggestion(severity) };
}

function commentOnMonotoneStretch(stretch: TimeSpan): TimedComment {
  return {
    tStartMs: stretch.tStartMs,
    tEndMs: stretch.tEndMs,
    severity: 'warning',
    label: monotoneStretchLabel(stretch.tEndMs - stretch.tStartMs),
    suggestion: { ...MONOTONE_STRETCH_SUGGESTION },
  };
}

function commentOnFastPassage(passage: FastPassage): TimedComment {
  return {
    tStartMs: passage.tStartMs,
    tEndMs: passage.tEndMs,
    severity: passage.peakWpm > CRITICAL_FAST_WPM ? 'critical' : 'warning',
    label: fastPassageLabel(passage.peakWpm),
    suggestion: { ...FAST_PASSAGE_SUGGESTION },
  };
}
