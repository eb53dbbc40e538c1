import { chmodSync, constants, copyFileSync, readFileSync } from 'node:fs';
import { createCommandRegistry } from '../../commands/index.js';
import { StoredFileResultSchema } from '../../contracts/downloads.js';
import { stageUpload } from '../../core/exchange/index.js';
import { AppError } from '../../kernel/errors.js';
import { EXIT } from './exit-codes.js';
import { withOwnedStore, withOwnedStoreAsync } from './open-store.js';
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

/**
 * `lectern download --profile ID --artifact ID --out FILE`: writes a stored file (a pack, a transcript) out; never
 * overwrites. The file is found by the `artifact_download` command, as the server's download route finds it.
 */
export async function runDownload(dataDir: string, options: { profile: string; artifact: string; out: string }): Promise<number> {
  return withOwnedStoreAsync(dataDir, true, EXIT.commandFailed, async (store) => {
    const outcome = await createCommandRegistry().invoke({ store }, 'artifact_download', { profileId: options.profile, artifactId: options.artifact });
    if (!outcome.ok) throw new AppError(outcome.error.code, outcome.error.message);
    const file = StoredFileResultSchema.parse(outcome.result);
    try {
      copyFileSync(file.path, options.out, constants.COPYFILE_EXCL);
      chmodSync(options.out, 0o600);
    } catch {
      throw new AppError('download_target_exists', 'The output file already exists or cannot be created; nothing was written.');
    }
    printJson({ fileName: file.fileName, bytes: file.bytes });
    return EXIT.ok;
  });
}
