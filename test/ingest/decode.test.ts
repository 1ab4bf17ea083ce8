import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { charsetOf, decodeBytes, sniffDeclaredCharset } from '../../src/ingest/decode.ts';

const SAMPLE =
  'Governor Elena Márquez called the strike “a ransom note” — the dockers’ union disagreed, señor.';

test('UTF-8 is read as it is, without a note', () => {
  const decoded = decodeBytes(Buffer.from(SAMPLE, 'utf8'), 'a.txt');
  assert.deepEqual(decoded, { text: SAMPLE, encoding: 'utf-8', note: null });
});

test('a UTF-8 byte-order mark is dropped', () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]);
  assert.equal(decodeBytes(bytes, 'a.txt').text, SAMPLE);
});

test('UTF-16 with a byte-order mark is decoded', () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
  const decoded = decodeBytes(bytes, 'a.txt');
  assert.equal(decoded.text, SAMPLE);
  assert.equal(decoded.encoding, 'utf-16le');
});

test('windows-1252 text (curly quotes, dashes) is detected and converted with a note', () => {
  const decoded = decodeBytes(iconv.encode(SAMPLE, 'windows-1252'), 'a.txt');
  assert.equal(decoded.text, SAMPLE);
  assert.equal(decoded.encoding, 'windows-1252');
  assert.match(decoded.note ?? '', /converted from windows-1252/);
});

test('ISO-8859-1 text is converted', () => {
  const latin = 'Ça va très bien à Genève, said Señor Núñez of the Calderra dockers’ union.'.replace(
    '’',
    "'",
  );
  const decoded = decodeBytes(iconv.encode(latin, 'latin1'), 'a.txt');
  assert.equal(decoded.text, latin);
  assert.ok(decoded.note);
});

test('a declared charset is used when the bytes are not UTF-8', () => {
  const html = `<html><head><meta charset="iso-8859-1"></head><body><p>${'Señor Núñez'}</p></body></html>`;
  const decoded = decodeBytes(iconv.encode(html, 'latin1'), 'a.html');
  assert.equal(decoded.text, html);
  assert.equal(decoded.encoding, 'iso-8859-1');
});

test('empty and whitespace-only inputs are INPUT_EMPTY', () => {
  assert.throws(() => decodeBytes(Buffer.alloc(0), 'e.txt'), { code: 'INPUT_EMPTY', input: 'e.txt' });
  assert.throws(() => decodeBytes(Buffer.from(' \n\t\n'), 'w.txt'), { code: 'INPUT_EMPTY' });
});

test('binary data is INPUT_BINARY', () => {
  const png = Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  ]);
  assert.throws(() => decodeBytes(png, 'p.txt'), { code: 'INPUT_BINARY', input: 'p.txt' });
  const controls = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0x02 : 0x41)));
  assert.throws(() => decodeBytes(controls, 'c.txt'), { code: 'INPUT_BINARY' });
});

test('bytes that decode to many invalid characters are INPUT_ENCODING', () => {
  // 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in windows-1252 and invalid as UTF-8.
  const bytes = Buffer.from(
    Array.from({ length: 200 }, (_, i) => [0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x41][i % 6]!),
  );
  assert.throws(() => decodeBytes(bytes, 'u.txt'), { code: 'INPUT_ENCODING', input: 'u.txt' });
});

test('charset declarations are read from headers, <meta> and the XML prolog', () => {
  assert.equal(charsetOf('text/html; charset="ISO-8859-1"'), 'ISO-8859-1');
  assert.equal(charsetOf('text/html'), null);
  assert.equal(
    sniffDeclaredCharset(Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss/>')),
    'windows-1252',
  );
  assert.equal(
    sniffDeclaredCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')),
    'koi8-r',
  );
});
