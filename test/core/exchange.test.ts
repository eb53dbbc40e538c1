import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { readZipSafely } from '../../src/platform/zip/zip-reader.js';
import { writeZip } from '../../src/platform/zip/zip-writer.js';
import { stageUpload } from '../../src/core/exchange/index.js';
import { DataStore } from '../../src/platform/db/data-store.js';
import { deflated, forgeZip, MIB, UNIX_SYMLINK_ATTRIBUTES } from '../platform/zip/zip-forge.js';
import { invokeErrorCode, invokeOk } from '../support/invoke.js';
import { makeTempDir } from '../support/temp-dir.js';

async function setup() {
  const dir = makeTempDir();
  const store = DataStore.open(dir, { appVersion: 'test' });
  after(() => store.close());
  const { profile: author } = await invokeOk(store, 'profile_create', { name: 'Author' });
  const { profile: reviewer } = await invokeOk(store, 'profile_create', { name: 'Reviewer' });
  const { project } = await invokeOk(store, 'project_create', { profileId: author.id, project: { title: 'Ship <script>alert(1)</script> daily' } });
  await invokeOk(store, 'outline_set', { profileId: author.id, projectId: project.id, markdown: '# Ship daily\n- why\n- how' });
  const { run } = await invokeOk(store, 'run_create', { profileId: author.id, projectId: project.id });
  const { transcriptId } = await invokeOk(store, 'transcript_save', { profileId: author.id, text: 'We ship every day.\nHere is how.' });
  await invokeOk(store, 'run_set_transcript', { profileId: author.id, runId: run.id, transcriptId });
  const exportPack = async () => {
    const result = await invokeOk(store, 'pack_export', { profileId: author.id, runId: run.id });
    const path = join(store.layout.profileDir(author.id), 'artifacts', 'pack', `${result.packId}.zip`);
    return { ...result, bytes: readFileSync(path) };
  };
  /** Rows of every table and files of the reviewer's profile: what a refused import must leave unchanged. */
  const reviewerState = () => {
    const db = store.profile(reviewer.id);
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[];
    const root = store.layout.profileDir(reviewer.id);
    const files = existsSync(join(root, 'artifacts'))
      ? readdirSync(join(root, 'artifacts'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name))).sort()
      : [];
    return { rows: tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get()]), files };
  };
  return { store, author: author.id, reviewer: reviewer.id, projectId: project.id, runId: run.id, exportPack, reviewerState };
}

function entriesOf(zip: Buffer): Map<string, Buffer> {
  return new Map(readZipSafely(zip).entries.map((e) => [e.name, e.data]));
}

/** Rebuilds a pack with changed entries, as a reviewer (or an attacker) would. */
function repack(zip: Buffer, change: (entries: Map<string, Buffer>) => void): Buffer {
  const entries = entriesOf(zip);
  change(entries);
  return writeZip([...entries].map(([name, data]) => ({ name, data, compress: true })));
}

describe('packs and peer reviews', () => {
  test('pack_export writes a zip whose manifest lists every file with its size and sha256; the viewer escapes the title', async () => {
    const { exportPack } = await setup();
    const pack = await exportPack();
    assert.match(pack.fileName, /^lectern-pack-talk-1-.*\.zip$/);
    const entries = entriesOf(pack.bytes);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString());
    assert.equal(manifest.pack_id, pack.packId);
    assert.deepEqual(manifest.files.map((f: { role: string }) => f.role), ['transcript', 'outline', 'rubric', 'review_template', 'viewer']);
    for (const file of manifest.files as Array<{ path: string; sha256: string; bytes: number }>) {
      const data = entries.get(file.path)!;
      assert.equal(data.length, file.bytes);
      assert.equal(createHash('sha256').update(data).digest('hex'), file.sha256);
    }
    const viewer = entries.get('viewer/index.html')!.toString();
    assert.ok(viewer.includes('<title>Ship &lt;script&gt;alert(1)&lt;/script&gt; daily</title>'));
    assert.equal(viewer.includes('alert(1)</script>'), false, 'the title never closes or opens a tag');
    // Only the viewer's own script runs: the CSP allows it by hash, nothing inline else.
    assert.match(viewer, /script-src 'sha256-[A-Za-z0-9+/]{43}='/);
    assert.equal(viewer.match(/<script>/g)?.length, 1);
    assert.equal(entries.get('run/outline.md')!.toString(), '# Ship daily\n- why\n- how');
  });

  test('an export whose row cannot be written (injected) leaves no zip behind', async () => {
    const { store, author, runId } = await setup();
    const packDir = join(store.layout.profileDir(author), 'artifacts', 'pack');
    store.profile(author).exec(`CREATE TEMP TRIGGER fail_pack BEFORE INSERT ON artifacts WHEN NEW.type = 'pack' BEGIN SELECT RAISE(ABORT, 'injected'); END`);
    assert.equal(await invokeErrorCode(store, 'pack_export', { profileId: author, runId }), 'internal_error');
    store.profile(author).exec('DROP TRIGGER temp.fail_pack');
    assert.deepEqual(existsSync(packDir) ? readdirSync(packDir) : [], []);
    assert.equal(store.profile(author).prepare(`SELECT count(*) FROM artifacts WHERE type = 'pack'`).pluck().get(), 0);
  });

  test('deleting a run deletes the packs exported from it (they hold its recording)', async () => {
    const { store, author, runId, exportPack } = await setup();
    const pack = await exportPack();
    const path = join(store.layout.profileDir(author), 'artifacts', 'pack', `${pack.packId}.zip`);
    assert.ok(existsSync(path));
    await invokeOk(store, 'run_delete', { profileId: author, runId });
    assert.equal(existsSync(path), false);
  });

  test('an imported peer review is not counted as the importer’s practice', async () => {
    const { store, reviewer, exportPack } = await setup();
    await invokeOk(store, 'peer_review_import', { profileId: reviewer, uploadId: stageUpload(store, (await exportPack()).bytes) });
    const { progress } = await invokeOk(store, 'progress_get_snapshot', { profileId: reviewer });
    assert.equal(progress.sessionsTotal, 0);
  });

  test('a run without transcript cannot be exported', async () => {
    const { store, author, projectId } = await setup();
    const { run } = await invokeOk(store, 'run_create', { profileId: author, projectId });
    assert.equal(await invokeErrorCode(store, 'pack_export', { profileId: author, runId: run.id }), 'run_missing_transcript');
  });

  test('inspect shows the pack without writing; import creates a peer-review talk, run and review, then drops the upload', async () => {
    const { store, reviewer, exportPack, reviewerState } = await setup();
    const pack = await exportPack();
    const withReview = repack(pack.bytes, (entries) => {
      const review = JSON.parse(entries.get('review/review_template.json')!.toString());
      entries.set('review/review.json', Buffer.from(JSON.stringify({ ...review, reviewer_tag: 'Grace', scores: { ...review.scores, clarity: 5 }, free_text: { strengths: 'Clear ask', improvements: 'Slower start' } })));
    });
    const uploadId = stageUpload(store, withReview);
    const before = reviewerState();
    const { pack: inspected } = await invokeOk(store, 'pack_inspect', { profileId: reviewer, uploadId });
    assert.deepEqual([inspected.packId, inspected.hasReview, inspected.reviewerTag], [pack.packId, true, 'Grace']);
    assert.deepEqual(reviewerState(), before, 'inspect writes nothing');
    const imported = await invokeOk(store, 'peer_review_import', { profileId: reviewer, uploadId });
    assert.equal(imported.outcome, 'new_talk', 'the run is not in the reviewer’s profile');
    const { projects } = await invokeOk(store, 'project_list', { profileId: reviewer });
    assert.deepEqual(projects.map((p) => [p.id, p.stage]), [[imported.projectId, 'peer_review']]);
    assert.match(projects[0]!.title, /^Peer review: Ship/);
    const { review } = await invokeOk(store, 'peer_review_get', { profileId: reviewer, peerReviewId: imported.peerReviewId });
    assert.equal(review.reviewerTag, 'Grace');
    assert.equal(review.content.scores.clarity, 5);
    const { reviews } = await invokeOk(store, 'peer_review_list', { profileId: reviewer, projectId: imported.projectId });
    assert.deepEqual(reviews.map((r) => r.id), [imported.peerReviewId]);
    const { run } = await invokeOk(store, 'run_get', { profileId: reviewer, runId: imported.runId });
    assert.ok(run.transcriptId);
    assert.equal(await invokeErrorCode(store, 'peer_review_import', { profileId: reviewer, uploadId }), 'upload_not_found', 'the upload was consumed');
  });

  test('hostile and lying packs are refused with their code and nothing is written', async () => {
    const { store, reviewer, exportPack, reviewerState } = await setup();
    const pack = await exportPack();
    const manifest = JSON.parse(entriesOf(pack.bytes).get('manifest.json')!.toString());
    const cases: Array<[string, Buffer, string]> = [
      ['zip slip', forgeZip([{ name: '../../evil.sh', data: Buffer.from('x') }]), 'pack_invalid_path'],
      ['symlink entry', forgeZip([{ name: 'run/transcript.json', data: Buffer.from('/etc/passwd'), externalAttributes: UNIX_SYMLINK_ATTRIBUTES, versionMadeBy: 0x0314 }]), 'pack_symlink_rejected'],
      ['ratio bomb', forgeZip([{ name: 'run/audio.wav', storedBytes: deflated(Buffer.alloc(100 * MIB)), method: 8, uncompressedSize: 10 }]), 'pack_entry_too_large'],
      ['10,000 entries', forgeZip(Array.from({ length: 10_000 }, (_, i) => ({ name: `f${i}`, data: Buffer.alloc(0) }))), 'pack_too_many_entries'],
      ['duplicate names', forgeZip([{ name: 'a.txt', data: Buffer.from('1') }, { name: 'A.txt', data: Buffer.from('2') }]), 'pack_duplicate_entry'],
      ['not a pack', writeZip([{ name: 'hello.txt', data: Buffer.from('hi'), compress: false }]), 'pack_manifest_missing'],
      ['bad manifest', repack(pack.bytes, (e) => e.set('manifest.json', Buffer.from('{"schema_version":"9"}'))), 'pack_manifest_invalid'],
      ['size lie', repack(pack.bytes, (e) => e.set('run/outline.md', Buffer.from('# Another outline, longer'))), 'pack_file_mismatch'],
      ['hash lie', repack(pack.bytes, (e) => { const o = e.get('run/outline.md')!; e.set('run/outline.md', Buffer.from(o.toString().replace('why', 'WHY'))); }), 'pack_file_mismatch'],
      ['missing role', repack(pack.bytes, (e) => e.set('manifest.json', Buffer.from(JSON.stringify({ ...manifest, files: manifest.files.filter((f: { role: string }) => f.role !== 'transcript') })))), 'pack_role_missing'],
      ['smuggled file', repack(pack.bytes, (e) => e.set('run/extra.sh', Buffer.from('rm -rf /'))), 'pack_unexpected_entry'],
      ['bad review', repack(pack.bytes, (e) => e.set('review/review.json', Buffer.from('{"scores":{"clarity":9}}'))), 'pack_review_invalid'],
      ['truncated zip', Buffer.from('PK\u0003\u0004 then nothing a zip needs'), 'pack_zip_invalid'],
    ];
    const before = reviewerState();
    for (const [label, bytes, code] of cases) {
      const uploadId = stageUpload(store, bytes);
      assert.equal(await invokeErrorCode(store, 'pack_inspect', { profileId: reviewer, uploadId }), code, `${label} (inspect)`);
      assert.equal(await invokeErrorCode(store, 'peer_review_import', { profileId: reviewer, uploadId }), code, `${label} (import)`);
      assert.deepEqual(reviewerState(), before, `${label} left something behind`);
    }
  });

  test('an import that fails inside its transaction (injected) leaves no row and no file', async () => {
    const { store, reviewer, exportPack, reviewerState } = await setup();
    const uploadId = stageUpload(store, (await exportPack()).bytes);
    const before = reviewerState();
    store.profile(reviewer).exec(`CREATE TEMP TRIGGER fail_review BEFORE INSERT ON peer_reviews BEGIN SELECT RAISE(ABORT, 'injected'); END`);
    assert.equal(await invokeErrorCode(store, 'peer_review_import', { profileId: reviewer, uploadId }), 'internal_error');
    store.profile(reviewer).exec('DROP TRIGGER temp.fail_review');
    assert.deepEqual(reviewerState(), before);
    await invokeOk(store, 'peer_review_import', { profileId: reviewer, uploadId });
  });
});

/** What the pack's viewer saves with "Save my review": the review and the ids of the pack's run. */
function reviewFile(pack: { bytes: Buffer }, review: Record<string, unknown> = {}): Record<string, unknown> {
  const entries = entriesOf(pack.bytes);
  const manifest = JSON.parse(entries.get('manifest.json')!.toString());
  const template = JSON.parse(entries.get('review/review_template.json')!.toString());
  return {
    format: 'lectern-peer-review',
    schema_version: '1.0.0',
    pack_id: manifest.pack_id,
    project_id: manifest.project_id,
    run_id: manifest.run.run_id,
    review: {
      ...template,
      reviewer_tag: 'Grace',
      scores: { ...template.scores, pacing: 2 },
      free_text: { strengths: 'Clear ask', improvements: 'Slower start' },
      timestamps: [{ t_ms: 1500, note: 'Pause here' }],
      ...review,
    },
  };
}

const asBytes = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

describe('peer reviews come back to the run they are about', { timeout: 30_000 }, () => {
  test('a review file attaches to the original run; importing it again changes nothing and says so', async () => {
    const { store, author, projectId, runId, exportPack } = await setup();
    const pack = await exportPack();
    const file = asBytes(reviewFile(pack));
    const imported = await invokeOk(store, 'peer_review_import', { profileId: author, uploadId: stageUpload(store, file) });
    assert.deepEqual([imported.outcome, imported.runId, imported.projectId], ['attached', runId, projectId]);
    const { projects } = await invokeOk(store, 'project_list', { profileId: author });
    assert.equal(projects.length, 1, 'no new talk');
    const { reviews } = await invokeOk(store, 'peer_review_list', { profileId: author, projectId, runId });
    assert.deepEqual(reviews.map((r) => [r.id, r.reviewerTag]), [[imported.peerReviewId, 'Grace']]);
    const { review } = await invokeOk(store, 'peer_review_get', { profileId: author, peerReviewId: imported.peerReviewId });
    assert.deepEqual([review.content.scores.pacing, review.content.timestamps], [2, [{ t_ms: 1500, note: 'Pause here' }]]);

    const state = authorState(store, author);
    const again = await invokeOk(store, 'peer_review_import', { profileId: author, uploadId: stageUpload(store, file) });
    assert.deepEqual(again, { ...imported, outcome: 'already_imported' });
    assert.deepEqual(authorState(store, author), state, 're-import wrote nothing');
  });

  test('the same review in the returned pack is the same review; a different one is a second review of the run', async () => {
    const { store, author, projectId, runId, exportPack } = await setup();
    const pack = await exportPack();
    const content = reviewFile(pack).review;
    const reviewedPack = repack(pack.bytes, (entries) => entries.set('review/review.json', asBytes(content)));
    const fromPack = await invokeOk(store, 'peer_review_import', { profileId: author, uploadId: stageUpload(store, reviewedPack) });
    assert.deepEqual([fromPack.outcome, fromPack.runId], ['attached', runId]);
    // The scores in another key order are still the same review.
    const reordered = reviewFile(pack);
    const scores = (reordered.review as { scores: Record<string, number> }).scores;
    (reordered.review as { scores: Record<string, number> }).scores = Object.fromEntries(Object.entries(scores).reverse());
    const fromFile = await invokeOk(store, 'peer_review_import', { profileId: author, uploadId: stageUpload(store, asBytes(reordered)) });
    assert.deepEqual([fromFile.outcome, fromFile.peerReviewId], ['already_imported', fromPack.peerReviewId]);
    const second = await invokeOk(store, 'peer_review_import', { profileId: author, uploadId: stageUpload(store, asBytes(reviewFile(pack, { reviewer_tag: 'Ada' }))) });
    assert.equal(second.outcome, 'attached');
    const { reviews } = await invokeOk(store, 'peer_review_list', { profileId: author, projectId, runId });
    assert.deepEqual(reviews.map((r) => r.reviewerTag).sort(), ['Ada', 'Grace']);
  });

  test('a pack for a run this profile does not have is a new talk, once; a review file alone for it is refused', async () => {
    const { store, reviewer, exportPack, reviewerState } = await setup();
    const pack = await exportPack();
    const before = reviewerState();
    assert.equal(await invokeErrorCode(store, 'peer_review_import', { profileId: reviewer, uploadId: stageUpload(store, asBytes(reviewFile(pack))) }), 'review_run_unknown');
    assert.deepEqual(reviewerState(), before);
    const first = await invokeOk(store, 'peer_review_import', { profileId: reviewer, uploadId: stageUpload(store, pack.bytes) });
    assert.equal(first.outcome, 'new_talk');
    const after = reviewerState();
    const second = await invokeOk(store, 'peer_review_import', { profileId: reviewer, uploadId: stageUpload(store, pack.bytes) });
    assert.deepEqual(second, { ...first, outcome: 'already_imported' });
    assert.deepEqual(reviewerState(), after, 'no second talk');
  });

  test('a review file whose talk is not the run’s own is not attached to that run', async () => {
    const { store, author, exportPack } = await setup();
    const pack = await exportPack();
    const code = await invokeErrorCode(store, 'peer_review_import', { profileId: author, uploadId: stageUpload(store, asBytes({ ...reviewFile(pack), project_id: 'proj_other' })) });
    assert.equal(code, 'review_run_unknown');
  });

  test('hostile review files are refused with their code and change nothing', async () => {
    const { store, author, exportPack } = await setup();
    const pack = await exportPack();
    const good = reviewFile(pack);
    const review = good.review as Record<string, unknown>;
    const cases: Array<[string, Buffer, string]> = [
      ['too large', Buffer.alloc(256 * 1024 + 1, 0x20), 'review_file_too_large'],
      ['not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'review_file_invalid'],
      ['not JSON', Buffer.from('scores: 5'), 'review_file_invalid'],
      ['empty', Buffer.alloc(0), 'review_file_invalid'],
      ['an unknown field', asBytes({ ...good, extra: 1 }), 'review_file_invalid'],
      ['another format', asBytes({ ...good, format: 'something-else' }), 'review_file_invalid'],
      ['a forged pack id', asBytes({ ...good, pack_id: '../../etc/passwd' }), 'review_file_invalid'],
      ['no review', asBytes({ ...good, review: undefined }), 'review_file_invalid'],
      ['score 6', asBytes({ ...good, review: { ...review, scores: { ...(review.scores as object), clarity: 6 } } }), 'review_file_invalid'],
      ['a missing score', asBytes({ ...good, review: { ...review, scores: { clarity: 3 } } }), 'review_file_invalid'],
      ['a comment too long', asBytes({ ...good, review: { ...review, free_text: { strengths: 'x'.repeat(5001), improvements: '' } } }), 'review_file_invalid'],
      ['101 timed comments', asBytes({ ...good, review: { ...review, timestamps: Array.from({ length: 101 }, (_, i) => ({ t_ms: i, note: 'n' })) } }), 'review_file_invalid'],
      ['a timed comment after a day', asBytes({ ...good, review: { ...review, timestamps: [{ t_ms: 86_400_001, note: 'late' }] } }), 'review_file_invalid'],
      ['an empty timed comment', asBytes({ ...good, review: { ...review, timestamps: [{ t_ms: 10, note: '   ' }] } }), 'review_file_invalid'],
      ['a reviewer name too long', asBytes({ ...good, review: { ...review, reviewer_tag: 'x'.repeat(81) } }), 'review_file_invalid'],
    ];
    const before = authorState(store, author);
    for (const [label, bytes, code] of cases) {
      assert.equal(await invokeErrorCode(store, 'peer_review_import', { profileId: author, uploadId: stageUpload(store, bytes) }), code, label);
      assert.deepEqual(authorState(store, author), before, `${label} left something behind`);
    }
    const accepted = await invokeOk(store, 'peer_review_import', { profileId: author, uploadId: stageUpload(store, asBytes(good)) });
    assert.equal(accepted.outcome, 'attached', 'the unchanged file is accepted');
  });
});

/** Row counts and artifact files of a profile: what a refused or repeated import must leave unchanged. */
function authorState(store: DataStore, profileId: string) {
  const db = store.profile(profileId);
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[];
  const root = store.layout.profileDir(profileId);
  const files = readdirSync(join(root, 'artifacts'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
  return { rows: tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get()]), files };
}
