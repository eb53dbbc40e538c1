import type { Locale } from '../../contracts/locale.js';
/** The outline a talk starts from: the five-part blueprint (hook, promise, three points, summary, call to action). */
export function outlineTemplate(title: string, language: Locale = 'en'): string {
  const t =
    language === 'fr'
      ? { opening: 'Ouverture', hook: 'Accroche', promise: 'Promesse', points: 'Points clés', point: 'Point', closing: 'Conclusion', summary: 'Résumé', cta: 'Appel à l’action' }
      : { opening: 'Opening', hook: 'Hook', promise: 'Promise', points: 'Key points', point: 'Point', closing: 'Closing', summary: 'Summary', cta: 'Call to action' };
  return [
    `# ${title}`,
    '',
    `## ${t.opening}`,
    `- ${t.hook}:`,
    `- ${t.promise}:`,
    '',
    `## ${t.points}`,
    `- ${t.point} 1:`,
    `- ${t.point} 2:`,
    `- ${t.point} 3:`,
    '',
    `## ${t.closing}`,
    `- ${t.summary}:`,
    `- ${t.cta}:`,
    '',
  ].join('\n');
}

/** A file name that is safe on every OS: letters, digits, dashes; never a path. */
export function outlineFileName(title: string, talkNumber: number | null): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${talkNumber ? `talk-${talkNumber}-` : ''}${slug || 'outline'}.md`;
}
