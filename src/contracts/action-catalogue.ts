import type { ActionId, LocalizedText, QuestCode } from './feedback-v1.js';

export interface ActionCopy {
  title: LocalizedText;
  why: LocalizedText;
  how: LocalizedText;
  targetQuestCodes: QuestCode[];
}

/**
 * What each action says, in both languages, and the quests that train it, matched to the catalogue seeded by
 * migrations/profile/0002_quest_catalogue_v1.sql: F01 "Pause instead of um", D01 the 45 s intro, P01 "Pause after key
 * ideas" (too fast), P02 "Steady pace", P03 "Mind the gaps" (long pauses, too slow), S01 three key points,
 * S02 transitions, S03 structure, A01 goal sentence.
 */
export const ACTION_CATALOGUE: Record<ActionId, ActionCopy> = {
  reduce_fillers: {
    title: { en: 'Cut the filler words', fr: 'Réduire les mots de remplissage' },
    why: {
      en: 'Frequent fillers make you sound unsure and dilute your key points.',
      fr: 'Des mots de remplissage fréquents donnent une impression d’hésitation et diluent vos messages clés.',
    },
    how: {
      en: 'When you feel a filler coming, close your mouth and pause instead; rehearse your transitions word for word.',
      fr: 'Quand un mot de remplissage arrive, fermez la bouche et marquez une pause ; répétez vos transitions mot pour mot.',
    },
    targetQuestCodes: ['F01', 'D01'],
  },
  slow_down: {
    title: { en: 'Slow down', fr: 'Ralentir le débit' },
    why: {
      en: 'Above about 160 words per minute the audience stops absorbing and starts catching up.',
      fr: 'Au-delà d’environ 160 mots par minute, le public ne retient plus : il rattrape.',
    },
    how: {
      en: 'Pause for a full breath at the end of each sentence and stress one key word per sentence.',
      fr: 'Marquez une respiration complète à la fin de chaque phrase et appuyez un mot clé par phrase.',
    },
    targetQuestCodes: ['P01', 'P02'],
  },
  speed_up: {
    title: { en: 'Pick up the pace', fr: 'Accélérer un peu' },
    why: {
      en: 'Below about 130 words per minute attention drifts and the talk feels hesitant.',
      fr: 'En dessous d’environ 130 mots par minute, l’attention décroche et le discours paraît hésitant.',
    },
    how: {
      en: 'Know the order of your points by heart so you never search for the next one; keep the pauses for emphasis.',
      fr: 'Connaissez l’ordre de vos points par cœur pour ne jamais chercher le suivant ; gardez les pauses pour insister.',
    },
    targetQuestCodes: ['P02', 'P03'],
  },
  shorten_sentences: {
    title: { en: 'Shorten your sentences', fr: 'Raccourcir les phrases' },
    why: {
      en: 'Long sentences make listeners hold too much in mind before they get the point.',
      fr: 'Les phrases longues obligent l’auditoire à retenir trop d’éléments avant d’arriver à l’idée.',
    },
    how: {
      en: 'One idea per sentence: split at every "and", "which" or "because" that starts a new idea.',
      fr: 'Une idée par phrase : coupez à chaque « et », « qui » ou « parce que » qui lance une nouvelle idée.',
    },
    targetQuestCodes: ['A01', 'S01'],
  },
  vary_terms: {
    title: { en: 'Vary your wording', fr: 'Varier le vocabulaire' },
    why: {
      en: 'The same words over and over make the talk sound flat and hide what is new in each point.',
      fr: 'Les mêmes mots répétés rendent le discours monotone et masquent ce que chaque point apporte.',
    },
    how: {
      en: 'Keep the key term for your main idea and find a synonym or a concrete example for the others.',
      fr: 'Gardez le terme clé pour l’idée principale et trouvez un synonyme ou un exemple concret pour les autres.',
    },
    targetQuestCodes: ['S02', 'S01'],
  },
  fewer_long_pauses: {
    title: { en: 'Bridge the long silences', fr: 'Combler les longs silences' },
    why: {
      en: 'Silences of several seconds read as a lost thread rather than emphasis.',
      fr: 'Des silences de plusieurs secondes donnent l’impression d’avoir perdu le fil plutôt que d’insister.',
    },
    how: {
      en: 'Prepare one transition sentence between each pair of points and keep a keyword list as a safety net.',
      fr: 'Préparez une phrase de transition entre chaque point et gardez une liste de mots clés en filet de sécurité.',
    },
    targetQuestCodes: ['P03', 'S02'],
  },
  fit_target_duration: {
    title: { en: 'Fit your target duration', fr: 'Tenir la durée prévue' },
    why: {
      en: 'A talk that overruns eats into questions or gets cut; one far too short leaves the promised depth out.',
      fr: 'Un exposé qui déborde empiète sur les questions ou se fait couper ; trop court, il manque de profondeur.',
    },
    how: {
      en: 'Time each part against the target: merge or cut points when long, add an example per key point when short.',
      fr: 'Chronométrez chaque partie : fusionnez ou coupez des points si c’est long, ajoutez un exemple par point si c’est court.',
    },
    targetQuestCodes: ['S01', 'S03'],
  },
  vary_pitch: {
    title: { en: 'Let your voice move', fr: 'Faire vivre sa voix' },
    why: {
      en: 'A flat voice makes every sentence sound equally (un)important, and attention drifts.',
      fr: 'Une voix plate rend chaque phrase également (peu) importante, et l’attention décroche.',
    },
    how: {
      en: 'Mark the one key word of each sentence in your notes and lift your voice on it; slow down on numbers.',
      fr: 'Soulignez le mot clé de chaque phrase dans vos notes et montez la voix dessus ; ralentissez sur les chiffres.',
    },
    targetQuestCodes: ['D02', 'D03'],
  },
  speak_up: {
    title: { en: 'Speak up', fr: 'Parler plus fort' },
    why: {
      en: 'A quiet voice sounds unsure, and the back of the room misses the ends of sentences.',
      fr: 'Une voix faible paraît hésitante, et le fond de la salle perd la fin des phrases.',
    },
    how: {
      en: 'Stand, breathe from the belly and aim your voice at the last row; check the microphone is close enough.',
      fr: 'Levez-vous, respirez par le ventre et visez le dernier rang ; vérifiez que le micro est assez proche.',
    },
    targetQuestCodes: ['D03', 'D01'],
  },
  ease_off_the_mic: {
    title: { en: 'Ease off the microphone', fr: 'S’éloigner un peu du micro' },
    why: {
      en: 'Parts of the recording hit the maximum level and distort, which hides your words.',
      fr: 'Des passages de l’enregistrement saturent et se déforment, ce qui masque vos mots.',
    },
    how: {
      en: 'Move the microphone a hand’s width further away or lower the input level, then record again.',
      fr: 'Éloignez le micro d’une main ou baissez le niveau d’entrée, puis refaites une prise.',
    },
    targetQuestCodes: ['D03'],
  },
};
