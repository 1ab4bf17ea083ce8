/**
 * Claim extraction: the clause-level statements of an article, each with its actors, quantities,
 * dates, main predicate, negation, hedging and attribution.
 *
 * A sentence is cut into clauses where a comma or semicolon is followed by a connective that
 * opens a new clause (", when …", "; but …", ", for which …") and both sides have a verb.
 * Skipped: questions, fragments without a verb (headlines, captions), promotional lines, a last
 * sentence cut off by an ellipsis (a feed's teaser: "The board voted 7..."), and sentences made
 * mostly of quoted words (those are voices: see src/quotes).
 */
import type {
  Actor,
  Attribution,
  Claim,
  DateMention,
  Doc,
  Quantity,
  Quote,
  Span,
  Token,
} from '../model/index.ts';
import { reportVerbLemma } from '../quotes/index.ts';
import { hedgeOf } from './lexicon.ts';

/** Fewer word tokens than this is a fragment, not a claim ("He said so."). */
export const MIN_CLAIM_WORDS = 4;
/** A clause split leaves at least this many words on each side. */
const MIN_CLAUSE_WORDS = 4;
/**
 * A sentence whose characters are at least this share inside quotation marks is a voice, not a
 * claim of the outlet or a summary of a source. Chosen so that "“…,” Lopez said." (≥ 0.8) is
 * skipped and a sentence with a partial quote ("called the plan “reckless”", ≤ 0.3) is kept.
 */
export const QUOTED_SHARE_MAX = 0.6;

/** Connectives after a comma/semicolon that open a new clause. */
const CLAUSE_OPENERS = new Set([
  'and',
  'but',
  'while',
  'whereas',
  'when',
  'although',
  'though',
  'after',
  'before',
  'since',
  'so',
  'yet',
  'for',
]);
/** Coordinators that join verb phrases as often as clauses: split only before a new subject. */
const COORDINATORS = new Set(['and', 'but', 'yet', 'so']);
const SUBJECT_POS = new Set(['PRON', 'PROPN', 'NOUN', 'DET', 'NUM']);
const PROMO =
  /^(?:exclusive|related|read more|watch|listen|share this|follow|sign up|subscribe|comments are closed)\b/i;
/** A sentence ending in an ellipsis; as the article's last sentence it is a teaser cut short. */
const CUT_SHORT = /(?:\.\.\.|…|\[(?:…|\.\.\.)\])["”’)]*$/;
/** Words that negate a clause ("did not", "nobody was"). */
export const NEGATIONS = new Set([
  'not',
  "n't",
  'never',
  'no',
  'nobody',
  'none',
  'nothing',
  'neither',
  'nor',
  'cannot',
]);
/** Generic plural sources: "critics say …", "officials said …" → an unnamed attribution. */
const UNNAMED_SOURCES =
  /\b(critics|witnesses|officials|sources|analysts|observers|residents|experts|opponents|supporters|activists|organi[sz]ers|diplomats|insiders|people familiar with [\w\s]+?|some|many|others|an? (?:senior |government |police |party |company )?(?:official|source|spokesman|spokeswoman|spokesperson|aide|insider|diplomat|witness)|one (?:official|source|witness))\s+(?:who [^,]{1,60},\s+)?(?:have\s+|had\s+|has\s+)?(say|says|said|claim|claims|claimed|allege|alleged|believe|believed|argue|argued|contend|warn|warned|report|reported|told|fear)\b/i;
const ACCORDING_TO = /\baccording to\s+((?:the\s+)?[^,.;]{2,80}?)(?=[,.;]|$)/i;

function isWord(token: Token): boolean {
  return (
    token.pos !== 'PUNCT' && token.pos !== 'SPACE' && token.pos !== 'SYM' && /[\p{L}\p{N}]/u.test(token.text)
  );
}

/** A verb or auxiliary; a capitalised word inside the stretch ("D-Miss.", "Will Smith") is a name, whatever its tag. */
function hasVerb(tokens: Token[]): boolean {
  return tokens.some((t, i) => (t.pos === 'VERB' || t.pos === 'AUX') && (i === 0 || !/^\p{Lu}/u.test(t.text)));
}

/**
 * Does a subject (a nominal) come before a finite verb from `from` on? "…, and the council
 * reopened" opens a clause; "…, and armored tanks to intimidate" continues a list.
 */
function opensWithSubject(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') return false;
    if (SUBJECT_POS.has(t.pos) && t.pos !== 'DET') {
      for (let j = i + 1; j < to; j++) {
        const u = tokens[j]!;
        if (u.pos === 'VERB' || u.pos === 'AUX') return tokens[j - 1]?.norm !== 'to';
      }
      return false;
    }
  }
  return false;
}

/** Clause ranges (token indices) of one sentence. */
function clausesOf(tokens: Token[], from: number, to: number): [number, number][] {
  const clauses: [number, number][] = [];
  let start = from;
  for (let i = from + 1; i < to - 1; i++) {
    const t = tokens[i]!;
    if (t.text !== ',' && t.text !== ';') continue;
    const next = tokens[i + 1]!;
    if (t.text === ',' && !CLAUSE_OPENERS.has(next.norm)) continue;
    const left = tokens.slice(start, i);
    const right = tokens.slice(i + 1, to);
    if (left.filter(isWord).length < MIN_CLAUSE_WORDS || right.filter(isWord).length < MIN_CLAUSE_WORDS)
      continue;
    if (!hasVerb(left) || !hasVerb(right)) continue;
    // "…, and kill peaceful protesters" continues a verb list; "…, and the union said …" is a clause.
    if (COORDINATORS.has(next.norm) && !opensWithSubject(tokens, i + 2, to)) continue;
    // ", for which …" opens a clause; ", for two years" does not.
    if (next.norm === 'for' && tokens[i + 2]?.norm !== 'which') continue;
    clauses.push([start, i]);
    start = i + 1;
  }
  clauses.push([start, to]);
  return clauses;
}

function quotedShare(span: Span, quotes: Quote[]): number {
  let inside = 0;
  for (const q of quotes)
    inside += Math.max(0, Math.min(span.end, q.end + 1) - Math.max(span.start, q.start - 1));
  return inside / Math.max(1, span.end - span.start);
}

function within<T extends Span>(items: T[], span: Span): T[] {
  return items.filter((x) => x.start >= span.start && x.end <= span.end);
}

function attributionOf(
  text: string,
  span: Span,
  quotes: Quote[],
  actors: Actor[],
  articleId: string,
): Attribution {
  const quote = quotes.find((q) => q.start < span.end && q.end > span.start && q.speakerName);
  if (quote) return { kind: 'named', name: quote.speakerName!, actor: quote.speaker };
  const clause = text.slice(span.start, span.end);
  const according = ACCORDING_TO.exec(clause);
  if (according)
    return named(
      according[1]!.trim(),
      span.start + according.index + according[0].length - according[1]!.length,
      actors,
      articleId,
    );
  const unnamed = UNNAMED_SOURCES.exec(clause);
  if (unnamed) return { kind: 'unnamed', cue: unnamed[0] };
  return { kind: 'outlet' };
}

function named(name: string, at: number, actors: Actor[], articleId: string): Attribution {
  const actor = actors.find((a) =>
    a.mentions.some((m) => m.article === articleId && m.start <= at + 2 && m.end >= at),
  );
  return { kind: 'named', name, actor: actor?.id ?? null };
}

/** "X said (that) …" with X a person or organisation mentioned just before the verb. */
function speechAttribution(doc: Doc, tokens: Token[], actors: Actor[]): Attribution | null {
  const clauseStart = tokens[0]?.start ?? 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.pos !== 'VERB' || !SPEECH_CUES.has(reportVerbLemma(t.text) ?? '')) continue;
    // "called for a rebellion", "called on the military": an act the outlet reports, not speech it relays.
    if (tokens[i + 1]?.pos === 'ADP' && tokens[i + 1]?.norm !== 'that') continue;
    const speakers = doc.entities.filter(
      (e) => (e.type === 'person' || e.type === 'organization') && e.start >= clauseStart && e.end <= t.start,
    );
    // Right before the verb ("Ortega said"), or the clause's subject before an appositive
    // ("Gen. Salas Ibarra, the commander of the port police, said").
    const entity =
      speakers.filter((e) => t.start - e.end <= SPEAKER_MAX_GAP).at(-1) ??
      speakers.find((e) => e.start - clauseStart <= SUBJECT_MAX_OFFSET);
    if (entity) return named(entity.text, entity.start, actors, doc.article.id);
    const prev = tokens[i - 1];
    if (prev && (prev.norm === 'he' || prev.norm === 'she')) return null; // resolved by quotes, not here
  }
  return null;
}

/** Verbs that relay what someone said (as opposed to acts like "called for", "demanded"). */
const SPEECH_CUES = new Set([
  'say',
  'tell',
  'claim',
  'allege',
  'insist',
  'argue',
  'add',
  'state',
  'report',
  'deny',
  'warn',
  'write',
  'accuse',
  'assert',
  'contend',
  'explain',
  'announce',
  'confirm',
  'admit',
  'acknowledge',
  'suggest',
  'estimate',
  'predict',
  'maintain',
  'testify',
  'tweet',
]);

/** Characters between a speaker's name and its verb ("Ortega, his lawyer, said" fits). */
const SPEAKER_MAX_GAP = 40;
/** A name this close to the clause start (characters; room for a title such as "Gen. ") is the clause's subject. */
const SUBJECT_MAX_OFFSET = 8;

function predicateOf(tokens: Token[]): string | null {
  const verbs = tokens.filter((t) => t.pos === 'VERB');
  const main = verbs.find((t) => !reportVerbLemma(t.text)) ?? verbs[0] ?? tokens.find((t) => t.pos === 'AUX');
  return main ? main.lemma.toLowerCase() : null;
}

export function extractClaims(doc: Doc, actors: Actor[], quotes: Quote[]): Claim[] {
  const { article, tokens } = doc;
  const text = article.text;
  const ownQuotes = quotes.filter((q) => q.article === article.id);
  const claims: Claim[] = [];
  for (const sentence of doc.sentences) {
    const sentenceText = text.slice(sentence.start, sentence.end).trim();
    if (!sentenceText || /\?["”’)]*$/.test(sentenceText) || PROMO.test(sentenceText)) continue;
    if (sentence === doc.sentences.at(-1) && CUT_SHORT.test(sentenceText)) continue;
    if (quotedShare(sentence, ownQuotes) >= QUOTED_SHARE_MAX) continue;
    for (const [from, to] of clausesOf(tokens, sentence.firstToken, sentence.endToken)) {
      let first = from;
      let last = to - 1;
      // Leading punctuation goes, except an opening quote mark whose closing mark is in the
      // clause: "“We marched …,” said Ferrer" keeps both marks, so the claim reads as quoted.
      const opensQuote = (i: number): boolean =>
        /^[“"]$/.test(tokens[i]!.text) && tokens.slice(i + 1, last + 1).some((t) => /^[”"]$/.test(t.text));
      while (first <= last && (tokens[first]!.pos === 'PUNCT' || tokens[first]!.pos === 'SPACE') && !opensQuote(first)) first++;
      while (last >= first && tokens[last]!.pos === 'SPACE') last--;
      if (first > last) continue;
      const clauseTokens = tokens.slice(first, last + 1);
      if (clauseTokens.filter(isWord).length < MIN_CLAIM_WORDS || !hasVerb(clauseTokens)) continue;
      const span: Span = { start: clauseTokens[0]!.start, end: clauseTokens.at(-1)!.end };
      const claimActors = actors
        .filter((a) =>
          a.mentions.some((m) => m.article === article.id && m.start >= span.start && m.end <= span.end),
        )
        .map((a) => a.id);
      const attribution =
        attributionOf(text, span, ownQuotes, actors, article.id).kind !== 'outlet'
          ? attributionOf(text, span, ownQuotes, actors, article.id)
          : (speechAttribution(doc, clauseTokens, actors) ?? { kind: 'outlet' as const });
      claims.push({
        id: `${article.id}:c${claims.length + 1}`,
        article: article.id,
        start: span.start,
        end: span.end,
        text: text.slice(span.start, span.end),
        actors: claimActors,
        quantities: within<Quantity>(doc.quantities, span),
        dates: within<DateMention>(doc.dates, span),
        predicate: predicateOf(clauseTokens),
        negated: clauseTokens.some((t) => NEGATIONS.has(t.norm)),
        modality: hedgeOf(clauseTokens),
        attribution,
      });
    }
  }
  return claims;
}
