/**
 * The actors stage: one actor per real-world person, organisation or place across the
 * articles of a comparison, with every mention, the labels each outlet attaches, and each
 * outlet's stance.
 *
 * 1. cluster entity mentions within and across articles (resolve.ts);
 * 2. name each actor by its most complete form; id = slug of that name;
 * 3. find labels around the mentions (labels.ts), `quotedBy` from the quotes: the speakerName of
 *    the Quote whose span holds the label, or "unattributed" when the label sits between quotation
 *    marks that no Quote covers (scare quotes, fragments) — either way not the outlet's voice;
 * 4. stance per article from own-voice labels and nearby evaluative words (stance.ts).
 *
 * Mentions are names only (no pronouns, no "the governor"); ids are slugs of the canonical name,
 * made unique with "-2", "-3" in the rare case two actors share one.
 */
import type { Actor, Doc, Label, Quote } from '../model/index.ts';
import { normalizeWord, slugify } from '../language/index.ts';
import { findQuotedPassages, PHRASE_PREPOSITIONS } from '../quotes/index.ts';
import { findLabels, type ActorMentionRef } from './labels.ts';
import { resolveDrafts, type ActorDraft } from './resolve.ts';
import { stanceOf } from './stance.ts';

export { STANCE_WINDOW_TOKENS } from './stance.ts';

export function resolveActors(docs: Doc[], quotes: Quote[]): Actor[] {
  const drafts = resolveDrafts(docs);
  const actors: Actor[] = drafts.map((draft) => skeleton(draft));
  uniqueIds(actors);
  for (const doc of docs) {
    const article = doc.article.id;
    const mentions: ActorMentionRef[] = [];
    actors.forEach((actor, index) => {
      for (const m of actor.mentions)
        if (m.article === article)
          mentions.push({
            actor: index,
            start: m.start,
            end: m.end,
            person: actor.type === 'person',
            place: actor.type === 'place',
          });
    });
    mentions.sort((a, b) => a.start - b.start);
    const articleQuotes = quotes.filter((q) => q.article === article);
    const quoted = findQuotedPassages(doc.article.text).map((p) => ({ start: p.start, end: p.end }));
    for (const { actor, label } of findLabels(doc, mentions, articleQuotes, quoted))
      actors[actor].labels.push(label);
    actors.forEach((actor, index) => {
      const own = mentions.filter((m) => m.actor === index);
      if (own.length === 0) return;
      const labels = actor.labels.filter((l: Label) => l.article === article);
      const { stance, evidence } = stanceOf(doc, own, labels, quoted, mentions);
      actor.stance[article] = stance;
      actor.stanceEvidence.push(...evidence);
    });
  }
  return actors.sort((a, b) => b.mentions.length - a.mentions.length || a.id.localeCompare(b.id));
}

/** Most complete form: most words, then most diacritics (the original spelling), then most frequent. */
function canonicalName(draft: ActorDraft): string {
  const counts = new Map<string, number>();
  for (const m of draft.mentions) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  const wordsOf = (s: string) => s.split(/\s+/).length;
  // diacritics written: "Nicolás" (1) over "Nicolas" (0)
  const marks = (s: string) => (s.normalize('NFD').match(/\p{M}/gu) ?? []).length;
  const acronym = (s: string) => /^(?:\p{Lu}\.?){2,6}$/u.test(s);
  return [...counts.keys()].sort(
    (a, b) =>
      Number(acronym(a)) - Number(acronym(b)) ||
      wordsOf(b) - wordsOf(a) ||
      marks(b) - marks(a) ||
      (counts.get(b) ?? 0) - (counts.get(a) ?? 0) ||
      a.localeCompare(b),
  )[0];
}

function skeleton(draft: ActorDraft): Actor {
  const name = canonicalName(draft);
  const aliases = new Map<string, string>();
  for (const m of draft.mentions) {
    if (m.text === name) continue;
    const key = m.text;
    if (!aliases.has(key)) aliases.set(key, m.text);
  }
  return {
    id: slugify(name),
    name,
    type: draft.type,
    aliases: [...aliases.values()],
    mentions: draft.mentions.map(({ article, start, end }) => ({ article, start, end })),
    labels: [],
    stance: {},
    stanceEvidence: [],
  };
}

function uniqueIds(actors: Actor[]): void {
  const seen = new Map<string, number>();
  for (const actor of actors) {
    const count = seen.get(actor.id) ?? 0;
    seen.set(actor.id, count + 1);
    if (count > 0) actor.id = `${actor.id}-${count + 1}`;
  }
}

/** Words of a speaker name without titles: "Sgt. Flores Ortiz" → ["flores", "ortiz"]. */
function nameWords(name: string): string[] {
  return normalizeWord(name)
    .split(/\s+/)
    .filter((w) => w !== '' && !/\.$/.test(w) && !TITLE_WORDS.has(w));
}
const TITLE_WORDS = new Set([
  'president',
  'general',
  'sergeant',
  'first',
  'minister',
  'governor',
  'dr',
  'mr',
  'mrs',
  'ms',
  'senator',
  'judge',
  'the',
]);

/**
 * Fill `Quote.speaker` with the actor id whose mention is the speaker span, else whose name
 * or alias matches the speaker as written (a surname alone resolves to the actor with that
 * name part mentioned most recently before the quote in the same article).
 */
export function attributeQuotes(quotes: Quote[], actors: Actor[]): Quote[] {
  return quotes.map((quote) => {
    if (quote.speaker) return quote;
    const span = quote.speakerSpan;
    const owner =
      span && ownersWords(quote.speakerName) ? latestPersonBefore(actors, quote.article, span.start) : null;
    if (owner) return { ...quote, speaker: owner.id };
    if (span) {
      const byMention = actors.find((a) =>
        a.mentions.some((m) => m.article === quote.article && m.start < span.end && span.start < m.end),
      );
      if (byMention) return { ...quote, speaker: byMention.id };
    }
    if (!quote.speakerName) return quote;
    const byDescription = describedSpeaker(quote, actors);
    if (byDescription) return { ...quote, speaker: byDescription.id };
    const wanted = nameWords(quote.speakerName);
    if (wanted.length === 0) return quote;
    const key = wanted.join(' ');
    const inArticle = actors.filter((a) => a.mentions.some((m) => m.article === quote.article));
    const hasForm = (a: Actor) => [a.name, ...a.aliases].some((n) => normalizeWord(n) === key);
    // a full name settles it; a one-word name ("López") may fit two people of the article
    const exact = wanted.length >= 2 ? (inArticle.find(hasForm) ?? actors.find(hasForm)) : undefined;
    if (exact) return { ...quote, speaker: exact.id };
    const matching = inArticle.filter((a) => {
      const words = [a.name, ...a.aliases].flatMap((n) => normalizeWord(n).split(/\s+/));
      return a.type !== 'place' && wanted.every((w) => words.includes(w));
    });
    const latestBefore = (a: Actor) =>
      Math.max(
        -1,
        ...a.mentions
          .filter((m) => m.article === quote.article && m.start <= quote.start)
          .map((m) => m.start),
      );
    const chosen = matching.sort((a, b) => latestBefore(b) - latestBefore(a))[0];
    return chosen ? { ...quote, speaker: chosen.id } : quote;
  });
}

/**
 * Things that carry their owner's words: in "his latest posts on Twitter emphasize …" the voice is
 * his, not Twitter's; "his lawyer said" is another person and is not matched here.
 */
const OWNERS_WORDS = new Set([
  'post',
  'posts',
  'tweet',
  'tweets',
  'statement',
  'statements',
  'letter',
  'message',
  'messages',
  'video',
  'remarks',
  'speech',
  'account',
  'website',
  'blog',
  'book',
  'memoir',
  'article',
  'column',
  'office',
  'campaign',
  'testimony',
  'filing',
  'lawsuit',
]);

/** "His latest posts on Twitter": a possessive pronoun, then one of OWNERS_WORDS before any preposition. */
function ownersWords(phrase: string | null): boolean {
  const words = (phrase ?? '').toLowerCase().split(/\s+/);
  if (!/^(?:his|her|their)$/.test(words[0] ?? '')) return false;
  const cut = words.findIndex((w, i) => i > 0 && PHRASE_PREPOSITIONS.has(w));
  return words.slice(1, cut < 0 ? undefined : cut).some((w) => OWNERS_WORDS.has(w));
}

/** The person named last before `offset` in the article: whom a possessive pronoun points back to. */
function latestPersonBefore(actors: Actor[], article: string, offset: number): Actor | null {
  let best: Actor | null = null;
  let bestAt = -1;
  for (const actor of actors) {
    if (actor.type !== 'person') continue;
    for (const m of actor.mentions)
      if (m.article === article && m.end <= offset && m.start > bestAt) [best, bestAt] = [actor, m.start];
  }
  return best;
}

/** "the governor", "the commander": the one actor of the article whose label ends in that noun. */
function describedSpeaker(quote: Quote, actors: Actor[]): Actor | null {
  const match = /^(?:the|this|that)\s+(.+)$/i.exec(quote.speakerName ?? '');
  if (!match) return null;
  const noun = normalizeWord(match[1]).split(/\s+/).pop() ?? '';
  const described = actors.filter((a) =>
    a.labels.some(
      (l) =>
        l.article === quote.article &&
        l.kind !== 'attributive' &&
        normalizeWord(l.text).split(/\s+/).pop() === noun,
    ),
  );
  if (described.length === 1) return described[0]!;
  if (described.length > 1) return null;
  // "the union": the one organisation whose name ends in that word ("Dockworkers’ Solidarity
  // Union"), named in this article, else in any article of the comparison (one story).
  const named = actors.filter((a) => a.type === 'organization' && normalizeWord(a.name).split(/\s+/).pop() === noun);
  const here = named.filter((a) => a.mentions.some((m) => m.article === quote.article));
  if (here.length === 1) return here[0]!;
  return here.length === 0 && named.length === 1 ? named[0]! : null;
}
