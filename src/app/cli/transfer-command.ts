import { readFileSync, writeFileSync } from 'node:fs';
import { stageUpload } from '../../core/exchange/index.js';
import { readArtifactForDownload } from '../../core/workspace/index.js';
import { AppError } from '../../kernel/errors.js';
import { EXIT } from './exit-codes.js';
import { withOwnedStore } from './open-store.js';
import { printJson, reportFailure } from './output.js';

/** `lectern upload <file>`: stages a file (a pack) for pack_inspect or peer_review_import; prints `{ uploadId }`. */
export function runUpload(dataDir: string, file: string): number {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return reportFailure(new AppError('upload_unreadable', 'The file to upload cannot be read.'), true, EXIT.commandFailed);
  }
  return withOwnedStore(dataDir, true, EXIT.commandFailed, (store) => {
    printJson({ uploadId: stageUpload(store, data) });
    return EXIT.ok;
  });
}

/** `lectern download --profile ID --artifact ID --out FILE`: writes a stored file (a pack, a transcript) out; never overwrites. */
export function runDownload(dataDir: string, options: { profile: string; artifact: string; out: string }): number {
  return withOwnedStore(dataDir, true, EXIT.commandFailed, (store) => {
    const { fileName, data } = readArtifactForDownload(store, options.profile, options.artifact);
    try {
      writeFileSync(options.out, data, { flag: 'wx', mode: 0o600 });
    } catch {
      throw new AppError('download_target_exists', 'The output file already exists or cannot be created; nothing was written.');
    }
    printJson({ fileName, bytes: data.length });
    return EXIT.ok;
  });
}
