/**
 * Bytes → string, for files, stdin and HTTP bodies.
 *
 * The steps, in order:
 *   1. empty input → INPUT_EMPTY;
 *   2. a byte-order mark decides (UTF-8, UTF-16 LE/BE);
 *   3. NUL bytes or many control bytes → INPUT_BINARY (images, archives, PDFs);
 *   4. valid UTF-8 is UTF-8 (most text today; a strict decoder tells us);
 *   5. else a declared charset (HTTP header, <meta charset>, XML prolog) when iconv-lite knows it;
 *   6. else chardet's guess, with the Western single-byte family read as windows-1252
 *      (a superset of ISO-8859-1's printable range, as browsers do);
 *   7. a decoding that leaves too many replacement characters → INPUT_ENCODING.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ParallaxError } from '../errors.ts';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as, e.g. "utf-8", "windows-1252". */
  encoding: string;
  /** Set when the bytes were not UTF-8 and were converted: a note for `Article.warnings`. */
  note: string | null;
}

/** How many leading bytes are inspected for binary content and charset declarations. */
const SNIFF_BYTES = 8192; // the first 8 KiB hold the prolog/<meta charset> and show binary headers

/**
 * More control bytes than this share of the sniffed bytes and the input is binary.
 * Text has none besides tab/CR/LF/FF; binary formats have them everywhere. 2% leaves room
 * for a stray escape or form feed in old text files.
 */
const MAX_CONTROL_SHARE = 0.02;

/**
 * More U+FFFD than this share of the decoded characters and we call the bytes undecodable.
 * A correct decoding leaves none; one or two may come from a damaged file, which we keep.
 */
const MAX_REPLACEMENT_SHARE = 0.005;

/** chardet names of the Western single-byte family, read as windows-1252. */
const WESTERN_SINGLE_BYTE = new Set([
  'ISO-8859-1',
  'ISO-8859-9',
  'ISO-8859-15',
  'windows-1252',
  'windows-1254',
]);

/** Decodes `bytes` to text; `input` names the source in errors. */
export function decodeBytes(
  bytes: Uint8Array,
  input: string,
  declaredCharset: string | null = null,
): DecodedText {
  if (bytes.length === 0) throw new ParallaxError('INPUT_EMPTY', 'the input is empty', input);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  const bom = byteOrderMark(buffer);
  if (bom) return finish(iconv.decode(buffer.subarray(bom.length), bom.encoding), bom.encoding, null, input);

  if (looksBinary(buffer)) {
    throw new ParallaxError('INPUT_BINARY', 'the input is binary data, not text', input);
  }

  const utf8 = strictUtf8(buffer);
  if (utf8 !== null) return finish(utf8, 'utf-8', null, input);

  const declared = declaredCharset ?? sniffDeclaredCharset(buffer);
  if (declared && iconv.encodingExists(declared) && !/^utf-?8$/i.test(declared)) {
    const encoding = declared.toLowerCase();
    return finish(iconv.decode(buffer, encoding), encoding, `converted from ${encoding}`, input);
  }

  const guess = chardet.detect(buffer);
  const encoding =
    !guess || WESTERN_SINGLE_BYTE.has(guess) || !iconv.encodingExists(guess)
      ? 'windows-1252'
      : guess.toLowerCase();
  const detail = declared ? ` (declared ${declared}, which is not valid here)` : '';
  return finish(
    iconv.decode(buffer, encoding),
    encoding,
    `not UTF-8${detail}; converted from ${encoding} (detected)`,
    input,
  );
}

function finish(text: string, encoding: string, note: string | null, input: string): DecodedText {
  if (text.trim() === '')
    throw new ParallaxError('INPUT_EMPTY', 'the input has no text (only whitespace)', input);
  let replacements = 0;
  for (const ch of text) if (ch === '\uFFFD') replacements++;
  if (replacements > Math.max(1, text.length * MAX_REPLACEMENT_SHARE)) {
    throw new ParallaxError(
      'INPUT_ENCODING',
      `cannot decode the text: ${replacements} characters are invalid in ${encoding}; save it as UTF-8`,
      input,
    );
  }
  return { text, encoding, note };
}

function byteOrderMark(buffer: Buffer): { encoding: string; length: number } | null {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function looksBinary(buffer: Buffer): boolean {
  const sample = buffer.subarray(0, SNIFF_BYTES);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    // Tab, LF, VT, FF, CR and ESC are found in text files; the other C0 bytes are not.
    if (
      byte < 0x20 &&
      byte !== 0x09 &&
      byte !== 0x0a &&
      byte !== 0x0b &&
      byte !== 0x0c &&
      byte !== 0x0d &&
      byte !== 0x1b
    )
      controls++;
  }
  return controls > sample.length * MAX_CONTROL_SHARE;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

function strictUtf8(buffer: Buffer): string | null {
  try {
    return utf8Decoder.decode(buffer);
  } catch {
    return null;
  }
}

/** `<meta charset=…>`, `<meta http-equiv content="…; charset=…">` or `<?xml … encoding="…"?>`. */
export function sniffDeclaredCharset(buffer: Buffer): string | null {
  const head = buffer.subarray(0, SNIFF_BYTES).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1]!;
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return meta ? meta[1]! : null;
}

/** The `charset` parameter of a Content-Type header value. */
export function charsetOf(contentType: string | null | undefined): string | null {
  const match = contentType ? /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType) : null;
  return match ? match[1]! : null;
}
