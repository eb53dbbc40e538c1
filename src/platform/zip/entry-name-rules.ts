import { invalidEntryPath } from './zip-errors.js';

/** Longest name accepted, in UTF-8 bytes: the common file-name limit of ext4, APFS and NTFS. */
export const MAX_ENTRY_NAME_BYTES = 255;

/** Zip marks a folder entry by a trailing slash; folders are implied by file names, so readers skip them. */
export function isFolderEntryName(name: string): boolean {
  return name.endsWith('/');
}

/**
 * Throws pack_invalid_path unless `name` is a relative path of plain segments: nothing that could climb out of the
 * folder a pack is unpacked into, or mean something else on Windows than on Unix (zip slip).
 */
export function assertEntryNameIsSafe(name: string): void {
  const problem = problemWithEntryName(name);
  if (problem !== undefined) throw invalidEntryPath(problem);
}

/** Why `name` is unsafe, as the end of a sentence, or undefined when it is fine. */
export function problemWithEntryName(name: string): string | undefined {
  if (name.length === 0) return 'the name is empty';
  if (Buffer.byteLength(name, 'utf8') > MAX_ENTRY_NAME_BYTES) {
    return `the name is longer than ${MAX_ENTRY_NAME_BYTES} bytes`;
  }
  if (containsControlCharacter(name)) return 'the name contains a control character';
  // A lone surrogate cannot be written as UTF-8: it would silently become U+FFFD and name another file.
  if (/[\uD800-\uDFFF]/u.test(name)) return 'the name is not valid Unicode';
  // Windows reads a backslash as a separator, so "a\..\..\b" would climb out there while looking harmless here.
  if (name.includes('\\')) return 'the name contains a backslash';
  // A colon is a drive letter ("C:x") or an NTFS alternate stream ("a.txt:hidden") on Windows.
  if (name.includes(':')) return 'the name contains a colon';
  if (name.startsWith('/')) return 'the name is an absolute path';
  const path = isFolderEntryName(name) ? name.slice(0, -1) : name;
  for (const segment of path.split('/')) {
    if (segment === '') return 'the name has an empty segment';
    if (segment === '.' || segment === '..') return 'the name has a "." or ".." segment';
  }
  return undefined;
}

/** C0 controls (NUL included), DEL and C1 controls: invisible in a listing and refused by some file systems. */
function containsControlCharacter(name: string): boolean {
  for (const character of name) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/**
 * The key under which two names are the same file somewhere: macOS and Windows file systems ignore case, and macOS
 * ignores the Unicode form ("é" composed or decomposed). Upper- then lower-casing applies the full case mappings
 * ("Straße" and "STRASSE" meet); NFKC covers NFC and also folds compatibility forms, which only refuses more.
 */
export function entryNameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase();
}
