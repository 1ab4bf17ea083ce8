/**
 * Article text → clean body text, with every removal recorded and the metadata the text
 * itself gives (dateline, syndication line, author footer, headline line).
 *
 * The steps, in order:
 *   1. normalise characters: Unicode NFC; line separators → "\n"; no-break and other Unicode
 *      spaces → " "; soft hyphens and zero-width spaces dropped; quote look-alikes
 *      (`` '' ‟ ‛ ＂) → the standard curly or straight marks. Curly quotes stay curly: they
 *      tell an opening mark from a closing one, which the quote stage uses;
 *   2. split into paragraphs on blank lines (or on every line when the text has no blank line);
 *   3. the first paragraph becomes the title when it looks like a headline (plain text only);
 *   4. drop boilerplate lines (src/ingest/boilerplate.json: promos, share prompts, navigation,
 *      comment chrome, syndication notes, author footers, a "By <name>" line near the top),
 *      keeping what they say about the source and the author;
 *   5. take the dateline off the lead ("Place (Outlet) – "): place and outlet become metadata,
 *      the lead sentence starts after it;
 *   6. drop scraping artifacts: a paragraph (or a paragraph's tail) cut off mid-sentence and
 *      then repeated whole, and paragraphs repeated verbatim;
 *   7. join paragraphs with "\n\n".
 * Every span downstream points into the returned text, so no offset mapping is needed.
 */
import { readFileSync } from 'node:fs';
import type { MetadataOrigin, Removal, RemovalKind } from '../model/index.ts';

export interface MetadataValue {
  value: string;
  origin: MetadataOrigin;
}

/** What the text itself says about the article, each with where it came from. */
export interface TextMetadata {
  source?: MetadataValue;
  place?: MetadataValue;
  author?: MetadataValue;
  title?: MetadataValue;
}

export interface CleanedText {
  text: string;
  removed: Removal[];
  metadata: TextMetadata;
}

export interface CleanOptions {
  /** Take a headline-like first line as the title (plain text). Default true. */
  detectTitle?: boolean;
  /** A title known from elsewhere (HTML, feed): a first paragraph repeating it is removed. */
  knownTitle?: string | null;
  /**
   * Join the lines of a paragraph with spaces (hard-wrapped plain text). Default true; HTML
   * text keeps its "\n" line breaks (they come from <br>).
   */
  unwrapLines?: boolean;
}

// ───────────────────────────── thresholds ─────────────────────────────

/**
 * Hard-wrapped text has lines no longer than its wrap width (72–80 characters by convention,
 * rarely up to 100); a block with a longer line holds one paragraph per line instead.
 */
const HARD_WRAP_MAX_CHARS = 100;
/** A headline is at most this long. News headlines run 40–110 characters; 160 leaves room. */
const MAX_HEADLINE_CHARS = 160;
/**
 * …and at least this many words: shorter first lines in the AllSides articles were section
 * labels ("From the Left") and author names ("Tom Vanden Brook"), not headlines.
 */
const MIN_HEADLINE_WORDS = 4;
/** "David Jackson and Kevin Johnson", "By Rui Almada": a byline, not a headline. */
const BYLINE_LIKE =
  /^(?:By )?\p{Lu}[\p{L}’'.-]+(?: \p{Lu}[\p{L}’'.-]+){1,2}(?:(?:,| and| &|, and) \p{Lu}[\p{L}’'.-]+(?: \p{Lu}[\p{L}’'.-]+){1,2})*$/u;
/** Photo captions and credits: "(Name/Agency)" at the end, "Name / Agency", "Image source: …". */
const CREDIT_LIKE = /\([^()]*\/[^()]*\)$|\s\/\s|^(?:photo|image|picture|video|credit|source)s?\b/iu;
/**
 * Lines that hold a finished sentence and then more ("…concerns. Is Obama serious?") are a
 * caption glued to a teaser, and section widgets or sign-up prompts are not headlines either.
 * Lower-case letters before the stop keep abbreviations ("U.S. Senate") out of it.
 */
const NOT_A_HEADLINE =
  /\p{Ll}{2}[.!?]["”’')]? +\p{Lu}|^story highlights\b|\bsubscribe\b|\bnewsletters?\b|\bsign up\b/iu;
/**
 * A cut-off paragraph (or tail) must be at least this long, in characters and in words, to be
 * called a scraping artifact: the seeds' artifact is ~300 characters, our example's ~220. On
 * the extraction benchmark pages, shorter "prefixes" were list items that legitimately start
 * like the next one ("1 cup blueberries" / "1 cup blueberries, 2 rice cakes").
 */
const MIN_TRUNCATED_CHARS = 60;
const MIN_TRUNCATED_WORDS = 8;
/**
 * A paragraph repeated verbatim is dropped only when it is a statement (ends with "." or "!")
 * at least this long. Shorter repeats and repeated questions were legitimate on the
 * extraction benchmark pages (a recipe's list lines, an interview's questions put to several
 * people); the artifacts there were a lead paragraph repeated further down.
 */
const MIN_DUPLICATE_CHARS = 80;
const STATEMENT_END = /[.!]["”’)\]]*$/;

// ───────────────────────────── rules (data) ─────────────────────────────

interface RuleSpec {
  id: string;
  kind: RemovalKind;
  scope: 'paragraph' | 'head' | 'lead';
  flags: string;
  pattern: string;
  why: string;
  matches: string[];
  keeps: string[];
}

export interface BoilerplateRule extends Omit<RuleSpec, 'pattern' | 'flags'> {
  regex: RegExp;
}

/** The boilerplate rules of src/ingest/boilerplate.json, compiled. */
export const BOILERPLATE_RULES: readonly BoilerplateRule[] = loadRules();

function loadRules(): BoilerplateRule[] {
  const file = JSON.parse(readFileSync(new URL('./boilerplate.json', import.meta.url), 'utf8')) as {
    rules: RuleSpec[];
  };
  return file.rules.map(({ pattern, flags, ...rest }) => ({ ...rest, regex: new RegExp(pattern, flags) }));
}

const LINE_RULES = BOILERPLATE_RULES.filter((r) => r.scope === 'paragraph');
const HEAD_RULES = BOILERPLATE_RULES.filter((r) => r.scope === 'head');
const LEAD_RULES = BOILERPLATE_RULES.filter((r) => r.scope === 'lead');
/** 'head' rules (bylines) look at this many first paragraphs: headline, standfirst, byline. */
const HEAD_PARAGRAPHS = 3;

// ───────────────────────────── entry ─────────────────────────────

export function cleanText(text: string, options: CleanOptions = {}): CleanedText {
  const { detectTitle = true, knownTitle = null, unwrapLines = true } = options;
  const removed: Removal[] = [];
  const metadata: TextMetadata = {};

  let paragraphs = splitParagraphs(normaliseCharacters(text), unwrapLines);

  // 3. headline → title
  const first = paragraphs[0];
  if (first && paragraphs.length > 1) {
    const firstText = first.join(' ');
    if (knownTitle && sameText(firstText, knownTitle)) {
      removed.push({ kind: 'title', text: firstText });
      paragraphs = paragraphs.slice(1);
    } else if (detectTitle && !knownTitle && first.length === 1 && looksLikeHeadline(firstText)) {
      removed.push({ kind: 'title', text: firstText });
      metadata.title = { value: firstText, origin: 'first-line' };
      paragraphs = paragraphs.slice(1);
    }
  }

  // 4. boilerplate lines (a byline only near the top)
  paragraphs = paragraphs
    .map((lines, index) =>
      lines.filter((line) => {
        const rule =
          LINE_RULES.find((r) => r.regex.test(line)) ??
          (index < HEAD_PARAGRAPHS ? HEAD_RULES.find((r) => r.regex.test(line)) : undefined);
        if (!rule) return true;
        removed.push({ kind: rule.kind, text: line });
        const groups = rule.regex.exec(line)?.groups ?? {};
        // "…appeared in the Washington Free Beacon": a lower-case article is not part of the name.
        if (groups.source && !metadata.source)
          metadata.source = {
            value: tidyName(groups.source.replace(/^the /, '')),
            origin: 'syndication-line',
          };
        // A byline at the top is better evidence than a footer: it wins.
        if (groups.author && (!metadata.author || rule.kind === 'byline'))
          metadata.author = {
            value: titleCaseIfShouting(tidyName(withoutAffiliation(groups.author))),
            origin: rule.kind === 'byline' ? 'byline-line' : 'byline-footer',
          };
        return false;
      }),
    )
    .filter((lines) => lines.length > 0);

  // 5. dateline
  const lead = paragraphs[0];
  if (lead) {
    for (const rule of LEAD_RULES) {
      const match = rule.regex.exec(lead[0]!);
      if (!match) continue;
      removed.push({ kind: 'dateline', text: match[0].trimEnd() });
      lead[0] = lead[0]!.slice(match[0].length);
      const { place, source } = match.groups ?? {};
      if (place)
        metadata.place = { value: titleCaseIfShouting(place.replace(/-+$/, '')), origin: 'dateline' };
      // The dateline is the outlet's own stamp at the top: it wins over a closing syndication note.
      if (source) metadata.source = { value: tidyName(source), origin: 'dateline' };
      break;
    }
  }

  // 6. scraping artifacts
  const joined = paragraphs.map((lines) => lines.join(unwrapLines ? ' ' : '\n'));
  const body = dropRepeats(joined, removed);

  return { text: body.join('\n\n'), removed, metadata };
}

// ───────────────────────────── steps ─────────────────────────────

const QUOTE_LOOKALIKES: [RegExp, string][] = [
  [/``/g, '“'], // TeX-style and old scrapers' opening double quote
  [/''/g, '”'], // …and its closing pair
  [/\u201F/g, '“'], // double high-reversed-9
  [/\u201B/g, '‘'], // single high-reversed-9
  [/\uFF02/g, '"'], // fullwidth quotation mark
  [/\uFF07/g, "'"], // fullwidth apostrophe
];

export function normaliseCharacters(text: string): string {
  let out = text.normalize('NFC');
  out = out.replace(/\r\n?|\u0085|\u2028/g, '\n').replace(/\u2029/g, '\n\n');
  out = out.replace(/[\u00AD\u200B\u2060\uFEFF]/g, '');
  out = out.replace(/[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
  for (const [pattern, replacement] of QUOTE_LOOKALIKES) out = out.replace(pattern, replacement);
  return out;
}

/** Paragraphs as lists of trimmed, space-collapsed lines. */
function splitParagraphs(text: string, unwrap: boolean): string[][] {
  const lines = text.split('\n').map((line) => line.replace(/ {2,}/g, ' ').trim());
  const hasBlankLine = lines.some((line, i) => line === '' && i > 0 && i < lines.length - 1);
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (current.length) paragraphs.push(current);
      current = [];
    } else if (!hasBlankLine) {
      paragraphs.push([line]);
    } else {
      current.push(line);
    }
  }
  if (current.length) paragraphs.push(current);
  if (!unwrap) return paragraphs;
  // A block with a line longer than any wrap width is not hard-wrapped: its lines are paragraphs.
  return paragraphs.flatMap((block) =>
    block.some((line) => line.length > HARD_WRAP_MAX_CHARS) ? block.map((line) => [line]) : [block],
  );
}

function looksLikeHeadline(line: string): boolean {
  if (line.length > MAX_HEADLINE_CHARS) return false;
  if (line.split(/\s+/).length < MIN_HEADLINE_WORDS) return false;
  if (BYLINE_LIKE.test(line) || CREDIT_LIKE.test(line) || NOT_A_HEADLINE.test(line)) return false;
  if (/[.,;:…]["”’)\]]*$/.test(line)) return false; // sentences and lead-ins end in punctuation
  if (BOILERPLATE_RULES.some((r) => r.regex.test(line))) return false;
  return /^\p{Lu}|^\p{N}|^["“‘']/u.test(line);
}

/** Ends like a finished sentence or a lead-in to a quotation. */
const FINISHED = /[.!?…:]["”’)\]]*$/;
/** Where a new sentence may start inside a paragraph. */
const SENTENCE_BREAK = /[.!?…]["”’)\]]*\s+(?=\S)/g;

/**
 * Drops (a) a paragraph, or the tail of one, that stops mid-sentence and is the opening of
 * another paragraph, and (b) a paragraph that repeats an earlier one word for word.
 */
function dropRepeats(paragraphs: string[], removed: Removal[]): string[] {
  const out = [...paragraphs];
  for (let i = 0; i < out.length; i++) {
    const paragraph = out[i]!;
    if (FINISHED.test(paragraph)) continue;
    const starts = [0, ...Array.from(paragraph.matchAll(SENTENCE_BREAK), (m) => m.index + m[0].length)];
    for (const start of starts) {
      const tail = paragraph.slice(start);
      if (tail.length < MIN_TRUNCATED_CHARS || tail.split(' ').length < MIN_TRUNCATED_WORDS) break;
      // Scrapers put the cut copy right next to the whole one (before or after it).
      const repeated = [out[i - 1], out[i + 1]].some(
        (other) => other !== undefined && other.length > tail.length && other.startsWith(tail),
      );
      if (!repeated) continue;
      removed.push({ kind: 'truncated-duplicate', text: tail });
      out[i] = paragraph.slice(0, start).trimEnd();
      break;
    }
  }
  const seen = new Set<string>();
  return out.filter((paragraph) => {
    if (paragraph === '') return false;
    if (paragraph.length >= MIN_DUPLICATE_CHARS && STATEMENT_END.test(paragraph) && seen.has(paragraph)) {
      removed.push({ kind: 'duplicate', text: paragraph });
      return false;
    }
    seen.add(paragraph);
    return true;
  });
}

/**
 * Words that mark the tail of a byline as an affiliation, not a name: "By Jean Lee, Associated
 * Press", "By Rui Almada, for the Gazette", "By Ana Pereira, Staff Writer".
 */
const AFFILIATION =
  /^(?:for\b|staff\b|special\b|the\b)|\b(?:press|news|times|post|wire|gazette|herald|courier|journal|tribune|review|daily|magazine|media|network|agency|bureau|service|reuters|AP|AFP|writer|reporter|correspondent|editor|contributor|columnist)\b/i;

/** A byline's names without the affiliation that may follow them after a comma. */
function withoutAffiliation(names: string): string {
  const parts = names.split(/(,\s+(?:and\s+)?)/);
  for (let i = 2; i < parts.length; i += 2) {
    if (AFFILIATION.test(parts[i]!)) return parts.slice(0, i - 1).join('');
  }
  return names;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

function tidyName(name: string): string {
  return name
    .replace(/\s+/g, ' ')
    .replace(/[.,;:]+$/, '')
    .trim();
}

/** "PORT VEYRA" → "Port Veyra"; "Caracas" stays. */
function titleCaseIfShouting(place: string): string {
  if (place !== place.toUpperCase()) return place;
  return place
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_, pre: string, ch: string) => pre + ch.toUpperCase());
}
