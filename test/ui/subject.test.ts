import './support/page-document';
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { ApiError } from '../../ui/src/api/api-error';
import { language } from '../../ui/src/i18n';
import { analyzeSubject, linkTranscript, storeRecording, type StoreProgress } from '../../ui/src/record/subject';
import { fakeLectern, type Answer, type FakeLectern } from './support/fake-lectern';

const WAV = new Blob([new Uint8Array(48)], { type: 'audio/wav' });
const RUN_TARGET = { kind: 'run', profileId: 'prof-1', projectId: 'talk-1' } as const;
const QUEST_TARGET = { kind: 'quest', profileId: 'prof-1', projectId: 'talk-1', questCode: 'no_fillers' } as const;
const UPLOADED = { result: { audioArtifactId: 'art-1' } };
/** PocketSphinx only (English): a French interface still transcribes in English. */
const ASR_STATUS = { result: { engines: [{ engine: 'pocketsphinx', available: true, languages: ['en'], hint: null }], defaultEngine: 'pocketsphinx' } };
const REFUSED = { error: { code: 'database_busy', message: 'Lectern is busy.' }, status: 503 };

let server: FakeLectern | null = null;
afterEach(() => {
  server?.restore();
  server = null;
});

/** Answers from a script: the first call gets the first answer, later calls the next ones (the last repeats). */
function answers(...script: Answer[]): () => Answer {
  let next = 0;
  return () => script[Math.min(next++, script.length - 1)] as Answer;
}

describe('storing a take (the Record page)', { timeout: 10_000 }, () => {
  test('for a run: the upload only stages the take, then one run_record makes the run and starts its job', async () => {
    server = fakeLectern({
      asr_status: ASR_STATUS,
      'upload/audio': { result: { uploadId: 'up-1' } },
      run_record: { result: { run: { id: 'run-1', audioArtifactId: 'art-1' }, job: { id: 'job-1' } } },
    });
    const subject = await storeRecording(RUN_TARGET, WAV);
    assert.deepEqual(subject, { kind: 'run', profileId: 'prof-1', projectId: 'talk-1', runId: 'run-1', audioArtifactId: 'art-1', jobId: 'job-1' });
    assert.deepEqual(server.routes(), ['asr_status', 'upload/audio', 'run_record']);
    assert.equal(server.sent[1]?.url, '/api/upload/audio?profileId=prof-1&stage=1');
    assert.deepEqual(server.sent[1]?.body, { bytes: 48, type: 'audio/wav' });
    assert.deepEqual(server.sent[2]?.body, { profileId: 'prof-1', projectId: 'talk-1', uploadId: 'up-1', language: 'en' });
  });

  test('a run take that run_record refused is staged and recorded again as a whole (no run was left behind)', async () => {
    server = fakeLectern({
      asr_status: ASR_STATUS,
      'upload/audio': { result: { uploadId: 'up-1' } },
      run_record: answers(REFUSED, { result: { run: { id: 'run-1', audioArtifactId: 'art-1' }, job: { id: 'job-1' } } }),
    });
    await assert.rejects(storeRecording(RUN_TARGET, WAV), (error: unknown) => error instanceof ApiError && error.code === 'database_busy');
    await storeRecording(RUN_TARGET, WAV);
    assert.deepEqual(server.routes(), ['asr_status', 'upload/audio', 'run_record', 'asr_status', 'upload/audio', 'run_record']);
  });

  test('a French interface on a machine whose engine speaks only English records the run in English', async () => {
    server = fakeLectern({
      asr_status: ASR_STATUS,
      'upload/audio': { result: { uploadId: 'up-1' } },
      run_record: { result: { run: { id: 'run-1', audioArtifactId: 'art-1' }, job: { id: 'job-1' } } },
    });
    language.value = 'fr';
    try {
      await storeRecording(RUN_TARGET, WAV);
    } finally {
      language.value = 'en';
    }
    assert.equal((server.sent[2]?.body as { language: string }).language, 'en');
  });

  test('for a quest: the upload, then quest_submit_audio (one attempt per take)', async () => {
    server = fakeLectern({ 'upload/audio': UPLOADED, quest_submit_audio: { result: { attempt: { id: 'att-1' } } } });
    const subject = await storeRecording(QUEST_TARGET, WAV);
    assert.deepEqual(subject, {
      kind: 'quest',
      profileId: 'prof-1',
      projectId: 'talk-1',
      questCode: 'no_fillers',
      attemptId: 'att-1',
      audioArtifactId: 'art-1',
    });
    assert.deepEqual(server.routes(), ['upload/audio', 'quest_submit_audio']);
    assert.deepEqual(server.sent[1]?.body, { profileId: 'prof-1', projectId: 'talk-1', questCode: 'no_fillers', audioArtifactId: 'art-1' });
  });

  test('a quest take tried again after the submit failed is not uploaded twice', async () => {
    server = fakeLectern({ 'upload/audio': UPLOADED, quest_submit_audio: answers(REFUSED, { result: { attempt: { id: 'att-1' } } }) });
    const progress: StoreProgress = {};
    await assert.rejects(storeRecording(QUEST_TARGET, WAV, progress));
    await storeRecording(QUEST_TARGET, WAV, progress);
    assert.deepEqual(server.routes(), ['upload/audio', 'quest_submit_audio', 'quest_submit_audio']);
  });
});

describe('after the transcript (the Record page)', { timeout: 10_000 }, () => {
  const run = { kind: 'run', profileId: 'prof-1', projectId: 'talk-1', runId: 'run-1', audioArtifactId: 'art-1', jobId: 'job-1' } as const;
  const attempt = { kind: 'quest', profileId: 'prof-1', projectId: 'talk-1', questCode: 'no_fillers', attemptId: 'att-1', audioArtifactId: 'art-1' } as const;

  test("linkTranscript points a run at the transcript with run_set_transcript", async () => {
    server = fakeLectern({ run_set_transcript: { result: { run: {} } } });
    await linkTranscript(run, 'tr-2');
    assert.deepEqual(server.routes(), ['run_set_transcript']);
    assert.deepEqual(server.sent[0]?.body, { profileId: 'prof-1', runId: 'run-1', transcriptId: 'tr-2' });
  });

  test('linkTranscript resubmits a quest take with its transcript', async () => {
    server = fakeLectern({ quest_submit_audio: { result: { attempt: { id: 'att-1' } } } });
    await linkTranscript(attempt, 'tr-2');
    assert.deepEqual(server.sent[0]?.body, {
      profileId: 'prof-1',
      projectId: 'talk-1',
      questCode: 'no_fillers',
      audioArtifactId: 'art-1',
      transcriptId: 'tr-2',
    });
  });

  test('analyzeSubject analyzes a run with run_analyze and an attempt with analyze_attempt, returning the feedback id', async () => {
    server = fakeLectern({ run_analyze: { result: { feedbackId: 'fb-run' } }, analyze_attempt: { result: { feedbackId: 'fb-att' } } });
    assert.equal(await analyzeSubject(run), 'fb-run');
    assert.equal(await analyzeSubject(attempt), 'fb-att');
    assert.deepEqual(server.sent.map((request) => [request.route, request.body]), [
      ['run_analyze', { profileId: 'prof-1', runId: 'run-1' }],
      ['analyze_attempt', { profileId: 'prof-1', attemptId: 'att-1' }],
    ]);
  });
});
