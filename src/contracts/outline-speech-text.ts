/**
 * What a speaker says of a Markdown outline, for aligning a take to it: the words of each line without Markdown's
 * symbols (list markers, emphasis, links, quotes, rules, comments), one line per non-empty line. Headings are left
 * out (a talk's "## Key points" is structure, not speech), and so is a short label before a colon at the start of a
 * list item ("- Hook: ...", the outline template's form). Shared by the server (the take pipeline aligns to it) and
 * the UI (the Record page shows it).
 */
export function outlineSpeechText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .split(/\r?\n/)
    .filter((line) => !/^\s{0,3}#{1,6}(\s|$)/.test(line))
    .map((line) => {
      const item = /^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/.exec(line);
      const body = item ? line.slice(item[0].length).replace(LABEL, '') : line;
      return body
        .replace(/^\s*(?:[-*_]\s*){3,}$/, '')
        .replace(/^\s*>+\s?/, '')
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/<[^>]+>/g, '')
        .replace(/[*_`~#>|]/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    })
    .filter((line) => line.length > 0 && /[\p{L}\p{N}]/u.test(line))
    .join('\n');
}

/** "Hook:", "Point 1:", "Call to action:" (at most three words, then a colon) before an item's text. */
const LABEL = /^[\p{L}\p{N}’']+(?:\s+[\p{L}\p{N}’']+){0,2}\s*:(?:\s+|$)/u;
