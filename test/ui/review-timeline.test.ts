import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { shareOf, transcriptItems, waveformPath, wordAt } from '../../ui/src/feedback/review-timeline';

const word = (text: string, tStartMs: number, tEndMs: number) => ({ text, tStartMs, tEndMs, filler: false, fast: false });
const words = [word('we', 1000, 1200), word('ship', 1300, 1600), word('daily', 4000, 4400)];

describe('the review timeline', { timeout: 10_000 }, () => {
  test('the word being said: lit from its start until the next word starts, dark in a long pause and after the last', () => {
    assert.equal(wordAt(words, 999), -1);
    assert.equal(wordAt(words, 1000), 0);
    assert.equal(wordAt(words, 1250), 0, 'the short silence after a word keeps it lit');
    assert.equal(wordAt(words, 1300), 1);
    assert.equal(wordAt(words, 2000), 1);
    assert.equal(wordAt(words, 2000, [{ tStartMs: 1600, tEndMs: 4000 }]), -1, 'a long pause lights nothing');
    assert.equal(wordAt(words, 4400), 2);
    assert.equal(wordAt(words, 4401), -1);
  });

  test('a long pause is marked between the words it separates, never before the first word', () => {
    const pauses = [{ tStartMs: 0, tEndMs: 1000, long: false }, { tStartMs: 1600, tEndMs: 4000, long: true }];
    assert.deepEqual(
      transcriptItems({ words, pauses }).map((item) => (item.kind === 'word' ? item.word.text : `pause ${item.tEndMs - item.tStartMs}`)),
      ['we', 'ship', 'pause 2400', 'daily'],
    );
  });

  test('the waveform path has a bar per peak, silence drawn as a hairline; times map to a share of the width', () => {
    assert.equal(waveformPath([0, 1, 0.5]), 'M0.5 49.5V50.5M1.5 0.0V100.0M2.5 25.0V75.0');
    assert.equal(shareOf(5000, 20_000), 0.25);
    assert.equal(shareOf(30_000, 20_000), 1);
    assert.equal(shareOf(10, 0), 0);
  });
});
