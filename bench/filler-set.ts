/**
 * A test set of speech with known fillers: each LibriVox clip of Debian's pocketsphinx-testdata (real read speech,
 * without fillers) gets an "um" and an "uh" (espeak-ng, 16 kHz) spliced between two of its words, at a third and at
 * two thirds of the text. Word boundaries come from pocketsphinx's forced alignment of the clip's reference text, so a
 * filler never cuts a word. The filler's time in the new audio is recorded for matching.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PocketsphinxEngine } from '../src/platform/asr/pocketsphinx-engine.js';
import { librivoxClips } from '../src/platform/asr/reference-clips.js';
import { scriptWords } from '../src/platform/asr/script-words.js';
import { writeWavPcm16 } from '../src/platform/audio/wav-writer.js';

export const FILLER_WORDS = new Set(['um', 'umm', 'uh', 'uhm', 'er', 'erm', 'ah', 'hmm', 'euh']);

export interface FillerClip {
  wavPath: string;
  durationMs: number;
  fillers: Array<{ word: string; tStartMs: number; tEndMs: number }>;
}

const SAMPLE_RATE = 16_000;

function pcmOf(path: string): Buffer {
  return readFileSync(path).subarray(44);
}

function durationOf(pcm: Buffer): number {
  return Math.round((pcm.length / 2 / SAMPLE_RATE) * 1000);
}

function fillerPcm(word: string, dir: string): Buffer {
  const raw = join(dir, `${word}-raw.wav`);
  const wav = join(dir, `${word}.wav`);
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', '120', '-w', raw, word]);
  execFileSync('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', wav, 'pad', '0.15', '0.15']);
  return pcmOf(wav);
}

function writeWav(path: string, pcm: Buffer): void {
  const samples = new Int16Array(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.length));
  writeFileSync(path, writeWavPcm16(samples, SAMPLE_RATE));
}

export async function buildFillerSet(dir: string): Promise<FillerClip[]> {
  const fillers = { um: fillerPcm('um', dir), uh: fillerPcm('uh', dir) };
  const aligner = new PocketsphinxEngine('script_alignment');
  const clips: FillerClip[] = [];
  for (const [index, clip] of librivoxClips().entries()) {
    const pcm = pcmOf(clip.wavPath);
    const { transcript } = await aligner.transcribe({ wavPath: clip.wavPath, language: 'en', durationMs: durationOf(pcm), scriptText: clip.words.join(' ') });
    const words = transcript.segments.flatMap((segment) => segment.words ?? []);
    const cuts = [Math.floor(words.length / 3), Math.floor((2 * words.length) / 3)].map((i) => {
      // Between word i-1 and word i: the middle of the gap.
      const before = words[i - 1]!;
      const after = words[i]!;
      return Math.round((before.tEndMs + after.tStartMs) / 2);
    });
    const parts: Buffer[] = [];
    const placed: FillerClip['fillers'] = [];
    let fromMs = 0;
    let shiftMs = 0;
    cuts.forEach((cutMs, k) => {
      const word = (index + k) % 2 === 0 ? 'um' : 'uh';
      const filler = fillers[word];
      parts.push(pcm.subarray(msToByte(fromMs), msToByte(cutMs)));
      parts.push(filler);
      placed.push({ word, tStartMs: cutMs + shiftMs, tEndMs: cutMs + shiftMs + durationOf(filler) });
      shiftMs += durationOf(filler);
      fromMs = cutMs;
    });
    parts.push(pcm.subarray(msToByte(fromMs)));
    const out = Buffer.concat(parts);
    const wavPath = join(dir, `filler-${index}.wav`);
    writeWav(wavPath, out);
    clips.push({ wavPath, durationMs: durationOf(out), fillers: placed });
  }
  return clips;
}

function msToByte(ms: number): number {
  return Math.round((ms / 1000) * SAMPLE_RATE) * 2;
}

/** A recognized filler counts when it overlaps an inserted one (with 300 ms of slack for timing differences). */
export function scoreFillers(
  clips: ReadonlyArray<{ fillers: FillerClip['fillers']; recognized: Array<{ text: string; tStartMs: number; tEndMs: number }> }>,
): { inserted: number; detected: number; matched: number; recall: number; precision: number | null } {
  let inserted = 0;
  let detected = 0;
  let matched = 0;
  for (const clip of clips) {
    const found = clip.recognized.filter((word) => scriptWords(word.text).some((token) => FILLER_WORDS.has(token)));
    inserted += clip.fillers.length;
    detected += found.length;
    const used = new Set<number>();
    for (const filler of clip.fillers) {
      const hit = found.findIndex((word, i) => !used.has(i) && word.tStartMs <= filler.tEndMs + 300 && word.tEndMs >= filler.tStartMs - 300);
      if (hit >= 0) {
        used.add(hit);
        matched += 1;
      }
    }
  }
  return { inserted, detected, matched, recall: inserted === 0 ? 0 : matched / inserted, precision: detected === 0 ? null : matched / detected };
}

