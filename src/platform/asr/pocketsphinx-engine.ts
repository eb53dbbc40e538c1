import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../kernel/errors.js';
import { ensurePrivateDir } from '../fs/private-permissions.js';
import type { AsrAvailability, AsrEngine, AsrRequest, AsrResult } from './asr-engine.js';
import { findExecutable } from './find-executable.js';
import { parsePocketsphinxOutput, type TimedWord } from './pocketsphinx-output.js';
import { runDecoder } from './run-decoder.js';
import { measureAdherence } from './script-adherence.js';
import { scriptWords } from './script-words.js';
import { wordsToTranscript } from './words-to-transcript.js';

const EXECUTABLE = 'pocketsphinx_continuous';
const MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';
const DICTIONARY = join(MODEL_DIR, 'cmudict-en-us.dict');
const INSTALL_HINT = 'Install the offline English engine: sudo apt-get install pocketsphinx pocketsphinx-en-us';
const BASE_ARGS = ['-time', 'yes', '-logfn', '/dev/null'];
/** Keep a whole take in one utterance for alignment: only a silence over 3 s splits it (frames of 10 ms). */
const ALIGNMENT_ARGS = ['-vad_postspeech', '300'];

/**
 * Debian's CMU Sphinx, fully offline. Free transcription uses its English language model (about 70% of words right on
 * real speech); with a script it does forced alignment instead: a JSGF grammar of the script's own words gives exact
 * words and timings when the speaker follows the script, and an adherence report when they do not.
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

  /** Strict order first (exact when the speaker kept to the script); else every word optional, in order. */
  private async align(executable: string, request: AsrRequest): Promise<AsrResult> {
    const script = scriptWords(request.scriptText ?? '');
    const vocabulary = dictionaryWords();
    const alignable = script.filter((word) => vocabulary.has(word));
    if (alignable.length === 0) throw new AppError('asr_script_empty', 'The script has no words the engine knows; give the text you say.');
    if (request.workDir) ensurePrivateDir(request.workDir);
    const workDir = mkdtempSync(join(request.workDir ?? tmpdir(), 'align-'));
    try {
      const decode = async (grammar: string, from: number, to: number): Promise<TimedWord[]> => {
        const path = join(workDir, 'script.gram');
        writeFileSync(path, grammar, { mode: 0o600 });
        const args = ['-infile', request.wavPath, ...BASE_ARGS, ...ALIGNMENT_ARGS, '-jsgf', path];
        return parsePocketsphinxOutput(await runDecoder(executable, args, decoderOptions(request, from, to, 'aligning')));
      };
      request.onProgress?.({ percent: 5, stage: 'aligning' });
      let words = await decode(jsgf(alignable, false), 5, 50);
      if (words.map((w) => w.text).join(' ') !== alignable.join(' ')) words = await decode(jsgf(alignable, true), 50, 95);
      return {
        transcript: wordsToTranscript(words, request.language, request.durationMs),
        adherence: measureAdherence(script, words),
      };
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

/** A grammar over the script's words, in order: each one required (exact alignment) or optional (partial). */
function jsgf(words: readonly string[], optional: boolean): string {
  const body = words.map((word) => (optional ? `[${word}]` : word)).join(' ');
  return `#JSGF V1.0;\ngrammar script;\npublic <s> = ${body};\n`;
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

let vocabularyCache: Set<string> | null = null;

/** The pronunciation dictionary's words: script words outside it cannot be aligned and are reported as skipped. */
function dictionaryWords(): Set<string> {
  if (!vocabularyCache) {
    vocabularyCache = new Set(
      readFileSync(DICTIONARY, 'utf8')
        .split('\n')
        .map((line) => line.split(' ', 1)[0]!.replace(/\(\d+\)$/, ''))
        .filter((word) => word.length > 0),
    );
  }
  return vocabularyCache;
}
