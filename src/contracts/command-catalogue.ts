/**
 * Every command of Lectern by name, with the contracts of its payload and result: the one list that the registry
 * (src/commands: each command adds its handler to an entry here), the CLI, the docs check and the UI's typed `invoke`
 * share. A command renamed or a field changed here fails `npm run check` wherever it is called.
 */
import type { z } from 'zod';
import { AppAboutPayloadSchema, AppAboutResultSchema, DataFolderOpenPayloadSchema, DataFolderOpenResultSchema } from './about.js';
import {
  BlueprintPayloadSchema,
  BlueprintResultSchema,
  CoachTrendsPayloadSchema,
  CoachTrendsResultSchema,
  MascotPayloadSchema,
  MascotResultSchema,
  ProgressGetPayloadSchema,
  ProgressGetResultSchema,
} from './coach.js';
import {
  ProfileDbDiagnosticsPayloadSchema,
  ProfileDbDiagnosticsResultSchema,
} from './diagnostics.js';
import { ArtifactDownloadPayloadSchema, FileResultSchema, StoredFileResultSchema, SupportBundleBuildPayloadSchema } from './downloads.js';
import {
  PackExportPayloadSchema,
  PackExportResultSchema,
  PackInspectResultSchema,
  PackUploadPayloadSchema,
  PeerReviewGetPayloadSchema,
  PeerReviewGetResultSchema,
  PeerReviewImportResultSchema,
  PeerReviewListPayloadSchema,
  PeerReviewListResultSchema,
} from './exchange.js';
import {
  AnalysisResultSchema,
  AnalyzeAttemptPayloadSchema,
  FeedbackContextResultSchema,
  FeedbackReviewResultSchema,
  FeedbackNumbersPayloadSchema,
  FeedbackNumbersResultSchema,
  FeedbackGetResultSchema,
  FeedbackNoteResultSchema,
  FeedbackNoteSetPayloadSchema,
  FeedbackMarkOpenedPayloadSchema,
  FeedbackOpenedResultSchema,
  FeedbackRefPayloadSchema,
  FeedbackTimelinePayloadSchema,
  FeedbackTimelineResultSchema,
  RunAnalyzePayloadSchema,
} from './feedback.js';
import {
  MemoCreatePayloadSchema,
  MemoDeleteResultSchema,
  MemoListPayloadSchema,
  MemoListResultSchema,
  MemoRefPayloadSchema,
  MemoRenamePayloadSchema,
  MemoResultSchema,
  MemoToRunPayloadSchema,
  MemoToRunResultSchema,
} from './memo.js';
import {
  ModelDownloadResultSchema,
  ModelRefPayloadSchema,
  ModelSelectPayloadSchema,
  ModelSourceSetPayloadSchema,
  ModelsListPayloadSchema,
  ModelsOverviewSchema,
} from './models.js';
import {
  PreferenceGlobalGetPayloadSchema,
  PreferenceGlobalSetPayloadSchema,
  PreferenceProfileGetPayloadSchema,
  PreferenceProfileSetPayloadSchema,
  PreferenceValueResultSchema,
} from './preferences.js';
import {
  QuestAttemptResultSchema,
  QuestAttemptsListPayloadSchema,
  QuestAttemptsListResultSchema,
  QuestGetDailyPayloadSchema,
  QuestGetDailyResultSchema,
  QuestGetPayloadSchema,
  QuestListPayloadSchema,
  QuestListResultSchema,
  QuestReportPayloadSchema,
  QuestReportResultSchema,
  QuestResultSchema,
  QuestSubmitAudioPayloadSchema,
  QuestSubmitTextPayloadSchema,
} from './quest.js';
import {
  RunAttachAudioPayloadSchema,
  RunCreatePayloadSchema,
  RunDeleteResultSchema,
  RunLatestPayloadSchema,
  RunListPayloadSchema,
  RunListResultSchema,
  RunOrNullResultSchema,
  RunRefPayloadSchema,
  RunResultSchema,
  RunSetTranscriptPayloadSchema,
  RunRecordPayloadSchema,
  RunRecordResultSchema,
  RunTrimGetResultSchema,
  RunTrimPayloadSchema,
  RunTrimResultSchema,
  RunProcessPayloadSchema,
  RunJobResultSchema,
  RunJobOrNullResultSchema,
  TranscriptEditPayloadSchema,
  TranscriptExportPayloadSchema,
  TranscriptExportResultSchema,
  TranscriptRefPayloadSchema,
  TranscriptResultSchema,
  TranscriptSavePayloadSchema,
  TranscriptSavedResultSchema,
} from './run.js';
import {
  DbRecoveryEventsListPayloadSchema,
  DbRecoveryEventsListResultSchema,
  DbRecoveryNoticeDismissPayloadSchema,
  DbRecoveryNoticeDismissResultSchema,
  DbRecoveryNoticesPendingPayloadSchema,
  DbRecoveryNoticesPendingResultSchema,
  DbSnapshotCreatePayloadSchema,
  DbSnapshotCreateResultSchema,
  DbSnapshotListPayloadSchema,
  DbSnapshotListResultSchema,
  DbSnapshotRestorePayloadSchema,
  DbSnapshotRestoreResultSchema,
} from './snapshots.js';
import {
  OutlineExportResultSchema,
  OutlineResultSchema,
  OutlineSetPayloadSchema,
  ProfileOnlyPayloadSchema,
  ProjectCreatePayloadSchema,
  ProjectListResultSchema,
  ProjectOrNullResultSchema,
  ProjectRefPayloadSchema,
  ProjectResultSchema,
  ProjectUpdatePayloadSchema,
} from './talk.js';
import {
  AsrStatusPayloadSchema,
  AsrStatusResultSchema,
  AudioImportPayloadSchema,
  AudioImportResultSchema,
  JobRefPayloadSchema,
  JobResultSchema,
  TranscribeAudioPayloadSchema,
  TranscribeAudioResultSchema,
} from './transcription.js';
import {
  ProfileAdoptUnlistedPayloadSchema,
  ProfileAdoptUnlistedResultSchema,
  ProfileCreatePayloadSchema,
  ProfileDeletePayloadSchema,
  ProfileDeleteResultSchema,
  ProfileListPayloadSchema,
  ProfileListResultSchema,
  ProfileRenamePayloadSchema,
  ProfileResultSchema,
  ProfileSwitchPayloadSchema,
} from './workspace.js';

export const COMMAND_CONTRACTS = {
  progress_get_snapshot: { payload: ProgressGetPayloadSchema, result: ProgressGetResultSchema },
  coach_trends: { payload: CoachTrendsPayloadSchema, result: CoachTrendsResultSchema },
  mascot_get_context_message: { payload: MascotPayloadSchema, result: MascotResultSchema },
  talks_get_blueprint: { payload: BlueprintPayloadSchema, result: BlueprintResultSchema },
  profile_db_diagnostics: { payload: ProfileDbDiagnosticsPayloadSchema, result: ProfileDbDiagnosticsResultSchema },
  support_bundle_build: { payload: SupportBundleBuildPayloadSchema, result: FileResultSchema },
  artifact_download: { payload: ArtifactDownloadPayloadSchema, result: StoredFileResultSchema },
  pack_export: { payload: PackExportPayloadSchema, result: PackExportResultSchema },
  pack_inspect: { payload: PackUploadPayloadSchema, result: PackInspectResultSchema },
  peer_review_import: { payload: PackUploadPayloadSchema, result: PeerReviewImportResultSchema },
  peer_review_list: { payload: PeerReviewListPayloadSchema, result: PeerReviewListResultSchema },
  peer_review_get: { payload: PeerReviewGetPayloadSchema, result: PeerReviewGetResultSchema },
  run_analyze: { payload: RunAnalyzePayloadSchema, result: AnalysisResultSchema },
  analyze_attempt: { payload: AnalyzeAttemptPayloadSchema, result: AnalysisResultSchema },
  feedback_get: { payload: FeedbackRefPayloadSchema, result: FeedbackGetResultSchema },
  feedback_context_get: { payload: FeedbackRefPayloadSchema, result: FeedbackContextResultSchema },
  feedback_review_get: { payload: FeedbackRefPayloadSchema, result: FeedbackReviewResultSchema },
  feedback_numbers_get: { payload: FeedbackNumbersPayloadSchema, result: FeedbackNumbersResultSchema },
  feedback_timeline_list: { payload: FeedbackTimelinePayloadSchema, result: FeedbackTimelineResultSchema },
  feedback_note_get: { payload: FeedbackRefPayloadSchema, result: FeedbackNoteResultSchema },
  feedback_note_set: { payload: FeedbackNoteSetPayloadSchema, result: FeedbackNoteResultSchema },
  feedback_mark_opened: { payload: FeedbackMarkOpenedPayloadSchema, result: FeedbackOpenedResultSchema },
  models_list: { payload: ModelsListPayloadSchema, result: ModelsOverviewSchema },
  model_download: { payload: ModelRefPayloadSchema, result: ModelDownloadResultSchema },
  model_remove: { payload: ModelRefPayloadSchema, result: ModelsOverviewSchema },
  model_select: { payload: ModelSelectPayloadSchema, result: ModelsOverviewSchema },
  models_source_set: { payload: ModelSourceSetPayloadSchema, result: ModelsOverviewSchema },
  preference_global_get: { payload: PreferenceGlobalGetPayloadSchema, result: PreferenceValueResultSchema },
  preference_global_set: { payload: PreferenceGlobalSetPayloadSchema, result: PreferenceValueResultSchema },
  preference_profile_get: { payload: PreferenceProfileGetPayloadSchema, result: PreferenceValueResultSchema },
  preference_profile_set: { payload: PreferenceProfileSetPayloadSchema, result: PreferenceValueResultSchema },
  quest_list: { payload: QuestListPayloadSchema, result: QuestListResultSchema },
  quest_get: { payload: QuestGetPayloadSchema, result: QuestResultSchema },
  quest_submit_text: { payload: QuestSubmitTextPayloadSchema, result: QuestAttemptResultSchema },
  quest_submit_audio: { payload: QuestSubmitAudioPayloadSchema, result: QuestAttemptResultSchema },
  quest_attempts_list: { payload: QuestAttemptsListPayloadSchema, result: QuestAttemptsListResultSchema },
  quest_report: { payload: QuestReportPayloadSchema, result: QuestReportResultSchema },
  quest_get_daily: { payload: QuestGetDailyPayloadSchema, result: QuestGetDailyResultSchema },
  run_create: { payload: RunCreatePayloadSchema, result: RunResultSchema },
  run_attach_audio: { payload: RunAttachAudioPayloadSchema, result: RunResultSchema },
  run_set_transcript: { payload: RunSetTranscriptPayloadSchema, result: RunResultSchema },
  run_get: { payload: RunRefPayloadSchema, result: RunResultSchema },
  run_get_latest: { payload: RunLatestPayloadSchema, result: RunOrNullResultSchema },
  run_list: { payload: RunListPayloadSchema, result: RunListResultSchema },
  run_delete: { payload: RunRefPayloadSchema, result: RunDeleteResultSchema },
  run_record: { payload: RunRecordPayloadSchema, result: RunRecordResultSchema },
  run_process: { payload: RunProcessPayloadSchema, result: RunJobResultSchema },
  run_job_get: { payload: RunRefPayloadSchema, result: RunJobOrNullResultSchema },
  run_trim_get: { payload: RunRefPayloadSchema, result: RunTrimGetResultSchema },
  run_trim: { payload: RunTrimPayloadSchema, result: RunTrimResultSchema },
  db_snapshot_create: { payload: DbSnapshotCreatePayloadSchema, result: DbSnapshotCreateResultSchema },
  db_recovery_events_list: { payload: DbRecoveryEventsListPayloadSchema, result: DbRecoveryEventsListResultSchema },
  db_recovery_notices_pending: { payload: DbRecoveryNoticesPendingPayloadSchema, result: DbRecoveryNoticesPendingResultSchema },
  db_recovery_notice_dismiss: { payload: DbRecoveryNoticeDismissPayloadSchema, result: DbRecoveryNoticeDismissResultSchema },
  db_snapshot_list: { payload: DbSnapshotListPayloadSchema, result: DbSnapshotListResultSchema },
  db_snapshot_restore: { payload: DbSnapshotRestorePayloadSchema, result: DbSnapshotRestoreResultSchema },
  project_create: { payload: ProjectCreatePayloadSchema, result: ProjectResultSchema },
  project_update: { payload: ProjectUpdatePayloadSchema, result: ProjectResultSchema },
  project_get_active: { payload: ProfileOnlyPayloadSchema, result: ProjectOrNullResultSchema },
  project_list: { payload: ProfileOnlyPayloadSchema, result: ProjectListResultSchema },
  project_set_active: { payload: ProjectRefPayloadSchema, result: ProjectResultSchema },
  project_ensure_training: { payload: ProfileOnlyPayloadSchema, result: ProjectResultSchema },
  outline_get: { payload: ProjectRefPayloadSchema, result: OutlineResultSchema },
  outline_set: { payload: OutlineSetPayloadSchema, result: OutlineResultSchema },
  outline_export: { payload: ProjectRefPayloadSchema, result: OutlineExportResultSchema },
  transcript_save: { payload: TranscriptSavePayloadSchema, result: TranscriptSavedResultSchema },
  transcript_get: { payload: TranscriptRefPayloadSchema, result: TranscriptResultSchema },
  transcript_edit_save: { payload: TranscriptEditPayloadSchema, result: TranscriptSavedResultSchema },
  transcript_export: { payload: TranscriptExportPayloadSchema, result: TranscriptExportResultSchema },
  asr_status: { payload: AsrStatusPayloadSchema, result: AsrStatusResultSchema },
  audio_import: { payload: AudioImportPayloadSchema, result: AudioImportResultSchema },
  transcribe_audio: { payload: TranscribeAudioPayloadSchema, result: TranscribeAudioResultSchema },
  job_get: { payload: JobRefPayloadSchema, result: JobResultSchema },
  job_cancel: { payload: JobRefPayloadSchema, result: JobResultSchema },
  profile_list: { payload: ProfileListPayloadSchema, result: ProfileListResultSchema },
  profile_create: { payload: ProfileCreatePayloadSchema, result: ProfileResultSchema },
  profile_switch: { payload: ProfileSwitchPayloadSchema, result: ProfileResultSchema },
  profile_adopt_unlisted: { payload: ProfileAdoptUnlistedPayloadSchema, result: ProfileAdoptUnlistedResultSchema },
  profile_rename: { payload: ProfileRenamePayloadSchema, result: ProfileResultSchema },
  profile_delete: { payload: ProfileDeletePayloadSchema, result: ProfileDeleteResultSchema },
  memo_create: { payload: MemoCreatePayloadSchema, result: MemoResultSchema },
  memo_list: { payload: MemoListPayloadSchema, result: MemoListResultSchema },
  memo_rename: { payload: MemoRenamePayloadSchema, result: MemoResultSchema },
  memo_delete: { payload: MemoRefPayloadSchema, result: MemoDeleteResultSchema },
  memo_to_run: { payload: MemoToRunPayloadSchema, result: MemoToRunResultSchema },
  app_about: { payload: AppAboutPayloadSchema, result: AppAboutResultSchema },
  data_folder_open: { payload: DataFolderOpenPayloadSchema, result: DataFolderOpenResultSchema },
} as const;

export type CommandName = keyof typeof COMMAND_CONTRACTS;

/** Commands whose result is a file: served by their own HTTP route (the same registry call), never by `/api/invoke`. */
export const BINARY_COMMANDS = ['support_bundle_build', 'artifact_download'] as const satisfies readonly CommandName[];
export type BinaryCommandName = (typeof BINARY_COMMANDS)[number];
/** The commands a JSON door (`/api/invoke`, the UI's `invoke`) may call. */
export type JsonCommandName = Exclude<CommandName, BinaryCommandName>;

export function isBinaryCommand(name: string): name is BinaryCommandName {
  return (BINARY_COMMANDS as readonly string[]).includes(name);
}
type ContractOf<N extends CommandName> = (typeof COMMAND_CONTRACTS)[N];

/** What a caller sends (before defaults and transforms): the type of a command's payload at its door. */
export type CommandPayload<N extends CommandName> = z.input<ContractOf<N>['payload']>;
/** What the caller receives. */
export type CommandResult<N extends CommandName> = z.output<ContractOf<N>['result']>;
/** What the handler receives (after validation) and must return (before the result's own validation). */
export type HandlerPayload<N extends CommandName> = z.output<ContractOf<N>['payload']>;
export type HandlerResult<N extends CommandName> = z.input<ContractOf<N>['result']>;
