import { zipInvalid } from './zip-errors.js';

/**
 * Throws pack_zip_invalid unless [start, start + size) lies inside [0, limit). Every offset and size read from the
 * archive passes through here before it is used, so a lying header can never make the reader look outside the file.
 */
export function assertSpanInside(start: number, size: number, limit: number, what: string): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(size) || start < 0 || size < 0 || start + size > limit) {
    throw zipInvalid(`${what} points outside the file`);
  }
}

/** Walks the (id, size, data) blocks of an extra field; a block running past the field's end is damage. */
export function extraFieldIds(extra: Buffer): number[] {
  const ids: number[] = [];
  let cursor = 0;
  while (cursor < extra.length) {
    assertSpanInside(cursor, 4, extra.length, 'an extra field');
    const id = extra.readUInt16LE(cursor);
    const size = extra.readUInt16LE(cursor + 2);
    assertSpanInside(cursor + 4, size, extra.length, 'an extra field');
    ids.push(id);
    cursor += 4 + size;
  }
  return ids;
}
