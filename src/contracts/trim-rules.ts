/**
 * The rules of trimming a run's recording, shared by the server (which enforces them) and the trim page (which keeps
 * its handles within them). Zod-free, so the UI imports it as it is.
 */

/** The shortest recording a trim may leave: less holds no talk worth analysing. */
export const TRIM_MIN_LENGTH_MS = 1000;

/** Silence the suggested trim keeps before the first word and after the last, so no word's edge is cut. */
export const TRIM_SUGGESTION_MARGIN_MS = 300;
