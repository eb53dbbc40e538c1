import type { LocalizedText, Severity } from '../../../contracts/feedback-v1.js';

/** Seconds with one decimal, in each language's notation ("2.5 s", "2,5 s"), without trailing ".0". */
export function formatSeconds(ms: number): LocalizedText {
  const seconds = String(Math.round(ms / 100) / 10);
  return { en: seconds, fr: seconds.replace('.', ',') };
}

/** "um ×2, you know": each filler once, in order of first appearance, with its count when above one. */
export function describeFillerLabels(labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts.entries()].map(([label, count]) => (count > 1 ? `${label} ×${count}` : label)).join(', ');
}

export function fillerClusterLabel(labels: readonly string[], spanMs: number): LocalizedText {
  const seconds = formatSeconds(spanMs);
  const which = describeFillerLabels(labels);
  return {
    en: `${labels.length} fillers in ${seconds.en} s: ${which}`,
    fr: `${labels.length} mots de remplissage en ${seconds.fr} s : ${which}`,
  };
}

export const FILLER_CLUSTER_SUGGESTION: LocalizedText = {
  en: 'Replace each filler with a short silent pause, then say the next idea.',
  fr: 'Remplacez chaque mot de remplissage par une courte pause silencieuse, puis énoncez l’idée suivante.',
};

export function longPauseLabel(spanMs: number): LocalizedText {
  const seconds = formatSeconds(spanMs);
  return { en: `Silence of ${seconds.en} s`, fr: `Silence de ${seconds.fr} s` };
}

/** A short long pause may be deliberate; a longer one is where the thread was lost. */
export function longPauseSuggestion(severity: Severity): LocalizedText {
  if (severity === 'info') {
    return {
      en: 'A pause this long works for emphasis: make sure it comes right after a key point.',
      fr: 'Une pause de cette longueur peut souligner une idée : placez-la juste après un point clé.',
    };
  }
  return {
    en: 'A silence this long loses the audience: prepare a transition sentence for this spot.',
    fr: 'Un silence aussi long fait décrocher l’auditoire : préparez une phrase de transition pour ce passage.',
  };
}

export function fastPassageLabel(peakWpm: number): LocalizedText {
  return {
    en: `Fast passage: about ${peakWpm} words per minute`,
    fr: `Passage rapide : environ ${peakWpm} mots par minute`,
  };
}

export const FAST_PASSAGE_SUGGESTION: LocalizedText = {
  en: 'Slow down here: breathe at each full stop and give the key words their time.',
  fr: 'Ralentissez ici : respirez à chaque point et laissez le temps aux mots clés.',
};

export function monotoneStretchLabel(spanMs: number): LocalizedText {
  const seconds = formatSeconds(spanMs);
  return { en: `Flat voice for ${seconds.en} s`, fr: `Voix plate pendant ${seconds.fr} s` };
}

export const MONOTONE_STRETCH_SUGGESTION: LocalizedText = {
  en: 'Find the key word of this passage and lift your voice on it; let the sentence end go down.',
  fr: 'Repérez le mot clé de ce passage et montez la voix dessus ; laissez retomber la fin de phrase.',
};
