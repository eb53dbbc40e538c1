import { transcriptText } from './transcript-text.js';
import type { TranscriptExport, TranscriptFormat, TranscriptV1 } from './types.js';

/** The transcript as a file to download in the chosen format; nothing is written on disk. */
export function formatTranscript(transcript: TranscriptV1, format: TranscriptFormat, baseName: string): TranscriptExport {
  switch (format) {
    case 'txt':
      return { fileName: `${baseName}.txt`, mimeType: 'text/plain; charset=utf-8', content: `${transcriptText(transcript)}\n` };
    case 'json':
      return { fileName: `${baseName}.json`, mimeType: 'application/json', content: `${JSON.stringify(transcript, null, 2)}\n` };
    case 'srt':
      return { fileName: `${baseName}.srt`, mimeType: 'application/x-subrip', content: toSrt(transcript) };
    case 'vtt':
      return { fileName: `${baseName}.vtt`, mimeType: 'text/vtt; charset=utf-8', content: toVtt(transcript) };
  }
}

function cues(transcript: TranscriptV1) {
  return transcript.segments.filter((segment) => segment.text.trim().length > 0);
}

function toSrt(transcript: TranscriptV1): string {
  return cues(transcript)
    .map((cue, index) => `${index + 1}\n${clock(cue.tStartMs, ',')} --> ${clock(cue.tEndMs, ',')}\n${cue.text.trim()}\n`)
    .join('\n');
}

function toVtt(transcript: TranscriptV1): string {
  const body = cues(transcript)
    .map((cue) => `${clock(cue.tStartMs, '.')} --> ${clock(cue.tEndMs, '.')}\n${cue.text.trim()}\n`)
    .join('\n');
  return `WEBVTT\n\n${body}`;
}

/** 01:02:03,456 (SRT) or 01:02:03.456 (WebVTT). */
export function clock(ms: number, separator: ',' | '.'): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${separator}${pad(ms % 1000, 3)}`;
}
