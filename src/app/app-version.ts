import { readFileSync } from 'node:fs';

/** The version in package.json: one source of truth for `--version`, logs and quarantine notes. */
export const APP_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
