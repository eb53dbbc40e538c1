import { createCommandRegistry } from '../../commands/index.js';
import { AppError } from '../../kernel/errors.js';
import type { DataStore } from '../../platform/db/data-store.js';
import { openStore } from './open-store.js';
import { jobRegistryFor } from '../../platform/jobs/job-registry.js';
import { EXIT } from './exit-codes.js';
import { printError, printJson } from './output.js';

/** `lectern invoke <command> [json]`: one command through the registry, as the UI would call it. */
export async function runInvoke(dataDir: string, name: string, json: string | undefined): Promise<number> {
  let payload: unknown;
  try {
    payload = json === undefined || json.trim() === '' ? {} : JSON.parse(json);
  } catch {
    printError(new AppError('invalid_payload', 'The payload is not valid JSON.'));
    return EXIT.commandFailed;
  }
  let store: DataStore;
  try {
    store = openStore(dataDir);
  } catch (error) {
    printError(error);
    return EXIT.commandFailed;
  }
  try {
    const outcome = await createCommandRegistry().invoke({ store }, name, payload);
    // A command may start a job (a transcription): this process owns the data, so it finishes the job before exiting,
    // and prints the job's outcome, since its id means nothing once this process is gone.
    await jobRegistryFor(store).settled();
    if (outcome.ok) {
      const jobId = (outcome.result as { jobId?: unknown }).jobId;
      if (typeof jobId === 'string') {
        const job = jobRegistryFor(store).get(jobId);
        printJson({ ...(outcome.result as object), job });
        return job.status === 'succeeded' ? EXIT.ok : EXIT.commandFailed;
      }
      printJson(outcome.result);
      return EXIT.ok;
    }
    printJson({ error: outcome.error });
    return EXIT.commandFailed;
  } finally {
    store.close();
  }
}
