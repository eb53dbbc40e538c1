/**
 * Benchmark of script alignment ("Align with my script"), written to its section of docs/benchmarks.md: for takes
 * whose words are known, the share of the spoken words the transcript gives back (in order), and what the adherence
 * report says, with Lectern's aligner (a language model of the script, src/platform/asr/pocketsphinx-engine.ts) next
 * to the grammar it replaced (strict order, then every word optional), measured in the same run on the same audio.
 * Real speech: the LibriVox clips of Debian's pocketsphinx-testdata against the package's reference text, one clip at
 * a time and all five as one take, with the text given as the script or inside an outline (headings and labels); the
 * take the Playwright journey records (the clips looped by Chromium's fake microphone, starting mid-loop).
 * Synthetic speech: espeak-ng reading the script, reading it with a sentence left out and one added, and reading
 * something else entirely. It asserts nothing and exits 0 whatever the numbers.
 *
 * Usage: node --import tsx bench/script-alignment.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { outlineSpeechText } from '../src/contracts/outline-speech-text.js';
import type { ScriptAdherence } from '../src/platform/asr/asr-engine.js';
import { parsePocketsphinxOutput, type TimedWord } from '../src/platform/asr/pocketsphinx-output.js';
import { PocketsphinxEngine } from '../src/platform/asr/pocketsphinx-engine.js';
import { librivoxClips } from '../src/platform/asr/reference-clips.js';
import { longestCommonSubsequence, measureAdherence } from '../src/platform/asr/script-adherence.js';
import { scriptWords } from '../src/platform/asr/script-words.js';
import { pcm16MonoDurationMs } from '../test/support/speech.js';
import { writeReportSection } from './report-section.js';

const dir = mkdtempSync(join(tmpdir(), 'lectern-alignment-bench-'));
const DICTIONARY = '/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict';

interface Take {
  name: string;
  kind: 'real' | 'synthetic';
  wavPath: string;
  script: string;
  /** The words actually spoken, in order. */
  spoken: string[];
  /** What the adherence report should say: the script words left out, and whether the take diverged. */
  expectSkipped?: string;
  expectDiverged?: boolean;
}

interface Outcome {
  returned: number;
  ms: number;
  adherence: ScriptAdherence;
}

function sox(...args: string[]): void {
  execFileSync('sox', args);
}

function speak(text: string, name: string): string {
  const raw = join(dir, `${name}-raw.wav`);
  const wav = join(dir, `${name}.wav`);
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', '130', '-w', raw, text]);
  sox(raw, '-r', '16000', '-c', '1', '-b', '16', wav);
  return wav;
}

/** Share of the spoken words found in the transcript, in order. */
function returnedShare(spoken: readonly string[], transcript: readonly TimedWord[]): number {
  return longestCommonSubsequence(spoken, transcript.map((word) => word.text)).length / spoken.length;
}

async function lectern(take: Take): Promise<Outcome> {
  const started = performance.now();
  const { transcript, adherence } = await new PocketsphinxEngine('script_alignment').transcribe({
    wavPath: take.wavPath,
    language: 'en',
    durationMs: pcm16MonoDurationMs(take.wavPath),
    scriptText: take.script,
    workDir: dir,
  });
  const words = transcript.segments.flatMap((segment) => segment.words ?? []);
  return { returned: returnedShare(take.spoken, words), ms: performance.now() - started, adherence: adherence! };
}

/** The aligner this one replaced: a JSGF grammar of the script in strict order, then with every word optional. */
async function grammarAlignment(take: Take): Promise<Outcome> {
  const started = performance.now();
  const vocabulary = new Set(readFileSync(DICTIONARY, 'utf8').split('\n').map((line) => line.split(' ', 1)[0]!.replace(/\(\d+\)$/, '')));
  const script = scriptWords(take.script);
  const alignable = script.filter((word) => vocabulary.has(word));
  const decode = (optional: boolean) => {
    const grammar = join(dir, 'legacy.gram');
    writeFileSync(grammar, `#JSGF V1.0;\ngrammar script;\npublic <s> = ${alignable.map((w) => (optional ? `[${w}]` : w)).join(' ')};\n`);
    const output = execFileSync('pocketsphinx_continuous', ['-infile', take.wavPath, '-time', 'yes', '-logfn', '/dev/null', '-vad_postspeech', '300', '-jsgf', grammar], { encoding: 'utf8' });
    return parsePocketsphinxOutput(output);
  };
  let words = decode(false);
  if (words.map((w) => w.text).join(' ') !== alignable.join(' ')) words = decode(true);
  return { returned: returnedShare(take.spoken, words), ms: performance.now() - started, adherence: measureAdherence(script, words) };
}

function buildTakes(): Take[] {
  const clips = librivoxClips();
  const reference = clips.map((clip) => clip.words.join(' '));
  const allWords = clips.flatMap((clip) => clip.words);
  const outline = `# Sense and Sensibility\n\n## Opening\n- Hook: ${reference[0]}\n- Promise: ${reference[1]}\n\n## Key points\n- Point 1: ${reference[2]}\n- Point 2: ${reference[3]}\n- Point 3: ${reference[4]}\n\n## Closing\n- Summary:\n- Call to action:\n`;
  const joined = join(dir, 'librivox-joined.wav');
  sox(...clips.map((clip) => clip.wavPath), joined);
  // What Chromium's fake microphone plays in the Playwright journey (e2e/support/global-setup.ts), looped; the take
  // starts 9 s into the loop and lasts 33 s, as a take stopped by hand does, then is downsampled to 16 kHz.
  const loop = join(dir, 'loop48k.wav');
  sox(...clips.map((clip) => clip.wavPath), '-r', '48000', '-c', '1', '-b', '16', loop, 'pad', '0.3', '2');
  const looped = join(dir, 'looped.wav');
  sox(loop, loop, loop, looped);
  const take = join(dir, 'journey-take.wav');
  sox(looped, '-r', '16000', take, 'trim', '9', '33');
  const loopSeconds = Number(execFileSync('soxi', ['-D', loop], { encoding: 'utf8' }));
  const journeySpoken = wordsHeardIn(clips, 9, 33, loopSeconds);

  const synthetic = 'Good morning everyone. Today I will show you how our team ships a new version every single day. First, we keep every change small. Second, we test each change before it is merged. Third, we watch the release closely and undo it at the first sign of trouble. That is how we move fast without breaking things.';
  const sentences = synthetic.split(/(?<=\.)\s+/);
  const skippedSentence = sentences[3]!;
  const added = 'By the way, the coffee machine on the third floor is finally fixed.';
  const edited = [...sentences.slice(0, 3), added, ...sentences.slice(4)].join(' ');
  const other = 'Our quarterly results were better than expected. Sales in Europe grew by twelve percent, and the new product line sold out in March. Next quarter we will hire in Asia and open two offices.';
  return [
    ...clips.map((clip, index) => ({ name: `LibriVox clip ${index + 1} (of the 5-clip script)`, kind: 'real' as const, wavPath: clip.wavPath, script: reference.join('\n'), spoken: clip.words })),
    { name: 'LibriVox, the 5 clips as one take, script', kind: 'real', wavPath: joined, script: reference.join('\n'), spoken: allWords },
    { name: 'LibriVox, the 5 clips as one take, outline', kind: 'real', wavPath: joined, script: outlineSpeechText(outline), spoken: allWords },
    { name: 'LibriVox, the outline text with its headings kept', kind: 'real', wavPath: joined, script: outline.replace(/[#-]/g, ''), spoken: allWords },
    { name: 'LibriVox looped by the fake microphone (journey take)', kind: 'real', wavPath: take, script: outlineSpeechText(outline), spoken: journeySpoken },
    { name: 'espeak-ng reads the script', kind: 'synthetic', wavPath: speak(synthetic, 'script'), script: synthetic, spoken: scriptWords(synthetic), expectSkipped: '' },
    {
      name: 'espeak-ng skips a sentence and adds one',
      kind: 'synthetic',
      wavPath: speak(edited, 'edited'),
      script: synthetic,
      spoken: scriptWords(edited),
      expectSkipped: scriptWords(skippedSentence).join(' '),
    },
    { name: 'espeak-ng says something else', kind: 'synthetic', wavPath: speak(other, 'other'), script: synthetic, spoken: scriptWords(other), expectDiverged: true },
  ];
}

/** The reference words of the clips heard between `from` and `from + seconds` of the loop (clip by clip, whole clips). */
function wordsHeardIn(clips: ReturnType<typeof librivoxClips>, from: number, seconds: number, loopSeconds: number): string[] {
  const spans: Array<{ start: number; end: number; words: string[] }> = [];
  let at = 0.3;
  for (let round = 0; round < 3; round += 1) {
    at = 0.3 + round * loopSeconds;
    for (const clip of clips) {
      const length = pcm16MonoDurationMs(clip.wavPath) / 1000;
      spans.push({ start: at, end: at + length, words: clip.words });
      at += length;
    }
  }
  // A clip cut by the start or the end of the take counts by the share of it inside (its words spread evenly).
  return spans.flatMap((span) => {
    const inside = Math.max(0, Math.min(span.end, from + seconds) - Math.max(span.start, from)) / (span.end - span.start);
    if (inside <= 0) return [];
    if (inside >= 1) return span.words;
    const count = Math.round(inside * span.words.length);
    return span.start < from ? span.words.slice(span.words.length - count) : span.words.slice(0, count);
  });
}

function percent(share: number): string {
  return `${(share * 100).toFixed(0)} %`;
}

/** Whether the adherence report says what happened: the passage left out, or that the take departed from the script. */
function reportVerdict(take: Take, adherence: ScriptAdherence): string {
  if (take.expectDiverged) return adherence.fellBack ? 'fell back to free recognition, said so' : 'did not notice the take departed';
  const skipped = adherence.skipped.map((passage) => passage.text).join(' / ');
  if (take.expectSkipped === undefined) return skipped === '' ? 'nothing skipped' : `reports ${adherence.skipped.length} passage(s) of the script not said`;
  if (take.expectSkipped === '') return skipped === '' ? 'nothing skipped, correct' : `wrongly skipped: ${skipped}`;
  return skipped === take.expectSkipped ? `skipped exactly "${skipped}"; added ${adherence.added.reduce((words, passage) => words + passage.text.split(' ').length, 0)} words` : `skipped "${skipped}" (expected "${take.expectSkipped}")`;
}

function report(rows: ReadonlyArray<{ take: Take; before: Outcome; after: Outcome }>): string {
  const table = rows.map(
    ({ take, before, after }) =>
      `| ${take.name} | ${take.kind} | ${take.spoken.length} | ${percent(before.returned)} | **${percent(after.returned)}** | ${(after.ms / before.ms).toFixed(2)} | ${reportVerdict(take, after.adherence)} |`,
  );
  const following = rows.filter(({ take }) => !take.expectDiverged);
  const worst = Math.min(...following.map(({ after }) => after.returned));
  return `## Script alignment ("Align with my script")

Generated by \`bench/script-alignment.bench.ts\` on ${new Date().toISOString().slice(0, 10)}; every run replaces this section.
Reproduce with \`node --import tsx bench/script-alignment.bench.ts\` (needs \`pocketsphinx\`, \`pocketsphinx-en-us\`,
\`pocketsphinx-testdata\`, \`espeak-ng\` and \`sox\`).

**Returned** is the share of the words actually spoken that the transcript gives back, in order (longest common
subsequence with what was said). *Before* is the grammar Lectern used until this change (a JSGF grammar of the script,
strict order, then every word optional), measured in the same run on the same audio; *after* is Lectern's aligner
(a language model of the script, a strict grammar only when the take read the script with small slips, free
recognition for passages the script does not explain; \`src/platform/asr/pocketsphinx-engine.ts\`, decision 0011).
*Time* is after / before. Real speech: the five LibriVox clips of Debian's \`pocketsphinx-testdata\` against the
package's reference text; "of the 5-clip script" means one clip aligned against the text of all five (a speaker who
says a fifth of the script). The journey take is what the Playwright journey records: the clips looped by Chromium's
fake microphone, 33 s starting 9 s into the loop. Synthetic speech: espeak-ng.

Worst share returned on takes that follow the script: **${percent(worst)}** (goal: 90 % or more).

| Take | Speech | Words said | Returned before | Returned after | Time | Adherence report |
|---|---|---:|---:|---:|---:|---|
${table.join('\n')}
`;
}

try {
  const takes = buildTakes();
  const rows: Array<{ take: Take; before: Outcome; after: Outcome }> = [];
  for (const take of takes) {
    const after = await lectern(take);
    const before = await grammarAlignment(take);
    rows.push({ take, before, after });
    console.log(`${take.name.padEnd(58)} before ${percent(before.returned).padStart(5)}   after ${percent(after.returned).padStart(5)}   ${reportVerdict(take, after.adherence)}`);
  }
  writeReportSection(new URL('../docs/benchmarks.md', import.meta.url), 'script-alignment', report(rows));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
