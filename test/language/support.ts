/** A minimal Article for language and actor tests. */
import type { Article } from '../../src/model/index.ts';
import { articleFromCleanText } from '../../src/ingest/index.ts';

export function articleOf(text: string, id = 'a1', published: string | null = null): Article {
  return articleFromCleanText(text, { id, origin: `${id}.txt`, published });
}
