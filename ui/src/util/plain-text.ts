/**
 * The words of a markdown outline without its symbols (headings, list markers, emphasis, links, quotes, rules,
 * comments), one line per non-empty line: what the speaker actually says, for script alignment.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\s*(?:[-*_]\s*){3,}$/, '')
        .replace(/^\s{0,3}#{1,6}\s*/, '')
        .replace(/^\s*>+\s?/, '')
        .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '')
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/<[^>]+>/g, '')
        .replace(/[*_`~#>|]/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((line) => line.length > 0 && /[\p{L}\p{N}]/u.test(line))
    .join('\n');
}
