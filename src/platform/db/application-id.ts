/**
 * Lectern's SQLite `application_id` ("LECT" in ASCII), written into every database it creates so that a file
 * belonging to another program is recognised and never modified. See https://www.sqlite.org/fileformat.html#application_id
 */
export const LECTERN_APPLICATION_ID = 0x4c454354;
