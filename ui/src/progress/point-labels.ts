/**
 * The label of each point of a chart: its day when no other point shares that day, else its day and time ("30 Nov"
 * vs "30 Nov, 09:00" and "30 Nov, 17:30"); points that still read the same (same minute) are numbered. The formats
 * are passed in, so the rule is tested without a locale or time zone.
 */
export function pointLabels(ats: readonly string[], format: { day: (iso: string) => string; dayAndTime: (iso: string) => string }): string[] {
  const days = ats.map(format.day);
  const labels = ats.map((at, index) => (count(days, days[index]!) > 1 ? format.dayAndTime(at) : days[index]!));
  return labels.map((label, index) => {
    if (count(labels, label) === 1) return label;
    const rank = labels.slice(0, index + 1).filter((other) => other === label).length;
    return `${label} (${rank})`;
  });
}

function count(values: readonly string[], value: string): number {
  return values.filter((other) => other === value).length;
}
