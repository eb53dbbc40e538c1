export { assertThrowsSafeCode as assertAudioError } from '../../support/errors.js';
