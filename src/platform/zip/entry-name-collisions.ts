import { duplicateEntry } from './zip-errors.js';
import { entryNameKey, isFolderEntryName } from './entry-name-rules.js';

/**
 * Throws pack_duplicate_entry when two entries would land on the same path once unpacked on a case-insensitive,
 * normalization-insensitive file system, or when a file would have to be a folder too ("a" and "a/b").
 * Two readers may otherwise pick different copies of the "same" file, and one unpacking may overwrite another.
 */
export function assertNoEntryNamesCollide(names: readonly string[]): void {
  const seen = new Set<string>();
  const fileKeys: string[] = [];
  const folderKeys = new Set<string>();
  for (const name of names) {
    const key = entryNameKey(name);
    if (seen.has(key)) throw duplicateEntry('names are equal ignoring case and Unicode form');
    seen.add(key);
    const path = isFolderEntryName(key) ? key.slice(0, -1) : key;
    if (isFolderEntryName(key)) folderKeys.add(path);
    else fileKeys.push(path);
    for (const folder of parentFoldersOf(path)) folderKeys.add(folder);
  }
  if (fileKeys.some((key) => folderKeys.has(key))) throw duplicateEntry('a file has the name of a folder');
}

/** "a/b/c" -> ["a", "a/b"]. */
function parentFoldersOf(path: string): string[] {
  const segments = path.split('/');
  return segments.slice(1).map((_, index) => segments.slice(0, index + 1).join('/'));
}
