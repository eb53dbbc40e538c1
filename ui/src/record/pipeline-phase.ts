import type { Job } from '../api/types/transcription';

/** The run pipeline job's stage as the speaker sees it: everything before the analysis is transcribing. */
export function pipelinePhase(job: Job): 'transcribing' | 'analysing' {
  return job.progress.stage === 'analysing' ? 'analysing' : 'transcribing';
}

/**
 * The feedback a finished run pipeline job produced, and whether the take departed from the script it was aligned
 * with (Lectern then fell back to free recognition); null for a job that did not succeed.
 */
export function pipelineResult(job: Job): { runId: string; feedbackId: string; fellBack: boolean } | null {
  if (job.status !== 'succeeded' || typeof job.result !== 'object' || job.result === null) return null;
  const { runId, feedbackId, scriptAdherence } = job.result as Record<string, unknown>;
  const fellBack = typeof scriptAdherence === 'object' && scriptAdherence !== null && (scriptAdherence as { fellBack?: unknown }).fellBack === true;
  return typeof runId === 'string' && typeof feedbackId === 'string' ? { runId, feedbackId, fellBack } : null;
}
