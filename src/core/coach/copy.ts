import type { Locale } from '../../contracts/locale.js';
import type { Blueprint, BlueprintStep, MascotMessage } from './types.js';


/** Every sentence the coach says, in English and French. */
export const FRAMEWORKS: Record<Blueprint['frameworkId'], Record<Locale, { label: string; summary: string }>> = {
  'problem-solution-impact': {
    en: { label: 'Problem -> Solution -> Impact', summary: 'Name the pain, show the fix, prove what it changes.' },
    fr: { label: 'Problème -> Solution -> Impact', summary: 'Nommez le problème, montrez la solution, prouvez ce qu’elle change.' },
  },
  'context-change-decision': {
    en: { label: 'Context -> Change -> Decision', summary: 'Where we are, what moved, what you need decided.' },
    fr: { label: 'Contexte -> Changement -> Décision', summary: 'Où nous en sommes, ce qui a bougé, ce qu’il faut décider.' },
  },
  'hook-story-proof': {
    en: { label: 'Hook -> Story -> Proof', summary: 'Grab attention, tell one story, back it with evidence.' },
    fr: { label: 'Accroche -> Histoire -> Preuve', summary: 'Captez l’attention, racontez une histoire, appuyez-la par des preuves.' },
  },
};

export const STEP_TITLES: Record<BlueprintStep['id'], Record<Locale, string>> = {
  define: { en: 'Define the talk: audience, goal, duration', fr: 'Définir l’exposé : public, objectif, durée' },
  structure: { en: 'Write the outline', fr: 'Écrire le plan' },
  rehearse: { en: 'Rehearse once', fr: 'Répéter une fois' },
  feedback: { en: 'Get feedback on a rehearsal', fr: 'Obtenir un retour sur une répétition' },
  ship: { en: 'Mark it ready to present', fr: 'Le marquer prêt à présenter' },
};

/** Whether `count` takes the singular in this language (Intl.PluralRules: French says "0 séance", English "0 sessions"). */
function singular(locale: Locale, count: number): boolean {
  return new Intl.PluralRules(locale).select(count) === 'one';
}

export function mascotCopy(locale: Locale) {
  const fr = locale === 'fr';
  return {
    firstQuest: (): Omit<MascotMessage, 'ctaRoute'> => ({
      id: 'first-quest',
      kind: 'nudge',
      title: fr ? 'Première prise' : 'Your first take',
      body: fr ? 'Trois minutes suffisent : enregistrez une prise libre sur un point clé.' : 'Three minutes is enough: record a free take on one key point.',
      ctaLabel: fr ? 'Commencer' : 'Start',
    }),
    feedbackReady: (count: number): Omit<MascotMessage, 'ctaRoute'> => ({
      id: 'feedback-ready',
      kind: 'coach',
      title: fr ? 'Retour prêt' : 'Feedback ready',
      body: singular(locale, count)
        ? fr
          ? `${count} retour récent à lire : choisissez une action et réessayez.`
          : `${count} fresh piece of feedback to read: pick one action and try again.`
        : fr
          ? `${count} retours récents à lire : choisissez une action et réessayez.`
          : `${count} fresh pieces of feedback to read: pick one action and try again.`,
      ctaLabel: fr ? 'Voir le retour' : 'Open feedback',
    }),
    dailyDone: (): Omit<MascotMessage, 'ctaRoute'> => ({
      id: 'daily-done',
      kind: 'celebrate',
      title: fr ? 'Quête du jour : faite' : 'Today’s quest: done',
      body: fr ? 'Bravo. Une nouvelle quête vous attend demain ; d’ici là, une prise libre entretient l’élan.' : 'Well done. A new quest waits for you tomorrow; until then, a free take keeps the momentum.',
      ctaLabel: fr ? 'Prise libre' : 'Free take',
    }),
    streak: (days: number): Omit<MascotMessage, 'ctaRoute'> => ({
      id: 'streak',
      kind: 'celebrate',
      title: fr ? `${days} jours d’affilée` : `${days}-day streak`,
      body: fr ? 'La régularité paie : une courte prise aujourd’hui garde la série.' : 'Consistency pays: one short take today keeps the streak.',
      ctaLabel: fr ? 'Prise libre' : 'Free take',
    }),
    talksNextAction: (remaining: number): Omit<MascotMessage, 'ctaRoute'> => ({
      id: 'talks-next-action',
      kind: 'coach',
      title: fr ? 'Cette semaine' : 'This week',
      body:
        remaining > 0
          ? fr
            ? `Prévoyez ${remaining} ${singular(locale, remaining) ? 'courte séance' : 'courtes séances'} pour atteindre votre objectif de la semaine.`
            : `Plan ${remaining} ${singular(locale, remaining) ? 'short session' : 'short sessions'} to reach your weekly target.`
          : fr
            ? 'Objectif de la semaine atteint : tentez une répétition complète.'
            : 'Weekly target reached: try a full run.',
      ctaLabel: fr ? 'S’entraîner' : 'Train',
    }),
    feedbackIterate: (): Omit<MascotMessage, 'ctaRoute'> => ({
      id: 'feedback-iterate',
      kind: 'coach',
      title: fr ? 'Une action à la fois' : 'One action at a time',
      body: fr ? 'Choisissez au plus deux actions et refaites une prise maintenant.' : 'Pick at most two actions and record again now.',
      ctaLabel: fr ? 'Refaire une prise' : 'Try again',
    }),
    steady: (): Omit<MascotMessage, 'ctaRoute'> => ({
      id: 'steady',
      kind: 'coach',
      title: fr ? 'Petit et souvent' : 'Small and often',
      body: fr ? 'Une courte quête aujourd’hui vaut mieux qu’une longue plus tard.' : 'A short quest today beats a long one later.',
      ctaLabel: fr ? 'Prise libre' : 'Free take',
    }),
  };
}
