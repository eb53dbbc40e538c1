import type { Locale } from '../../../contracts/locale.js';
/**
 * whisper is trained on transcripts that mostly leave out "um" and "uh"; a prompt written in a disfluent style
 * makes it keep them (OpenAI's prompting guide for Whisper shows the effect). Lectern's filler feedback needs them.
 */
export const FILLER_PROMPTS: Record<Locale, string> = {
  en: "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking. Uh, so, um, yeah.",
  fr: 'Euh, alors, bon... hum, ben, voilà, euh, je pense que, hum, enfin.',
};

/** whisper.cpp keeps at most half its text context (224 tokens) of prompt: the script's opening words fit, with room. */
export const SCRIPT_PROMPT_WORDS = 100;

/**
 * The initial prompt of a run: the filler style first, then the opening of the speaker's script when there is one,
 * which steers whisper towards the talk's own words and spellings (names, jargon).
 */
export function whisperPrompt(language: Locale, scriptText?: string): string {
  const script = (scriptText ?? '').split(/\s+/).filter(Boolean).slice(0, SCRIPT_PROMPT_WORDS).join(' ');
  return script ? `${FILLER_PROMPTS[language]} ${script}` : FILLER_PROMPTS[language];
}
