import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeTranscript } from '../../../src/core/feedback/analyzer/index.js';
import { FeedbackV1Schema } from '../../../src/contracts/feedback-v1.js';
import type { TranscriptV1 } from '../../../src/contracts/transcript.js';

/** 72 words over 30 s, one per 0.4 s, the last one ending at 28.75 s: 144 WPM on the clock, 150 from first to last word. */
function transcript(): TranscriptV1 {
  const words = Array.from({ length: 72 }, (_, i) => ({ tStartMs: i * 400, tEndMs: i * 400 + 350, text: `word${i % 7 === 0 ? '.' : ''}`.replace('word', ['we', 'ship', 'it', 'daily', 'and', 'test', 'often'][i % 7]!) }));
  return { schemaVersion: 1, language: 'en', durationMs: 30_000, segments: [{ tStartMs: 0, tEndMs: 30_000, text: words.map((w) => w.text).join(' '), words }] };
}

/** A pitch track: lively (alternating 120/200 Hz) except a flat 150 Hz stretch from 10 s to 22 s. */
function track() {
  return Array.from({ length: 150 }, (_, i) => {
    const tMs = i * 200;
    return { tMs, hz: tMs >= 10_000 && tMs < 22_000 ? 150 : i % 2 ? 120 : 200 };
  });
}

const lively = { speakingTimeMs: 24_000, pitchVariabilitySemitones: 4, monotone: false, rmsDbfs: -20, tooQuiet: false, clippingRatio: 0, pitchTrack: track() };

describe('analyzer with audio metrics', () => {
  test('WPM is judged from the first word to the last; the speaking time measured on the audio gives the pace shown beside it', () => {
    const feedback = analyzeTranscript({ transcript: transcript(), audioDurationMs: 30_000, audioDelivery: lively });
    assert.equal(feedback.metrics.wpm, 150, '72 words in 28.75 s');
    assert.equal(feedback.metrics.wpmBasis, 'speech_span');
    assert.equal(feedback.metrics.wpmSpeakingTime, 180, '72 words in 24 s of speech');
    assert.equal(feedback.metrics.wpmWholeRun, 144, '72 words in 30 s');
    assert.deepEqual(feedback.metrics.delivery, { pitchVariabilitySemitones: 4, monotone: false, loudnessDbfs: -20, tooQuiet: false, clippingRatio: 0 });
    assert.ok(FeedbackV1Schema.safeParse(feedback).success);
  });

  test('a flat stretch of the voice gets a timed comment even when the whole take is lively', () => {
    const feedback = analyzeTranscript({ transcript: transcript(), audioDurationMs: 30_000, audioDelivery: lively });
    const flat = feedback.comments.filter((c) => c.label.en.startsWith('Flat voice'));
    assert.equal(flat.length, 1);
    assert.ok(flat[0]!.tStartMs >= 9_000 && flat[0]!.tStartMs <= 12_000 && flat[0]!.tEndMs >= 20_000, JSON.stringify(flat[0]));
  });

  test('a monotone, quiet, clipping take costs points and gets the delivery actions', () => {
    const flatEverywhere = track().map((p) => ({ ...p, hz: 150 }));
    const poor = analyzeTranscript({
      transcript: transcript(),
      audioDurationMs: 30_000,
      audioDelivery: { ...lively, pitchVariabilitySemitones: 0.5, monotone: true, tooQuiet: true, rmsDbfs: -40, clippingRatio: 0, pitchTrack: flatEverywhere },
    });
    const good = analyzeTranscript({ transcript: transcript(), audioDurationMs: 30_000, audioDelivery: lively });
    assert.equal(good.overallScore - poor.overallScore, 6 + 5, 'monotone 4 × (2 − 0.5) = 6, too quiet 5');
    assert.deepEqual(poor.topActions.map((a) => a.id), ['vary_pitch', 'speak_up']);
    const clipping = analyzeTranscript({ transcript: transcript(), audioDurationMs: 30_000, audioDelivery: { ...lively, clippingRatio: 0.05 } });
    assert.equal(clipping.topActions[0]!.id, 'ease_off_the_mic');
  });

  test('without a recording the delivery is null and nothing changes', () => {
    assert.equal(analyzeTranscript({ transcript: transcript() }).metrics.delivery, null);
  });
});
