/** Recordings, engines and jobs. */
export type AsrEngineId = 'pocketsphinx' | 'script_alignment' | 'manual' | 'whisper_cpp';

export interface AsrEngineStatus {
  engine: AsrEngineId;
  available: boolean;
  languages: ('en' | 'fr')[];
  hint: string | null;
}

export interface AsrStatus {
  engines: AsrEngineStatus[];
  defaultEngine: string;
}

export interface AudioImportResult {
  audioArtifactId: string;
  durationMs: number;
  speakingTimeMs: number;
  pauses: number;
  longPauses: number;
  monotone: boolean | null;
  tooQuiet: boolean;
  clippingRatio: number;
  waveformPeaks: number[];
}

export type JobStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  progress: { percent: number; stage: string };
  result: unknown;
  error: { code: string; message: string } | null;
  createdAt: string;
  finishedAt: string | null;
}

/** What a transcription job returns when it succeeds. */
export interface TranscriptionJobResult {
  transcriptId: string;
  engine: string;
  runId: string | null;
  attemptId: string | null;
}
