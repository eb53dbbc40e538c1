import type { Language } from './analyzer-input.js';

/**
 * Words too common to be a "repeated term". Only words of 4+ letters can be repeated terms, so shorter ones are
 * listed only where they help a reader see the list is complete. Spoken-language staples ("going", "really",
 * "think", "vraiment", "chose") are included: repeating them says nothing about vocabulary. Contractions are
 * written with a straight apostrophe (the tokenizer's spelling); "'s" is stripped before the lookup.
 */
const EN = [
  'about', 'above', 'across', 'after', 'again', 'against', 'all', 'also', 'although', 'always', 'among', 'and', 'another',
  'any', 'anything', 'are', 'around', 'because', 'been', 'before', 'being', 'below', 'between', 'both', 'but', 'came',
  'can', 'come', 'could', 'did', 'does', 'doing', 'done', 'down', 'during', 'each', 'either', 'else', 'enough', 'even',
  'ever', 'every', 'everything', 'first', 'for', 'from', 'further', 'gets', 'getting', 'give', 'goes', 'going', 'gonna',
  'good', 'got', 'great', 'had', 'has', 'have', 'having', 'here', 'hers', 'herself', 'him', 'himself', 'his', 'how',
  'however', 'into', 'itself', 'just', 'know', 'last', 'least', 'less', 'lets', 'like', 'look', 'made', 'make', 'makes',
  'many', 'maybe', 'might', 'more', 'most', 'much', 'must', 'myself', 'need', 'needs', 'never', 'next', 'none', 'nothing',
  'now', 'often', 'once', 'only', 'onto', 'other', 'others', 'ours', 'ourselves', 'over', 'own', 'people', 'please',
  'pretty', 'quite', 'rather', 'really', 'right', 'said', 'same', 'say', 'says', 'see', 'seen', 'shall', 'should',
  'since', 'some', 'something', 'still', 'such', 'sure', 'take', 'than', 'that', 'the', 'their', 'theirs', 'them',
  'themselves', 'then', 'there', 'therefore', 'these', 'they', 'thing', 'things', 'think', 'this', 'those', 'though',
  'through', 'thus', 'today', 'together', 'too', 'under', 'until', 'upon', 'used', 'using', 'very', 'want', 'wants',
  'was', 'way', 'well', 'went', 'were', 'what', 'whatever', 'when', 'where', 'whether', 'which', 'while', 'who', 'whom',
  'whose', 'why', 'will', 'with', 'within', 'without', 'would', 'yeah', 'yes', 'yet', 'you', 'your', 'yours', 'yourself',
  'yourselves', 'okay', "aren't", "can't", "couldn't", "didn't", "doesn't", "don't", "hadn't", "hasn't", "haven't",
  "isn't", "shouldn't", "wasn't", "weren't", "won't", "wouldn't", "we're", "you're", "they're", "we've", "you've",
  "they've", "we'll", "you'll", "they'll", "she'll",
];

const FR = [
  'ainsi', 'alors', 'après', 'assez', 'au', 'aucun', 'aucune', 'aussi', 'autre', 'autres', 'aux', 'avait', 'avant',
  'avec', 'avez', 'avoir', 'avons', 'beaucoup', 'bien', 'car', 'cela', 'celle', 'celles', 'celui', 'cependant', 'ceci',
  'certain', 'certaine', 'certains', 'ces', 'cette', 'ceux', 'chaque', 'chez', 'chose', 'choses', 'comme', 'comment',
  'dans', 'des', 'depuis', 'donc', 'dont', 'elle', 'elles', 'encore', 'entre', 'étaient', 'était', 'étais', 'être',
  'étions', 'eux', 'fait', 'faire', 'faites', 'faut', 'font', 'ici', 'ils', 'jamais', 'juste', 'leur', 'leurs', 'lors',
  'lorsque', 'mais', 'même', 'mêmes', 'moins', 'moi', 'nous', 'notre', 'nos', 'ont', 'parce', 'pendant', 'peu', 'peut',
  'peuvent', 'plus', 'plusieurs', 'pour', 'pourquoi', 'pourrait', 'quand', 'quel', 'quelle', 'quelles', 'quels',
  'quelque', 'quelques', 'sans', 'sera', 'serait', 'seront', 'ses', 'sinon', 'sommes', 'sont', 'sous', 'suis', 'sur',
  'tant', 'toujours', 'tous', 'tout', 'toute', 'toutes', 'très', 'trop', 'une', 'vais', 'vers', 'voici', 'vont', 'vos',
  'votre', 'vous', 'vraiment', 'aujourd\'hui', 'allez', 'aller', 'donne', 'dire', 'dit', 'oui', 'non', 'voir',
];

export const STOPWORDS: Record<Language, ReadonlySet<string>> = { en: new Set(EN), fr: new Set(FR) };
