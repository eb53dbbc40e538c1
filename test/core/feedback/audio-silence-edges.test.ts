import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findPauses } from '../../../src/core/feedback/analyzer/pauses.js';

// A silence the audio measure could not close (no end time) is not a pause: reported, it would be a "silence" that
// never ends and swallows every pause after it. (Mutation testing found the check unchecked.)

describe('audio silences without a usable time', { timeout: 10_000 }, () => {
  test('a silence with an endless end is dropped, and the pauses around it are kept as they are', () => {
    const findings = findPauses(
      [
        { tStartMs: 1_000, tEndMs: 2_000 },
        { tStartMs: 3_000, tEndMs: Number.POSITIVE_INFINITY },
        { tStartMs: 4_000, tEndMs: 5_000 },
      ],
      null,
    );
    assert.deepEqual(findings, {
      measuredOnAudio: true,
      pauses: [
        { tStartMs: 1_000, tEndMs: 2_000 },
        { tStartMs: 4_000, tEndMs: 5_000 },
      ],
    });
  });
});
