/**
 * The language stage: `annotate(article)` → Doc with sentences, tokens (exact spans, norm,
 * lemma, POS), entities, quantities and dates.
 */
import type { Article, Doc } from '../model/index.ts';
import { findDates } from './dates.ts';
import { findEntities } from './entities.ts';
import { findQuantities } from './quantities.ts';
import { tokenize } from './tokenize.ts';

export { foldAccents, normalizeWord, slugify } from './normalize.ts';

export function annotate(article: Article): Doc {
  const { tokens, sentences } = tokenize(article.text);
  const entities = findEntities(article.text, tokens, sentences);
  const quantities = findQuantities(article.text, tokens);
  const dates = findDates(article.text, tokens, article.published);
  return { article, sentences, tokens, entities, quantities, dates };
}
