/**
 * Version of the analysis rules. Stored with every feedback so a score can always be traced to the rules that made
 * it; bump it whenever a rule, a list or a threshold changes the output for the same input.
 * v1 was the reference app's ASCII, text-only analyzer; v2 is this one.
 */
export const ANALYZER_VERSION = 2;
