/**
 * The fixed numbers of the zip format (PKWARE APPNOTE 6.3) that the writer and the reader share. Only the subset
 * Lectern accepts is named here: one disk, no ZIP64, no encryption, methods store and deflate.
 */
export const LOCAL_HEADER_SIGNATURE = 0x04034b50;
export const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
export const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
export const ZIP64_END_LOCATOR_SIGNATURE = 0x07064b50;
export const DATA_DESCRIPTOR_SIGNATURE = 0x08074b50;

export const LOCAL_HEADER_SIZE = 30;
export const CENTRAL_HEADER_SIZE = 46;
export const END_OF_CENTRAL_DIRECTORY_SIZE = 22;
export const ZIP64_END_LOCATOR_SIZE = 20;
export const MAX_ARCHIVE_COMMENT_SIZE = 0xffff;

export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;

export const FLAG_ENCRYPTED = 1 << 0;
export const FLAG_DATA_DESCRIPTOR = 1 << 3;
export const FLAG_STRONG_ENCRYPTION = 1 << 6;
export const FLAG_UTF8_NAME = 1 << 11;
export const FLAG_ENCRYPTED_DIRECTORY = 1 << 13;
/** Any of these means the bytes cannot be read without a key. */
export const ENCRYPTION_FLAGS = FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION | FLAG_ENCRYPTED_DIRECTORY;

export const ZIP64_EXTRA_FIELD_ID = 0x0001;
/** A 16- or 32-bit field holding its maximum means "the real value is in the ZIP64 records". */
export const ZIP64_MARKER_16 = 0xffff;
export const ZIP64_MARKER_32 = 0xffffffff;

/** Version 2.0: what deflate needs; "made by" adds the host system in the high byte (3 = Unix). */
export const VERSION_NEEDED = 20;
export const VERSION_MADE_BY_UNIX = (3 << 8) | VERSION_NEEDED;

/** 1980-01-01 00:00:00, the earliest DOS date: a fixed time keeps the writer's output deterministic. */
export const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
export const DOS_TIME_MIDNIGHT = 0;

/** Unix mode bits carried in the high 16 bits of the external attributes. */
export const UNIX_FILE_TYPE_MASK = 0o170000;
export const UNIX_SYMLINK = 0o120000;
export const UNIX_REGULAR_FILE_0644 = 0o100644;
