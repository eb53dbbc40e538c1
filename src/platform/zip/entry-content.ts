import { inflateRawSync } from 'node:zlib';
import { crc32 } from './crc32.js';
import { zipInvalid } from './zip-errors.js';
import { METHOD_STORE } from './zip-format.js';

/**
 * The real bytes of one entry, never more than `maxBytes`: undefined means "larger than that", whatever the header
 * claims. zlib is asked for one byte over the allowance, so a bomb costs at most `maxBytes + 1` bytes of memory
 * before it is stopped, and an entry of exactly `maxBytes` still fits.
 */
export function unpackEntryData(compressed: Buffer, method: number, maxBytes: number): Buffer | undefined {
  if (method === METHOD_STORE) return compressed.length > maxBytes ? undefined : Buffer.from(compressed);
  const inflated = inflateAtMost(compressed, maxBytes + 1);
  if (inflated === undefined || inflated.length > maxBytes) return undefined;
  return inflated;
}

/** Checks the unpacked bytes against the header: sizes that lie or a wrong CRC mean tampering or damage. */
export function assertContentMatchesDeclaration(
  content: Buffer,
  declared: { uncompressedSize: number; crc32: number },
): void {
  if (content.length !== declared.uncompressedSize) {
    throw zipInvalid('an entry unpacks to another size than it declares');
  }
  if (crc32(content) !== declared.crc32) throw zipInvalid('an entry fails its CRC-32 check');
}

function inflateAtMost(compressed: Buffer, maxOutputLength: number): Buffer | undefined {
  let result: unknown;
  try {
    // info: the engine tells how much input the deflate stream used, to refuse bytes hidden after its end.
    result = inflateRawSync(compressed, { maxOutputLength, info: true });
  } catch (error) {
    if (isOutputLimitReached(error)) return undefined;
    throw zipInvalid('an entry holds damaged compressed data', error);
  }
  const { buffer, inputUsed } = inflateResultOf(result);
  if (inputUsed !== compressed.length) throw zipInvalid('an entry has bytes after the end of its compressed data');
  return buffer;
}

/** zlib's way of saying "maxOutputLength reached": the content is larger than the allowance. */
function isOutputLimitReached(error: unknown): boolean {
  return error instanceof RangeError && (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
}

/** The typings say inflateRawSync returns a Buffer; with `info: true` Node returns { buffer, engine }. */
function inflateResultOf(result: unknown): { buffer: Buffer; inputUsed: number } {
  if (typeof result === 'object' && result !== null && 'buffer' in result && 'engine' in result) {
    const { buffer, engine } = result;
    if (Buffer.isBuffer(buffer) && typeof engine === 'object' && engine !== null && 'bytesWritten' in engine) {
      const inputUsed = engine.bytesWritten;
      if (typeof inputUsed === 'number') return { buffer, inputUsed };
    }
  }
  throw new TypeError('zlib.inflateRawSync({ info: true }) returned an unexpected shape');
}
