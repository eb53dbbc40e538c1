import { crc32 as zlibCrc32 } from 'node:zlib';

/**
 * CRC-32 (the zip polynomial) of `data`, as an unsigned 32-bit number. Node has shipped `zlib.crc32` since 20.15
 * and package.json requires >= 20.19, so zlib's native version is used instead of a hand-written table.
 */
export function crc32(data: Uint8Array): number {
  return zlibCrc32(data) >>> 0;
}
