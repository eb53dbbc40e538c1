import { withNotice } from '../../core/health/index.js';
import { AppError } from '../../kernel/errors.js';
import { resetDatabase, restoreSnapshot } from '../../platform/db/recovery/operator-actions.js';
import type { DbScope } from '../../platform/db/scope.js';
import { EXIT } from './exit-codes.js';
import { withOwnedStore } from './open-store.js';
import { printJson, reportFailure } from './output.js';
import { singleScope, type ScopeOptions } from './scope-options.js';

export interface RestoreCliOptions extends ScopeOptions {
  snapshot: string;
  json?: boolean;
}

/**
 * `lectern restore --snapshot NAME (--global | --profile ID)`: refused (exit 4) while another process owns the data
 * folder; otherwise keeps the current database (pre-restore snapshot or quarantine), verifies and swaps in the chosen
 * snapshot, and records the event.
 */
export function runRestore(dataDir: string, options: RestoreCliOptions): number {
  let scope: DbScope;
  try {
    scope = singleScope(options);
  } catch (error) {
    return reportFailure(error, options.json, isUsage(error) ? EXIT.usage : EXIT.refused);
  }
  return withOwnedStore(dataDir, options.json, EXIT.refused, (store) => {
    const result = restoreSnapshot(store, scope, options.snapshot);
    const summary = {
      restored: result.restored.name,
      preRestoreSnapshot: result.preRestore?.name ?? null,
      quarantineName: result.quarantineName,
      event: withNotice(result.event),
    };
    if (options.json) printJson(summary);
    else {
      process.stdout.write(`${summary.event.notice}\n`);
      if (summary.preRestoreSnapshot) process.stdout.write(`The database as it was is kept as snapshot ${summary.preRestoreSnapshot}.\n`);
    }
    return EXIT.ok;
  });
}

export interface ResetCliOptions extends ScopeOptions {
  yes?: boolean;
  json?: boolean;
}

/** `lectern reset (--global | --profile ID) --yes`: the acknowledged loss of one database; refused without --yes. */
export function runReset(dataDir: string, options: ResetCliOptions): number {
  let scope;
  try {
    scope = singleScope(options);
    if (!options.yes) {
      throw new AppError(
        'confirmation_required',
        'Reset starts this database over, empty. Its current files are kept in corrupted/. Add --yes to confirm.',
      );
    }
  } catch (error) {
    return reportFailure(error, options.json, error instanceof AppError && error.code === 'scope_required' ? EXIT.usage : EXIT.refused);
  }
  return withOwnedStore(dataDir, options.json, EXIT.refused, (store) => {
    const event = withNotice(resetDatabase(store, scope));
    if (options.json) printJson({ event });
    else process.stdout.write(`${event.notice}\n`);
    return EXIT.ok;
  });
}

function isUsage(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'scope_required' || error.code === 'profile_id_invalid');
}
