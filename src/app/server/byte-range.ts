/**
 * One byte range of a file of `size` bytes, from an HTTP `Range` header (RFC 9110 §14): `bytes=first-last`,
 * `bytes=first-` or `bytes=-suffixLength`. The answer is:
 * - `whole`: no Range header, another unit, or several ranges (a server may answer those with the whole file, and the
 *   audio element never asks for several);
 * - `range`: the inclusive span to send with 206;
 * - `unsatisfiable`: a malformed bytes range or one that starts past the end, answered with 416.
 */
export type ByteRangeAnswer = { kind: 'whole' } | { kind: 'range'; start: number; end: number } | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

export function byteRangeOf(header: string | undefined, size: number): ByteRangeAnswer {
  if (header === undefined) return { kind: 'whole' };
  const value = header.trim();
  if (!value.startsWith('bytes=')) return { kind: 'whole' };
  if (value.includes(',')) return { kind: 'whole' };
  const match = SINGLE_RANGE.exec(value.replace(/\s+/g, ''));
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'unsatisfiable' };
  if (match[1] === '') return suffixRange(Number(match[2]), size);
  const start = Number(match[1]);
  const last = match[2] === '' ? size - 1 : Number(match[2]);
  if (start >= size || last < start) return { kind: 'unsatisfiable' };
  return { kind: 'range', start, end: Math.min(last, size - 1) };
}

/** `bytes=-N`: the last N bytes (the whole file when it is shorter); `-0` asks for nothing and cannot be satisfied. */
function suffixRange(length: number, size: number): ByteRangeAnswer {
  if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
  return { kind: 'range', start: Math.max(0, size - length), end: size - 1 };
}
