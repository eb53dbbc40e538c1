import type { Locale } from '../../contracts/locale.js';
import { existsSync, rmSync, statSync } from 'node:fs';
import { DEFAULT_MODEL_SOURCE, MODEL_CATALOGUE, type CatalogueModel } from '../../contracts/model-catalogue.js';
import { AppError } from '../../kernel/errors.js';
import type { WhisperModelChoice } from '../../platform/asr/whisper-engine.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { jobRegistryFor, type JobView } from '../../platform/jobs/job-registry.js';
import { downloadModel, type ModelDownloadRequest } from '../../platform/models/model-download.js';
import { getGlobalPreference, setGlobalPreference } from '../preferences/index.js';
import { MODEL_SOURCE_KEY, selectedModelKey, type ModelName, type ModelsOverview, type ModelView } from './types.js';

export type * from './types.js';
export { measureAccuracy, type AccuracyReport } from './measure-accuracy.js';

/** Downloads running in this process, by model name: one at a time per model. */
const running = new WeakMap<DataStore, Set<string>>();

function runningFor(store: DataStore): Set<string> {
  let names = running.get(store);
  if (!names) running.set(store, (names = new Set()));
  return names;
}

export function catalogueModel(name: string): CatalogueModel {
  const model = MODEL_CATALOGUE.find((entry) => entry.name === name);
  if (!model) throw new AppError('model_unknown', `Unknown speech model; choose one of ${MODEL_CATALOGUE.map((m) => m.name).join(', ')}.`);
  return model;
}

/**
 * Installed means verified: a download gets the final name only after its size and sha256 matched. Damage after that
 * (a disk error, a hand edit) is caught before each use by the model's integrity check (`asr_model_corrupt`).
 */
function isInstalled(store: DataStore, model: CatalogueModel): boolean {
  return existsSync(store.layout.modelFile(model.fileName));
}

function partialBytes(store: DataStore, model: CatalogueModel): number {
  const path = store.layout.modelPartialFile(model.fileName);
  return existsSync(path) ? statSync(path).size : 0;
}

export function listModels(store: DataStore): ModelsOverview {
  const downloading = runningFor(store);
  const models: ModelView[] = MODEL_CATALOGUE.map((model) => ({
    name: model.name as ModelName,
    bytes: model.bytes,
    sha256: model.sha256,
    languages: [...model.languages],
    installed: isInstalled(store, model),
    partialBytes: partialBytes(store, model),
    downloading: downloading.has(model.name),
  }));
  const selected = { en: selectedName(store, 'en'), fr: selectedName(store, 'fr') };
  return {
    models,
    selected,
    activeModel: { en: activeModelName(store, 'en'), fr: activeModelName(store, 'fr') },
    source: modelSource(store),
  };
}

export function modelSource(store: DataStore): string {
  return getGlobalPreference(store, MODEL_SOURCE_KEY) ?? DEFAULT_MODEL_SOURCE;
}

/** The download source is a setting: an http(s) address of a folder that holds the catalogue's file names. */
export function setModelSource(store: DataStore, source: string | null): string {
  if (source !== null) {
    let url: URL;
    try {
      url = new URL(source);
    } catch {
      throw new AppError('model_source_invalid', 'The model source must be an http or https address.');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('model_source_invalid', 'The model source must be an http or https address.');
    if (url.username || url.password) throw new AppError('model_source_invalid', 'The model source must not carry a user name or password.');
  }
  setGlobalPreference(store, MODEL_SOURCE_KEY, source === null ? null : source.endsWith('/') ? source : `${source}/`);
  return modelSource(store);
}

function selectedName(store: DataStore, language: Locale): ModelName | null {
  const name = getGlobalPreference(store, selectedModelKey(language));
  return MODEL_CATALOGUE.some((model) => model.name === name) ? (name as ModelName) : null;
}

/** The user's choice for the language when it is installed, else the largest installed model that speaks it. */
function activeModelName(store: DataStore, language: Locale): ModelName | null {
  const selected = selectedName(store, language);
  if (selected && isInstalled(store, catalogueModel(selected))) return selected;
  const candidates = MODEL_CATALOGUE.filter((model) => model.languages.includes(language) && isInstalled(store, model));
  return (candidates.sort((a, b) => b.bytes - a.bytes)[0]?.name as ModelName | undefined) ?? null;
}

/** The model a run in this language uses, for the whisper.cpp engine; null when none is installed. */
export function whisperModelFor(store: DataStore, language: Locale): WhisperModelChoice | null {
  const name = activeModelName(store, language);
  if (!name) return null;
  const model = catalogueModel(name);
  return { name, path: store.layout.modelFile(model.fileName), multilingual: model.languages.includes('fr') };
}

/** Chooses the model for a language (null: let Lectern pick the largest installed). */
export function selectModel(store: DataStore, language: Locale, name: string | null): ModelsOverview {
  if (name !== null) {
    const model = catalogueModel(name);
    if (!model.languages.includes(language)) throw new AppError('model_language_unsupported', 'This model is English-only; choose a multilingual model for French.');
    if (!isInstalled(store, model)) throw new AppError('model_not_installed', 'Download this model first.');
  }
  setGlobalPreference(store, selectedModelKey(language), name);
  return listModels(store);
}

/** Deletes a model (and any partial download of it); a choice that named it falls back to the automatic pick. */
export function removeModel(store: DataStore, name: string): ModelsOverview {
  const model = catalogueModel(name);
  if (runningFor(store).has(model.name)) throw new AppError('model_download_running', 'This model is being downloaded; cancel the download first.');
  rmSync(store.layout.modelFile(model.fileName), { force: true });
  rmSync(store.layout.modelPartialFile(model.fileName), { force: true });
  for (const language of ['en', 'fr'] as const) {
    if (selectedName(store, language) === model.name) setGlobalPreference(store, selectedModelKey(language), null);
  }
  return listModels(store);
}

/**
 * Starts downloading a model as a job (progress, cancel through `job_cancel`). Only ever on the user's request: nothing
 * in Lectern downloads on its own. `openWriter` is the test seam for a full disk.
 */
export function startModelDownload(store: DataStore, name: string, options: { openWriter?: ModelDownloadRequest['openWriter'] } = {}): JobView {
  const model = catalogueModel(name);
  const downloading = runningFor(store);
  if (downloading.has(model.name)) throw new AppError('model_download_running', 'This model is already being downloaded.');
  if (isInstalled(store, model)) throw new AppError('model_already_installed', 'This model is already installed.');
  const url = new URL(model.fileName, modelSource(store)).toString();
  downloading.add(model.name);
  return jobRegistryFor(store).start('model_download', async ({ signal, report }) => {
    try {
      await downloadModel({
        url,
        finalPath: store.layout.modelFile(model.fileName),
        partialPath: store.layout.modelPartialFile(model.fileName),
        bytes: model.bytes,
        sha256: model.sha256,
        signal,
        openWriter: options.openWriter,
        onProgress: ({ receivedBytes, totalBytes, stage }) => report({ percent: stage === 'verifying' ? 99 : Math.floor((receivedBytes / totalBytes) * 98), stage }),
      });
      return { model: model.name };
    } finally {
      downloading.delete(model.name);
    }
  });
}
