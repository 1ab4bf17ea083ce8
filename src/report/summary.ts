/**
 * Figures derived from a Comparison that more than one renderer shows: outlet names, the
 * share of voice per article, the label table and the strongest framing findings.
 */
import type { Article, Comparison, FramingFinding } from '../model/index.ts';
import { articleName } from '../text/names.ts';

/**
 * The name a reader knows an article by: the rule of src/text/names.ts, the same one the
 * alignment explanations use, so a heading and an explanation never name one article two ways.
 */
export function outletName(article: Article): string {
  return articleName(article);
}

export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

export interface Voice {
  /** Actor id, or null when the quote has no resolved speaker. */
  actor: string | null;
  name: string;
  words: number;
  /** Share of the article's words, 0 … 1. */
  share: number;
}

export interface ArticleVoices {
  article: string;
  totalWords: number;
  /** Words outside any quotation: the outlet's own voice. */
  ownWords: number;
  ownShare: number;
  /** Quoted speakers, most words first. */
  speakers: Voice[];
}

/** Who speaks in each article and how much of it, in words. */
export function voicesByArticle(c: Comparison): ArticleVoices[] {
  const actorNames = new Map(c.actors.map((a) => [a.id, a.name]));
  return c.articles.map((article) => {
    const totalWords = Math.max(1, countWords(article.text));
    const bySpeaker = new Map<string, Voice>();
    let quotedWords = 0;
    for (const q of c.quotes) {
      if (q.article !== article.id) continue;
      const words = countWords(article.text.slice(q.start, q.end));
      quotedWords += words;
      const name = (q.speaker ? actorNames.get(q.speaker) : undefined) ?? q.speakerName ?? 'unattributed';
      const key = q.speaker ?? `name:${name.toLowerCase()}`;
      const voice = bySpeaker.get(key) ?? { actor: q.speaker, name, words: 0, share: 0 };
      voice.words += words;
      bySpeaker.set(key, voice);
    }
    const speakers = [...bySpeaker.values()]
      .map((v) => ({ ...v, share: v.words / totalWords }))
      .sort((a, b) => b.words - a.words || a.name.localeCompare(b.name));
    const ownWords = Math.max(0, totalWords - quotedWords);
    return { article: article.id, totalWords, ownWords, ownShare: ownWords / totalWords, speakers };
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

/** Actor × outlet label table; actors without any label are left out. */
export function labelTable(c: Comparison): LabelRow[] {
  const rows: LabelRow[] = [];
  for (const actor of c.actors) {
    if (actor.labels.length === 0) continue;
    const cells: Record<string, LabelCell[]> = {};
    for (const label of [...actor.labels].sort((a, b) => a.start - b.start)) {
      const list = (cells[label.article] ??= []);
      const key = label.text.toLowerCase();
      if (!list.some((l) => l.text.toLowerCase() === key && l.quotedBy === label.quotedBy)) {
        list.push({ text: label.text, quotedBy: label.quotedBy, polarity: label.polarity });
      }
    }
    rows.push({ actor: actor.id, name: actor.name, cells });
  }
  return rows;
}

/** The speaker's display name for a `quotedBy` value (an actor id or a name as written). */
export function speakerDisplayName(c: Comparison, quotedBy: string): string {
  return c.actors.find((a) => a.id === quotedBy)?.name ?? quotedBy;
}

/** Findings in the outlets' own voice first, then by score. */
export function topFindings(c: Comparison, limit: number): FramingFinding[] {
  return [...c.framing]
    .sort(
      (a, b) =>
        Number(a.quotedBy !== null) - Number(b.quotedBy !== null) || b.score - a.score || a.start - b.start,
    )
    .slice(0, limit);
}

/**
 * True when an alignment's explanation tells the reader more than the brief item it belongs
 * to; explanations that merely restate the item ("Only X reports: <item>") are left out.
 */
export function addsToItem(explanation: string, itemText: string): boolean {
  const core = itemText
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/\s*…\s*$/, '')
    .trim();
  return core.length > 0 && !explanation.includes(core);
}
