import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/cli.js';
import { makeTempDir } from '../support/temp-dir.js';

function checkOneOwner(root?: string) {
  return spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/check-one-owner.mjs'), ...(root ? [root] : [])], { encoding: 'utf8' });
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const CONTRACTS = {
  'src/contracts/preference-keys.ts': `export const PREFERENCE_KEYS = {\n  uiTheme: 'ui.theme',\n} as const;\n`,
  'src/contracts/upload-limits.ts': `export const UPLOAD_MAX_BYTES = 300 * 1024 * 1024;\n`,
  'src/contracts/locale.ts': `export const LOCALES = ['en', 'fr'] as const;\nexport type Locale = 'en' | 'fr';\n`,
};

test('the real tree keeps one owner per rule', () => {
  const result = checkOneOwner();
  assert.equal(result.status, 0, result.stderr);
});

test('a rule copied into the UI or the language union spelled out is reported with its file', () => {
  const root = makeTempDir();
  writeTree(root, {
    ...CONTRACTS,
    'ui/src/settings/theme.ts': `export const THEME_PREFERENCE = 'ui.theme';\n`,
    'ui/src/api/upload.ts': `export const UPLOAD_MAX_BYTES = 300 * 1024 * 1024;\n`,
    'ui/src/i18n.ts': `type Language = 'en' | 'fr';\n`,
    'src/core/transcript/guess.ts': `export function guess(): 'en' | 'fr' { return 'en'; }\n`,
  });
  const result = checkOneOwner(root);
  assert.equal(result.status, 1);
  assert.deepEqual(result.stderr.trim().split('\n').slice(1).map((line) => line.trim()).sort(), [
    'src/core/transcript/guess.ts: the language union is spelled out; import Locale from src/contracts/locale.ts',
    'ui/src/api/upload.ts: UPLOAD_MAX_BYTES is declared again; import it from src/contracts',
    'ui/src/i18n.ts: the language union is spelled out; import Locale from src/contracts/locale.ts',
    "ui/src/settings/theme.ts: preference key 'ui.theme' written out; import PREFERENCE_KEYS from src/contracts/preference-keys.ts",
  ]);
});

test('importing the rule from the contracts passes', () => {
  const root = makeTempDir();
  writeTree(root, {
    ...CONTRACTS,
    'ui/src/settings/theme.ts': `import { PREFERENCE_KEYS } from '../../../src/contracts/preference-keys.js';\nexport const THEME_PREFERENCE = PREFERENCE_KEYS.uiTheme;\n`,
    'ui/src/api/upload.ts': `import { UPLOAD_MAX_BYTES } from '../../../src/contracts/upload-limits.js';\nexport { UPLOAD_MAX_BYTES };\n`,
  });
  const result = checkOneOwner(root);
  assert.equal(result.status, 0, result.stderr);
});
