/**
 * Version of the analysis rules. Stored with every feedback so a score can always be traced to the rules that made
 * it; bump it whenever a rule, a list or a threshold changes the output for the same input.
 * v1 was the reference app's ASCII, text-only analyzer; v2 the first of this one; v3 cuts unpunctuated recognised
 * speech into phrases at pauses, leaves out silences at the edges of the take, publishes the whole-run pace, cites
 * the measurement behind each action, and adds language coaching (repetitions against the talk's norm, which also
 * decide `repeatedTerms`; hedges, with "kind of" and "sort of" moved there from the fillers; weak openers and closers).
 * v4 judges the pace from the first word to the last one, natural pauses included and long pauses left out (v3 judged
 * the speaking time alone, which read ordinary speech as too fast), and publishes the speaking-time pace beside it
 * (decision 0014).
 */
export const ANALYZER_VERSION = 4;
