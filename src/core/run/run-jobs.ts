/**
 * The kind of the job that writes a run's trimmed recording (in a worker thread) and puts it in place of the old one
 * (core/trim). It lives with the run so that the pipeline, which trim itself starts, can refuse to run beside it.
 */
export const AUDIO_TRIM_JOB = 'audio_trim';
