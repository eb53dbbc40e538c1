import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../src/kernel/errors.js';
import { checkedTitle } from '../../src/core/talk/project-rules.js';
import type { Project } from '../../ui/src/api/types/talk';
import {
  createPayload,
  draftFrom,
  emptyDraft,
  fieldForCode,
  targetSeconds,
  updateChanges,
  validateDraft,
  type TalkDraft,
} from '../../ui/src/talks/talk-draft';

const TIMEOUT = { timeout: 10_000 };

function draft(fields: Partial<TalkDraft>): TalkDraft {
  return { ...emptyDraft(), title: 'Quarterly review', ...fields };
}

function project(fields: Partial<Project>): Project {
  return {
    id: 'p1',
    title: 'Quarterly review',
    audience: null,
    goal: null,
    durationTargetSec: null,
    talkNumber: 1,
    stage: 'draft',
    isTraining: false,
    createdAt: '2024-03-05T09:00:00.000Z',
    updatedAt: '2024-03-05T09:00:00.000Z',
    ...fields,
  };
}

describe('talk draft: the form a speaker fills', TIMEOUT, () => {
  test('a new form is empty', () => {
    assert.deepEqual(emptyDraft(), { title: '', audience: '', goal: '', minutes: '' });
  });

  test('draftFrom shows a stored talk in minutes, with at most two decimals, and blanks for what is unset', () => {
    assert.deepEqual(draftFrom(project({ audience: 'Board', goal: 'Budget', durationTargetSec: 450 })), {
      title: 'Quarterly review',
      audience: 'Board',
      goal: 'Budget',
      minutes: '7.5',
    });
    assert.equal(draftFrom(project({ durationTargetSec: 600 })).minutes, '10');
    assert.equal(draftFrom(project({ durationTargetSec: 100 })).minutes, '1.67'); // 1.666... minutes
    assert.deepEqual(draftFrom(project({})), { title: 'Quarterly review', audience: '', goal: '', minutes: '' });
  });

  test('targetSeconds reads minutes typed with a dot or a French comma, as text or number', () => {
    assert.equal(targetSeconds('7.5'), 450);
    assert.equal(targetSeconds(' 7,5 '), 450);
    assert.equal(targetSeconds(7.5), 450);
    assert.equal(targetSeconds('10'), 600);
  });

  test('targetSeconds: an empty field means no target', () => {
    assert.equal(targetSeconds(''), null);
    assert.equal(targetSeconds('   '), null);
  });

  test('targetSeconds accepts 1 second to 8 hours, rounding to whole seconds, and nothing outside', () => {
    assert.equal(targetSeconds('0.01'), 1); // 0.6 s rounds to the 1 s minimum
    assert.ok(Number.isNaN(targetSeconds('0.008')), '0.48 s rounds to 0 s: refused');
    assert.ok(Number.isNaN(targetSeconds('0')));
    assert.ok(Number.isNaN(targetSeconds('-5')));
    assert.equal(targetSeconds('480'), 28_800);
    assert.ok(Number.isNaN(targetSeconds('480.01')), '28,801 s is over 8 hours');
  });

  test('targetSeconds refuses what is not a number', () => {
    assert.ok(Number.isNaN(targetSeconds('ten')));
    assert.ok(Number.isNaN(targetSeconds('Infinity')));
    assert.ok(Number.isNaN(targetSeconds('7.5.1')));
  });

  test('validateDraft accepts a complete valid talk', () => {
    assert.deepEqual(validateDraft(draft({ audience: 'Board', goal: 'Budget', minutes: '10' })), {});
  });

  test('validateDraft: a blank title is required', () => {
    assert.deepEqual(validateDraft(draft({ title: '   ' })), { title: 'error.project_title_required' });
  });

  test('validateDraft: title, audience and goal limits are 120, 240 and 1000 characters after trimming', () => {
    assert.deepEqual(validateDraft(draft({ title: ` ${'t'.repeat(120)} `, audience: 'a'.repeat(240), goal: 'g'.repeat(1000) })), {});
    assert.deepEqual(validateDraft(draft({ title: 't'.repeat(121) })), { title: 'error.project_title_too_long' });
    assert.deepEqual(validateDraft(draft({ audience: 'a'.repeat(241) })), { audience: 'error.project_audience_too_long' });
    assert.deepEqual(validateDraft(draft({ goal: 'g'.repeat(1001) })), { goal: 'error.project_goal_too_long' });
  });

  test('validateDraft: a duration that is not 1 s to 8 h is marked on the minutes field', () => {
    assert.deepEqual(validateDraft(draft({ minutes: 'ten' })), { minutes: 'error.project_duration_invalid' });
    assert.deepEqual(validateDraft(draft({ minutes: '481' })), { minutes: 'error.project_duration_invalid' });
  });

  test('validateDraft reports every wrong field at once', () => {
    assert.deepEqual(validateDraft({ title: '', audience: 'a'.repeat(241), goal: 'g'.repeat(1001), minutes: '0' }), {
      title: 'error.project_title_required',
      audience: 'error.project_audience_too_long',
      goal: 'error.project_goal_too_long',
      minutes: 'error.project_duration_invalid',
    });
  });

  test('accented titles within the limit are accepted: Présentation trimestrielle, Ünternehmen, 発表', () => {
    for (const title of ['Présentation trimestrielle', 'Ünternehmensstrategie', '発表の練習']) {
      assert.deepEqual(validateDraft(draft({ title })), {}, title);
    }
  });

  // The form must agree with the server on what fits: both count characters after NFC normalisation, one per code
  // point (src/contracts/talk-rules.ts), so 120 emoji or 120 decomposed accents fit and 121 do not.
  test(
    'the form refuses a title exactly when the server does (emoji and decomposed accents included)',
    () => {
      const titles = ['t'.repeat(120), 't'.repeat(121), '😀'.repeat(120), '😀'.repeat(121), 'e\u0301'.repeat(120), 'é'.repeat(121)];
      for (const title of titles) {
        let serverCode: string | undefined;
        try {
          checkedTitle(title);
        } catch (error) {
          serverCode = error instanceof AppError ? error.code : 'not_an_app_error';
        }
        const formCode = validateDraft(draft({ title })).title;
        assert.equal(formCode, serverCode === undefined ? undefined : `error.${serverCode}`, `${[...title].length} characters`);
      }
    },
  );

  test('fieldForCode places each server refusal next to its field', () => {
    assert.equal(fieldForCode('project_title_required'), 'title');
    assert.equal(fieldForCode('project_title_too_long'), 'title');
    assert.equal(fieldForCode('project_audience_too_long'), 'audience');
    assert.equal(fieldForCode('project_goal_too_long'), 'goal');
    assert.equal(fieldForCode('project_duration_invalid'), 'minutes');
  });

  test('fieldForCode leaves codes about no field to the page-level notice', () => {
    assert.equal(fieldForCode('project_not_found'), null);
    assert.equal(fieldForCode('network_error'), null);
  });

  test('createPayload trims and leaves out empty optional fields (the server then stores null)', () => {
    assert.deepEqual(createPayload(draft({ title: '  Demo day ', audience: '   ', goal: ' Win ', minutes: '' })), {
      title: 'Demo day',
      goal: 'Win',
    });
    assert.deepEqual(createPayload(draft({ audience: ' Board ', minutes: '7,5' })), {
      title: 'Quarterly review',
      audience: 'Board',
      durationTargetSec: 450,
    });
  });

  test('updateChanges sends every field, an emptied one as null so that it is cleared', () => {
    assert.deepEqual(updateChanges(draft({ title: ' Demo day ', audience: '  ', goal: '', minutes: ' ' })), {
      title: 'Demo day',
      audience: null,
      goal: null,
      durationTargetSec: null,
    });
    assert.deepEqual(updateChanges(draft({ audience: ' Board ', goal: ' Win ', minutes: '10' })), {
      title: 'Quarterly review',
      audience: 'Board',
      goal: 'Win',
      durationTargetSec: 600,
    });
  });
});
