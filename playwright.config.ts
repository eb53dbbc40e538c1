import { defineConfig } from '@playwright/test';
import { FAKE_MIC_WAV } from './e2e/support/paths.js';

/**
 * End-to-end tests in Debian's Chromium (never a downloaded browser). The fake microphone plays a speech WAV that
 * the global setup synthesizes with espeak-ng. Screenshots of the main pages go to test-output/ (not committed).
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-output/e2e',
  globalSetup: './e2e/support/global-setup.ts',
  workers: 1,
  reporter: [['list']],
  use: {
    headless: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-audio-capture=${FAKE_MIC_WAV}`,
      ],
    },
  },
});
