import { expect, test } from '@playwright/test';
import { mkdirSync, mkdtempSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MODEL_CATALOGUE } from '../src/contracts/model-catalogue.js';
import { claimDataDir } from '../src/platform/db/data-dir-claim.js';
import { DataLayout } from '../src/platform/db/layout.js';
import { serveModelFile, type ModelServer } from '../test/support/model-server.js';
import { writeWhisperModel } from '../test/support/whisper-model.js';
import { SCREENSHOTS_DIR } from './support/paths.js';
import { startApp, type RunningApp } from './support/lectern-app.js';

let app: RunningApp;
let server: ModelServer;

test.beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lectern-e2e-models-'));
  const layout = new DataLayout(dataDir);
  // The folder is claimed first, as Lectern's first start does: a folder that already holds files is refused.
  claimDataDir(layout);
  mkdirSync(layout.modelsDir, { recursive: true, mode: 0o700 });
  // An installed multilingual model (generated, in whisper.cpp's format), as a verified download leaves it.
  writeWhisperModel(layout.modelFile('ggml-tiny.bin'), { multilingual: true });
  // A source whose tiny.en has the published size but not the published bytes.
  const fake = join(mkdtempSync(join(tmpdir(), 'lectern-e2e-source-')), 'ggml-tiny.en.bin');
  writeWhisperModel(fake, {});
  truncateSync(fake, MODEL_CATALOGUE.find((model) => model.name === 'tiny.en')!.bytes);
  server = await serveModelFile(fake);
  app = await startApp(dataDir);
});

test.afterAll(async () => {
  await app.stop();
  await server.close();
});

test('Settings lists the models, says which one each language uses, and refuses a download that is not the published file', async ({ page }) => {
  await page.goto(app.launchUrl);
  await page.goto(`${app.origin}/settings`);
  const section = page.getByTestId('models-setting');
  await expect(section.getByTestId('models-summary')).toHaveText('1 model installed.');
  await expect(section.getByTestId('model-tiny')).toContainText('Installed');
  await expect(section.getByTestId('model-base.en')).toContainText('Not downloaded');
  await expect(section.getByTestId('model-for-fr').locator('option').first()).toHaveText('Automatic (now tiny)');
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'settings-models.png'), fullPage: true });

  await section.getByTestId('model-source').fill(server.url);
  await section.getByTestId('model-source-save').click();
  await expect(page.getByText('Setting saved.')).toBeVisible();
  await section.getByTestId('model-get-tiny.en').click();
  await expect(page.getByText('The downloaded file is not the published model; it was deleted and will not be used. Check the download source.')).toBeVisible({ timeout: 60_000 });
  await expect(section.getByTestId('model-tiny.en')).toContainText('Not downloaded');

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'settings-models-dark.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'settings-models-390.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByTestId('setting-language').selectOption('fr');
  await page.getByTestId('setting-language-save').click();
  await expect(section.getByTestId('models-summary')).toHaveText('1 modèle installé.');
  await expect(section.getByTestId('model-tiny')).toContainText('Installé');
  await page.screenshot({ path: join(SCREENSHOTS_DIR, 'settings-models-fr.png'), fullPage: true });
});
