import { Option, type Command } from 'commander';
import { profileIdsReadOnly } from '../../core/health/index.js';
import { AppError } from '../../kernel/errors.js';
import { assertValidProfileId, type DataLayout } from '../../platform/db/layout.js';
import { GLOBAL_SCOPE, profileScope, type DbScope } from '../../platform/db/scope.js';

export interface ScopeOptions {
  global?: boolean;
  profile?: string;
  all?: boolean;
}

/** Adds `--global | --profile ID | --all` (mutually exclusive) to a command. */
export function withScopeOptions(command: Command, allowAll = true): Command {
  command
    .addOption(new Option('--global', 'the global database').conflicts(['profile', 'all']))
    .addOption(new Option('--profile <id>', "one profile's database").conflicts(['all']));
  if (allowAll) command.addOption(new Option('--all', 'the global database and every profile (default)'));
  return command;
}

/** The databases an operator named; with none named, all of them (read from the global database, read-only). */
export function selectedScopes(layout: DataLayout, options: ScopeOptions): DbScope[] {
  if (options.global) return [GLOBAL_SCOPE];
  if (options.profile !== undefined) {
    assertValidProfileId(options.profile);
    return [profileScope(options.profile)];
  }
  return [GLOBAL_SCOPE, ...profileIdsReadOnly(layout).map(profileScope)];
}

/** Exactly one database, for operations that replace one (restore, reset). */
export function singleScope(options: ScopeOptions): DbScope {
  if (options.global) return GLOBAL_SCOPE;
  if (options.profile !== undefined) {
    assertValidProfileId(options.profile);
    return profileScope(options.profile);
  }
  throw new AppError('scope_required', 'Name the database: --global or --profile ID.');
}

export function describeScope(scope: DbScope): string {
  return scope.kind === 'global' ? 'global database' : `profile ${scope.profileId}`;
}
