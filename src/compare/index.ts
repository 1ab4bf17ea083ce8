/**
 * The orchestrator: articles in, one Comparison out. The stages, in order:
 *
 *  1. language  — `annotate` each article: sentences, tokens, entities, quantities, dates
 *  2. quotes    — `extractQuotes` per article: the quoted words, cue and speaker as written
 *  3. actors    — `resolveActors` across articles (labels need the quotes for `quotedBy`),
 *                 then `attributeQuotes` links each quote to its speaker actor
 *  4. framing   — `detectFraming` per article, then `scoreArticle`; the quotes stage adds the
 *                 share of voice (`shareOfVoice`) to the same per-article scores
 *  5. claims    — `extractClaims` per article, `alignClaims` across them, `buildBrief`
 *
 * Each stage reads only the typed results of the stages before it.
 */
import { createHash } from 'node:crypto';
import { resolveActors, attributeQuotes } from '../actors/index.ts';
import { alignClaims, buildBrief, extractClaims } from '../claims/index.ts';
import { ParallaxError } from '../errors.ts';
import { detectFraming, scoreArticle } from '../framing/index.ts';
import { annotate } from '../language/index.ts';
import type { Article, ArticleScores, Comparison, FramingFinding } from '../model/index.ts';
import { extractQuotes, shareOfVoice, voiceScores } from '../quotes/index.ts';

export interface CompareOptions {
  /** Fixes `createdAt` (tests, reproducible reports). */
  now?: Date;
}

/** Two articles at least: a comparison of one is a summary, which Parallax does not pretend to be. */
export const MIN_ARTICLES = 2;

export function compare(articles: Article[], options: CompareOptions = {}): Comparison {
  if (articles.length < MIN_ARTICLES) {
    throw new ParallaxError(
      'TOO_FEW_ARTICLES',
      `a comparison needs at least ${MIN_ARTICLES} articles, got ${articles.length}`,
    );
  }
  const unique = distinctIds(articles);

  const docs = unique.map(annotate);
  const quotesPerDoc = docs.map(extractQuotes);
  const actors = resolveActors(docs, quotesPerDoc.flat());
  const quotes = attributeQuotes(quotesPerDoc.flat(), actors);

  const framing: FramingFinding[] = [];
  const scores: Record<string, ArticleScores> = {};
  for (const doc of docs) {
    const own = quotes.filter((q) => q.article === doc.article.id);
    const findings = detectFraming(doc, own);
    framing.push(...findings);
    scores[doc.article.id] = {
      ...scoreArticle(doc, findings, own),
      ...voiceScores(shareOfVoice(doc, own, actors)),
    };
  }

  const claims = docs.flatMap((doc) =>
    extractClaims(
      doc,
      actors,
      quotes.filter((q) => q.article === doc.article.id),
    ),
  );
  const alignments = alignClaims(claims, docs, actors);
  const brief = buildBrief(alignments, claims, unique);

  return {
    schema: 'parallax.report/1',
    id: comparisonId(unique),
    createdAt: (options.now ?? new Date()).toISOString(),
    articles: unique,
    actors,
    claims,
    alignments,
    quotes,
    framing,
    scores,
    brief,
    warnings: unique.flatMap((a) => a.warnings.map((w) => `${a.source ?? a.origin}: ${w}`)),
  };
}

/** Same inputs, same id: a hash of the article ids in order. */
function comparisonId(articles: Article[]): string {
  const hash = createHash('sha256');
  for (const article of articles) hash.update(article.id).update('\0');
  return `cmp_${hash.digest('hex').slice(0, 12)}`;
}

/**
 * The same article given twice would compare with itself and agree on everything; and two
 * different articles that happen to share an id would mix their spans. Keep the first of
 * identical texts; suffix colliding ids of different texts.
 */
function distinctIds(articles: Article[]): Article[] {
  const seen = new Map<string, string>();
  const out: Article[] = [];
  for (const article of articles) {
    const previous = seen.get(article.id);
    if (previous === undefined) {
      seen.set(article.id, article.text);
      out.push(article);
    } else if (previous !== article.text) {
      let n = 2;
      while (seen.has(`${article.id}-${n}`)) n++;
      const id = `${article.id}-${n}`;
      seen.set(id, article.text);
      out.push({ ...article, id });
    }
  }
  if (out.length < MIN_ARTICLES) {
    throw new ParallaxError('TOO_FEW_ARTICLES', 'the articles given are the same text; a comparison needs two different ones');
  }
  return out;
}
