/**
 * How Parallax names an article to a reader, in one place: the claims stage writes it into
 * alignment explanations and the report prints it in headings, so both must say the same.
 *
 * Why here: `report` may not import a stage and a stage may not import `report`, and `model` holds
 * types only. `src/text/` is a leaf of small pure text helpers that import nothing of ours but
 * model types, so stages and renderers may both use it without bending that rule.
 */
import type { Article } from '../model/index.ts';

/**
 * A headline standing in for a name is cut at a word boundary to at most this many characters:
 * long enough to recognise ("Dockworkers End Two-Week Strike as …"), short enough to sit in a
 * sentence or a column heading twice.
 */
export const HEADLINE_AS_NAME_MAX_CHARS = 40;

/**
 * The name a reader knows an article by: its outlet; else "the article by <author>"; else its
 * headline, shortened; else the file or URL it came from; else its id.
 */
export function articleName(article: Pick<Article, 'source' | 'author' | 'title' | 'origin' | 'id'>): string {
  const source = article.source?.trim();
  if (source) return source;
  const author = article.author?.trim();
  if (author) return `the article by ${author}`;
  const title = article.title?.replace(/\s+/g, ' ').trim();
  if (title) return shortenAtWord(title, HEADLINE_AS_NAME_MAX_CHARS);
  return article.origin.split(/[\\/]/).filter(Boolean).at(-1) || article.id;
}

/** `text` cut at the last word boundary within `max` characters, with " …" when cut. */
export function shortenAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const boundary = cut.search(/\s+\S*$/);
  const head = (boundary > 0 ? cut.slice(0, boundary) : text.slice(0, max)).replace(/[\s,;:–—-]+$/, '');
  return `${head} …`;
}

/**
 * An article name at the start of a sentence: "The article by …" rather than "the article by …".
 * Only the lower-case phrases we write ourselves are touched: an outlet that styles its name in
 * lower case ("teleSUR", "iNews") keeps it.
 */
export function capitalised(name: string): string {
  return /^the article by /.test(name) ? `T${name.slice(1)}` : name;
}
