import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ActionIdSchema, TopActionSchema } from '../../../src/contracts/feedback-v1.js';
import { ACTION_CATALOGUE } from '../../../src/contracts/action-catalogue.js';

// Every action the analyzer can put at the top of a feedback is shown to the speaker with its title, why and how, in
// English and French, and sends them to quests that exist. Most actions appear in the analyzer's goldens; these
// checks hold for all of them, including the ones no golden reaches (quiet, clipped or flat recordings).

describe('the action catalogue', { timeout: 10_000 }, () => {
  test('has copy for every action id, and for nothing else', () => {
    assert.deepEqual(Object.keys(ACTION_CATALOGUE).sort(), [...ActionIdSchema.options].sort());
  });

  for (const [id, copy] of Object.entries(ACTION_CATALOGUE)) {
    test(`${id}: a top action the contract accepts, with words in both languages and one to three quests`, () => {
      assert.equal(TopActionSchema.safeParse({ id, ...copy }).success, true);
      for (const part of [copy.title, copy.why, copy.how]) {
        assert.ok(part.en.trim().length > 0 && part.fr.trim().length > 0, `${id} has English and French copy`);
        assert.notEqual(part.en, part.fr, `${id}: the French is a translation, not the English again`);
      }
      assert.equal(new Set(copy.targetQuestCodes).size, copy.targetQuestCodes.length, `${id} names each quest once`);
    });
  }
});
