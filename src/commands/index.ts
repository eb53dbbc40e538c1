import { ABOUT_COMMANDS } from './about.js';
import { profileDbDiagnostics, supportBundleBuild } from './diagnostics.js';
import { CommandRegistry, type Command } from './registry.js';
import {
  dbRecoveryEventsList,
  dbRecoveryNoticeDismiss,
  dbRecoveryNoticesPending,
  dbSnapshotCreate,
  dbSnapshotList,
  dbSnapshotRestore,
} from './snapshots.js';
import { PREFERENCE_COMMANDS } from './preferences.js';
import { COACH_COMMANDS } from './coach.js';
import { EXCHANGE_COMMANDS } from './exchange.js';
import { FEEDBACK_COMMANDS } from './feedback.js';
import { MEMO_COMMANDS } from './memo.js';
import { MODEL_COMMANDS } from './models.js';
import { QUEST_COMMANDS } from './quest.js';
import { RUN_COMMANDS } from './run.js';
import { TALK_COMMANDS } from './talk.js';
import { TRANSCRIPT_COMMANDS } from './transcript.js';
import { TRANSCRIPTION_COMMANDS } from './transcription.js';
import { WORKSPACE_COMMANDS } from './workspace.js';

export type { CommandContext, InvokeOutcome } from './registry.js';
export { CommandRegistry } from './registry.js';

/** Every command Lectern exposes, in one list: the HTTP server, the CLI and tests all use this registry. */
export const ALL_COMMANDS: readonly Command[] = [
  profileDbDiagnostics,
  supportBundleBuild,
  dbSnapshotCreate,
  dbSnapshotList,
  dbSnapshotRestore,
  dbRecoveryEventsList,
  dbRecoveryNoticesPending,
  dbRecoveryNoticeDismiss,
  ...WORKSPACE_COMMANDS,
  ...PREFERENCE_COMMANDS,
  ...TALK_COMMANDS,
  ...TRANSCRIPT_COMMANDS,
  ...RUN_COMMANDS,
  ...QUEST_COMMANDS,
  ...COACH_COMMANDS,
  ...FEEDBACK_COMMANDS,
  ...EXCHANGE_COMMANDS,
  ...TRANSCRIPTION_COMMANDS,
  ...MODEL_COMMANDS,
  ...MEMO_COMMANDS,
  ...ABOUT_COMMANDS,
];

export function createCommandRegistry(): CommandRegistry {
  return new CommandRegistry(ALL_COMMANDS);
}
