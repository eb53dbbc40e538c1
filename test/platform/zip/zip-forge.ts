import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Builds zip bytes by hand for the hostile-archive tests, independently of src/platform/zip (a shared bug would
 * otherwise pass both ways). Every header field can be made to lie; nothing here is a committed binary fixture.
 */
export interface ForgedEntry {
  /** A string is written as UTF-8; a Buffer is written as is (to forge invalid UTF-8). */
  name: string | Buffer;
  /** The real content before compression. */
  data?: Buffer;
  /** 0 store, 8 deflate (default), anything else to forge an unknown method. */
  method?: number;
  /** The bytes written as the entry's data; defaults to `data` stored or deflated. */
  storedBytes?: Buffer;
  flags?: number;
  versionMadeBy?: number;
  externalAttributes?: number;
  /** Overrides of what the central directory declares (the local header copies them unless `local` says else). */
  crc32?: number;
  compressedSize?: number;
  uncompressedSize?: number;
  /** Overrides for the local header only. */
  local?: {
    name?: string | Buffer;
    method?: number;
    flags?: number;
    crc32?: number;
    compressedSize?: number;
    uncompressedSize?: number;
  };
  /** Extra field bytes, written in both headers. */
  extra?: Buffer;
  /** Points the central header at another entry's local header (by index)... */
  localHeaderOf?: number;
  /** ...or at any byte offset, e.g. inside another entry's data. */
  localHeaderOffset?: number;
  /** Adds a data descriptor (flag bit 3) with a signature after the data. */
  dataDescriptor?: boolean;
}

export interface ForgeOptions {
  /** Overrides both entry counts of the end record. */
  entryCount?: number;
  diskNumber?: number;
  directoryOffsetDelta?: number;
  comment?: Buffer;
}

export const MIB = 1024 * 1024;
export const UNIX_SYMLINK_ATTRIBUTES = (0o120777 << 16) >>> 0;
export const UNIX_FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;

export function forgeZip(entries: readonly ForgedEntry[], options: ForgeOptions = {}): Buffer {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  const prepared = entries.map(prepare);
  let offset = 0;
  for (const entry of prepared) {
    offsets.push(offset);
    const local = localHeader(entry);
    const descriptor = entry.dataDescriptor ? dataDescriptor(entry) : Buffer.alloc(0);
    chunks.push(local, entry.storedBytes, descriptor);
    offset += local.length + entry.storedBytes.length + descriptor.length;
  }
  const directoryOffset = offset;
  const directory = prepared.map((entry, index) => {
    const localOffset = entry.localHeaderOffset ?? offsets[entry.localHeaderOf ?? index] ?? 0;
    return centralHeader(entry, localOffset);
  });
  const directorySize = directory.reduce((sum, header) => sum + header.length, 0);
  const comment = options.comment ?? Buffer.alloc(0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.diskNumber ?? 0, 4);
  end.writeUInt16LE(options.entryCount ?? entries.length, 8);
  end.writeUInt16LE(options.entryCount ?? entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryOffset + (options.directoryOffsetDelta ?? 0), 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...chunks, ...directory, end, comment]);
}

/** Deflates once, for tests that reuse a big stream in several entries. */
export function deflated(data: Buffer): Buffer {
  return deflateRawSync(data);
}

type Prepared = Required<Pick<ForgedEntry, 'method' | 'storedBytes' | 'flags' | 'crc32' | 'compressedSize' | 'uncompressedSize'>> &
  ForgedEntry & { nameBytes: Buffer };

function prepare(entry: ForgedEntry): Prepared {
  const data = entry.data ?? Buffer.alloc(0);
  const method = entry.method ?? 8;
  const storedBytes = entry.storedBytes ?? (method === 8 ? deflateRawSync(data) : data);
  return {
    ...entry,
    nameBytes: nameBytesOf(entry.name),
    method,
    storedBytes,
    flags: (entry.flags ?? 0x0800) | (entry.dataDescriptor ? 0x0008 : 0),
    crc32: entry.crc32 ?? crc32(data) >>> 0,
    compressedSize: entry.compressedSize ?? storedBytes.length,
    uncompressedSize: entry.uncompressedSize ?? data.length,
  };
}

function nameBytesOf(name: string | Buffer): Buffer {
  return typeof name === 'string' ? Buffer.from(name, 'utf8') : name;
}

function localHeader(entry: Prepared): Buffer {
  const local = entry.local ?? {};
  const name = local.name === undefined ? entry.nameBytes : nameBytesOf(local.name);
  const extra = entry.extra ?? Buffer.alloc(0);
  const header = Buffer.alloc(30 + name.length + extra.length);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(local.flags ?? entry.flags, 6);
  header.writeUInt16LE(local.method ?? entry.method, 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(0x21, 12);
  const sizesLater = entry.dataDescriptor === true;
  header.writeUInt32LE(local.crc32 ?? (sizesLater ? 0 : entry.crc32), 14);
  header.writeUInt32LE(local.compressedSize ?? (sizesLater ? 0 : entry.compressedSize), 18);
  header.writeUInt32LE(local.uncompressedSize ?? (sizesLater ? 0 : entry.uncompressedSize), 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(extra.length, 28);
  name.copy(header, 30);
  extra.copy(header, 30 + name.length);
  return header;
}

function dataDescriptor(entry: Prepared): Buffer {
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(entry.crc32, 4);
  descriptor.writeUInt32LE(entry.compressedSize, 8);
  descriptor.writeUInt32LE(entry.uncompressedSize, 12);
  return descriptor;
}

function centralHeader(entry: Prepared, localOffset: number): Buffer {
  const extra = entry.extra ?? Buffer.alloc(0);
  const header = Buffer.alloc(46 + entry.nameBytes.length + extra.length);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(entry.versionMadeBy ?? (3 << 8) | 20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(entry.flags, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt16LE(0, 12);
  header.writeUInt16LE(0x21, 14);
  header.writeUInt32LE(entry.crc32, 16);
  header.writeUInt32LE(entry.compressedSize, 20);
  header.writeUInt32LE(entry.uncompressedSize, 24);
  header.writeUInt16LE(entry.nameBytes.length, 28);
  header.writeUInt16LE(extra.length, 30);
  header.writeUInt32LE(entry.externalAttributes ?? UNIX_FILE_ATTRIBUTES, 38);
  header.writeUInt32LE(localOffset, 42);
  entry.nameBytes.copy(header, 46);
  extra.copy(header, 46 + entry.nameBytes.length);
  return header;
}
