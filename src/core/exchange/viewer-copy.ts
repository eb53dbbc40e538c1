import type { Locale } from '../../contracts/locale.js';
import type { RUBRIC_ITEMS } from '../../contracts/exchange.js';

type ViewerCopy = Record<
  | 'intro'
  | 'recording'
  | 'noRecording'
  | 'timeline'
  | 'timelineHint'
  | 'commentNow'
  | 'comments'
  | 'noComments'
  | 'commentAt'
  | 'remove'
  | 'transcript'
  | 'playFrom'
  | 'scores'
  | 'scale'
  | 'freeText'
  | 'strengths'
  | 'improvements'
  | 'name'
  | 'nameHint'
  | 'save'
  | 'saved'
  | 'missingScores'
  | 'emptyComment',
  string
> &
  Record<`rubric.${(typeof RUBRIC_ITEMS)[number]}`, string>;

/**
 * Words of the pack's viewer page (viewer-page.ts), in English and French: the page shows the reviewer's browser
 * language. The page is a file of its own, opened without Lectern, so its words travel inside it.
 */
export const VIEWER_COPY: Record<Locale, ViewerCopy> = {
  en: {
    intro: 'Listen to the run, read its transcript, then give your scores and comments. "Save my review" saves a small file: send it back to the speaker.',
    recording: 'Recording',
    noRecording: 'This run has no recording: read the transcript.',
    timeline: 'Add a comment at this point of the recording',
    timelineHint: 'Click the bar where you want to comment, or pause and use the button.',
    commentNow: 'Comment at the current time',
    comments: 'Timed comments',
    noComments: 'No timed comment yet.',
    commentAt: 'Comment at {time}',
    remove: 'Remove',
    transcript: 'Transcript',
    playFrom: 'Play from',
    scores: 'Scores',
    scale: '1 needs work, 3 solid, 5 excellent',
    freeText: 'Comments',
    strengths: 'What worked well',
    improvements: 'What to improve',
    name: 'Your name (optional)',
    nameHint: 'The speaker sees it with your review.',
    save: 'Save my review',
    saved: 'Saved as "{file}": send this file to the speaker.',
    missingScores: 'Give every item a score from 1 to 5 first.',
    emptyComment: 'Write something in each timed comment, or remove it.',
    'rubric.clarity': 'Clarity of the message',
    'rubric.structure': 'Structure and transitions',
    'rubric.pacing': 'Pacing and pauses',
    'rubric.audience_fit': 'Fit for the audience',
    'rubric.examples': 'Examples and evidence',
  },
  fr: {
    intro: 'Écoutez la répétition, lisez sa transcription, puis donnez vos notes et vos commentaires. « Enregistrer ma relecture » enregistre un petit fichier : renvoyez-le à l’orateur.',
    recording: 'Enregistrement',
    noRecording: 'Cette répétition n’a pas d’enregistrement : lisez la transcription.',
    timeline: 'Ajouter un commentaire à cet endroit de l’enregistrement',
    timelineHint: 'Cliquez sur la barre là où vous voulez commenter, ou mettez en pause et utilisez le bouton.',
    commentNow: 'Commenter à l’instant écouté',
    comments: 'Commentaires minutés',
    noComments: 'Pas encore de commentaire minuté.',
    commentAt: 'Commentaire à {time}',
    remove: 'Retirer',
    transcript: 'Transcription',
    playFrom: 'Écouter à partir de',
    scores: 'Notes',
    scale: '1 à retravailler, 3 solide, 5 excellent',
    freeText: 'Commentaires',
    strengths: 'Ce qui a bien marché',
    improvements: 'Ce qui peut s’améliorer',
    name: 'Votre nom (facultatif)',
    nameHint: 'L’orateur le voit avec votre relecture.',
    save: 'Enregistrer ma relecture',
    saved: 'Enregistré sous « {file} » : envoyez ce fichier à l’orateur.',
    missingScores: 'Notez d’abord chaque critère de 1 à 5.',
    emptyComment: 'Écrivez quelque chose dans chaque commentaire minuté, ou retirez-le.',
    'rubric.clarity': 'Clarté du message',
    'rubric.structure': 'Structure et transitions',
    'rubric.pacing': 'Rythme et pauses',
    'rubric.audience_fit': 'Adaptation au public',
    'rubric.examples': 'Exemples et preuves',
  },
};
