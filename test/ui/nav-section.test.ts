import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { navSectionOf } from '../../ui/src/components/nav-section';

describe('the active tab of every page', { timeout: 5_000 }, () => {
  test('pages under a talk show Talks; quests and their recordings show Training; the rest their own entry', () => {
    const cases: [string, Record<string, unknown>, string | null][] = [
      ['/talks', {}, '/talks'],
      ['/talks/proj_1', {}, '/talks'],
      ['/talks/proj_1/runs/run_1', {}, '/talks'],
      ['/record', { projectId: 'proj_1' }, '/talks'],
      ['/record', { questCode: 'no_fillers' }, '/training'],
      ['/feedback/fb_1', {}, '/talks'],
      ['/quest/no_fillers', {}, '/training'],
      ['/health', {}, '/health'],
      ['/nowhere', {}, null],
    ];
    for (const [path, query, expected] of cases) assert.equal(navSectionOf(path, query), expected, path);
  });
});
