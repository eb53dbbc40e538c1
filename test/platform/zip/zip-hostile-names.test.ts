import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readZipSafely } from '../../../src/platform/zip/zip-reader.js';
import { assertZipError } from './assert-zip-error.js';
import { forgeZip, UNIX_SYMLINK_ATTRIBUTES, type ForgedEntry } from './zip-forge.js';

function packWith(...entries: ForgedEntry[]): Buffer {
  return forgeZip([{ name: 'transcript.md', data: Buffer.from('hello') }, ...entries]);
}

function packWithFiles(...names: string[]): Buffer {
  return packWith(...names.map((name, index) => ({ name, data: Buffer.from(String(index)) })));
}

/** A readable test title: long names shortened, DEL and C1 controls escaped (JSON.stringify leaves them raw). */
function label(name: string): string {
  const shown = JSON.stringify(name.length > 40 ? `${name.slice(0, 12)}… (${Buffer.byteLength(name)} bytes)` : name);
  return shown.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

describe('hostile entry names', () => {
  const zipSlipNames = [
    '../evil',
    'a/../../b',
    'a/..',
    './a',
    'a/./b',
    '/etc/passwd',
    '/',
    'C:\\x',
    'C:x',
    'c:/windows/system32',
    'notes.txt:hidden',
    'a\\b',
    '..\\..\\evil',
    'a\u0000b',
    'line\nbreak',
    'bell\u0007',
    'del\u007f',
    'c1\u0085',
    'a//b',
    '//server/share',
    '',
    'x'.repeat(256),
    'é'.repeat(128),
  ];
  for (const name of zipSlipNames) {
    test(`${label(name)} is refused with pack_invalid_path`, () => {
      assertZipError(() => readZipSafely(packWithFiles(name)), 'pack_invalid_path');
    });
  }

  test('a folder entry with an unsafe name is refused too, even though folders are skipped', () => {
    assertZipError(() => readZipSafely(packWith({ name: '../', method: 0 })), 'pack_invalid_path');
    assertZipError(() => readZipSafely(packWith({ name: 'a//', method: 0 })), 'pack_invalid_path');
  });

  test('a name that is not valid UTF-8 is refused, with or without the UTF-8 flag', () => {
    const latin1 = Buffer.from([0x72, 0xe9, 0x73, 0x75, 0x6d, 0xe9]); // "résumé" in Latin-1
    assertZipError(() => readZipSafely(packWith({ name: latin1, data: Buffer.from('x') })), 'pack_invalid_path');
    assertZipError(() => readZipSafely(packWith({ name: latin1, data: Buffer.from('x'), flags: 0 })), 'pack_invalid_path');
  });

  test('names of exactly 255 bytes, spaces, dots inside names and Unicode are accepted', () => {
    const names = ['x'.repeat(255), 'my talk v2.final.md', '..hidden..', 'révision/été.md', '講演/メモ.txt'];
    const read = readZipSafely(forgeZip(names.map((name) => ({ name, data: Buffer.from(name) }))));
    assert.deepEqual(
      read.entries.map((entry) => entry.name),
      names,
    );
  });
});

describe('symbolic links', () => {
  test('an entry whose Unix mode is a symlink is refused with pack_symlink_rejected', () => {
    const link = { name: 'link', data: Buffer.from('/etc/passwd'), externalAttributes: UNIX_SYMLINK_ATTRIBUTES };
    assertZipError(() => readZipSafely(packWith(link)), 'pack_symlink_rejected');
  });

  test('a symlink is refused even when the entry claims to come from MS-DOS', () => {
    const msDos = 20; // host 0 in the high byte
    const link = { name: 'link', data: Buffer.from('../../x'), externalAttributes: UNIX_SYMLINK_ATTRIBUTES, versionMadeBy: msDos };
    assertZipError(() => readZipSafely(packWith(link)), 'pack_symlink_rejected');
  });

  test('a symlink that pretends to be a folder is refused', () => {
    const link = { name: 'audio/', method: 0, externalAttributes: UNIX_SYMLINK_ATTRIBUTES };
    assertZipError(() => readZipSafely(packWith(link)), 'pack_symlink_rejected');
  });
});

describe('duplicate names', () => {
  test('the same name twice is refused with pack_duplicate_entry', () => {
    assertZipError(() => readZipSafely(packWithFiles('a.txt', 'a.txt')), 'pack_duplicate_entry');
  });

  test('names equal ignoring case are refused (A.txt and a.txt)', () => {
    assertZipError(() => readZipSafely(packWithFiles('A.txt', 'a.txt')), 'pack_duplicate_entry');
  });

  test('names equal after full case folding are refused (Straße and STRASSE)', () => {
    assertZipError(() => readZipSafely(packWithFiles('Straße.md', 'STRASSE.md')), 'pack_duplicate_entry');
  });

  test('composed and decomposed accents are the same name (NFC)', () => {
    const composed = 'été.md'.normalize('NFC');
    const decomposed = 'été.md'.normalize('NFD');
    assert.notEqual(composed, decomposed);
    assertZipError(() => readZipSafely(packWithFiles(composed, decomposed)), 'pack_duplicate_entry');
  });

  test('a folder path differing only in case is the same folder: a file cannot also be a folder', () => {
    assertZipError(() => readZipSafely(packWithFiles('Audio', 'audio/run.webm')), 'pack_duplicate_entry');
    const fileAndFolder = packWith({ name: 'notes', data: Buffer.from('1') }, { name: 'notes/', method: 0 });
    assertZipError(() => readZipSafely(fileAndFolder), 'pack_duplicate_entry');
  });

  test('a folder listed twice is a duplicate too', () => {
    const twice = packWith({ name: 'audio/', method: 0 }, { name: 'AUDIO/', method: 0 });
    assertZipError(() => readZipSafely(twice), 'pack_duplicate_entry');
  });

  test('a folder entry and files inside it are fine', () => {
    const folder = { name: 'audio/', method: 0 };
    const read = readZipSafely(packWith(folder, { name: 'Audio/run.webm', data: Buffer.from('w') }));
    assert.deepEqual(
      read.entries.map((entry) => entry.name),
      ['transcript.md', 'Audio/run.webm'],
    );
  });
});
