/**
 * Share of voice: how many of an article's words each quoted speaker gets, how many remain the
 * outlet's own, and each speaker's side where the article makes it clear.
 *
 * Words are tokens containing a letter or digit (as in the framing scores). A speaker is keyed by
 * actor id, else by the name as written (first spelling, merged case-insensitively), else
 * UNATTRIBUTED_KEY for quotes nobody is credited with.
 *
 * Sides come from the article's own words about the speaker: the outlet's labels for the actor in
 * this article ("jailed opposition leader", "Governor", "the port police commander"), the name as
 * written beside the quote ("the interior minister"), then the speaker's own quotes ("our union").
 * Each text is placed by the earliest side word it contains, so the head of an appositive decides
 * ("the commander of the port police and no relation to the union leader" → security). Words from
 * different sides, or none, leave the speaker "unclear".
 */
import type { Actor, Doc, Quote, Side, VoiceSide } from '../model/index.ts';

/** Key of the quotes no speaker is credited with. */
export const UNATTRIBUTED_KEY = 'unattributed';

export interface SpeakerVoice {
  /** Actor id, else the name as written, else UNATTRIBUTED_KEY. */
  key: string;
  actor: string | null;
  /** Display name: the actor's name, else the name as written. */
  name: string;
  words: number;
  /** Share of the article's words, 0 … 1. */
  share: number;
  side: VoiceSide;
}

export interface ShareOfVoice {
  article: string;
  totalWords: number;
  /** Words outside every quotation: the outlet's own voice. */
  ownWords: number;
  ownShare: number;
  /** Quoted speakers, most words first. */
  speakers: SpeakerVoice[];
}

/**
 * Side words, each with why it places a speaker. Generic roles only, no names. Bare "president",
 * "leader", "spokesman" are not here: they take the side of what they lead ("union leader",
 * "opposition leader"); a bare "President" title alone counts as government (PRESIDENT_TITLE).
 */
const SIDE_WORDS: { side: Exclude<Side, 'unclear'>; pattern: RegExp }[] = [
  // Against those in power; listed before "government" so "anti-government", "critic of the
  // government" are found at their own earlier position.
  {
    side: 'opposition',
    pattern:
      /\b(?:opposition|dissidents?|rebels?|insurgents?|anti-government|critics? of the (?:government|regime))\b/giu,
  },
  // Those in power and their officials; "regime", "strongman" are hostile words for the same.
  {
    side: 'government',
    pattern:
      /\b(?:government|governments|minister|ministers|ministry|governor|mayor|premier|chancellor|cabinet|administration|regime|strong(?:wo)?man|dictator|ruling party|head of state)\b/giu,
  },
  // Workers' organisations and strikers.
  {
    side: 'labour',
    pattern: /\b(?:union|unions|unionists?|trade unionists?|strikers?|shop stewards?|strike leaders?)\b/giu,
  },
  // Police and armed forces: the state's force, kept apart because soldiers may turn on it.
  {
    side: 'security',
    pattern:
      /\b(?:police|policemen|policeman|officers?|commander|commanders|soldiers?|troops|army|military|general|gen\.|sergeant|sgt\.|colonel|col\.|lieutenant|guardsmen|national guard)(?!\p{L})/giu,
  },
];

/** A title that is only "President" (or "Vice President") before a name: a head of state or government. */
const PRESIDENT_TITLE = /^(?:vice[- ])?president$/iu;

/** First-person words in a speaker's own quotes that say which side they speak for. */
const OWN_SIDE_WORDS: { side: Exclude<Side, 'unclear'>; pattern: RegExp }[] = [
  { side: 'government', pattern: /\b(?:our|my) (?:government|administration|ministry|cabinet)\b/giu },
  { side: 'opposition', pattern: /\b(?:we in the opposition|(?:our|my) (?:opposition|resistance))\b/giu },
  { side: 'labour', pattern: /\b(?:our|my) (?:union|members|strike|fellow workers)\b/giu },
  { side: 'security', pattern: /\b(?:our|my) (?:troops|soldiers|officers|men in uniform)\b/giu },
];

/** The side the earliest side word of `text` names, with that word. */
function earliestSide(
  text: string,
  words: { side: Exclude<Side, 'unclear'>; pattern: RegExp }[],
): { side: Exclude<Side, 'unclear'>; word: string } | null {
  let best: { side: Exclude<Side, 'unclear'>; word: string; at: number } | null = null;
  for (const { side, pattern } of words) {
    pattern.lastIndex = 0;
    const m = pattern.exec(text);
    if (m && (!best || m.index < best.at)) best = { side, word: m[0], at: m.index };
  }
  return best;
}

/** A speaker's side from the article's labels, the names as written beside their quotes, then their own quotes. */
export function speakerSide(labels: string[], writtenNames: string[], ownQuotes: string[]): VoiceSide {
  const found = new Map<Side, string>();
  const texts = [
    ...labels.map((text) => ({ text, how: 'labelled' })),
    ...writtenNames.map((text) => ({ text, how: 'called' })),
  ];
  for (const { text, how } of texts) {
    const hit = earliestSide(text, SIDE_WORDS);
    const side = hit?.side ?? (PRESIDENT_TITLE.test(text.trim()) ? 'government' : null);
    if (side && !found.has(side)) found.set(side, `${how} “${text.trim()}”`);
  }
  if (found.size === 0) {
    for (const quote of ownQuotes) {
      const hit = earliestSide(quote, OWN_SIDE_WORDS);
      if (hit && !found.has(hit.side)) found.set(hit.side, `says “${hit.word}”`);
    }
  }
  if (found.size === 1) {
    const [[side, reason]] = [...found.entries()] as [[Side, string]];
    return { side, reason };
  }
  if (found.size > 1) {
    return {
      side: 'unclear',
      reason: `the article points two ways: ${[...found.entries()].map(([s, r]) => `${s} (${r})`).join(', ')}`,
    };
  }
  return { side: 'unclear', reason: 'the article gives no role that places them' };
}

function isWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

export function shareOfVoice(doc: Doc, quotes: Quote[], actors: Actor[]): ShareOfVoice {
  const articleId = doc.article.id;
  const own = quotes.filter((q) => q.article === articleId).sort((a, b) => a.start - b.start);
  const words = doc.tokens.filter((t) => isWord(t.text));
  const totalWords = words.length;

  // Words per quote in one pass over tokens and quotes, both in text order; a word inside two
  // overlapping quotes counts for the first only.
  const wordsPerQuote = new Map<Quote, number>();
  let quotedWords = 0;
  let next = 0;
  for (const token of words) {
    while (next < own.length && own[next]!.end <= token.start) next++;
    const quote = own
      .slice(next)
      .find((q) => q.start <= token.start && token.end <= q.end && q.start < token.end);
    if (!quote) continue;
    wordsPerQuote.set(quote, (wordsPerQuote.get(quote) ?? 0) + 1);
    quotedWords++;
  }

  const actorsById = new Map(actors.map((a) => [a.id, a]));
  const byKey = new Map<
    string,
    { key: string; actor: string | null; name: string; words: number; quotes: Quote[]; written: string[] }
  >();
  const keyOfName = new Map<string, string>();
  for (const q of own) {
    let key: string;
    if (q.speaker) key = q.speaker;
    else if (q.speakerName) {
      const folded = q.speakerName.toLowerCase();
      key = keyOfName.get(folded) ?? q.speakerName;
      keyOfName.set(folded, key);
    } else key = UNATTRIBUTED_KEY;
    const entry =
      byKey.get(key) ??
      byKey
        .set(key, {
          key,
          actor: q.speaker,
          name:
            (q.speaker ? actorsById.get(q.speaker)?.name : undefined) ?? q.speakerName ?? UNATTRIBUTED_KEY,
          words: 0,
          quotes: [],
          written: [],
        })
        .get(key)!;
    entry.words += wordsPerQuote.get(q) ?? 0;
    entry.quotes.push(q);
    if (q.speakerName && !entry.written.includes(q.speakerName)) entry.written.push(q.speakerName);
  }

  const denominator = Math.max(1, totalWords);
  const speakers = [...byKey.values()]
    .map((e): SpeakerVoice => {
      const actor = e.actor ? actorsById.get(e.actor) : undefined;
      const labels = (actor?.labels ?? [])
        .filter((l) => l.article === articleId && l.quotedBy === null)
        .sort((a, b) => a.start - b.start)
        .map((l) => l.text);
      const side =
        e.key === UNATTRIBUTED_KEY
          ? { side: 'unclear' as const, reason: 'nobody is credited with these words' }
          : speakerSide(
              labels,
              e.written,
              e.quotes.map((q) => q.text),
            );
      return { key: e.key, actor: e.actor, name: e.name, words: e.words, share: e.words / denominator, side };
    })
    .sort((a, b) => b.words - a.words || a.name.localeCompare(b.name));
  const ownWords = totalWords - quotedWords;
  return {
    article: articleId,
    totalWords,
    ownWords,
    ownShare: totalWords === 0 ? 1 : ownWords / totalWords,
    speakers,
  };
}

/** The share of voice as `ArticleScores` keys (voiceShare, voiceWords, ownVoice, voiceSides). */
export function voiceScores(v: ShareOfVoice): {
  voiceShare: Record<string, number>;
  voiceWords: Record<string, number>;
  ownVoice: number;
  voiceSides: Record<string, VoiceSide>;
} {
  const round = (x: number): number => Math.round(x * 10_000) / 10_000;
  return {
    voiceShare: Object.fromEntries(v.speakers.map((s) => [s.key, round(s.share)])),
    voiceWords: Object.fromEntries(v.speakers.map((s) => [s.key, s.words])),
    ownVoice: round(v.ownShare),
    voiceSides: Object.fromEntries(v.speakers.map((s) => [s.key, s.side])),
  };
}
