import { closeSync, fstatSync, openSync } from 'node:fs';
import { fileSource } from './byte-source.js';
import { readWavHeader } from './wav-reader.js';

/** How long a stored recording is, read from its header alone (a few bytes, whatever the file's length). */
export interface StoredWavLength {
  frames: number;
  sampleRate: number;
  durationMs: number;
}

export function storedWavLength(path: string): StoredWavLength {
  const fd = openSync(path, 'r');
  try {
    const { frames, format } = readWavHeader(fileSource(fd, fstatSync(fd).size));
    return { frames, sampleRate: format.sampleRate, durationMs: Math.round((frames * 1000) / format.sampleRate) };
  } finally {
    closeSync(fd);
  }
}
