import type { Locale } from '../../contracts/locale.js';
import { AppError } from '../../kernel/errors.js';
import type { AsrEngine, AsrEngineId, ScriptAdherence } from '../../platform/asr/asr-engine.js';
import type { WhisperModelChoice } from '../../platform/asr/whisper-engine.js';
import { allEngines, engineById } from '../../platform/asr/engines.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { jobRegistryFor, type JobContext, type JobView } from '../../platform/jobs/job-registry.js';
import { requireAudioMetrics } from '../audio/index.js';
import { getGlobalPreference } from '../preferences/index.js';
import * as quest from '../quest/index.js';
import * as run from '../run/index.js';
import { whisperModelFor } from '../models/index.js';
import { storeTranscript } from '../transcript/index.js';
import type { ProfileSession } from '../workspace/index.js';
import { ASR_ENGINE_KEY, type AsrAvailability, type TranscriptionRequest } from './types.js';

export type * from './types.js';

/**
 * Which engines this machine has, and the one used when a request names none (for English; a French run is routed the
 * same way among the engines that speak French). whisper.cpp's languages are those of the installed models.
 */
export function asrStatus(store: DataStore): { engines: AsrAvailability[]; defaultEngine: AsrEngineId } {
  const engines = allEngines().map((engine) => (engine.id === 'whisper_cpp' ? whisperStatus(store) : engine.availability()));
  return { engines, defaultEngine: chooseEngine(store, 'en', false, whisperModelFor(store, 'en')).id };
}

function whisperStatus(store: DataStore): AsrAvailability {
  const english = engineById('whisper_cpp', whisperModelFor(store, 'en')).availability();
  const french = engineById('whisper_cpp', whisperModelFor(store, 'fr')).availability();
  if (!english.available) return english;
  return { ...english, languages: french.available ? ['en', 'fr'] : ['en'] };
}

/**
 * Starts transcribing a recording and returns the job at once; the decoding runs in a child process, so a 10-minute
 * recording never blocks other commands. The result is a transcript artifact, linked (in the same transaction) to the
 * run or quest attempt that owns the recording. A cancelled job saves nothing.
 */
export function startTranscription(session: ProfileSession, request: TranscriptionRequest): JobView {
  return jobRegistryFor(session.store).start('transcription', prepareTranscription(session, request));
}

/** What a transcription returns once its transcript is stored and linked to the run or attempt of its recording. */
export interface TranscriptionOutcome {
  transcriptId: string;
  engine: AsrEngineId;
  model: string | null;
  runId: string | null;
  attemptId: string | null;
  adherence: ScriptAdherence | null;
}

/**
 * Checks a transcription request (recording, engine, language, text) and returns the work to run in a job; throws at
 * once when the request cannot succeed, before any job exists. The run pipeline runs the same work inside its own job.
 */
export function prepareTranscription(session: ProfileSession, request: TranscriptionRequest): (context: JobContext) => Promise<TranscriptionOutcome> {
  const db = session.db;
  const artifacts = session.artifacts;
  artifacts.getOfType(request.audioArtifactId, 'audio');
  const metrics = requireAudioMetrics(artifacts, request.audioArtifactId);
  const language = request.language ?? 'en';
  // The model is chosen once, when the run starts: a change of choice meanwhile applies to the next run.
  const whisperModel = whisperModelFor(session.store, language);
  const engine = request.engine ? engineById(request.engine, whisperModel) : chooseEngine(session.store, language, Boolean(request.scriptText?.trim()), whisperModel);
  const availability = engine.availability();
  if (!availability.available) throw new AppError('asr_unavailable', `The ${engine.id} engine is not available. ${availability.hint ?? ''}`.trim());
  if (!availability.languages.includes(language)) {
    throw new AppError('asr_language_unsupported', 'This engine does not recognize that language; type or paste the transcript instead.');
  }
  if ((engine.id === 'manual' || engine.id === 'script_alignment') && !request.scriptText?.trim()) {
    throw new AppError('transcript_empty', 'This engine needs the text you said (your script, or a typed transcript).');
  }
  const wavPath = artifacts.fileOf(request.audioArtifactId);
  return async ({ signal, report, beginCommit }) => {
    report({ percent: 1, stage: 'preparing' });
    const result = await engine.transcribe({
      wavPath,
      language,
      durationMs: metrics.durationMs,
      scriptText: request.scriptText,
      speechSegments: metrics.speechSegments,
      workDir: session.store.layout.stagingDir,
      signal,
      onProgress: (progress) => report(progress),
    });
    if (signal.aborted) throw new AppError('job_cancelled', 'The transcription was cancelled; nothing was saved.');
    if (result.transcript.segments.length === 0) throw new AppError('transcript_empty', 'No words were recognized in this recording.');
    beginCommit();
    report({ percent: 97, stage: 'saving' });
    const owner = { run: run.findRunIdByAudio(db, request.audioArtifactId), attempt: quest.findAttemptByAudio(db, request.audioArtifactId)?.id ?? null };
    const model = engine.id === 'whisper_cpp' ? (whisperModel?.name ?? null) : null;
    const saved = storeTranscript(artifacts, result.transcript, { source: engine.id, model, audioArtifactId: request.audioArtifactId }, (transcriptId) => {
      // The recording may have been deleted (with its run) while it was decoded: then nothing is kept.
      if (!artifacts.find(request.audioArtifactId)) throw new AppError('artifact_not_found', 'The recording was deleted during its transcription; nothing was saved.');
      if (owner.run) run.setRunTranscript(db, owner.run, transcriptId);
      if (owner.attempt) quest.setAttemptTranscript(db, owner.attempt, transcriptId);
    });
    return { transcriptId: saved.transcriptId, engine: engine.id, model, runId: owner.run, attemptId: owner.attempt, adherence: result.adherence };
  };
}

export function getJob(store: DataStore, jobId: string): JobView {
  return jobRegistryFor(store).get(jobId);
}

export function cancelJob(store: DataStore, jobId: string): JobView {
  return jobRegistryFor(store).cancel(jobId);
}

/**
 * The engine of a run that names none, from the run's language and what is installed: the preferred engine when it
 * speaks the language; else whisper.cpp when a model for the language is installed (it also takes the script as its
 * prompt); else, in English, pocketsphinx (aligned to the script when there is one); else typing.
 */
function chooseEngine(store: DataStore, language: Locale, withScript: boolean, whisperModel: WhisperModelChoice | null): AsrEngine {
  const whisper = engineById('whisper_cpp', whisperModel);
  const speaks = (engine: AsrEngine) => {
    const availability = engine.availability();
    return availability.available && availability.languages.includes(language);
  };
  // With a script, only engines that use it as a script (whisper's prompt and adherence, alignment) may be preferred.
  const usesScript = (engine: AsrEngine) => engine.id === 'whisper_cpp' || engine.id === 'script_alignment';
  const preferred = preferredEngine(store, whisper);
  if (preferred && speaks(preferred) && (!withScript || usesScript(preferred))) return preferred;
  if (speaks(whisper)) return whisper;
  const pocketsphinx = engineById(withScript ? 'script_alignment' : 'pocketsphinx');
  return speaks(pocketsphinx) ? pocketsphinx : engineById('manual');
}

function preferredEngine(store: DataStore, whisper: AsrEngine): AsrEngine | null {
  const preferred = getGlobalPreference(store, ASR_ENGINE_KEY);
  if (!preferred) return null;
  if (preferred === 'whisper_cpp') return whisper;
  try {
    return engineById(preferred);
  } catch {
    return null; // an unknown name in the preference falls back like an absent one
  }
}
