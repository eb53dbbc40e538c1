import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One parsed line of `<dataDir>/logs/lectern.log*`. */
export type LogLine = Record<string, unknown> & { msg?: string };

/** Every file in the data folder's logs/ folder, oldest rotation first, with its raw text. */
export function logFiles(dataDir: string): Array<{ name: string; text: string }> {
  const dir = join(dataDir, 'logs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort((a, b) => b.localeCompare(a))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** The parsed lines of every log file, oldest first. */
export function logLines(dataDir: string): LogLine[] {
  return logFiles(dataDir).flatMap((file) =>
    file.text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LogLine),
  );
}

/** Waits (polling, at most `timeoutMs`) until a log line matches; fails the test with the lines seen otherwise. */
export async function waitForLogLine(dataDir: string, matches: (line: LogLine) => boolean, timeoutMs = 10_000): Promise<LogLine> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = logLines(dataDir).find(matches);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching log line within ${timeoutMs} ms; lines: ${JSON.stringify(logLines(dataDir)).slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
