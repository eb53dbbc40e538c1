/**
 * Feedback a speaker can trust (issue 13, items 10-12): every action cites the published measurement that triggered
 * it, the measurement crossed its band in the direction the advice says, and no advice contradicts a number on the
 * same page. The property test generates transcripts (punctuated or not, with fillers, pauses, a recording's
 * delivery and a target duration) and checks every action of every result.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  AVG_SENTENCE_WORDS_FREE,
  FILLERS_FREE_PER_MIN,
  IDEAL_WPM_MAX,
  IDEAL_WPM_MIN,
  LONG_PAUSE_MIN_MS,
  MONOTONE_BELOW_SEMITONES,
  TARGET_DURATION_TOLERANCE,
  TOO_QUIET_BELOW_DBFS,
} from '../../../src/contracts/feedback-rules.js';
import { FeedbackV1Schema, type CitedMetric, type FeedbackV1 } from '../../../src/contracts/feedback-v1.js';
import type { TranscriptV1 } from '../../../src/contracts/transcript.js';
import { analyzeTranscript, type AnalyzerInput } from '../../../src/core/feedback/analyzer/index.js';

interface Word {
  text: string;
  tStartMs: number;
  tEndMs: number;
}

function transcriptOf(words: readonly Word[], durationMs: number): TranscriptV1 {
  return {
    schemaVersion: 1,
    language: 'en',
    durationMs,
    segments: [{ tStartMs: words[0]!.tStartMs, tEndMs: words[words.length - 1]!.tEndMs, text: words.map((w) => w.text).join(' '), words: [...words] }],
  };
}

/** Words said one after the other, each `wordMs` long, with `gapMs` after it (pauses where asked). */
function timedWords(texts: readonly string[], startMs: number, wordMs: number, gapAfter: (index: number) => number): Word[] {
  let at = startMs;
  return texts.map((text, index) => {
    const word = { text, tStartMs: at, tEndMs: at + wordMs };
    at = word.tEndMs + gapAfter(index);
    return word;
  });
}

/** The value the page shows for a cited metric, read from the published metrics. */
function publishedValue(feedback: FeedbackV1, metric: CitedMetric): number | null {
  const m = feedback.metrics;
  switch (metric) {
    case 'fillersPer100Words':
      return Math.round((1000 * m.fillers) / m.words) / 10;
    case 'repeatedTerms':
      return m.repeatedTerms.length;
    case 'pitchVariabilitySemitones':
    case 'loudnessDbfs':
    case 'clippingRatio':
      return m.delivery?.[metric] ?? null;
    default:
      return m[metric];
  }
}

function assertAdviceMatchesMetrics(feedback: FeedbackV1, input: AnalyzerInput): void {
  const m = feedback.metrics;
  for (const action of feedback.topActions) {
    const cites = action.cites;
    assert.ok(cites, `${action.id} cites a measurement`);
    assert.equal(publishedValue(feedback, cites.metric), cites.value, `${action.id}: the cited ${cites.metric} is the one on the page`);
    switch (action.id) {
      case 'reduce_fillers':
        assert.ok(cites.value > cites.limit && m.fillers > 0, `fillers ${cites.value} over ${cites.limit}`);
        if (cites.metric === 'fillersPerMin') assert.equal(cites.limit, FILLERS_FREE_PER_MIN);
        break;
      case 'slow_down':
        assert.equal(cites.limit, IDEAL_WPM_MAX);
        assert.ok(m.wpm! > IDEAL_WPM_MAX && (m.wpmBand === 'fast' || m.wpmBand === 'too_fast'), `slow down at ${m.wpm} (${m.wpmBand})`);
        break;
      case 'speed_up':
        assert.equal(cites.limit, IDEAL_WPM_MIN);
        assert.ok(m.wpm! < IDEAL_WPM_MIN && (m.wpmBand === 'slow' || m.wpmBand === 'too_slow'), `speed up at ${m.wpm} (${m.wpmBand})`);
        break;
      case 'shorten_sentences':
        assert.ok(m.avgSentenceWords > AVG_SENTENCE_WORDS_FREE, `shorten sentences at ${m.avgSentenceWords} words on average`);
        break;
      case 'vary_terms':
        assert.ok(cites.value > cites.limit);
        break;
      case 'fewer_long_pauses':
        assert.ok(m.longPauses! > cites.limit, `${m.longPauses} long pauses, ${cites.limit} allowed`);
        break;
      case 'fit_target_duration': {
        const targetMs = input.targetDurationSec! * 1000;
        assert.ok(Math.abs(m.durationMs! - targetMs) > TARGET_DURATION_TOLERANCE * targetMs);
        assert.ok(m.durationMs! > targetMs ? cites.value > cites.limit : cites.value < cites.limit);
        break;
      }
      case 'vary_pitch':
        assert.ok(m.delivery?.monotone === true && cites.value < MONOTONE_BELOW_SEMITONES);
        break;
      case 'speak_up':
        assert.ok(m.delivery?.tooQuiet === true && cites.value < TOO_QUIET_BELOW_DBFS);
        break;
      case 'ease_off_the_mic':
        assert.ok(cites.value > cites.limit);
        break;
    }
  }
  // The other way round: a pace inside the band never gets pace advice.
  if (m.wpmBand === 'ideal') assert.ok(!feedback.topActions.some((a) => a.id === 'slow_down' || a.id === 'speed_up'));
}

const VOCABULARY = ['we', 'ship', 'small', 'changes', 'every', 'day', 'customers', 'notice', 'quality', 'um', 'uh', 'release', 'test'];

const takeArbitrary = fc.record({
  texts: fc.array(fc.constantFrom(...VOCABULARY), { minLength: 3, maxLength: 160 }),
  punctuateEvery: fc.option(fc.integer({ min: 3, max: 40 }), { nil: null }),
  wordMs: fc.integer({ min: 120, max: 700 }),
  gapMs: fc.integer({ min: 0, max: 250 }),
  pauseEvery: fc.integer({ min: 2, max: 60 }),
  pauseMs: fc.integer({ min: 300, max: 4000 }),
  leadMs: fc.integer({ min: 0, max: 6000 }),
  tailMs: fc.integer({ min: 0, max: 15_000 }),
  target: fc.option(fc.integer({ min: 5, max: 300 }), { nil: null }),
  delivery: fc.option(
    fc.record({ semitones: fc.double({ min: 0, max: 8, noNaN: true }), rmsDbfs: fc.double({ min: -60, max: -3, noNaN: true }), clippingRatio: fc.double({ min: 0, max: 0.05, noNaN: true }), speakingShare: fc.double({ min: 0.3, max: 1, noNaN: true }) }),
    { nil: null },
  ),
});

describe('advice a speaker can trust', { timeout: 60_000 }, () => {
  test('property: every action cites a published metric that crossed its limit the way the advice says', () => {
    fc.assert(
      fc.property(takeArbitrary, (take) => {
        const texts = take.texts.map((text, i) => (take.punctuateEvery !== null && (i + 1) % take.punctuateEvery === 0 ? `${text}.` : text));
        const words = timedWords(texts, take.leadMs, take.wordMs, (i) => (i % take.pauseEvery === take.pauseEvery - 1 ? take.pauseMs : take.gapMs));
        const lastEnd = words[words.length - 1]!.tEndMs;
        const durationMs = lastEnd + take.tailMs;
        const silences = words.slice(1).flatMap((word, i) => (word.tStartMs - words[i]!.tEndMs >= 300 ? [{ tStartMs: words[i]!.tEndMs, tEndMs: word.tStartMs }] : []));
        const input: AnalyzerInput = {
          transcript: transcriptOf(words, durationMs),
          audioDurationMs: durationMs,
          // The audio's own detector also reports the silences at both edges (a click of the Stop button as speech).
          audioPauses: [...(take.leadMs > 0 ? [{ tStartMs: 0, tEndMs: take.leadMs }] : []), ...silences, ...(take.tailMs > 0 ? [{ tStartMs: lastEnd, tEndMs: durationMs }] : [])],
          targetDurationSec: take.target,
          audioDelivery: take.delivery && {
            speakingTimeMs: Math.round(durationMs * take.delivery.speakingShare),
            pitchVariabilitySemitones: take.delivery.semitones,
            monotone: take.delivery.semitones < MONOTONE_BELOW_SEMITONES,
            rmsDbfs: take.delivery.rmsDbfs,
            tooQuiet: take.delivery.rmsDbfs < TOO_QUIET_BELOW_DBFS,
            clippingRatio: take.delivery.clippingRatio,
            pitchTrack: [],
          },
        };
        const feedback = analyzeTranscript(input);
        assert.ok(FeedbackV1Schema.safeParse(feedback).success);
        assertAdviceMatchesMetrics(feedback, input);
        // Silence before the first word and after the last one is never a moment to review.
        for (const comment of feedback.comments) {
          assert.ok(comment.tEndMs > words[0]!.tStartMs && comment.tStartMs < lastEnd, `comment ${JSON.stringify(comment)} inside the speech`);
        }
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  test('recognised speech without punctuation is cut into phrases at its pauses, and says so', () => {
    // 36 words as pocketsphinx writes them: no punctuation; four phrases of 9 words separated by 600 ms pauses.
    const texts = Array.from({ length: 36 }, (_, i) => VOCABULARY[i % 9]!);
    const words = timedWords(texts, 0, 300, (i) => (i % 9 === 8 ? 600 : 50));
    const feedback = analyzeTranscript({ transcript: transcriptOf(words, words[35]!.tEndMs), audioDurationMs: words[35]!.tEndMs });
    assert.equal(feedback.metrics.sentenceSource, 'pauses');
    assert.equal(feedback.metrics.sentences, 4);
    assert.equal(feedback.metrics.avgSentenceWords, 9);
    assert.equal(feedback.metrics.longSentences, 0);
    assert.ok(!feedback.topActions.some((action) => action.id === 'shorten_sentences'));
    // The same words typed with punctuation keep their sentences.
    const typed = analyzeTranscript({ transcript: { schemaVersion: 1, language: 'en', durationMs: null, segments: [{ tStartMs: 0, tEndMs: 0, text: `${texts.slice(0, 18).join(' ')}. ${texts.slice(18).join(' ')}.` }] } });
    assert.equal(typed.metrics.sentenceSource, 'punctuation');
    assert.equal(typed.metrics.sentences, 2);
  });

  test('a 72-word, 33-second take with natural pauses is judged at its speaking rate, not read as too fast', () => {
    // Speech from 1.0 s to 32.52 s: 8 phrases of 9 words (250 ms a word, 80 ms between words) with a 1.2 s breath
    // between phrases, as a speaker reading aloud does; half a second of silence before Stop.
    const words = timedWords(Array.from({ length: 72 }, (_, i) => VOCABULARY[i % 9]!), 1000, 250, (i) => (i % 9 === 8 ? 1200 : 80));
    const lastEnd = words[71]!.tEndMs;
    assert.equal(lastEnd, 32_520);
    const phraseBreaks = words.filter((_, i) => i % 9 === 8 && i < 71).map((w) => ({ tStartMs: w.tEndMs, tEndMs: w.tEndMs + 1200 }));
    const feedback = analyzeTranscript({
      transcript: transcriptOf(words, 33_000),
      audioDurationMs: 33_000,
      audioPauses: [{ tStartMs: 0, tEndMs: 1000 }, ...phraseBreaks, { tStartMs: lastEnd, tEndMs: 33_000 }],
      // The audio's speech detector: the 72 words and the short gaps between them (23.12 s).
      audioDelivery: { speakingTimeMs: 23_120, pitchVariabilitySemitones: 3, monotone: false, rmsDbfs: -20, tooQuiet: false, clippingRatio: 0, pitchTrack: [] },
    });
    // Judged: 72 words from the first to the last word, the breaths included (31.52 s).
    assert.equal(feedback.metrics.wpm, 137);
    assert.equal(feedback.metrics.wpmBand, 'ideal');
    assert.equal(feedback.metrics.wpmBasis, 'speech_span');
    // Shown beside it: over the speaking time alone (23.12 s) and over the whole recording (33 s).
    assert.equal(feedback.metrics.wpmSpeakingTime, 187);
    assert.equal(feedback.metrics.wpmWholeRun, 131);
    assert.ok(!feedback.topActions.some((a) => a.id === 'slow_down' || a.id === 'speed_up'));
  });

  test('the silence after the last word (and before the first) is never a moment to review nor a long pause', () => {
    const words = timedWords(['we', 'ship', 'every', 'day', 'and', 'customers', 'notice'], 3000, 300, () => 100);
    const lastEnd = words[words.length - 1]!.tEndMs;
    const feedback = analyzeTranscript({
      transcript: transcriptOf(words, 20_000),
      audioDurationMs: 20_000,
      audioPauses: [{ tStartMs: 0, tEndMs: 3000 }, { tStartMs: lastEnd, tEndMs: 19_500 }],
    });
    assert.equal(feedback.metrics.longPauses, 0);
    assert.deepEqual(feedback.comments.filter((c) => c.tEndMs - c.tStartMs >= LONG_PAUSE_MIN_MS), []);
  });
});
