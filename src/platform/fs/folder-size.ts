import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes of every regular file under `dir` (links are not followed); 0 when the folder does not exist. */
export function folderSizeBytes(dir: string): number {
  let total = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isDirectory()) total += folderSizeBytes(path);
    else if (stat.isFile()) total += stat.size;
  }
  return total;
}
