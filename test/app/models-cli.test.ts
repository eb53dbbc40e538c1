import assert from 'node:assert/strict';
import { copyFileSync, existsSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { MODEL_CATALOGUE } from '../../src/contracts/model-catalogue.js';
import { claimDataDir } from '../../src/platform/db/data-dir-claim.js';
import { DataLayout } from '../../src/platform/db/layout.js';
import { ensurePrivateDir } from '../../src/platform/fs/private-permissions.js';
import { runCli, runCliAsync } from '../support/cli.js';
import { serveModelFile } from '../support/model-server.js';
import { makeTempDir } from '../support/temp-dir.js';
import { writeWhisperModel } from '../support/whisper-model.js';

const TIMEOUT = { timeout: 180_000 };

describe('lectern models', () => {
  test('list on a new data folder: the catalogue, nothing installed, the default source', TIMEOUT, () => {
    const dataDir = makeTempDir();
    const result = runCli(['--data-dir', dataDir, 'models', 'list']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^base\.en +148 MB +en +not downloaded$/m);
    assert.match(result.stdout, /^small +488 MB +en\+fr +not downloaded$/m);
    assert.match(result.stdout, /^source: https:\/\/huggingface\.co\/ggerganov\/whisper\.cpp\/resolve\/main\/$/m);
  });

  test('get refuses a file that is not the published one (exit 1, code shown) and keeps nothing', TIMEOUT, async () => {
    const dataDir = makeTempDir();
    const file = join(makeTempDir(), 'ggml-tiny.bin');
    writeWhisperModel(file, { multilingual: true });
    truncateSync(file, MODEL_CATALOGUE.find((model) => model.name === 'tiny')!.bytes);
    const server = await serveModelFile(file);
    try {
      const set = await runCliAsync(['--data-dir', dataDir, 'invoke', 'models_source_set', JSON.stringify({ source: server.url })]);
      assert.equal(set.status, 0, set.stderr);
      const result = await runCliAsync(['--data-dir', dataDir, 'models', 'get', 'tiny']);
      assert.equal(result.status, 1);
      assert.match(result.stderr, /^Problem \(model_checksum_mismatch\): /m);
      const layout = new DataLayout(dataDir);
      assert.equal(existsSync(layout.modelFile('ggml-tiny.bin')), false);
      assert.equal(existsSync(layout.modelPartialFile('ggml-tiny.bin')), false);
    } finally {
      await server.close();
    }
  });

  test('an unknown name is refused; rm deletes an installed model', TIMEOUT, () => {
    const dataDir = makeTempDir();
    const unknown = runCli(['--data-dir', dataDir, 'models', 'get', 'large-v3']);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /^Problem \(model_unknown\): /m);
    const layout = new DataLayout(dataDir);
    ensurePrivateDir(layout.root);
    ensurePrivateDir(layout.modelsDir);
    writeWhisperModel(layout.modelFile('ggml-base.bin'), { multilingual: true });
    assert.match(runCli(['--data-dir', dataDir, 'models', 'list']).stdout, /^base +148 MB +en\+fr +installed, used for en, used for fr$/m);
    const removed = runCli(['--data-dir', dataDir, 'models', 'rm', 'base']);
    assert.equal(removed.status, 0, removed.stderr);
    assert.equal(existsSync(layout.modelFile('ggml-base.bin')), false);
  });

  test('bench prints the word error rate of the English model and of pocketsphinx on the LibriVox clips', TIMEOUT, async () => {
    const dataDir = makeTempDir();
    const layout = new DataLayout(dataDir);
    claimDataDir(layout); // as a first start does: a folder that already holds files is refused (data_dir_not_lectern)
    ensurePrivateDir(layout.modelsDir);
    const generated = join(makeTempDir(), 'model.bin');
    writeWhisperModel(generated, { seed: 2 });
    copyFileSync(generated, layout.modelFile('ggml-tiny.en.bin'));
    const result = await runCliAsync(['--data-dir', dataDir, 'models', 'bench', '--json']);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { clips: number; reports: Array<{ engine: string; model: string | null; referenceWords: number; wordErrorRate: number }> };
    assert.equal(report.clips, 5);
    assert.deepEqual(report.reports.map((r) => [r.engine, r.model]), [['whisper_cpp', 'tiny.en'], ['pocketsphinx', null]]);
    // Random weights recognize nothing of the reference: close to every word wrong (deletions and substitutions).
    assert.ok(report.reports[0]!.wordErrorRate >= 0.9, `whisper on random weights: ${report.reports[0]!.wordErrorRate}`);
    assert.ok(report.reports[1]!.wordErrorRate < 0.5, `pocketsphinx: ${report.reports[1]!.wordErrorRate}`);
    assert.equal(report.reports[0]!.referenceWords, report.reports[1]!.referenceWords);
  });
});
