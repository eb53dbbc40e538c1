import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DEFAULT_MODEL_SOURCE, MODEL_CATALOGUE } from '../../src/contracts/model-catalogue.js';
import { stageUpload } from '../../src/core/exchange/index.js';
import { ensurePrivateDir } from '../../src/platform/fs/private-permissions.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { jobRegistryFor } from '../../src/platform/jobs/job-registry.js';
import { invokeErrorCode, invokeOk } from '../support/invoke.js';
import { serveModelFile } from '../support/model-server.js';
import { librivoxClips } from '../support/speech.js';
import { makeTempDir } from '../support/temp-dir.js';
import { writeWhisperModel } from '../support/whisper-model.js';

const TIMEOUT = { timeout: 120_000 };

interface Overview {
  models: Array<{ name: string; installed: boolean; partialBytes: number; downloading: boolean; languages: string[] }>;
  activeModel: { en: string | null; fr: string | null };
  selected: { en: string | null; fr: string | null };
  source: string;
}

interface JobView {
  status: string;
  result: { transcriptId: string; engine: string; model: string | null } | null;
  error: { code: string } | null;
}

function openStore(): DataStore {
  const store = DataStore.open(makeTempDir());
  after(async () => {
    await jobRegistryFor(store).cancelAll();
    store.close();
  });
  return store;
}

/** Puts a generated model where a verified download leaves it (the catalogue's file name in models/). */
function placeModel(store: DataStore, fileName: string, multilingual: boolean): void {
  ensurePrivateDir(store.layout.modelsDir);
  const generated = join(makeTempDir(), fileName);
  writeWhisperModel(generated, { multilingual, seed: 11 });
  copyFileSync(generated, store.layout.modelFile(fileName));
}

async function finished(store: DataStore, jobId: string): Promise<JobView> {
  await jobRegistryFor(store).settled();
  return (await invokeOk<{ job: JobView }>(store, 'job_get', { jobId })).job;
}

describe('model manager', () => {
  test('a fresh data folder has the catalogue, nothing installed, the default source, and no model per language', async () => {
    const store = openStore();
    const overview = await invokeOk<Overview>(store, 'models_list', {});
    assert.deepEqual(overview.models.map((m) => m.name), ['tiny.en', 'tiny', 'base.en', 'base', 'small.en', 'small']);
    assert.ok(overview.models.every((m) => !m.installed && m.partialBytes === 0 && !m.downloading));
    assert.deepEqual(overview.models.find((m) => m.name === 'base')!.languages, ['en', 'fr']);
    assert.deepEqual(overview.models.find((m) => m.name === 'base.en')!.languages, ['en']);
    assert.deepEqual(overview.activeModel, { en: null, fr: null });
    assert.equal(overview.source, DEFAULT_MODEL_SOURCE);
    assert.equal(existsSync(store.layout.modelsDir), false, 'nothing is created or downloaded until asked');
  });

  test('a download from a source whose file is not the published one is refused, removed, and never installed', TIMEOUT, async () => {
    const store = openStore();
    // A generated model padded to the published size: the right length, but not the published bytes.
    const file = join(makeTempDir(), 'ggml-tiny.en.bin');
    writeWhisperModel(file, { seed: 5 });
    truncateSync(file, MODEL_CATALOGUE.find((m) => m.name === 'tiny.en')!.bytes);
    const server = await serveModelFile(file);
    try {
      const { source } = await invokeOk<Overview>(store, 'models_source_set', { source: server.url });
      assert.equal(source, server.url);
      const { jobId } = await invokeOk<{ jobId: string }>(store, 'model_download', { name: 'tiny.en' });
      const job = await finished(store, jobId);
      assert.equal(job.status, 'failed');
      assert.equal(job.error?.code, 'model_checksum_mismatch');
      assert.equal(existsSync(store.layout.modelFile('ggml-tiny.en.bin')), false);
      assert.equal(existsSync(store.layout.modelPartialFile('ggml-tiny.en.bin')), false);
      const overview = await invokeOk<Overview>(store, 'models_list', {});
      assert.deepEqual(overview.models.find((m) => m.name === 'tiny.en'), { ...overview.models.find((m) => m.name === 'tiny.en'), installed: false, partialBytes: 0, downloading: false });
      assert.deepEqual(server.ranges, [null]);
    } finally {
      await server.close();
    }
  });

  test('a source that sends a file of another size is refused before it is written', TIMEOUT, async () => {
    const store = openStore();
    const file = join(makeTempDir(), 'ggml-base.bin');
    writeWhisperModel(file, { seed: 5 });
    const server = await serveModelFile(file);
    try {
      await invokeOk(store, 'models_source_set', { source: server.url });
      const job = await finished(store, (await invokeOk<{ jobId: string }>(store, 'model_download', { name: 'base' })).jobId);
      assert.equal(job.error?.code, 'model_size_mismatch');
      assert.equal(existsSync(store.layout.modelPartialFile('ggml-base.bin')), false);
    } finally {
      await server.close();
    }
  });

  test('the source must be a plain http(s) address; null restores the default', async () => {
    const store = openStore();
    assert.equal(await invokeErrorCode(store, 'models_source_set', { source: 'ftp://mirror.example/models/' }), 'model_source_invalid');
    assert.equal(await invokeErrorCode(store, 'models_source_set', { source: 'https://user:pw@mirror.example/' }), 'model_source_invalid');
    assert.equal((await invokeOk<Overview>(store, 'models_source_set', { source: 'https://mirror.example/whisper' })).source, 'https://mirror.example/whisper/');
    assert.equal((await invokeOk<Overview>(store, 'models_source_set', { source: null })).source, DEFAULT_MODEL_SOURCE);
  });

  test('per language: the largest installed model that speaks it, or the user choice; English-only models never serve French', async () => {
    const store = openStore();
    placeModel(store, 'ggml-tiny.en.bin', false);
    let overview = await invokeOk<Overview>(store, 'models_list', {});
    assert.deepEqual(overview.activeModel, { en: 'tiny.en', fr: null });
    placeModel(store, 'ggml-tiny.bin', true);
    placeModel(store, 'ggml-base.en.bin', false);
    overview = await invokeOk<Overview>(store, 'models_list', {});
    assert.deepEqual(overview.activeModel, { en: 'base.en', fr: 'tiny' });
    assert.equal(await invokeErrorCode(store, 'model_select', { language: 'fr', name: 'tiny.en' }), 'model_language_unsupported');
    assert.equal(await invokeErrorCode(store, 'model_select', { language: 'en', name: 'small' }), 'model_not_installed');
    assert.equal(await invokeErrorCode(store, 'model_select', { language: 'en', name: 'large' }), 'model_unknown');
    overview = await invokeOk<Overview>(store, 'model_select', { language: 'en', name: 'tiny' });
    assert.deepEqual(overview.activeModel, { en: 'tiny', fr: 'tiny' });
    overview = await invokeOk<Overview>(store, 'model_remove', { name: 'tiny' });
    assert.deepEqual(overview.selected, { en: null, fr: null }, 'removing a chosen model clears the choice');
    assert.deepEqual(overview.activeModel, { en: 'base.en', fr: null });
    assert.equal(existsSync(store.layout.modelFile('ggml-tiny.bin')), false);
    assert.equal(await invokeErrorCode(store, 'model_download', { name: 'base.en' }), 'model_already_installed');
  });
});

describe('transcription with whisper.cpp through the same pipeline (generated models)', () => {
  async function runWithClip(store: DataStore) {
    const { profile } = await invokeOk<{ profile: { id: string } }>(store, 'profile_create', { name: 'Ada' });
    const { project } = await invokeOk<{ project: { id: string } }>(store, 'project_create', { profileId: profile.id, project: { title: 'Pitch' } });
    const audio = await invokeOk<{ audioArtifactId: string; durationMs: number }>(store, 'audio_import', {
      profileId: profile.id,
      uploadId: stageUpload(store, readFileSync(librivoxClips()[1]!.wavPath)),
    });
    const { run } = await invokeOk<{ run: { id: string } }>(store, 'run_create', { profileId: profile.id, projectId: project.id });
    await invokeOk(store, 'run_attach_audio', { profileId: profile.id, runId: run.id, audioArtifactId: audio.audioArtifactId });
    return { profileId: profile.id, runId: run.id, ...audio };
  }

  test('a French run with a multilingual model installed is transcribed by whisper.cpp, saved, linked, and says so', TIMEOUT, async () => {
    const store = openStore();
    placeModel(store, 'ggml-tiny.bin', true);
    const { profileId, runId, audioArtifactId, durationMs } = await runWithClip(store);
    const status = await invokeOk<{ engines: Array<{ engine: string; available: boolean; languages: string[] }>; defaultEngine: string }>(store, 'asr_status', {});
    assert.deepEqual(status.engines.find((e) => e.engine === 'whisper_cpp'), { engine: 'whisper_cpp', available: true, languages: ['en', 'fr'], hint: null });
    assert.equal(status.defaultEngine, 'whisper_cpp');
    const { jobId } = await invokeOk<{ jobId: string }>(store, 'transcribe_audio', { profileId, audioArtifactId, language: 'fr' });
    const job = await finished(store, jobId);
    assert.equal(job.status, 'succeeded', JSON.stringify(job.error));
    assert.equal(job.result?.engine, 'whisper_cpp');
    assert.equal(job.result?.model, 'tiny');
    const { transcript, origin } = await invokeOk<{ transcript: { language: string; durationMs: number; segments: Array<{ words?: unknown[] }> }; origin: unknown }>(
      store,
      'transcript_get',
      { profileId, transcriptId: job.result!.transcriptId },
    );
    assert.deepEqual(origin, { source: 'whisper_cpp', model: 'tiny' });
    assert.equal(transcript.language, 'fr');
    assert.equal(transcript.durationMs, durationMs);
    assert.ok(transcript.segments.every((segment) => (segment.words?.length ?? 0) > 0), 'word timings in every segment');
    const { run } = await invokeOk<{ run: { transcriptId: string | null } }>(store, 'run_get', { profileId, runId });
    assert.equal(run.transcriptId, job.result!.transcriptId);
  });

  test('with only an English-only model, an English run uses whisper.cpp and a French run falls back to typing', TIMEOUT, async () => {
    const store = openStore();
    placeModel(store, 'ggml-tiny.en.bin', false);
    const { profileId, audioArtifactId } = await runWithClip(store);
    assert.equal(await invokeErrorCode(store, 'transcribe_audio', { profileId, audioArtifactId, language: 'fr' }), 'transcript_empty');
    const { jobId } = await invokeOk<{ jobId: string }>(store, 'transcribe_audio', { profileId, audioArtifactId, language: 'en' });
    const job = await finished(store, jobId);
    assert.equal(job.result?.engine, 'whisper_cpp');
    assert.equal(job.result?.model, 'tiny.en');
  });

  test('with the script and a model installed, the run goes to whisper.cpp (script in the prompt) and reports adherence', TIMEOUT, async () => {
    const store = openStore();
    placeModel(store, 'ggml-base.en.bin', false);
    await invokeOk(store, 'preference_global_set', { key: 'asr.engine', value: 'manual' });
    const { profileId, audioArtifactId } = await runWithClip(store);
    const script = librivoxClips()[1]!.words.join(' ');
    const { jobId } = await invokeOk<{ jobId: string }>(store, 'transcribe_audio', { profileId, audioArtifactId, language: 'en', scriptText: script });
    const job = (await finished(store, jobId)) as JobView & { result: { adherence: { coverage: number } | null } };
    assert.equal(job.result?.engine, 'whisper_cpp', 'a preferred engine that ignores scripts does not take a run with a script');
    assert.equal(job.result?.model, 'base.en');
    assert.equal(job.result?.adherence?.coverage, 0, 'random weights say none of the script');
  });

  test('a damaged installed model fails the job with asr_model_corrupt and saves nothing', TIMEOUT, async () => {
    const store = openStore();
    placeModel(store, 'ggml-tiny.en.bin', false);
    const path = store.layout.modelFile('ggml-tiny.en.bin');
    const bytes = readFileSync(path);
    bytes.writeInt32LE(7, 4); // n_vocab garbled
    writeFileSync(path, bytes);
    const { profileId, audioArtifactId } = await runWithClip(store);
    const { jobId } = await invokeOk<{ jobId: string }>(store, 'transcribe_audio', { profileId, audioArtifactId, language: 'en' });
    const job = await finished(store, jobId);
    assert.equal(job.status, 'failed');
    assert.equal(job.error?.code, 'asr_model_corrupt');
  });
});

