import type { Locale } from '../../contracts/locale.js';
import type { ScriptAdherence } from '../../contracts/transcription.js';
/** The kind of the job that takes a run from its recording to its feedback (transcription, then analysis). */
export const RUN_PIPELINE_JOB = 'run_pipeline';

/** How a run's recording is to be transcribed; all optional: by default the engine Lectern picks for the language. */
export interface RunPipelineOptions {
  engine?: string | undefined;
  language?: Locale | undefined;
  /** The text the speaker typed (engine `manual`) or the script to align with (engine `script_alignment`). */
  scriptText?: string | undefined;
}

/** What a finished pipeline job returns. */
export interface RunPipelineResult {
  runId: string;
  transcriptId: string;
  feedbackId: string;
  /** How the take followed the script, when this job aligned it with one; null otherwise. */
  scriptAdherence: ScriptAdherence | null;
}
