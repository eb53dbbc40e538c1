import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const HEADER = `# Benchmarks

Each section is written by one script in \`bench/\` (\`npm run bench\` runs them all) and replaced whole on its next run;
the other sections are left as they are. Numbers are ratios against a baseline measured in the same run.
`;

/**
 * Replaces one bench's section of docs/benchmarks.md (between its markers), keeping the others, so that every
 * benchmark reports into the one file without overwriting the rest.
 */
export function writeReportSection(fileUrl: URL, name: string, markdown: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(fileUrl) ? readFileSync(fileUrl, 'utf8') : HEADER;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from ? `${current.slice(0, from)}${block}${current.slice(to + end.length)}` : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(fileUrl, next.startsWith('# Benchmarks') ? next : `${HEADER}\n${next}`);
}
