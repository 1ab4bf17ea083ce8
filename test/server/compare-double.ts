/**
 * A small stand-in for src/compare in route tests: a valid Comparison over the given articles
 * (one claim per article over its first sentence, each only in that article). Routes are
 * tested for their contract; the real pipeline has its own tests.
 */
import type { Article, Comparison } from '../../src/model/index.ts';

export function compareDouble(articles: Article[]): Comparison {
  const claims = articles.map((a, i) => {
    const end = Math.max(1, a.text.search(/[.!?](\s|$)/) + 1 || a.text.length);
    return { id: `c${i}`, article: a.id, start: 0, end, text: a.text.slice(0, end), actors: [], quantities: [], dates: [], predicate: null, negated: false, modality: null, attribution: { kind: 'outlet' as const } };
  });
  const alignments = claims.map((c, i) => ({ id: `a${i}`, kind: 'unique' as const, claims: [c.id], articles: [c.article], explanation: 'Only this article says so.', confidence: 0.5 }));
  return {
    schema: 'parallax.report/1',
    id: `cmp-${articles.map((a) => a.id).join('-')}`,
    createdAt: new Date().toISOString(),
    articles,
    actors: [],
    claims,
    alignments,
    quotes: [],
    framing: [],
    scores: Object.fromEntries(articles.map((a) => [a.id, { loaded: 0, subjective: 0, voices: 0 }])),
    brief: { agreed: [], disputed: [], onlyIn: Object.fromEntries(claims.map((c, i) => [c.article, [{ text: c.text, alignment: alignments[i].id, articles: [c.article] }]])) },
    warnings: [],
  };
}
