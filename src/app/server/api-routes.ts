import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CommandRegistry, InvokeOutcome } from '../../commands/index.js';
import { isBinaryCommand } from '../../contracts/command-catalogue.js';
import { FileResultSchema, StoredFileResultSchema } from '../../contracts/downloads.js';
import type { DataStore } from '../../platform/db/data-store.js';
import type { UploadStaging } from '../../platform/uploads/upload-staging.js';
import { sendError, sendFile, sendJson, statusFor } from './http-responses.js';
import type { JobEventStreams } from './job-event-streams.js';
import { readJsonBody } from './request-body.js';
import type { RequestLog } from './request-log.js';
import { sendStoredFile } from './stored-file-download.js';
import { stageUpload, uploadAudio } from './upload-routes.js';

export interface ApiRoutesDeps {
  store: DataStore;
  registry: CommandRegistry;
  staging: UploadStaging;
  eventStreams: JobEventStreams;
  requestLog: RequestLog;
  uploadMaxBytes: number | undefined;
}

/**
 * The /api routes of a signed-in, same-origin request: commands as JSON, uploads, downloads, the job event stream and
 * the support bundle. Every route that runs a command runs it through the one registry.
 */
export class ApiRoutes {
  constructor(private readonly deps: ApiRoutesDeps) {}

  async route(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const { store, registry, staging, eventStreams } = this.deps;
    const invoke = /^\/api\/invoke\/([a-z][a-z0-9_]*)$/.exec(url.pathname);
    if (invoke && request.method === 'POST') {
      const name = invoke[1]!;
      if (isBinaryCommand(name)) return sendError(response, 404, { code: 'command_unknown', message: `${name} is a file download, not a JSON command.` });
      const outcome = await registry.invoke({ store }, name, await readJsonBody(request, response));
      return this.answerOutcome(request, response, url, outcome, (result) => sendJson(response, 200, { result }));
    }
    const uploads = { store, staging, maxBytes: this.deps.uploadMaxBytes };
    if (url.pathname === '/api/upload/pack' && request.method === 'POST') {
      return sendJson(response, 200, { result: await stageUpload(uploads, request, response) });
    }
    if (url.pathname === '/api/upload/audio' && request.method === 'POST') {
      // `&stage=1` only stages the take: run_record (through the registry) imports it and makes the run in one command.
      if (url.searchParams.get('stage') === '1') return sendJson(response, 200, { result: await stageUpload(uploads, request, response) });
      const outcome = await uploadAudio(uploads, request, response, (payload) => registry.invoke({ store }, 'audio_import', payload), url.searchParams.get('profileId') ?? '');
      return this.answerOutcome(request, response, url, outcome, (result) => sendJson(response, 200, { result }));
    }
    const download = /^\/api\/download\/([a-z]+_[0-9a-f]{32})$/.exec(url.pathname);
    if (download && request.method === 'GET') {
      const outcome = await registry.invoke({ store }, 'artifact_download', { profileId: url.searchParams.get('profileId') ?? '', artifactId: download[1]! });
      if (!outcome.ok) return this.answerOutcome(request, response, url, outcome, () => {});
      return sendStoredFile(request, response, StoredFileResultSchema.parse(outcome.result));
    }
    if (url.pathname === '/api/events' && request.method === 'GET') return eventStreams.subscribe(request, response);
    if (url.pathname === '/api/support-bundle' && request.method === 'GET') {
      const outcome = await registry.invoke({ store }, 'support_bundle_build', {});
      return this.answerOutcome(request, response, url, outcome, (result) => sendFile(response, FileResultSchema.parse(result)));
    }
    return sendError(response, 404, { code: 'route_not_found', message: 'No such API route.' });
  }

  /**
   * Every registry call over HTTP ends here, whatever its transport: a result is sent as the route sends it; a failure
   * gets its status and `{ code, message }`, and an internal error is logged with its facts (never sent).
   */
  private answerOutcome(request: IncomingMessage, response: ServerResponse, url: URL, outcome: InvokeOutcome, sendResult: (result: unknown) => void): void {
    if (outcome.ok) return sendResult(outcome.result);
    if (outcome.internal) this.deps.requestLog.internalError(request, url, outcome.internal);
    sendError(response, statusFor(outcome.error.code), outcome.error);
  }
}
