/**
 * Figures derived from a Comparison that more than one renderer shows: outlet names, the
 * share of voice per article, the label table and the strongest framing findings.
 */
import type { Article, Comparison, FramingFinding, Label, VoiceSide } from '../model/index.ts';
import { isListed, listingTier } from '../framing/listing.ts';
import { articleName } from '../text/names.ts';

/**
 * The name a reader knows an article by: the rule of src/text/names.ts, the same one the
 * alignment explanations use, so a heading and an explanation never name one article two ways.
 */
export function outletName(article: Article): string {
  return articleName(article);
}

export interface Voice {
  /** The key in `scores[article].voiceShare`: an actor id, else the name as written. */
  key: string;
  /** Actor id, or null when the speaker is not a known actor. */
  actor: string | null;
  name: string;
  words: number;
  /** Share of the article's words, 0 … 1. */
  share: number;
  /** The speaker's side as the article presents it, and why; null when the report has none. */
  side: VoiceSide | null;
}

export interface ArticleVoices {
  article: string;
  /** False when the report carries no share-of-voice figures for this article (an older report). */
  known: boolean;
  /** Share of words outside any quotation: the outlet's own voice. */
  ownShare: number;
  /** Quoted speakers, most words first. */
  speakers: Voice[];
}

/**
 * Who speaks in each article and how much of it, as the quotes stage measured it
 * (`scores[article].voiceShare`, `voiceWords`, `ownVoice`, `voiceSides`); nothing is recounted here.
 */
export function voicesByArticle(c: Comparison): ArticleVoices[] {
  const actorNames = new Map(c.actors.map((a) => [a.id, a.name]));
  return c.articles.map((article) => {
    const scores = c.scores[article.id];
    const shares = scores?.voiceShare;
    if (!shares || typeof scores.ownVoice !== 'number') return { article: article.id, known: false, ownShare: 0, speakers: [] };
    const speakers = Object.entries(shares)
      .map(([key, share]): Voice => {
        const actor = actorNames.has(key) ? key : null;
        return {
          key,
          actor,
          name: actorNames.get(key) ?? key,
          words: scores.voiceWords?.[key] ?? 0,
          share,
          side: scores.voiceSides?.[key] ?? null,
        };
      })
      .sort((a, b) => b.share - a.share || a.name.localeCompare(b.name));
    return { article: article.id, known: true, ownShare: scores.ownVoice, speakers };
  });
}

export interface LabelCell {
  text: string;
  /** The speaker when the label sits inside a quotation, null in the outlet's own voice. */
  quotedBy: string | null;
  polarity: number;
}

export interface LabelRow {
  actor: string;
  name: string;
  /** Per article id, the distinct labels in order of appearance. */
  cells: Record<string, LabelCell[]>;
}

/**
 * The words before an attributive label that tie it to its actor — a determiner or possessive
 * pronoun with any capitalised words after it ("the Maduro ", "his "), or a name with a
 * possessive mark ("Maduro’s ") — so the table reads "Maduro’s police thugs", the actor's group,
 * not "police thugs" as if the actor were called that.
 */
const ATTRIBUTIVE_LEAD =
  /(?:\b(?:[Tt]he|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:\p{Lu}[\p{L}-]*\s+){0,3}|(?:\p{Lu}[\p{L}-]*\s+){0,2}\p{Lu}[\p{L}-]*(?:’s|'s|’|')\s+)$/u;

/** How a label reads in the table: an attributive one with the words that tie it to its actor. */
function labelWording(label: Label, articleText: string): string {
  if (label.kind !== 'attributive') return label.text;
  const lead = ATTRIBUTIVE_LEAD.exec(articleText.slice(Math.max(0, label.start - 60), label.start));
  if (!lead) return label.text;
  const words = lead[0].replace(/\s+/g, ' ').replace(/^(The|This|That|His|Her|Its|Their)\b/, (w) => w.toLowerCase());
  return `${words}${label.text}`;
}

/** A bare courtesy title ("Mr.", "Mrs", "Ms."): house style, not how an outlet describes someone. */
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Messrs|Mme|Mlle)\.?$/;

/** Whether every word of `inner` occurs in `outer`, ignoring case. */
function wordsWithin(inner: string, outer: string): boolean {
  const words = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}’'-]+/u).filter(Boolean);
  const outerWords = new Set(words(outer));
  return words(inner).every((w) => outerWords.has(w));
}

/** Actor × outlet label table; actors without any label are left out. */
export function labelTable(c: Comparison): LabelRow[] {
  const rows: LabelRow[] = [];
  const texts = new Map(c.articles.map((a) => [a.id, a.text]));
  for (const actor of c.actors) {
    if (actor.labels.length === 0) continue;
    const cells: Record<string, LabelCell[]> = {};
    for (const label of [...actor.labels].sort((a, b) => a.start - b.start)) {
      if (HONORIFIC.test(label.text)) continue;
      const list = (cells[label.article] ??= []);
      const text = labelWording(label, texts.get(label.article) ?? '');
      // One wording inside another ("jailed opposition leader", "Jailed Venezuelan opposition
      // leader") is one label: the cell keeps the fuller one, in the place of the first.
      const same = list.find((l) => l.quotedBy === label.quotedBy && (wordsWithin(l.text, text) || wordsWithin(text, l.text)));
      if (!same) list.push({ text, quotedBy: label.quotedBy, polarity: label.polarity });
      else if (wordsWithin(same.text, text) && !wordsWithin(text, same.text)) same.text = text;
    }
    if (Object.keys(cells).length > 0) rows.push({ actor: actor.id, name: actor.name, cells });
  }
  return rows;
}

/** The speaker's display name for a `quotedBy` value (an actor id or a name as written). */
export function speakerDisplayName(c: Comparison, quotedBy: string): string {
  return c.actors.find((a) => a.id === quotedBy)?.name ?? quotedBy;
}

/**
 * Findings strong enough to list (src/framing/listing.ts): the outlets' own voice first, then by
 * listing tier (a sentence that reads as biased, a word experts would mark), then by score; the
 * rest stay in the JSON report.
 */
export function topFindings(c: Comparison, limit: number): FramingFinding[] {
  return c.framing
    .filter(isListed)
    .sort(
      (a, b) =>
        Number(a.quotedBy !== null) - Number(b.quotedBy !== null) ||
        listingTier(b) - listingTier(a) ||
        b.score - a.score ||
        a.start - b.start,
    )
    .slice(0, limit);
}

/**
 * What an alignment's explanation tells the reader beyond the brief item it belongs to: the
 * whole explanation when it does not restate the item, else what follows the restated item
 * ("Harbour Herald adds “damaging a loading crane”."); null when nothing does (an explanation
 * that only restates the item, or "Only X reports: <item> — the other outlet does not report it").
 */
export function beyondItem(explanation: string, itemText: string): string | null {
  const core = itemText
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/\s*…\s*$/, '')
    .trim();
  if (core.length === 0) return null;
  // A disputed item is its explanation: nothing more to show.
  if (explanation.trim() === itemText.trim()) return null;
  const at = explanation.indexOf(core);
  // Only an explanation that opens by restating the item ("… both report: <item>") is cut;
  // one that quotes the item beside another claim is shown whole.
  if (at < 0 || !/reports?:\s*$/.test(explanation.slice(0, at))) return explanation;
  const after = explanation.slice(at + core.length).replace(/^[\s.…]+/, '');
  if (after.length === 0 || OMISSION_TAIL.test(after)) return null;
  const rest = after.replace(/^—\s*/, '');
  // "the article by …" starts a sentence capitalised; a name styled "teleSUR" keeps its style.
  return /^\p{Ll}+\b/u.test(rest) && !/^\S*\p{Lu}/u.test(rest) ? rest.charAt(0).toUpperCase() + rest.slice(1) : rest;
}

/** How every "only in" explanation ends ("— the other outlet does not report it."). */
const OMISSION_TAIL = /^—\s*the other outlets? (?:does|do) not report it\.?$/;
