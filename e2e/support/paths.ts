import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const OUTPUT_DIR = fileURLToPath(new URL('../../test-output/e2e-support', import.meta.url));
/** Synthesized by the global setup; the fake microphone loops it. */
export const FAKE_MIC_WAV = fileURLToPath(new URL('../../test-output/e2e-support/fake-mic.wav', import.meta.url));
export const SCREENSHOTS_DIR = fileURLToPath(new URL('../../test-output/screenshots', import.meta.url));
