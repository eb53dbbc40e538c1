import type { LexiconSource } from './lexicon-source.js';

/**
 * French word lists of the analyzer: fillers, hedges, weak openers and closers, sign-offs, stopwords. Spellings are
 * lowercase text, cut into words by the transcript's tokenizer (lexicon.ts): "c'est", "peut-être" and
 * "aujourd'hui" are one word each. Changing a list changes feedback: bump ANALYZER_VERSION.
 */

/** Before "genre", these make it the noun ("ce genre de film", "un genre musical"), not the filler. */
const DETERMINERS = ['ce', 'cet', 'un', 'le', 'quel', 'quelque', 'mon', 'ton', 'son', 'notre', 'votre', 'leur', 'même', 'tout', 'nouveau', 'autre'];

export const FR_LEXICON: LexiconSource = {
  fillers: [
    { label: 'euh', forms: ['euh', 'heu', 'euuh'] },
    { label: 'hum', forms: ['hum', 'hmm'] },
    { label: 'bah', forms: ['bah'] },
    { label: 'ben', forms: ['ben'] },
    { label: 'genre', forms: ['genre'], notAfter: DETERMINERS },
    { label: 'du coup', forms: ['du coup'] },
    { label: 'en fait', forms: ['en fait'] },
    // "voila" without the accent: recognisers and quick typists drop it.
    { label: 'voilà', forms: ['voilà', 'voila'] },
    { label: 'tu vois', forms: ['tu vois'] },
    { label: 'tu sais', forms: ['tu sais'] },
    { label: 'vous voyez', forms: ['vous voyez'] },
    { label: 'quoi', forms: ['quoi'], position: 'sentence_end_not_question' },
    { label: 'bon', forms: ['bon'], position: 'sentence_start' },
  ],
  // "peut-être" only with its hyphen: "peut être" in two words is the verb ("ça peut être utile").
  hedges: [
    { label: 'je pense que', forms: ['je pense que', "je pense qu'il", "je pense qu'on", "je pense qu'elle"] },
    { label: 'je crois que', forms: ['je crois que', "je crois qu'il", "je crois qu'on", "je crois qu'elle"] },
    { label: 'il me semble', forms: ['il me semble'] },
    { label: "j'ai l'impression que", forms: ["j'ai l'impression que", "j'ai l'impression qu'il", "j'ai l'impression qu'on"] },
    { label: 'je dirais', forms: ['je dirais'] },
    { label: 'je suppose', forms: ['je suppose'] },
    { label: 'on va dire', forms: ['on va dire'] },
    { label: 'disons', forms: ['disons'] },
    { label: 'en quelque sorte', forms: ['en quelque sorte'] },
    { label: 'peut-être', forms: ['peut-être'] },
    { label: 'probablement', forms: ['probablement'] },
    { label: 'sans doute', forms: ['sans doute'] },
    { label: 'plus ou moins', forms: ['plus ou moins'] },
    { label: 'un petit peu', forms: ['un petit peu'] },
  ],
  weakOpeners: ['alors', 'bon', 'euh', 'heu', 'bah', 'ben', 'donc', 'ok', 'okay', 'voilà', 'voila', 'du coup', 'en fait', 'désolé', 'désolée', 'pardon'],
  weakClosers: [
    "c'est tout", "c'est à peu près tout", "je crois que c'est tout", "je pense que c'est tout", "c'est bon", 'et voilà',
    'donc voilà', 'voilà', 'voila', 'bref', 'euh', 'ouais', 'quoi', 'enfin', 'et tout ça', 'tout ça',
  ],
  determiners: [...DETERMINERS, 'la', 'les', 'une', 'des', 'du', 'de', 'cette', 'ces', 'ma', 'mes', 'ta', 'tes', 'sa', 'ses', 'nos', 'vos', 'leurs'],
  signOffs: ['merci', 'merci beaucoup', 'merci à tous', 'merci à vous', 'merci de votre attention', 'je vous remercie'],
  stopwords: [
    'ainsi', 'alors', 'après', 'assez', 'au', 'aucun', 'aucune', 'aussi', 'autre', 'autres', 'aux', 'avait', 'avant',
    'avec', 'avez', 'avoir', 'avons', 'beaucoup', 'bien', 'car', 'cela', 'celle', 'celles', 'celui', 'cependant', 'ceci',
    'certain', 'certaine', 'certains', 'ces', 'cette', 'ceux', 'chaque', 'chez', 'chose', 'choses', 'comme', 'comment',
    'dans', 'des', 'depuis', 'donc', 'dont', 'elle', 'elles', 'encore', 'entre', 'étaient', 'était', 'étais', 'être',
    'étions', 'eux', 'fait', 'faire', 'faites', 'faut', 'font', 'ici', 'ils', 'jamais', 'juste', 'leur', 'leurs', 'lors',
    'lorsque', 'mais', 'même', 'mêmes', 'moins', 'moi', 'nous', 'notre', 'nos', 'ont', 'parce', 'pendant', 'peu', 'peut',
    'peuvent', 'plus', 'plusieurs', 'pour', 'pourquoi', 'pourrait', 'quand', 'quel', 'quelle', 'quelles', 'quels',
    'quelque', 'quelques', 'sans', 'sera', 'serait', 'seront', 'ses', 'sinon', 'sommes', 'sont', 'sous', 'suis', 'sur',
    'tant', 'toujours', 'tous', 'tout', 'toute', 'toutes', 'très', 'trop', 'une', 'vais', 'vers', 'voici', 'vont', 'vos',
    'votre', 'vous', 'vraiment', "aujourd'hui", 'allez', 'aller', 'donne', 'dire', 'dit', 'oui', 'non', 'voir',
  ],
};
