import { createCommandRegistry } from '../../commands/index.js';
import { AppError } from '../../kernel/errors.js';
import { DataStore } from '../../platform/db/data-store.js';
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
    store = DataStore.open(dataDir);
  } catch (error) {
    printError(error);
    return EXIT.commandFailed;
  }
  try {
    const outcome = await createCommandRegistry().invoke({ store }, name, payload);
    if (outcome.ok) {
      printJson(outcome.result);
      return EXIT.ok;
    }
    printJson({ error: outcome.error });
    return EXIT.commandFailed;
  } finally {
    store.close();
  }
}
