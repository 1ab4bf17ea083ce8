/** The claim stages on articles: language → quotes → actors → claims → alignment → brief. */
import { attributeQuotes, resolveActors } from '../../src/actors/index.ts';
import { alignClaims, buildBrief, extractClaims } from '../../src/claims/index.ts';
import { articleFromText } from '../../src/ingest/index.ts';
import { annotate } from '../../src/language/index.ts';
import type { Comparison, Doc } from '../../src/model/index.ts';
import { extractQuotes } from '../../src/quotes/index.ts';

export type Analysis = Pick<Comparison, 'claims' | 'alignments' | 'brief' | 'quotes' | 'actors'> & {
  docs: Doc[];
};

export function analyse(
  texts: string[],
  sources: string[] = texts.map((_, i) => `Outlet ${String.fromCharCode(65 + i)}`),
): Analysis {
  const articles = texts.map((text, i) => articleFromText(text, { origin: `test-${i}`, source: sources[i] }));
  const docs = articles.map(annotate);
  const found = docs.flatMap((d) => extractQuotes(d));
  const actors = resolveActors(docs, found);
  const quotes = attributeQuotes(found, actors);
  const claims = docs.flatMap((d) =>
    extractClaims(
      d,
      actors,
      quotes.filter((q) => q.article === d.article.id),
    ),
  );
  const alignments = alignClaims(claims, docs, actors);
  return { docs, claims, alignments, quotes, actors, brief: buildBrief(alignments, claims, articles) };
}
