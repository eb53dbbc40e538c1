export { assertThrowsSafeCode as assertZipError } from '../../support/errors.js';
