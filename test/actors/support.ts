/** Runs language → quotes → actors on texts, the way compare does, for the actor tests. */
import { readFileSync } from 'node:fs';
import { attributeQuotes, resolveActors } from '../../src/actors/index.ts';
import { cleanText } from '../../src/ingest/clean.ts';
import { annotate } from '../../src/language/index.ts';
import type { Actor, Doc, Quote } from '../../src/model/index.ts';
import { extractQuotes } from '../../src/quotes/index.ts';
import { articleOf } from '../language/support.ts';

export interface Run {
  docs: Doc[];
  actors: Actor[];
  quotes: Quote[];
}

export function runActors(texts: { id: string; text: string; published?: string }[]): Run {
  // cleanText alone (not the whole ingest stage) keeps these tests fast: no HTML libraries to load
  const docs = texts.map(({ id, text, published }) =>
    annotate(articleOf(cleanText(text).text, id, published ?? null)),
  );
  const quotes = docs.flatMap((doc) => extractQuotes(doc));
  const actors = resolveActors(docs, quotes);
  return { docs, actors, quotes: attributeQuotes(quotes, actors) };
}

export function runFiles(files: { id: string; path: string }[]): Run {
  return runActors(files.map(({ id, path }) => ({ id, text: readFileSync(path, 'utf8') })));
}

/** Every mention, label and evidence span slices to its text. */
export function assertSpansSlice(run: Run, fail: (message: string) => void): void {
  const textOf = new Map(run.docs.map((d) => [d.article.id, d.article.text]));
  for (const actor of run.actors) {
    for (const m of actor.mentions) {
      const text = textOf.get(m.article) ?? '';
      const slice = text.slice(m.start, m.end);
      if (slice.trim() !== slice || slice === '' || /['’]s?$/.test(slice))
        fail(`mention ${JSON.stringify(slice)} of ${actor.id}`);
    }
    for (const l of [...actor.labels, ...actor.stanceEvidence]) {
      if ((textOf.get(l.article) ?? '').slice(l.start, l.end) !== l.text)
        fail(`span of ${JSON.stringify(l.text)} of ${actor.id}`);
    }
  }
}

export function actorNamed(run: Run, form: string): Actor | undefined {
  return run.actors.find((a) => a.name === form || a.aliases.includes(form));
}

export function mentionTexts(run: Run, actor: Actor): string[] {
  const textOf = new Map(run.docs.map((d) => [d.article.id, d.article.text]));
  return actor.mentions.map((m) => (textOf.get(m.article) ?? '').slice(m.start, m.end));
}
