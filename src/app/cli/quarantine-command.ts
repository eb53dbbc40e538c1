import { listQuarantined } from '../../core/health/index.js';
import { DataLayout } from '../../platform/db/layout.js';
import { EXIT } from './exit-codes.js';
import { printJson, reportFailure } from './output.js';
import { GLOBAL_SCOPE, profileScope } from '../../platform/db/scope.js';

/** `lectern quarantine list`: read-only; what was set aside, when and why. Never the files' content. */
export function runQuarantineList(dataDir: string, options: { json?: boolean }): number {
  const layout = new DataLayout(dataDir);
  try {
    const databases = [GLOBAL_SCOPE, ...layout.profileIdsOnDisk().map(profileScope)].map((scope) => ({
      scope: scope.kind,
      profileId: scope.kind === 'profile' ? scope.profileId : null,
      quarantined: listQuarantined(layout, scope),
    }));
    if (options.json) printJson({ databases });
    else {
      const all = databases.flatMap((db) => db.quarantined.map((note) => ({ db, note })));
      if (all.length === 0) process.stdout.write('Nothing is in quarantine.\n');
      for (const { db, note } of all) {
        const where = db.profileId ? `profile ${db.profileId}` : 'global database';
        process.stdout.write(`${note.name}: ${where}, ${note.reason}, set aside ${note.quarantinedAt} (files: ${note.files.join(', ')})\n`);
      }
    }
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error, options.json, EXIT.problemFound);
  }
}
