import { Command, CommanderError, Option } from 'commander';
import { resolveDataDir } from '../../platform/db/layout.js';
import { runDiagnose } from './diagnose-command.js';
import { EXIT } from './exit-codes.js';
import { runInvoke } from './invoke-command.js';
import { runModelsBench, runModelsGet, runModelsList, runModelsRemove } from './models-command.js';
import { runStart, type StartOptions } from './serve-command.js';
import { runDownload, runUpload } from './transfer-command.js';
import { runSupportBundle } from './support-bundle-command.js';
import { runQuarantineList } from './quarantine-command.js';
import { runReset, runRestore, type ResetCliOptions, type RestoreCliOptions } from './restore-command.js';
import { withScopeOptions } from './scope-options.js';
import { runSnapshotCreate, runSnapshotList, runSnapshotVerify, type SnapshotCliOptions } from './snapshot-command.js';
import { APP_VERSION } from '../app-version.js';
import { ignoreClosedPipe } from './closed-pipe.js';

function dataDirOf(command: Command): string {
  return resolveDataDir({ flag: command.optsWithGlobals<{ dataDir?: string }>().dataDir });
}

export function buildCli(setExitCode: (code: number) => void): Command {
  const program = new Command('lectern')
    .description('Lectern: a local-first rehearsal coach. Everything stays on this machine.')
    .version(APP_VERSION)
    .option('--data-dir <dir>', 'data folder (default: $LECTERN_DATA_DIR, else the OS user-data folder)')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('start')
    .description('run the rehearsal app on 127.0.0.1 and open it in an app window (Ctrl-C stops it cleanly); if it already runs, open it again')
    .option('--port <n>', 'port to listen on (default: a free one)')
    .option('--no-open', 'do not open the app window or browser')
    .option('--browser <path>', 'open the app with this browser (Chromium-family browsers open an app window)')
    .action(async (options: StartOptions, command: Command) => setExitCode(await runStart(dataDirOf(command), options)));

  program
    .command('invoke')
    .description('run one command through the command registry and print its JSON result')
    .argument('<command>', 'command name, e.g. profile_db_diagnostics')
    .argument('[json]', 'JSON payload', '{}')
    .action(async (name: string, json: string, _options, command: Command) =>
      setExitCode(await runInvoke(dataDirOf(command), name, json)),
    );

  program
    .command('diagnose')
    .description('read-only health report of the databases (exit 0 clean, 3 problem found); changes no file')
    .addOption(new Option('--profile <id>', 'also report this profile').conflicts('all'))
    .option('--all', 'report the global database and every profile')
    .option('--json', 'print JSON instead of sentences')
    .action((options: { profile?: string; all?: boolean; json?: boolean }, command: Command) =>
      setExitCode(runDiagnose(dataDirOf(command), options)),
    );

  const snapshot = program.command('snapshot').description('verified database snapshots (create takes the lock; list and verify are read-only)');
  for (const [name, description, run] of [
    ['create', 'take a verified manual snapshot', runSnapshotCreate],
    ['list', 'list snapshots, newest first', runSnapshotList],
    ['verify', 'check every snapshot now (exit 3 when one fails)', runSnapshotVerify],
  ] as const) {
    withScopeOptions(snapshot.command(name).description(description))
      .option('--json', 'print JSON')
      .action((options: SnapshotCliOptions, command: Command) => setExitCode(run(dataDirOf(command), options)));
  }

  withScopeOptions(program.command('restore'), false)
    .description('replace one database with a snapshot (refused while Lectern runs)')
    .requiredOption('--snapshot <name>', 'snapshot name, from `lectern snapshot list`')
    .option('--json', 'print JSON')
    .action((options: RestoreCliOptions, command: Command) => setExitCode(runRestore(dataDirOf(command), options)));

  program
    .command('quarantine')
    .description('damaged databases set aside by recovery')
    .command('list')
    .description('list quarantined databases with their notes (read-only)')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }, command: Command) => setExitCode(runQuarantineList(dataDirOf(command), options)));

  withScopeOptions(program.command('reset'), false)
    .description('start one database over, empty (its files are kept in corrupted/); needs --yes')
    .option('--yes', 'confirm the loss of this database')
    .option('--json', 'print JSON')
    .action((options: ResetCliOptions, command: Command) => setExitCode(runReset(dataDirOf(command), options)));

  program
    .command('support-bundle')
    .description('write a metadata-only zip for whoever helps you (no recordings, transcripts or databases)')
    .option('--out <file>', 'where to write it (default: lectern-support-<date>.zip; never overwrites)')
    .action((options: { out?: string }, command: Command) => setExitCode(runSupportBundle(dataDirOf(command), options)));

  const models = program.command('models').description('whisper.cpp speech models: download only when you ask, verified by sha256');
  models
    .command('list')
    .description('the catalogue, what is installed, and the model each language uses')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => setExitCode(await runModelsList(dataDirOf(command), options)));
  models
    .command('get')
    .description('download and verify a model (resumes an interrupted download; Ctrl-C cancels)')
    .argument('<name>', 'tiny.en, tiny, base.en, base, small.en or small')
    .action(async (name: string, _options, command: Command) => setExitCode(await runModelsGet(dataDirOf(command), name)));
  models
    .command('rm')
    .description('delete a model')
    .argument('<name>', 'a model name')
    .action(async (name: string, _options, command: Command) => setExitCode(await runModelsRemove(dataDirOf(command), name)));
  models
    .command('bench')
    .description('word error rate of the English whisper model and of pocketsphinx on the LibriVox reference clips')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => setExitCode(await runModelsBench(dataDirOf(command), options)));

  program
    .command('upload')
    .description('stage a file (a pack) for pack_inspect or peer_review_import; prints {"uploadId"}')
    .argument('<file>', 'the file to stage')
    .action((file: string, _options, command: Command) => setExitCode(runUpload(dataDirOf(command), file)));

  program
    .command('download')
    .description('write a stored file (a pack, a transcript) to a new file')
    .requiredOption('--profile <id>', 'the profile that holds it')
    .requiredOption('--artifact <id>', 'its id (pack_export returns the pack id)')
    .requiredOption('--out <file>', 'where to write it (must not exist)')
    .action(async (options: { profile: string; artifact: string; out: string }, command: Command) =>
      setExitCode(await runDownload(dataDirOf(command), options)),
    );

  return program;
}

/** Runs the CLI and returns its exit code; usage errors exit 2. */
export async function main(argv: string[]): Promise<number> {
  ignoreClosedPipe(process.stdout);
  ignoreClosedPipe(process.stderr);
  let exitCode: number = EXIT.ok;
  const program = buildCli((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  return exitCode;
}
