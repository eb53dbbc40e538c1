import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeTranscript } from '../../../src/core/feedback/analyzer/index.js';
import { findFastPassages } from '../../../src/core/feedback/analyzer/fast-passages.js';
import { findFillerClusters } from '../../../src/core/feedback/analyzer/filler-clusters.js';
import { timedComments } from '../../../src/core/feedback/analyzer/timed-comments.js';
import type { TranscriptV1 } from '../../../src/contracts/transcript.js';

const filler = (tStartMs: number, tEndMs = tStartMs + 300, label = 'um') => ({ tStartMs, tEndMs, label });

test('a filler cluster is 3+ fillers that fit in 10 s; overlapping groups merge', () => {
  assert.deepEqual(findFillerClusters([filler(0), filler(5000), filler(9700)]), [{ tStartMs: 0, tEndMs: 10_000, labels: ['um', 'um', 'um'] }]);
  assert.deepEqual(findFillerClusters([filler(0), filler(5000), filler(9800)]), [], 'the third ends after 10 s');
  assert.deepEqual(findFillerClusters([filler(0), filler(20_000)]), []);
  const merged = findFillerClusters([filler(0), filler(1000), filler(2000), filler(8000), filler(11_000), filler(40_000)]);
  assert.deepEqual(merged.map((c) => [c.tStartMs, c.tEndMs, c.labels.length]), [[0, 11_300, 5]]);
});

test('segment-timed fillers only cluster when their segments fit in 10 s', () => {
  // Three fillers in one 30 s segment are not known to be within 10 s of each other.
  assert.deepEqual(findFillerClusters([filler(0, 30_000), filler(0, 30_000), filler(0, 30_000)]), []);
  assert.equal(findFillerClusters([filler(0, 8000), filler(0, 8000), filler(0, 8000)]).length, 1);
});

test('fast passages: > 190 WPM over 15 s, trimmed to the fast words', () => {
  const words = (count: number, start: number, step: number) =>
    Array.from({ length: count }, (_, i) => ({ tStartMs: start + i * step, tEndMs: start + i * step + step - 50, words: 1 }));
  // 190 WPM exactly over every window is not flagged; 4 words a second (240 WPM) is.
  assert.deepEqual(findFastPassages(words(120, 0, Math.round(60_000 / 190))), []);
  assert.deepEqual(findFastPassages([...words(30, 0, 600), ...words(80, 18_000, 250), ...words(30, 38_000, 600)]), [
    { tStartMs: 18_000, tEndMs: 37_950, peakWpm: 240 },
  ]);
  // A segment longer than the window is judged on its own pace.
  assert.deepEqual(findFastPassages([{ tStartMs: 0, tEndMs: 20_000, words: 80 }]), [{ tStartMs: 0, tEndMs: 20_000, peakWpm: 240 }]);
  assert.deepEqual(findFastPassages([{ tStartMs: 0, tEndMs: 20_000, words: 60 }]), []);
});

test('at most 7 comments: the most severe kept, then returned in time order', () => {
  const pause = (start: number, length: number) => ({ tStartMs: start, tEndMs: start + length });
  const comments = timedComments({
    fillerClusters: [{ tStartMs: 500, tEndMs: 4000, labels: ['um', 'um', 'um'] }],
    longPauses: [pause(1000, 2000), pause(10_000, 2000), pause(20_000, 12_000), pause(40_000, 6000), pause(50_000, 2500), pause(60_000, 3000)],
    fastPassages: [{ tStartMs: 70_000, tEndMs: 90_000, peakWpm: 230 }, { tStartMs: 5000, tEndMs: 9000, peakWpm: 200 }],
  });
  assert.equal(comments.length, 7);
  assert.deepEqual(
    comments.map((c) => [c.tStartMs, c.severity]),
    [[500, 'warning'], [1000, 'info'], [5000, 'warning'], [10_000, 'info'], [20_000, 'critical'], [40_000, 'warning'], [70_000, 'critical']],
  );
});

test('no timing, no comments; edited text falls back to segment times', () => {
  const typed: TranscriptV1 = {
    schemaVersion: 1,
    language: 'en',
    durationMs: null,
    segments: [{ tStartMs: 0, tEndMs: 0, text: 'Um, uh, um, you know, like, um. Words words.' }],
  };
  assert.deepEqual(analyzeTranscript({ transcript: typed }).comments, []);

  // The speaker edited "um uh" out of the text after recognition: the words no longer spell the text, so the
  // segment's span times its fillers (and it is short enough for a cluster).
  const edited: TranscriptV1 = {
    schemaVersion: 1,
    language: 'en',
    durationMs: 9000,
    segments: [
      {
        tStartMs: 1000,
        tEndMs: 6000,
        text: 'Um, you know, basically it works.',
        words: [
          { tStartMs: 1000, tEndMs: 1300, text: 'Um,' },
          { tStartMs: 1400, tEndMs: 1700, text: 'uh,' },
          { tStartMs: 5000, tEndMs: 6000, text: 'works.' },
        ],
      },
    ],
  };
  const feedback = analyzeTranscript({ transcript: edited });
  assert.equal(feedback.metrics.words, 6);
  assert.equal(feedback.metrics.fillers, 3);
  assert.deepEqual(feedback.comments.map((c) => [c.tStartMs, c.tEndMs, c.label.en]), [[1000, 6000, '3 fillers in 5 s: um, you know, basically']]);
});

test('words without times (all 0 ms) are ignored in favour of the segment span', () => {
  const text = Array.from({ length: 60 }, () => 'word').join(' ');
  const transcript: TranscriptV1 = {
    schemaVersion: 1,
    language: 'en',
    durationMs: 30_000,
    segments: [{ tStartMs: 0, tEndMs: 30_000, text, words: text.split(' ').map((word) => ({ tStartMs: 0, tEndMs: 0, text: word })) }],
  };
  const feedback = analyzeTranscript({ transcript });
  assert.equal(feedback.metrics.wpm, 120);
  assert.equal(feedback.metrics.pauses, 0);
  assert.deepEqual(feedback.comments, [], '60 words stacked at 0 ms would otherwise look like a 240 WPM burst');
});

test('word times anchor fillers precisely when the words spell the text', () => {
  const transcript: TranscriptV1 = {
    schemaVersion: 1,
    language: 'fr',
    durationMs: 20_000,
    segments: [
      {
        tStartMs: 0,
        tEndMs: 20_000,
        text: 'Euh, du coup, on a fini. En fait, voilà.',
        words: [
          { tStartMs: 0, tEndMs: 400, text: 'Euh,' },
          { tStartMs: 2000, tEndMs: 2200, text: 'du' },
          { tStartMs: 2200, tEndMs: 2600, text: 'coup,' },
          { tStartMs: 3000, tEndMs: 3200, text: 'on' },
          { tStartMs: 3200, tEndMs: 3300, text: 'a' },
          { tStartMs: 3300, tEndMs: 3800, text: 'fini.' },
          { tStartMs: 6000, tEndMs: 6200, text: 'En' },
          { tStartMs: 6200, tEndMs: 6500, text: 'fait,' },
          { tStartMs: 19_000, tEndMs: 20_000, text: 'voilà.' },
        ],
      },
    ],
  };
  const feedback = analyzeTranscript({ transcript });
  assert.deepEqual(
    feedback.comments.map((c) => [c.tStartMs, c.tEndMs, c.severity, c.label.fr]),
    [
      [0, 6500, 'warning', '3 mots de remplissage en 6,5 s : euh, du coup, en fait'],
      [3800, 6000, 'info', 'Silence de 2,2 s'],
      [6500, 19_000, 'critical', 'Silence de 12,5 s'],
    ],
  );
  assert.deepEqual(feedback.metrics.fillerBreakdown, { 'du coup': 1, 'en fait': 1, euh: 1, voilà: 1 });
  assert.equal(feedback.metrics.pauses, 4); // 400-2000, 2600-3000, 3800-6000, 6500-19000
  assert.equal(feedback.metrics.longPauses, 2); // 2.2 s and 12.5 s
});
