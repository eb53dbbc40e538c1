import { fetchStoredFile } from '../api/download';
import { invoke } from '../api/invoke';
import type { PackExportResult } from '../api/types/exchange';
import { t } from '../i18n';
import { announce } from '../state/notices';
import { formatBytes } from '../util/format';
import { saveBlobFile } from '../util/save-file';

/**
 * Sends a run for review: `pack_export` stores the run as a pack (a zip), then the browser downloads it under the name
 * the command chose (the download route names files by artifact id), for the speaker to hand to a peer. Throws the
 * command's or the download's error (run_missing_transcript, artifact_not_found, ...).
 */
export async function exportRunPack(profileId: string, runId: string): Promise<PackExportResult> {
  const result = await invoke('pack_export', { profileId, runId });
  saveBlobFile(result.fileName, await fetchStoredFile(result.artifactId, profileId));
  announce(t('packs.exported', { name: result.fileName, size: formatBytes(result.bytes) }));
  return result;
}
