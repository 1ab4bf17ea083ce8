/**
 * Text or HTML plus what is known about it → one `Article`: cleaned body, metadata with
 * provenance, language, warnings, and a stable id.
 *
 * Metadata precedence, highest first: what the caller gives (`ArticleMeta`), the page's
 * markup (HTML only), then what the text itself says (dateline, syndication line, author
 * footer, headline line).
 */
import { createHash } from 'node:crypto';
import { ParallaxError } from '../errors.ts';
import type { Article, MetadataOrigin } from '../model/index.ts';
import { cleanText, type CleanedText } from './clean.ts';
import { extractHtml, type ExtractedPage } from './html.ts';
import { detectLanguage } from './language-id.ts';

export interface ArticleMeta {
  /** A given id; otherwise the id is derived from the cleaned text. */
  id?: string;
  /** What the user gave: a file path, URL, `-`, `<feed>#<n>`, `<file>:<line>`. */
  origin?: string;
  source?: string | null;
  title?: string | null;
  author?: string | null;
  /** Any date JavaScript can read; stored as ISO 8601. */
  published?: string | null;
  url?: string | null;
  /** Where the fields above came from; default 'input' (the user). Feed readers pass 'feed'. */
  provenance?: MetadataOrigin;
  /** Notes from earlier steps (decoding, feed handling) to carry into `Article.warnings`. */
  warnings?: string[];
}

/** Hex digits of the content hash used as an id: 48 bits, collision-free for any real archive. */
const ID_HEX_DIGITS = 12;

type Field = keyof Article['provenance'];

/** An article from plain text: dateline, syndication line, footer and headline line are read. */
export function articleFromText(text: string, meta: ArticleMeta = {}): Article {
  const cleaned = cleanText(text, { knownTitle: meta.title ?? null });
  return assemble(cleaned, meta, null);
}

/**
 * An article whose text is taken exactly as given: no cleaning, no detection. For text that is
 * already clean and whose offsets must not move (dataset documents with gold spans), and for
 * benchmarks and tests that build articles from sentences. Fields not given are empty; the id
 * is the content id unless given.
 */
export function articleFromCleanText(text: string, fields: Partial<Omit<Article, 'text'>> = {}): Article {
  const id = fields.id ?? contentId(text);
  return {
    id,
    origin: id,
    source: null,
    title: null,
    author: null,
    published: null,
    language: 'en',
    url: null,
    canonicalUrl: null,
    place: null,
    text,
    removed: [],
    provenance: {},
    warnings: [],
    ...fields,
  };
}

/** An article from an HTML page (or a fragment, such as a feed item's content). */
export function articleFromHtml(html: string, meta: ArticleMeta = {}): Article {
  const page = extractHtml(html, meta.url ?? undefined);
  const title = meta.title ?? page.title;
  const cleaned = cleanText(page.text, { detectTitle: false, knownTitle: title, unwrapLines: false });
  cleaned.removed.unshift(...page.removed);
  return assemble(cleaned, meta, page);
}

/** What the page's markup says about the article (the extractor's fields besides the text). */
type PageFields = Omit<ExtractedPage, 'text' | 'removed'>;

function assemble(cleaned: CleanedText, meta: ArticleMeta, page: PageFields | null): Article {
  const origin = meta.origin ?? '<text>';
  if (cleaned.text.trim() === '') {
    throw new ParallaxError('NO_ARTICLE', 'no body text is left once boilerplate is removed', origin);
  }
  const given = meta.provenance ?? 'input';
  const provenance: Article['provenance'] = {};
  const warnings = [...(meta.warnings ?? [])];

  /** The first candidate that has a value wins; its origin is recorded. */
  const pick = (
    field: Field,
    ...candidates: [string | null | undefined, MetadataOrigin][]
  ): string | null => {
    for (const [value, from] of candidates) {
      const trimmed = value?.trim();
      if (trimmed) {
        provenance[field] = from;
        return trimmed;
      }
    }
    return null;
  };
  const text = cleaned.metadata;

  const source = pick(
    'source',
    [meta.source, given],
    [page?.siteName, 'html-meta'],
    [text.source?.value, text.source?.origin ?? 'detected'],
  );
  const title = pick(
    'title',
    [meta.title, given],
    [page?.title, 'html-meta'],
    [text.title?.value, 'first-line'],
  );
  const author = pick(
    'author',
    [meta.author, given],
    [page?.author, 'html-meta'],
    [text.author?.value, text.author?.origin ?? 'detected'],
  );
  const place = pick('place', [text.place?.value, 'dateline']);
  const url = pick('url', [meta.url, given]);
  const canonicalUrl = pick('canonicalUrl', [page?.canonicalUrl, 'html-meta']);

  let published = pick('published', [meta.published, given], [page?.published, 'html-meta']);
  if (published) {
    const iso = isoDate(published);
    if (!iso) {
      warnings.push(`cannot read the publication date "${published}"`);
      delete provenance.published;
    }
    published = iso;
  }

  const detected = detectLanguage(cleaned.text);
  let language = detected.language;
  if (language !== 'und') provenance.language = 'detected';
  else if (page?.language) {
    language = page.language;
    provenance.language = 'html-meta';
  }
  if (detected.warning) warnings.push(detected.warning);

  return {
    id: meta.id ?? contentId(cleaned.text),
    origin,
    source,
    title,
    author,
    published,
    language,
    url,
    canonicalUrl,
    place,
    text: cleaned.text,
    removed: cleaned.removed,
    provenance,
    warnings,
  };
}

/** First hex digits of the SHA-256 of the cleaned text: the same text always gets the same id. */
export function contentId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, ID_HEX_DIGITS);
}

/** ISO dates stay as they are (a bare date stays a date); other readable dates → ISO date-time. */
function isoDate(value: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value))
    return value.replace(' ', 'T');
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
