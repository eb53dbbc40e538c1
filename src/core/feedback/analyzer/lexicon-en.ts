import type { LexiconSource } from './lexicon-source.js';

/**
 * English word lists of the analyzer: fillers, hedges, weak openers and closers, sign-offs, stopwords. Spellings are
 * lowercase text, cut into words by the transcript's tokenizer (lexicon.ts); contractions use a straight apostrophe.
 * Changing a list changes feedback: bump ANALYZER_VERSION.
 */

/** Determiners before "kind of"/"sort of" make them a noun phrase ("a kind of tree"), not a hedge ("kind of slow"). */
const DETERMINERS = ['a', 'the', 'this', 'that', 'what', 'which', 'any', 'some', 'every', 'each', 'one', 'same', 'another', 'no'];

export const EN_LEXICON: LexiconSource = {
  fillers: [
    { label: 'um', forms: ['um', 'umm', 'uhm'] },
    { label: 'uh', forms: ['uh', 'uhh'] },
    { label: 'erm', forms: ['erm', 'er'] },
    { label: 'hmm', forms: ['hmm', 'hm'] },
    { label: 'like', forms: ['like'], position: 'set_off_or_sentence_start' },
    { label: 'you know', forms: ['you know'] },
    { label: 'I mean', forms: ['i mean'] },
    { label: 'basically', forms: ['basically'] },
    { label: 'actually', forms: ['actually'] },
    { label: 'literally', forms: ['literally'] },
    { label: 'okay so', forms: ['okay so', 'ok so'] },
    { label: 'so', forms: ['so'], position: 'sentence_start' },
  ],
  // "kind of" and "sort of" soften what follows ("it's kind of slow"): hedges, not fillers (analyzer v3).
  hedges: [
    { label: 'I think', forms: ['i think'], notBefore: ['about', 'of', 'back', 'through'] },
    { label: 'I guess', forms: ['i guess'] },
    { label: 'I suppose', forms: ['i suppose'] },
    { label: 'I feel like', forms: ['i feel like'] },
    { label: "I'm not sure", forms: ["i'm not sure"] },
    { label: "I'd say", forms: ["i'd say"] },
    { label: 'it seems', forms: ['it seems'] },
    { label: 'sort of', forms: ['sort of', 'sorta'], notAfter: DETERMINERS },
    { label: 'kind of', forms: ['kind of', 'kinda'], notAfter: DETERMINERS },
    { label: 'maybe', forms: ['maybe'] },
    { label: 'perhaps', forms: ['perhaps'] },
    { label: 'probably', forms: ['probably'] },
    { label: 'possibly', forms: ['possibly'] },
    { label: 'hopefully', forms: ['hopefully'] },
    { label: 'somewhat', forms: ['somewhat'] },
    { label: 'a little bit', forms: ['a little bit'] },
    { label: 'more or less', forms: ['more or less'] },
  ],
  weakOpeners: ['so', 'um', 'umm', 'uh', 'erm', 'er', 'okay', 'ok', 'alright', 'all right', 'well', 'yeah', 'sorry', "i'm sorry"],
  weakClosers: [
    "that's it", "that's all", "that's about it", "i guess that's it", "i think that's it", 'and yeah', 'so yeah', 'yeah',
    'so', 'um', 'uh', 'anyway', 'i guess', 'or something', 'and stuff', 'whatever',
  ],
  determiners: [...DETERMINERS, 'an', 'these', 'those', 'my', 'your', 'his', 'her', 'its', 'our', 'their'],
  signOffs: ['thank you', 'thanks', 'thank you very much', 'thank you all', 'thanks everyone', 'thanks a lot', 'thank you everyone'],
  // Only words of 4+ letters can be repeated terms, so shorter ones are listed only where they help a reader see the
  // list is complete. Spoken-language staples ("going", "really", "think") are included: repeating them says nothing
  // about vocabulary. "'s" is stripped before the lookup.
  stopwords: [
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
  ],
};
