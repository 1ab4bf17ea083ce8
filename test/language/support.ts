/** A minimal Article for language and actor tests. */
import type { Article } from '../../src/model/index.ts';

export function articleOf(text: string, id = 'a1', published: string | null = null): Article {
  return {
    id,
    origin: `${id}.txt`,
    source: null,
    title: null,
    author: null,
    published,
    language: 'en',
    url: null,
    canonicalUrl: null,
    place: null,
    text,
    removed: [],
    provenance: {},
    warnings: [],
  };
}
