import type { ErrorCode } from '../contracts/error-codes.js';
import { z } from 'zod';
import { COMMAND_CONTRACTS, type CommandName, type HandlerPayload, type HandlerResult } from '../contracts/command-catalogue.js';
import { AppError, isAppError, toErrorPayload, type ErrorPayload } from '../kernel/errors.js';
import { describeInternalError, type InternalErrorFacts } from '../kernel/internal-error-facts.js';
import { openProfileSession, type ProfileSession } from '../core/workspace/index.js';
import type { DataStore } from '../platform/db/data-store.js';
import { isCorruption, toDatabaseError } from '../platform/db/sqlite-failure.js';

/** What a handler receives besides its payload: the data it may work on. */
export interface CommandContext {
  store: DataStore;
}

export interface Command<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  name: string;
  payload: P;
  result: R;
  handler: (context: CommandContext, payload: z.output<P>) => z.input<R> | Promise<z.input<R>>;
}

/**
 * A failure carries, besides what the client may see, the facts of an internal error (class, code location) for the
 * caller's log: the client only ever gets `internal_error` and a fixed sentence.
 */
export type InvokeOutcome = { ok: true; result: unknown } | { ok: false; error: ErrorPayload; internal?: InternalErrorFacts };

/** A handler for a command of the catalogue: its payload and result types come from the command's contracts. */
export interface CommandHandlerSpec<N extends CommandName> {
  name: N;
  handler: (context: CommandContext, payload: HandlerPayload<N>) => HandlerResult<N> | Promise<HandlerResult<N>>;
}

/**
 * Gives a command of the catalogue (`src/contracts/command-catalogue.ts`, the one list of names and contracts) its
 * handler. The schemas come from the catalogue, so a command cannot be registered under contracts of its own.
 */
export function defineCommand<N extends CommandName>(spec: CommandHandlerSpec<N>): Command<(typeof COMMAND_CONTRACTS)[N]['payload'], (typeof COMMAND_CONTRACTS)[N]['result']> {
  const contract = COMMAND_CONTRACTS[spec.name];
  return { name: spec.name, payload: contract.payload, result: contract.result, handler: spec.handler };
}

/** The commands of the catalogue whose payload names, always, the profile they work on. */
export type ProfileCommandName = { [N in CommandName]: HandlerPayload<N> extends { profileId: string } ? N : never }[CommandName];

/** A handler of a profile-scoped command: it gets the profile's session, already resolved, instead of the store. */
export interface ProfileCommandHandlerSpec<N extends ProfileCommandName> {
  name: N;
  /** The payload comes without its `profileId`: the session names the profile. */
  handler: (session: ProfileSession, payload: Omit<HandlerPayload<N>, 'profileId'>) => HandlerResult<N> | Promise<HandlerResult<N>>;
  /**
   * What a refused profile must still undo: a command that consumes a staged upload discards it, so that voice data
   * never waits in staging for an import that will not come.
   */
  onProfileRefused?: (context: CommandContext, payload: HandlerPayload<N>) => Promise<void>;
}

/**
 * Gives a profile-scoped command its handler. The profile's session (database, stored files, clock) is resolved once,
 * here, after the payload is validated and before the handler runs: an unknown profile is refused with
 * `profile_not_found` by every such command alike, and no service resolves a profile again.
 */
export function defineProfileCommand<N extends ProfileCommandName>(
  spec: ProfileCommandHandlerSpec<N>,
): Command<(typeof COMMAND_CONTRACTS)[N]['payload'], (typeof COMMAND_CONTRACTS)[N]['result']> {
  const contract = COMMAND_CONTRACTS[spec.name];
  return {
    name: spec.name,
    payload: contract.payload,
    result: contract.result,
    handler: (context, payload) => {
      const { profileId, ...rest } = withProfileId(payload);
      let session: ProfileSession;
      try {
        session = openProfileSession(context.store, profileId);
      } catch (error) {
        if (!spec.onProfileRefused) throw error;
        return spec.onProfileRefused(context, payload).then(() => Promise.reject(error));
      }
      return spec.handler(session, rest);
    },
  };
}

/** A validated profile-scoped payload, its `profileId` checked again rather than cast (its contract requires one). */
function withProfileId<P extends object>(payload: P): P & { profileId: string } {
  if ('profileId' in payload && typeof payload.profileId === 'string') return { ...payload, profileId: payload.profileId };
  throw new AppError('invalid_payload', 'The payload of a profile command names no profile.');
}

/**
 * The one way into the application: every door (HTTP, CLI, tests) calls `invoke`. The payload is validated before
 * the handler runs, the result after; every failure comes back as `{ code, message }` and never as a thrown error,
 * a stack trace, a path or SQL.
 */
export class CommandRegistry {
  private readonly commands = new Map<string, Command>();

  constructor(commands: readonly Command[] = []) {
    for (const command of commands) this.register(command);
  }

  register(command: Command): void {
    if (this.commands.has(command.name)) throw new Error(`Command ${command.name} is registered twice`);
    this.commands.set(command.name, command);
  }

  names(): string[] {
    return [...this.commands.keys()].sort();
  }

  has(name: string): boolean {
    return this.commands.has(name);
  }

  async invoke(context: CommandContext, name: string, rawPayload: unknown): Promise<InvokeOutcome> {
    try {
      const command = this.commands.get(name);
      if (!command) throw new AppError('command_unknown', `There is no command named "${name}".`);
      const payload = parseOrThrow(command.payload, rawPayload ?? {}, 'invalid_payload', `The payload of ${name}`);
      const result = await command.handler(context, payload);
      return { ok: true, result: parseOrThrow(command.result, result, 'result_invalid', `The result of ${name}`) };
    } catch (error) {
      const coded = withDatabaseMeaning(context, error);
      return isAppError(coded) ? { ok: false, error: toErrorPayload(coded) } : { ok: false, error: toErrorPayload(coded), internal: describeInternalError(coded) };
    }
  }
}

/**
 * A SQLite or file-system failure keeps its meaning whichever command met it: busy, disk full, I/O error and
 * corruption reach the client as db_busy, db_disk_full, db_io_error and db_corrupt, never as internal_error. A
 * database found damaged mid-session is checked in full at the next start, where recovery can repair it.
 */
function withDatabaseMeaning(context: CommandContext, error: unknown): unknown {
  const coded = toDatabaseError(error, 'The database', context.store.layout.root);
  if (isCorruption(coded)) context.store.distrustCleanShutdown();
  return coded;
}

function parseOrThrow(schema: z.ZodType, value: unknown, code: ErrorCode, what: string): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError(code, `${what} is not valid: ${describeIssues(parsed.error)}.`);
}

/** Field paths and rule names only: the offending values are never echoed back. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.code}`)
    .join('; ');
}
