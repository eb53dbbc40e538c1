import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../kernel/errors.js';
import { ensurePrivateDir } from '../fs/private-permissions.js';
import type { AsrAvailability, AsrEngine, AsrRequest, AsrResult } from './asr-engine.js';
import { findExecutable } from './find-executable.js';
import { parsePocketsphinxOutput, type TimedWord } from './pocketsphinx-output.js';
import { runDecoder } from './run-decoder.js';
import { PronunciationDictionary } from './pronunciation-dictionary.js';
import { longestCommonSubsequence, measureAdherence, shareFollowingScript, unmatchedRuns } from './script-adherence.js';
import { scriptLanguageModel } from './script-language-model.js';
import { scriptWords } from './script-words.js';
import { wordsToTranscript } from './words-to-transcript.js';

const EXECUTABLE = 'pocketsphinx_continuous';
const MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';
const DICTIONARY = join(MODEL_DIR, 'cmudict-en-us.dict');
const INSTALL_HINT = 'Install the offline English engine: sudo apt-get install pocketsphinx pocketsphinx-en-us';
const BASE_ARGS = ['-time', 'yes', '-logfn', '/dev/null'];
/** Under this share of the words heard following the script, the take departed from it: free recognition instead. */
export const FOLLOWS_SCRIPT_SHARE = 0.5;
/** Runs of aligned words outside the script's order this long are checked against free recognition. */
export const UNEXPLAINED_RUN_WORDS = 3;
/** Share of a run's words free recognition must also hear, in order, for the run to be the script said elsewhere. */
export const FREE_AGREEMENT = 0.5;
/** Free words this close around a run (word times of two decoders drift a little) belong to it. */
const RUN_MARGIN_MS = 150;

/**
 * Debian's CMU Sphinx, fully offline. Free transcription uses its English language model (about 70% of words right on
 * real speech); with a script it aligns the speech to it instead: a language model of the script's own words gives the
 * script's words and timings where the speaker follows it, an adherence report (skipped and added passages), and free
 * recognition where the take departs from it.
 */
export class PocketsphinxEngine implements AsrEngine {
  constructor(readonly id: 'pocketsphinx' | 'script_alignment' = 'pocketsphinx') {}

  availability(): AsrAvailability {
    const available = findExecutable(EXECUTABLE) !== null && existsSync(DICTIONARY);
    return { engine: this.id, available, languages: ['en'], hint: available ? null : INSTALL_HINT };
  }

  async transcribe(request: AsrRequest): Promise<AsrResult> {
    const executable = this.executableFor(request);
    if (this.id === 'script_alignment') return this.align(executable, request);
    request.onProgress?.({ percent: 5, stage: 'decoding' });
    const output = await runDecoder(executable, ['-infile', request.wavPath, ...BASE_ARGS], decoderOptions(request, 5, 95));
    return { transcript: wordsToTranscript(parsePocketsphinxOutput(output), request.language, request.durationMs), adherence: null };
  }

  /**
   * Decodes with a language model of the script (script-language-model.ts) and the script's own pronunciations. A take
   * that departs from the script (under half of the words heard follow it) is decoded again freely and reported as
   * such; otherwise only the passages the script does not explain (3 words or more outside its order) are checked
   * against free recognition, which replaces them when the two disagree (speech outside the script comes back as
   * script words from a script-only model).
   */
  private async align(executable: string, request: AsrRequest): Promise<AsrResult> {
    const script = scriptWords(request.scriptText ?? '');
    const dictionary = pronunciationDictionary();
    const alignable = script.filter((word) => dictionary.has(word));
    if (alignable.length === 0) throw new AppError('asr_script_empty', 'The script has no words the engine knows; give the text you say.');
    if (request.workDir) ensurePrivateDir(request.workDir);
    const workDir = mkdtempSync(join(request.workDir ?? tmpdir(), 'align-'));
    try {
      const model = join(workDir, 'script.lm');
      const words = join(workDir, 'script.dict');
      writeFileSync(model, scriptLanguageModel(alignable), { mode: 0o600 });
      writeFileSync(words, dictionary.subsetFor(alignable), { mode: 0o600 });
      request.onProgress?.({ percent: 5, stage: 'aligning' });
      const args = ['-infile', request.wavPath, ...BASE_ARGS, '-lm', model, '-dict', words];
      const aligned = parsePocketsphinxOutput(await runDecoder(executable, args, decoderOptions(request, 5, 45, 'aligning')));
      const decodeFreely = async () => {
        const output = await runDecoder(executable, ['-infile', request.wavPath, ...BASE_ARGS], decoderOptions(request, 45, 95));
        return parsePocketsphinxOutput(output);
      };
      if (onlySmallSlips(alignable, aligned)) {
        const strict = await decodeStrictly(executable, request, workDir, alignable);
        if (strict) return { transcript: wordsToTranscript(strict, request.language, request.durationMs), adherence: measureAdherence(script, strict) };
      }
      if (shareFollowingScript(alignable, aligned) < FOLLOWS_SCRIPT_SHARE) {
        const heard = await decodeFreely();
        return { transcript: wordsToTranscript(heard, request.language, request.durationMs), adherence: measureAdherence(script, heard, true) };
      }
      const unexplained = unmatchedRuns(alignable, aligned).filter((run) => run.to - run.from + 1 >= UNEXPLAINED_RUN_WORDS);
      const spoken = unexplained.length > 0 ? replaceWhereFreeRecognitionDisagrees(aligned, unexplained, await decodeFreely()) : aligned;
      return { transcript: wordsToTranscript(spoken, request.language, request.durationMs), adherence: measureAdherence(script, spoken) };
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }

  private executableFor(request: AsrRequest): string {
    const executable = findExecutable(EXECUTABLE);
    if (!executable || !existsSync(DICTIONARY)) throw new AppError('asr_unavailable', `The offline speech engine is not installed. ${INSTALL_HINT}`);
    if (request.language !== 'en') {
      throw new AppError('asr_language_unsupported', 'The installed offline engine recognizes English only; type or paste a French transcript instead.');
    }
    return executable;
  }
}

/**
 * The language model lets the decoder slip on a few words of a take that does follow the script (synthetic voices,
 * a first word said before the decoder settled). When every passage it missed is short (at most SMALL_SLIP_WORDS
 * words) and most words follow the script, the take read the script: a strict grammar of the script in order then
 * gives its exact words and times. A take that skipped a real passage (a sentence) never gets there.
 */
const SMALL_SLIP_WORDS = 3;
const STRICT_MIN_COVERAGE = 0.8;
/** Keep a whole take in one utterance for the strict grammar: only a silence over 3 s splits it (frames of 10 ms). */
const STRICT_ARGS = ['-vad_postspeech', '300'];

function onlySmallSlips(alignable: readonly string[], aligned: readonly TimedWord[]): boolean {
  const adherence = measureAdherence(alignable, aligned);
  if (adherence.skipped.length === 0 && adherence.added.length === 0) return false;
  return adherence.coverage >= STRICT_MIN_COVERAGE && adherence.skipped.every((passage) => passage.toWord - passage.fromWord + 1 <= SMALL_SLIP_WORDS);
}

/** The script's words in strict order, or null when the decoder could not fit the whole script to the take. */
async function decodeStrictly(executable: string, request: AsrRequest, workDir: string, alignable: readonly string[]): Promise<TimedWord[] | null> {
  const grammar = join(workDir, 'script.gram');
  writeFileSync(grammar, `#JSGF V1.0;\ngrammar script;\npublic <s> = ${alignable.join(' ')};\n`, { mode: 0o600 });
  const args = ['-infile', request.wavPath, ...BASE_ARGS, ...STRICT_ARGS, '-jsgf', grammar, '-dict', join(workDir, 'script.dict')];
  const words = parsePocketsphinxOutput(await runDecoder(executable, args, decoderOptions(request, 45, 95, 'aligning')));
  return words.map((word) => word.text).join(' ') === alignable.join(' ') ? words : null;
}

function decoderOptions(request: AsrRequest, from: number, to: number, stage: 'decoding' | 'aligning' = 'decoding') {
  return {
    signal: request.signal,
    onTimeReached: (ms: number) => {
      const share = request.durationMs > 0 ? Math.min(1, ms / request.durationMs) : 0;
      request.onProgress?.({ percent: Math.round(from + share * (to - from)), stage });
    },
  };
}

let dictionaryCache: PronunciationDictionary | null = null;

/** The pronunciation dictionary, read once: script words outside it cannot be aligned and are reported as skipped. */
function pronunciationDictionary(): PronunciationDictionary {
  dictionaryCache ??= PronunciationDictionary.read(DICTIONARY);
  return dictionaryCache;
}

/**
 * Each unexplained run of aligned words is compared with what free recognition heard over the same time: when at
 * least half of the run's words are among them, in order, the run was the script said out of order (a restart, a
 * repeated passage) and stays; otherwise it was speech outside the script and free recognition's words take its place.
 */
export function replaceWhereFreeRecognitionDisagrees(
  aligned: readonly TimedWord[],
  runs: ReadonlyArray<{ from: number; to: number }>,
  heard: readonly TimedWord[],
): TimedWord[] {
  const result: TimedWord[] = [];
  let next = 0;
  for (const run of runs) {
    result.push(...aligned.slice(next, run.from));
    const own = aligned.slice(run.from, run.to + 1);
    const from = own[0]!.tStartMs - RUN_MARGIN_MS;
    const to = own[own.length - 1]!.tEndMs + RUN_MARGIN_MS;
    const freeWords = heard.filter((word) => word.tStartMs >= from && word.tEndMs <= to);
    const agreement = longestCommonSubsequence(own.map((word) => word.text), freeWords.map((word) => word.text)).length / own.length;
    result.push(...(agreement >= FREE_AGREEMENT ? own : freeWords));
    next = run.to + 1;
  }
  result.push(...aligned.slice(next));
  return result;
}
