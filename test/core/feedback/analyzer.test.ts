/**
 * Golden tests of the speech-feedback analyzer. Each golden/<case>.input.json is analyzed and deep-compared with
 * golden/<case>.expected.json. `UPDATE_GOLDEN=1` rewrites the expected files instead: review the diff by reading
 * it, since a golden file only proves something once a person has checked it. The hand-computed numbers below are
 * asserted as well, so a careless update cannot bless a wrong result.
 *
 * Score formula (src/core/feedback/analyzer/score.ts), every penalty rounded to 0.1 and capped:
 *   score = clamp(round(100 − Pf − Pw − Ps − Pr − Pl − Pt), 0, 100)
 *   Pf = min(25, 4·max(0, fillersPerMin − 2))   [no duration: 4·max(0, fillers per 100 words − 1.5)]
 *   Pw = min(20, 0.5 · WPM outside 130-160)      Ps = min(15, 1.5·max(0, avgSentenceWords − 20))
 *   Pr = min(6, 2·max(0, repeatedTerms − 2))     Pl = min(15, 3·max(0, longPauses − max(1, whole minutes)))
 *   Pt = min(15, 50·max(0, |duration − target|/target − 0.2))
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  analyzeTranscript,
  ANALYZER_VERSION,
  FeedbackV1Schema,
  type AnalyzerInput,
  type FeedbackV1,
} from '../../../src/core/feedback/analyzer/index.js';
import { isAppError } from '../../../src/kernel/errors.js';

const GOLDEN_DIR = fileURLToPath(new URL('./golden', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function goldenCases(): string[] {
  return readdirSync(GOLDEN_DIR)
    .filter((name) => name.endsWith('.input.json'))
    .map((name) => name.slice(0, -'.input.json'.length))
    .sort();
}

/** What was worked out by hand for each case; the formula is part of the test name. */
interface HandExpectation {
  formula: string;
  check: (feedback: FeedbackV1) => void;
}

const HAND: Record<string, HandExpectation> = {
  'en-clean-word-timings': {
    formula: '70 words from 0 to 29.5 s = 142 WPM (ideal), no filler, 4 short pauses: 100 − 0 = 100',
    check: (f) => {
      assert.equal(f.overallScore, 100);
      assert.equal(f.metrics.words, 70);
      assert.equal(f.metrics.durationMs, 30_000);
      assert.equal(f.metrics.wpm, 142); // 70 / (29 500 ms / 60 000) = 142.4
      assert.equal(f.metrics.wpmBasis, 'speech_span');
      assert.equal(f.metrics.wpmWholeRun, 140); // the half second after the last word counts here only
      assert.equal(f.metrics.wpmSpeakingTime, 153); // the four 500 ms pauses left out: 70 / 27.5 s
      assert.equal(f.metrics.wpmBand, 'ideal');
      assert.equal(f.metrics.fillers, 0);
      assert.equal(f.metrics.fillersPerMin, 0);
      // Four 500 ms gaps between the five sentences; the 100 ms gaps between words are not pauses.
      assert.equal(f.metrics.pauses, 4);
      assert.equal(f.metrics.longPauses, 0);
      assert.equal(f.metrics.sentences, 5);
      assert.equal(f.metrics.avgSentenceWords, 14);
      assert.deepEqual(f.topActions, []);
      assert.deepEqual(f.comments, []);
    },
  },
  'en-fillers-and-decoys': {
    formula: '11 fillers in 36 s = 18.3/min: Pf = min(25, 4·(18.3 − 2)) = 25 → 100 − 25 = 75',
    check: (f) => {
      assert.equal(f.overallScore, 75);
      assert.equal(f.metrics.words, 78);
      assert.equal(f.metrics.wpm, 138); // 78 / (33 900 ms / 60 000)
      assert.equal(f.metrics.wpmWholeRun, 130); // 78 / 0.6 min
      assert.equal(f.metrics.wpmBand, 'ideal');
      assert.equal(f.metrics.fillers, 11);
      assert.equal(f.metrics.fillersPerMin, 18.3); // 11 / 0.6 = 18.33
      // Decoys not counted: "sorting", "sort tickets", "sorted", "I like it", "What kind of", "Um, so" (mid-sentence).
      // "sort of a mess" is a hedge since analyzer v3, not a filler.
      assert.deepEqual(f.metrics.fillerBreakdown, {
        actually: 1, basically: 1, like: 1, literally: 1, 'okay so': 1, so: 1, uh: 1, um: 2, 'you know': 2,
      });
      assert.deepEqual(f.languageCoaching?.hedges.map((h) => [h.text, h.count]), [['sort of', 1]]);
      assert.equal(f.metrics.pauses, 7);
      assert.equal(f.metrics.longPauses, 0);
      assert.equal(f.metrics.avgSentenceWords, 9.8); // 78 / 8 = 9.75, rounded half up
      assert.deepEqual(f.metrics.repeatedTerms, ['tickets']);
      assert.deepEqual(f.topActions.map((a) => a.id), ['reduce_fillers']);
      // Fillers from 0 ms ("Um") to 25.5 s ("So"): each 10 s window holds 3+ of them, so they chain into one cluster.
      assert.equal(f.comments.length, 1);
      assert.deepEqual(
        { start: f.comments[0]!.tStartMs, end: f.comments[0]!.tEndMs, severity: f.comments[0]!.severity },
        { start: 0, end: 25_500, severity: 'critical' },
      );
    },
  },
  'fr-accents-segment-times': {
    formula: '6 fillers in 30 s = 12/min: Pf = min(25, 4·(12 − 2)) = 25; 1 long pause ≤ 1 allowed → 100 − 25 = 75',
    check: (f) => {
      assert.equal(f.overallScore, 75);
      assert.equal(f.language, 'fr');
      assert.equal(f.metrics.words, 67); // "aujourd’hui", "l’équipe", "l’API" are one word each
      assert.equal(f.metrics.wpm, 146); // 67 words from 0 to 30 s, the 2.5 s long pause left out: 67 / 27.5 s
      assert.equal(f.metrics.wpmWholeRun, 134);
      assert.equal(f.metrics.fillersPerMin, 12);
      // "ce genre de" and the question "elle en pense quoi ?" are not fillers; "coupé" is not "coup".
      assert.deepEqual(f.metrics.fillerBreakdown, { bon: 1, 'du coup': 1, 'en fait': 1, euh: 2, quoi: 1 });
      assert.equal(f.metrics.pauses, 5);
      assert.equal(f.metrics.longPauses, 1);
      assert.equal(f.metrics.avgSentenceWords, 11.2);
      assert.deepEqual(f.metrics.repeatedTerms, ['équipe']); // l’équipe ×4, accents kept; "été" has 3 letters
      assert.deepEqual(f.metrics.jargonTerms, ['API']);
      assert.deepEqual(f.topActions.map((a) => a.id), ['reduce_fillers']);
      // The 3 fillers of the 4.5 s second segment make a cluster (segment times, no words); then the 2.5 s gap.
      assert.deepEqual(
        f.comments.map((c) => [c.tStartMs, c.tEndMs, c.severity]),
        [[6500, 11_000, 'warning'], [22_500, 25_000, 'info']],
      );
      assert.equal(f.comments[1]!.label.fr, 'Silence de 2,5 s');
    },
  },
  'typed-text-no-timing': {
    formula: 'no duration: Pf = 4·(100·1/64 − 1.5) = 0.25 → 0.3; Ps = 1.5·(21.3 − 20) → 2.0; Pr = 2·(3 − 2) = 2 → 100 − 4.3 = 96',
    check: (f) => {
      assert.equal(f.overallScore, 96);
      assert.equal(f.metrics.durationMs, null);
      assert.equal(f.metrics.wpm, null);
      assert.equal(f.metrics.wpmBand, null);
      assert.equal(f.metrics.fillersPerMin, null);
      assert.equal(f.metrics.pauses, null);
      assert.equal(f.metrics.longPauses, null);
      assert.equal(f.metrics.words, 64);
      assert.equal(f.metrics.fillers, 1);
      assert.equal(f.metrics.sentences, 3); // the first line has no final dot: the line break ends it
      assert.equal(f.metrics.avgSentenceWords, 21.3);
      assert.equal(f.metrics.longSentences, 1); // 31 words
      assert.deepEqual(f.metrics.repeatedTerms, ['partner', 'gateway', 'platform']);
      assert.deepEqual(f.metrics.jargonTerms, ['B2B', 'K8S', 'API', 'COVID-19']);
      // Ps and Pr tie at 2.0: the order (sentences before repetition) decides.
      assert.deepEqual(f.topActions.map((a) => a.id), ['shorten_sentences', 'vary_terms']);
      assert.deepEqual(f.comments, []);
    },
  },
  'en-fast-passage': {
    formula: '160 words in 60 s = 160 WPM (ideal edge), no penalty: 100; the 240 WPM passage is a comment',
    check: (f) => {
      assert.equal(f.overallScore, 100);
      assert.equal(f.metrics.words, 160); // "read-only" is one word
      assert.equal(f.metrics.wpm, 160);
      assert.equal(f.metrics.wpmBand, 'ideal');
      assert.equal(f.metrics.pauses, 0);
      // Words 40-119 every 250 ms (20.0 s to 39.95 s): 60 words per 15 s window = 240 WPM > 220 → critical.
      assert.deepEqual(
        f.comments.map((c) => [c.tStartMs, c.tEndMs, c.severity, c.label.en]),
        [[20_000, 39_950, 'critical', 'Fast passage: about 240 words per minute']],
      );
    },
  },
  'en-long-pauses-word-gaps': {
    formula: '36 words in 34.5 s − 20.5 s of long pauses = 154 WPM (ideal); 3 long pauses, 1 allowed: Pl = 6 → 100 − 6 = 94',
    check: (f) => {
      assert.equal(f.overallScore, 94);
      // The long pauses are judged as pauses, not also as slow speech: 36 / (14 000 ms / 60 000).
      assert.equal(f.metrics.wpm, 154);
      assert.equal(f.metrics.wpmBand, 'ideal');
      assert.equal(f.metrics.wpmWholeRun, 60);
      assert.equal(f.metrics.pauses, 3);
      assert.equal(f.metrics.longPauses, 3);
      assert.deepEqual(f.topActions.map((a) => a.id), ['fewer_long_pauses']);
      assert.deepEqual(
        f.comments.map((c) => [c.tStartMs, c.tEndMs, c.severity]),
        [[4700, 7200, 'info'], [11_900, 17_900, 'warning'], [20_200, 32_200, 'critical']],
      );
    },
  },
  'en-audio-pauses': {
    formula: '62 words in 40 s − 11 s of long audio pauses = 128 WPM: Pw = 1; 2/0.7 min = 2.9/min: Pf = 3.6; Pl = 3·(2 − 1) = 3 → 100 − 7.6 = 92',
    check: (f) => {
      assert.equal(f.overallScore, 92);
      assert.equal(f.metrics.durationMs, 42_000); // the audio's length wins over the transcript's 40 000
      assert.equal(f.metrics.words, 62);
      assert.equal(f.metrics.wpm, 128); // 62 / (29 000 ms / 60 000): the 2 s after the last segment are not speech
      assert.equal(f.metrics.wpmBand, 'slow');
      assert.equal(f.metrics.wpmSpeakingTime, 132); // every pause left out too: 62 / 28.2 s
      assert.equal(f.metrics.fillers, 2);
      assert.equal(f.metrics.fillersPerMin, 2.9);
      // Audio pauses: 200 ms dropped, 10.0-10.5 and 10.4-10.8 merged, 3 s and 8 s long. The segments touch, so
      // these pauses can only come from the audio (see the next test for the same transcript without them).
      assert.equal(f.metrics.pauses, 3);
      assert.equal(f.metrics.longPauses, 2);
      // A 1-point pace penalty is below the top actions' threshold; the long pauses are the action instead.
      assert.deepEqual(f.topActions.map((a) => a.id), ['reduce_fillers', 'fewer_long_pauses']);
      assert.deepEqual(
        f.comments.map((c) => [c.tStartMs, c.tEndMs, c.severity]),
        [[20_000, 23_000, 'info'], [30_000, 38_000, 'warning']],
      );
    },
  },
  'en-language-coaching': {
    formula:
      '79 words from 0 to 31.5 s = 150 WPM; 3 fillers = 5/min: Pf = 4·(5 − 2) = 12; 3 repeated terms: Pr = 2·(3 − 2) = 2 → 100 − 14 = 86',
    check: (f) => {
      assert.equal(f.overallScore, 86);
      assert.equal(f.metrics.words, 79);
      assert.equal(f.metrics.wpm, 150); // 79 / 0.525 = 150.5
      assert.equal(f.metrics.wpmWholeRun, 132); // 79 / 0.6 = 131.7
      // "So" twice at a sentence start, "um"; "Umbrellas" and "humble" are not "um"; "kind of" is a hedge now.
      assert.deepEqual(f.metrics.fillerBreakdown, { so: 2, um: 1 });
      assert.equal(f.metrics.fillersPerMin, 5);
      const coaching = f.languageCoaching!;
      // Word i of the transcript is said from 400·i ms to 400·i + 300 ms.
      // Content words (4+ letters, no stopword, nothing inside a filler or hedge): 19 distinct, 26 uses, so the norm
      // is 26 / 19 = 1.37 and a word needs max(3, 2 × 1.37) = 3 uses: checklist ×4 (words 25, 31, 39, 54),
      // onboarding ×3 (10, 13, 22), terms ×3. Every 2- and 3-word phrase but "in terms", "terms of" and "in terms of"
      // is used at most twice, so those norms stay under 1.5 and 3 uses suffice. "in terms of" (words 26, 34, 43)
      // holds every use of "in terms" and "terms of", and of "terms", its only content word: it is reported alone.
      // "the checklist" is never a phrase (it starts with an article).
      assert.deepEqual(
        coaching.repetitions.map((r) => [r.text, r.kind, r.count]),
        [['checklist', 'word', 4], ['in terms of', 'phrase', 3], ['onboarding', 'word', 3]],
      );
      assert.deepEqual(f.metrics.repeatedTerms, ['checklist', 'in terms of', 'onboarding']);
      assert.deepEqual(
        coaching.repetitions[0]!.moments.map((m) => [m.tStartMs, m.tEndMs]),
        [[10_000, 10_300], [12_400, 12_700], [15_600, 15_900], [21_600, 21_900]],
      );
      assert.deepEqual(
        coaching.repetitions[1]!.moments.map((m) => [m.tStartMs, m.tEndMs, m.text]),
        [[10_400, 11_500, 'In terms of'], [13_600, 14_700, 'In terms of'], [17_200, 18_300, 'In terms of']],
      );
      // "I think about it" and "What kind of checklist" are not hedges; ties keep the order of first use.
      assert.deepEqual(
        coaching.hedges.map((h) => [h.text, h.count, h.moments.map((m) => m.tStartMs)]),
        [['I think', 2, [4400, 24_800]], ['kind of', 1, [6000]], ['maybe', 1, [7200]], ['I guess', 1, [18_800]]],
      );
      // Words 0-2 open the talk; words 73-76 close it before the thank-you (77-78).
      assert.deepEqual(coaching.weakOpener, { tStartMs: 0, tEndMs: 1100, text: 'So, um, okay' });
      assert.deepEqual(coaching.weakCloser, { tStartMs: 29_200, tEndMs: 30_700, text: "So yeah, that's it" });
    },
  },
  'fr-language-coaching': {
    formula: '64 mots de 0 à 25,5 s = 151 mots/min ; 1 mot de remplissage = 2,2/min : Pf = 4·0,2 = 0,8 → 100 − 0,8 = 99',
    check: (f) => {
      assert.equal(f.overallScore, 99);
      assert.equal(f.language, 'fr');
      assert.equal(f.metrics.words, 64); // "Peut-être", "l'équipe", "qu'on" and "c'est" are one word each
      assert.equal(f.metrics.wpm, 151); // 64 / 0.425 = 150.6
      assert.equal(f.metrics.wpmWholeRun, 142); // 64 / 0.45 = 142.2
      assert.deepEqual(f.metrics.fillerBreakdown, { euh: 1 });
      const coaching = f.languageCoaching!;
      // Content words: 19 distinct, 23 uses: norm 1.21, so 3 uses suffice. "la migration" is not a phrase (article);
      // "au niveau" (words 22, 30, 38) holds every use of "niveau", its only content word, and is reported instead;
      // "au niveau du" is used twice only.
      assert.deepEqual(
        coaching.repetitions.map((r) => [r.text, r.kind, r.count, r.moments.map((m) => m.tStartMs)]),
        [['au niveau', 'phrase', 3, [8800, 12_000, 15_200]], ['migration', 'word', 3, [3600, 7200, 10_800]]],
      );
      // "je pense à" is not "je pense que", and "peut être" in two words is the verb, not "peut-être".
      assert.deepEqual(
        coaching.hedges.map((h) => [h.text, h.count, h.moments[0]!.tStartMs, h.moments[0]!.text]),
        [
          ['je pense que', 1, 2000, 'Je pense que'],
          ['en quelque sorte', 1, 4400, 'en quelque sorte'],
          ['peut-être', 1, 6000, 'Peut-être'],
          ['je crois que', 1, 13_600, "je crois qu'on"],
        ],
      );
      assert.deepEqual(coaching.weakOpener, { tStartMs: 0, tEndMs: 700, text: 'Alors, euh' });
      // "Merci à tous." (words 61-63) is a sign-off; "Bref, c'est tout" (58-60) is the weak closer before it.
      assert.deepEqual(coaching.weakCloser, { tStartMs: 23_200, tEndMs: 24_300, text: "Bref, c'est tout" });
    },
  },
  'en-off-target-duration': {
    formula: '30 s for a 60 s target, 50% off: Pt = min(15, 50·(0.5 − 0.2)) = 15 → 100 − 15 = 85',
    check: (f) => {
      assert.equal(f.overallScore, 85);
      assert.equal(f.metrics.wpm, 142);
      assert.deepEqual(f.topActions.map((a) => a.id), ['fit_target_duration']);
      assert.deepEqual(f.topActions[0]!.targetQuestCodes, ['S01', 'S03']);
    },
  },
};

describe('analyzer golden cases', () => {
  const cases = goldenCases();

  test('there are at least 8 golden cases, each with hand-computed expectations', () => {
    assert.ok(cases.length >= 8, `only ${cases.length} cases`);
    assert.deepEqual(cases.filter((name) => !(name in HAND)), [], 'cases without hand-computed numbers');
  });

  for (const name of cases) {
    test(`${name}: ${HAND[name]?.formula ?? 'no hand expectation'}`, () => {
      const input = readJson<AnalyzerInput>(join(GOLDEN_DIR, `${name}.input.json`));
      const feedback = analyzeTranscript(input);
      const expectedPath = join(GOLDEN_DIR, `${name}.expected.json`);
      if (UPDATE) writeFileSync(expectedPath, `${JSON.stringify(feedback, null, 2)}\n`);
      assert.deepEqual(feedback, readJson<FeedbackV1>(expectedPath));
      FeedbackV1Schema.parse(feedback);
      assert.equal(feedback.analyzerVersion, ANALYZER_VERSION);
      HAND[name]?.check(feedback);
    });
  }
});

describe('analyzer contract', () => {
  const transcript = (text: string, language: 'en' | 'fr' = 'en') => ({
    schemaVersion: 1 as const,
    language,
    durationMs: null,
    segments: [{ tStartMs: 0, tEndMs: 0, text }],
  });

  test('a blank or wordless transcript is transcript_empty', () => {
    for (const text of ['', '   ', '\n\t', '... — ?!']) {
      assert.throws(
        () => analyzeTranscript({ transcript: transcript(text) }),
        (error) => isAppError(error) && error.code === 'transcript_empty',
        JSON.stringify(text),
      );
    }
    assert.throws(
      () => analyzeTranscript({ transcript: { ...transcript(''), segments: [] } }),
      (error) => isAppError(error) && error.code === 'transcript_empty',
    );
  });

  test('the same input gives the same output, and the input is not modified', () => {
    for (const name of goldenCases()) {
      const input = readJson<AnalyzerInput>(join(GOLDEN_DIR, `${name}.input.json`));
      const before = structuredClone(input);
      const first = analyzeTranscript(input);
      const second = analyzeTranscript(structuredClone(input));
      assert.deepEqual(second, first, name);
      assert.equal(JSON.stringify(second), JSON.stringify(first), `${name}: same key order too`);
      assert.deepEqual(input, before, `${name}: input untouched`);
    }
  });

  test('the duration is never an estimate: audio, then transcript, then latest time, else null', () => {
    const timed = {
      schemaVersion: 1 as const,
      language: 'en' as const,
      durationMs: null,
      segments: [{ tStartMs: 1000, tEndMs: 31_000, text: 'one two three four five six seven eight nine ten' }],
    };
    assert.equal(analyzeTranscript({ transcript: timed }).metrics.durationMs, 31_000);
    assert.equal(analyzeTranscript({ transcript: { ...timed, durationMs: 40_000 } }).metrics.durationMs, 40_000);
    assert.equal(analyzeTranscript({ transcript: { ...timed, durationMs: 40_000 }, audioDurationMs: 45_000 }).metrics.durationMs, 45_000);
    assert.equal(analyzeTranscript({ transcript: timed, audioDurationMs: 0 }).metrics.durationMs, 31_000);
    const typed = analyzeTranscript({ transcript: transcript('one two three'), targetDurationSec: 60 });
    assert.equal(typed.metrics.durationMs, null);
    assert.equal(typed.overallScore, 100, 'no duration: no target penalty either');
    // With the audio's length but no timing, pace is known but pauses are not.
    const typedWithAudio = analyzeTranscript({ transcript: transcript('one two three'), audioDurationMs: 1500 });
    assert.equal(typedWithAudio.metrics.wpm, 120);
    assert.equal(typedWithAudio.metrics.pauses, null);
    assert.deepEqual(typedWithAudio.comments, []);
  });

  test('without audio pauses, pauses come from transcript gaps (here none: the segments touch)', () => {
    const input = readJson<AnalyzerInput>(join(GOLDEN_DIR, 'en-audio-pauses.input.json'));
    const feedback = analyzeTranscript({ ...input, audioPauses: null });
    assert.equal(feedback.metrics.pauses, 0);
    assert.equal(feedback.metrics.longPauses, 0);
    assert.equal(feedback.metrics.wpm, 93); // 62 words from the first segment's start to the last one's end: 62 / 40 s
    assert.equal(feedback.metrics.wpmWholeRun, 89); // 62 / 0.7 min = 88.57
    assert.deepEqual(feedback.comments, []);
    const emptyAudio = analyzeTranscript({ ...input, audioPauses: [] });
    assert.equal(emptyAudio.metrics.pauses, 0, 'an empty audio list means the audio had no pause');
  });

  test('the output always satisfies FeedbackV1Schema (seeded generated transcripts)', () => {
    const random = seededRandom(20_261_125);
    const vocabulary = [
      'um', 'uh', 'like', 'you', 'know', 'sort', 'of', 'kind', 'so', 'okay', 'the', 'API', 'K8S', 'équipe', 'été',
      "l'équipe", 'aujourd’hui', 'euh', 'du', 'coup', 'en', 'fait', 'quoi', 'bon', 'genre', 'deploy', 'deploy', 'latency',
    ];
    const marks = [' ', ' ', ' ', ', ', '. ', '? ', '\n', ' — '];
    for (let run = 0; run < 200; run += 1) {
      const segments = [];
      let t = Math.floor(random() * 3) === 0 ? 0 : 1;
      const timed = t > 0;
      for (let s = 0; s < 1 + Math.floor(random() * 6); s += 1) {
        const words = [];
        const start = t;
        let text = '';
        for (let w = 0; w < 1 + Math.floor(random() * 30); w += 1) {
          const word = vocabulary[Math.floor(random() * vocabulary.length)]!;
          text += word + marks[Math.floor(random() * marks.length)]!;
          const begin = t;
          t += timed ? 100 + Math.floor(random() * (random() < 0.05 ? 12_000 : 600)) : 0;
          words.push({ tStartMs: begin, tEndMs: t, text: word });
        }
        segments.push({ tStartMs: start, tEndMs: t, text, ...(random() < 0.5 ? { words } : {}) });
      }
      const input: AnalyzerInput = {
        transcript: { schemaVersion: 1, language: random() < 0.5 ? 'en' : 'fr', durationMs: timed && random() < 0.5 ? t : null, segments },
        targetDurationSec: random() < 0.3 ? 1 + Math.floor(random() * 120) : null,
        audioPauses: timed && random() < 0.3 ? [{ tStartMs: 100, tEndMs: 2600 }, { tStartMs: 5000, tEndMs: 4000 }] : null,
      };
      const feedback = analyzeTranscript(input);
      const parsed = FeedbackV1Schema.safeParse(feedback);
      assert.ok(parsed.success, `run ${run}: ${parsed.success ? '' : parsed.error.message}`);
      assert.ok(feedback.comments.length <= 7 && feedback.topActions.length <= 2);
      if (!timed) assert.deepEqual(feedback.comments, [], `run ${run}: no timing, no comments`);
    }
  });
});

/** A small deterministic generator (mulberry32), so the generated cases are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}
