import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { markdownToPlainText } from '../../ui/src/util/plain-text';

describe('an outline as the words the speaker says', { timeout: 10_000 }, () => {
  test('headings, list markers, numbered items and task boxes are dropped', () => {
    const outline = ['# Opening', '## Why now', '- Costs are up', '* Time is short', '+ Plus sign', '1. First point', '2) Second point', '- [x] Done task', '- [ ] Open task'].join('\n');
    assert.equal(
      markdownToPlainText(outline),
      ['Opening', 'Why now', 'Costs are up', 'Time is short', 'Plus sign', 'First point', 'Second point', 'Done task', 'Open task'].join('\n'),
    );
  });

  test('emphasis, code, links, images, quotes and tables keep only their words', () => {
    const outline = ['> A **bold** and _quiet_ claim', 'Run `npm test` ~~now~~', 'See [the report](https://example.com/r) here', '![chart of costs](chart.png)', '| Q1 | Q2 |'].join('\n');
    assert.equal(markdownToPlainText(outline), ['A bold and quiet claim', 'Run npm test now', 'See the report here', 'chart of costs', 'Q1 Q2'].join('\n'));
  });

  test('rules, HTML tags, comments over several lines and blank lines leave nothing behind', () => {
    const outline = ['Intro', '', '---', '* * *', '<!-- speaker note', 'not said -->', 'Line<br>break', '   '].join('\r\n');
    assert.equal(markdownToPlainText(outline), 'Intro\nLinebreak');
  });

  test('lines of symbols only are dropped, numbers and accented words are kept', () => {
    assert.equal(markdownToPlainText(['— – …', '42', 'Œuvre été déjà vue', '日本語の発表'].join('\n')), ['42', 'Œuvre été déjà vue', '日本語の発表'].join('\n'));
  });

  test('an empty outline is empty text', () => {
    assert.equal(markdownToPlainText(''), '');
  });
});
