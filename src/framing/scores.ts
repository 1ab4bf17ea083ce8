/**
 * Per-article scores (`ArticleScores`), each defined so a reader can recompute it:
 *
 * - `loaded`: the outlet's own-voice Loaded_Language and Name_Calling,Labeling findings per
 *   1,000 words. Own voice = the finding has no `quotedBy` and does not sit inside a quote.
 * - `subjective`: share of own-voice sentences (less than half their words inside quotes)
 *   whose sentence-bias probability exceeds `SUBJECTIVE_THRESHOLD`; 0 when there are none.
 * - `voices`: distinct quoted speakers (by actor id, else by the name as written, lower-cased);
 *   quotes with no speaker at all are not counted.
 * - `hyperpartisan`: probability 0 … 1 that the article is hyperpartisan (`hyperpartisan.ts`).
 * - `techniques`: own-voice findings per technique, per 1,000 words (techniques never found are absent).
 * - `quoteShare`: share of the article's words that lie inside quotes, 0 … 1.
 *
 * "Words" are tokens containing a letter or digit.
 */
import type { ArticleScores, Doc, FramingFinding, Quote, Span, Technique } from '../model/index.ts';
import { sentenceBias, sentenceBiasThreshold } from './bias.ts';
import { hyperpartisanProbability } from './hyperpartisan.ts';

/** Techniques that make up `loaded`: the wording itself, the way issue 5 defines loaded language. */
export const LOADED_TECHNIQUES: readonly Technique[] = ['Loaded_Language', 'Name_Calling,Labeling'];

/**
 * A sentence whose words are at least this share inside quotes is the speaker's, not the outlet's.
 * Half: a sentence that is mostly quotation is mostly someone else's wording.
 */
export const QUOTED_SENTENCE_SHARE = 0.5;

/**
 * Sentence-bias probability above which a sentence counts as subjective: the shipped model's
 * threshold, tuned for macro-F1 on held-out BABE folds by `npm run train babe`.
 */
export function subjectiveThreshold(): number {
  return sentenceBiasThreshold();
}

const WORD = /[\p{L}\p{N}]/u;

function inside(span: Span, quotes: readonly Span[]): boolean {
  return quotes.some((q) => span.start >= q.start && span.end <= q.end);
}

function perThousand(count: number, words: number): number {
  return words === 0 ? 0 : (1000 * count) / words;
}

export function scoreArticle(doc: Doc, findings: FramingFinding[], quotes: Quote[]): ArticleScores {
  const articleQuotes = quotes.filter((q) => q.article === doc.article.id);
  const wordTokens = doc.tokens.filter((t) => WORD.test(t.text));
  const words = wordTokens.length;
  const quotedWords = wordTokens.filter((t) => inside(t, articleQuotes)).length;

  const ownVoice = findings.filter((f) => f.article === doc.article.id && f.quotedBy === null && !inside(f, articleQuotes));
  const techniqueCounts: Partial<Record<Technique, number>> = {};
  for (const f of ownVoice) techniqueCounts[f.technique] = (techniqueCounts[f.technique] ?? 0) + 1;
  const techniques: Record<string, number> = {};
  for (const [technique, count] of Object.entries(techniqueCounts)) techniques[technique] = perThousand(count, words);
  const loadedCount = LOADED_TECHNIQUES.reduce((sum, t) => sum + (techniqueCounts[t] ?? 0), 0);

  const threshold = subjectiveThreshold();
  let ownSentences = 0;
  let subjectiveSentences = 0;
  for (const sentence of doc.sentences) {
    const sentenceWords = doc.tokens.slice(sentence.firstToken, sentence.endToken).filter((t) => WORD.test(t.text));
    if (sentenceWords.length === 0) continue;
    const quoted = sentenceWords.filter((t) => inside(t, articleQuotes)).length;
    if (quoted / sentenceWords.length >= QUOTED_SENTENCE_SHARE) continue;
    ownSentences++;
    if (sentenceBias(doc.article.text.slice(sentence.start, sentence.end)) > threshold) subjectiveSentences++;
  }

  const speakers = new Set<string>();
  for (const q of articleQuotes) {
    const key = q.speaker ?? (q.speakerName ? `name:${q.speakerName.toLowerCase()}` : null);
    if (key) speakers.add(key);
  }

  return {
    loaded: perThousand(loadedCount, words),
    subjective: ownSentences === 0 ? 0 : subjectiveSentences / ownSentences,
    voices: speakers.size,
    hyperpartisan: words === 0 ? 0 : hyperpartisanProbability(doc),
    techniques,
    quoteShare: words === 0 ? 0 : quotedWords / words,
  };
}
