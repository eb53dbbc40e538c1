import { writeFileSync } from 'node:fs';
import { buildSupportBundle } from '../../core/health/index.js';
import { AppError } from '../../kernel/errors.js';
import { DataLayout } from '../../platform/db/layout.js';
import { APP_VERSION } from '../app-version.js';
import { EXIT } from './exit-codes.js';
import { reportFailure } from './output.js';

/** `lectern support-bundle [--out FILE]`: read-only (no lock, nothing written in the data folder); never overwrites. */
export function runSupportBundle(dataDir: string, options: { out?: string }): number {
  const out = options.out ?? `lectern-support-${new Date().toISOString().slice(0, 10)}.zip`;
  try {
    const zip = buildSupportBundle(new DataLayout(dataDir), APP_VERSION);
    try {
      writeFileSync(out, zip, { flag: 'wx', mode: 0o600 });
    } catch {
      throw new AppError('download_target_exists', 'The output file already exists or cannot be created; nothing was written.');
    }
    process.stdout.write(`Support bundle written: ${out} (${zip.length} bytes). It holds metadata only: safe to share.\n`);
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error, false, EXIT.commandFailed);
  }
}
