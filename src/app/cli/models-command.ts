import { createCommandRegistry } from '../../commands/index.js';
import { whisperModelFor, catalogueModel } from '../../core/models/index.js';
import { measureAccuracy, type AccuracyReport, type ModelsOverview } from '../../core/models/index.js';
import { AppError } from '../../kernel/errors.js';
import { engineById } from '../../platform/asr/engines.js';
import { librivoxClips, referenceClipsInstalled } from '../../platform/asr/reference-clips.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { jobRegistryFor, type JobView } from '../../platform/jobs/job-registry.js';
import { EXIT } from './exit-codes.js';
import { withOwnedStoreAsync } from './open-store.js';
import { printJson } from './output.js';

const registry = createCommandRegistry();

/** Owns the data folder while an action waits; command failures exit 1. */
function withStore(dataDir: string, json: boolean | undefined, action: (store: DataStore) => Promise<number>): Promise<number> {
  return withOwnedStoreAsync(dataDir, json, EXIT.commandFailed, action);
}

async function invoke<T>(store: DataStore, name: string, payload: unknown): Promise<T> {
  const outcome = await registry.invoke({ store }, name, payload);
  if (!outcome.ok) throw new AppError(outcome.error.code, outcome.error.message);
  return outcome.result as T;
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(0)} MB`;

/** `lectern models list`: the catalogue, what is installed, and the model each language uses. */
export function runModelsList(dataDir: string, options: { json?: boolean }): Promise<number> {
  return withStore(dataDir, options.json, async (store) => {
    const overview = await invoke<ModelsOverview>(store, 'models_list', {});
    if (options.json) printJson(overview);
    else {
      for (const model of overview.models) {
        const state = model.installed ? 'installed' : model.partialBytes > 0 ? `partial (${megabytes(model.partialBytes)}, resumes)` : 'not downloaded';
        const used = (['en', 'fr'] as const).filter((language) => overview.activeModel[language] === model.name).map((l) => `used for ${l}`);
        process.stdout.write(`${model.name.padEnd(9)} ${megabytes(model.bytes).padStart(7)}  ${model.languages.join('+').padEnd(5)}  ${[state, ...used].join(', ')}\n`);
      }
      process.stdout.write(`source: ${overview.source}\n`);
    }
    return EXIT.ok;
  });
}

/** `lectern models get NAME`: downloads and verifies one model, with progress on a terminal; Ctrl-C cancels. */
export function runModelsGet(dataDir: string, name: string): Promise<number> {
  return withStore(dataDir, false, async (store) => {
    const { jobId } = await invoke<{ jobId: string }>(store, 'model_download', { name });
    const jobs = jobRegistryFor(store);
    const onProgress = (job: JobView) => {
      if (job.id === jobId && process.stderr.isTTY) process.stderr.write(`\r${name}: ${job.progress.stage} ${job.progress.percent}%`.padEnd(60));
    };
    const onSigint = () => jobs.cancel(jobId);
    jobs.on('progress', onProgress);
    process.once('SIGINT', onSigint);
    try {
      await jobs.settled();
    } finally {
      jobs.off('progress', onProgress);
      process.off('SIGINT', onSigint);
      if (process.stderr.isTTY) process.stderr.write('\n');
    }
    const job = jobs.get(jobId);
    if (job.status !== 'succeeded') throw new AppError(job.error?.code ?? 'job_cancelled', job.error?.message ?? 'The download did not finish.');
    process.stdout.write(`${name}: downloaded and verified (sha256 ${catalogueModel(name).sha256}).\n`);
    return EXIT.ok;
  });
}

/** `lectern models rm NAME`: deletes a model and any partial download of it. */
export function runModelsRemove(dataDir: string, name: string): Promise<number> {
  return withStore(dataDir, false, async (store) => {
    await invoke<ModelsOverview>(store, 'model_remove', { name });
    process.stdout.write(`${name}: removed.\n`);
    return EXIT.ok;
  });
}

/**
 * `lectern models bench`: word error rate and speed of the whisper model used for English, next to pocketsphinx, on
 * the LibriVox clips of Debian's pocketsphinx-testdata: how a user measures a real model on their own machine.
 */
export function runModelsBench(dataDir: string, options: { json?: boolean }): Promise<number> {
  return withStore(dataDir, options.json, async (store) => {
    if (!referenceClipsInstalled()) {
      throw new AppError('reference_clips_missing', 'The reference clips are not installed: sudo apt-get install pocketsphinx-testdata');
    }
    const clips = librivoxClips();
    const whisper = engineById('whisper_cpp', whisperModelFor(store, 'en'));
    const reports: Array<AccuracyReport & { model: string | null }> = [];
    for (const engine of [whisper, engineById('pocketsphinx')]) {
      if (!engine.availability().available) continue;
      reports.push({ ...(await measureAccuracy(engine, clips)), model: engine.id === 'whisper_cpp' ? (whisperModelFor(store, 'en')?.name ?? null) : null });
    }
    if (reports.length === 0) throw new AppError('asr_unavailable', 'No speech engine is ready: download a model (lectern models get base.en) or install pocketsphinx.');
    if (options.json) printJson({ clips: clips.length, reports });
    else {
      process.stdout.write(`${clips.length} LibriVox clips, ${reports[0]!.referenceWords} reference words\n`);
      for (const report of reports) {
        const label = report.model ? `${report.engine} (${report.model})` : report.engine;
        process.stdout.write(`${label.padEnd(24)} word error rate ${report.wordErrorRate.toFixed(3)}   real-time factor ${report.realTimeFactor.toFixed(3)}\n`);
      }
      if (!whisper.availability().available) process.stdout.write('whisper.cpp: no model for English is installed (lectern models get base.en).\n');
    }
    return EXIT.ok;
  });
}
