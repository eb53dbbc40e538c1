import './support/page-document';
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { ERROR_CODES } from '../../src/contracts/error-codes';
import { hasMessage, language, t } from '../../ui/src/i18n';
import { messageForCode } from '../../ui/src/state/human-error';

afterEach(() => {
  language.value = 'en';
});

describe('every error code reads as words in both languages', { timeout: 5_000 }, () => {
  test('each code of the catalogue has its own message in English and in French, never the code itself', () => {
    for (const lang of ['en', 'fr'] as const) {
      language.value = lang;
      const missing = ERROR_CODES.filter((code) => !hasMessage(`error.${code}`));
      assert.deepEqual(missing, [], `${lang}: codes without a message`);
      const showingCode = ERROR_CODES.filter((code) => t(`error.${code}`).includes(code));
      assert.deepEqual(showingCode, [], `${lang}: messages that print their code`);
    }
  });

  test('the interface’s words win over the server’s English sentence, in French too', () => {
    language.value = 'fr';
    assert.equal(messageForCode('job_not_found', 'There is no job with id job_1.'), 'Cette transcription ne tourne plus (Lectern a redémarré) : ouvrez la prise pour la relancer.');
  });
});
