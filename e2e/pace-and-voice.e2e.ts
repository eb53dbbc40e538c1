import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { invokeAs } from './support/invoke.js';
import { startApp, type RunningApp } from './support/lectern-app.js';
import { createProfileThroughPage } from './support/profile-through-page.js';
import { OUTPUT_DIR } from './support/paths.js';
import { screenshotVariants, useLanguage } from './support/screenshots.js';

/**
 * Issue 13, items 11 and 14: the review page says which pace the band judges and why in one sentence, and gives the
 * voice metrics a verdict with their band, in English and French. The take: 33 s of LibriVox speech with a transcript
 * of 72 words said from 1.0 s to 32.52 s, in 8 phrases with a 1.2 s breath between them (the take that analyzer v3
 * called "too fast").
 */
const LIBRIVOX = '/usr/share/pocketsphinx/test/data/librivox';
const VOCABULARY = ['we', 'ship', 'small', 'changes', 'every', 'day', 'and', 'customers', 'notice'];

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp();
});

test.afterAll(async () => {
  await app.stop();
});

/** The five clips twice over, cut at 33 s: speech from end to end, as the transcript says. */
function thirtyThreeSecondTake(): Buffer {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const clips = readFileSync(join(LIBRIVOX, 'fileids'), 'utf8').trim().split('\n').map((id) => join(LIBRIVOX, `${id.trim()}.wav`));
  const path = join(OUTPUT_DIR, 'pace-take.wav');
  execFileSync('sox', [...clips, ...clips, path, 'trim', '0', '33']);
  return readFileSync(path);
}

function seventyTwoTimedWords(): Array<{ text: string; tStartMs: number; tEndMs: number }> {
  let at = 1000;
  return Array.from({ length: 72 }, (_, i) => {
    const word = { text: VOCABULARY[i % 9]!, tStartMs: at, tEndMs: at + 250 };
    at = word.tEndMs + (i % 9 === 8 ? 1200 : 80);
    return word;
  });
}

async function analyzedTake(page: Page): Promise<string> {
  await page.goto(app.launchUrl);
  const profileId = await createProfileThroughPage(page, app, 'Ada');
  const { project } = await invokeAs(page, app, 'project_create', { profileId, project: { title: 'Weekly update' } });
  const upload = await page.request.post(`${app.origin}/api/upload/audio?profileId=${profileId}`, {
    headers: { Origin: app.origin, 'Content-Type': 'audio/wav' },
    data: thirtyThreeSecondTake(),
  });
  const { audioArtifactId } = ((await upload.json()) as { result: { audioArtifactId: string } }).result;
  const { run } = await invokeAs(page, app, 'run_create', { profileId, projectId: project.id });
  await invokeAs(page, app, 'run_attach_audio', { profileId, runId: run.id, audioArtifactId });
  const words = seventyTwoTimedWords();
  const document = {
    schemaVersion: 1,
    language: 'en',
    durationMs: 33_000,
    segments: [{ tStartMs: words[0]!.tStartMs, tEndMs: words[71]!.tEndMs, text: words.map((w) => w.text).join(' '), words }],
  };
  const { transcriptId } = await invokeAs(page, app, 'transcript_save', { profileId, document });
  await invokeAs(page, app, 'run_set_transcript', { profileId, runId: run.id, transcriptId });
  const { feedbackId } = await invokeAs(page, app, 'run_analyze', { profileId, runId: run.id });
  return feedbackId;
}

test('a 72-word, 33-second take: the judged pace is labelled and explained, the voice has verdicts with their bands (EN, FR)', async ({ page }) => {
  test.setTimeout(120_000);
  const feedbackId = await analyzedTake(page);
  await page.goto(`${app.origin}/feedback/${feedbackId}`);

  await expect(page.getByTestId('feedback-wpm-judged')).toHaveText('137 words per minute');
  await expect(page.getByTestId('feedback-wpm-band')).toHaveText('ideal (130–160)');
  await expect(page.getByTestId('feedback-wpm-basis')).toHaveText('from your first word to your last, pauses under 2 s included');
  await expect(page.getByTestId('feedback-wpm-speaking')).toHaveText('148 while speaking, every pause left out');
  await expect(page.getByTestId('feedback-wpm-whole')).toHaveText('131 over the whole recording, silences included');
  await expect(page.getByTestId('feedback-wpm-explain')).toHaveText(
    'The band judges the first of these paces, as speaking-rate guides count it (natural pauses in, longer silences counted as pauses): 130–160 words a minute is easy to follow.',
  );
  // The voice: each measure with its verdict in words and the band that decides it.
  await expect(page.getByTestId('feedback-pitch-value')).toHaveText('2.8 semitones');
  await expect(page.getByTestId('feedback-pitch-verdict')).toHaveText('varied');
  await expect(page.getByTestId('feedback-pitch-band')).toHaveText('Varied from 2 semitones up; under that, a voice sounds monotone.');
  await expect(page.getByTestId('feedback-loudness-value')).toHaveText('-20.7 dBFS');
  await expect(page.getByTestId('feedback-loudness-verdict')).toHaveText('clear');
  await expect(page.getByTestId('feedback-loudness-band')).toHaveText('Speech quieter than -35 dBFS is hard to hear.');
  await expect(page.getByTestId('feedback-clipping-value')).toHaveText('0 %');
  await expect(page.getByTestId('feedback-clipping-verdict')).toHaveText('clean');
  await expect(page.getByTestId('feedback-clipping-band')).toHaveText('Over 1 % of clipped samples sounds distorted.');
  await expect(page.getByTestId('feedback-actions-section')).not.toContainText('Slow down');

  await screenshotVariants(page, app, 'pace-and-voice', async () => {
    await expect(page.getByTestId('feedback-wpm-judged')).toBeVisible();
  });

  await useLanguage(page, app, 'fr');
  // Issue 13, item 16: the French heading names the page ("Retour" alone read as a back link); the way back is a link.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bilan de la répétition');
  await expect(page.locator('.crumbs').getByRole('link')).toHaveText('Retour à la présentation');
  await expect(page.getByTestId('feedback-wpm-judged')).toHaveText('137 mots par minute');
  await expect(page.getByTestId('feedback-wpm-band')).toHaveText('idéal (130–160)');
  await expect(page.getByTestId('feedback-wpm-basis')).toHaveText('de votre premier à votre dernier mot, pauses de moins de 2 s comprises');
  await expect(page.getByTestId('feedback-wpm-whole')).toHaveText('131 sur tout l’enregistrement, silences compris');
  await expect(page.getByTestId('feedback-wpm-explain')).toHaveText(
    'La plage juge le premier de ces débits, compté comme le font les guides de prise de parole (pauses naturelles comprises, silences plus longs comptés comme pauses) : de 130 à 160 mots par minute, on suit sans effort.',
  );
  await expect(page.getByTestId('feedback-pitch-value')).toHaveText('2,8 demi-tons');
  await expect(page.getByTestId('feedback-pitch-verdict')).toHaveText('variée');
  await expect(page.getByTestId('feedback-pitch-band')).toHaveText('Variée à partir de 2 demi-tons ; en dessous, une voix paraît monotone.');
  await expect(page.getByTestId('feedback-loudness-verdict')).toHaveText('bien audible');
  await expect(page.getByTestId('feedback-clipping-verdict')).toHaveText('net');
  await useLanguage(page, app, 'en');
});
