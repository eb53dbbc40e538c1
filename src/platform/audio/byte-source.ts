import { readSync } from 'node:fs';

/** Bytes read by position: a whole file in memory, or an open file read piece by piece. */
export interface ByteSource {
  readonly length: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the source). */
  read(offset: number, length: number): Uint8Array;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return { length: bytes.length, read: (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)) };
}

/** An open file of known size, read with positioned reads (the file position is never used). */
export function fileSource(fd: number, size: number): ByteSource {
  return {
    length: size,
    read: (offset, length) => {
      const wanted = Math.max(0, Math.min(length, size - offset));
      const buffer = Buffer.alloc(wanted);
      let read = 0;
      while (read < wanted) {
        const got = readSync(fd, buffer, read, wanted - read, offset + read);
        if (got === 0) break;
        read += got;
      }
      return buffer.subarray(0, read);
    },
  };
}
