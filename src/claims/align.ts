/**
 * Claim alignment across the articles of a comparison.
 *
 * Every claim becomes a profile: content lemmas weighted by rarity (src/language/vectors.ts),
 * a rarity-weighted sentence vector, its actors, its quantities and dates. Pairs of claims from
 * different articles are scored once each (a 2×40-claim comparison is 1,600 dot products of
 * 100-d vectors plus set intersections; no per-token loops over pairs). Then:
 *   conflict — a pair about the same thing (score ≥ CONFLICT_MIN_SCORE) whose values differ on
 *              one slot (a duration, a count, a sum — matched by the words around the figure —
 *              or, for close pairs, a date or a place) or whose words characterise it in
 *              opposite terms (ANTONYM_GROUPS; OUTCOME_ANTONYM_GROUPS for close pairs only), or
 *              that negates the other's predicate;
 *   agreed   — the best remaining pairs (score ≥ AGREE_MIN_SCORE, or sharing a weighty verb phrase
 *              with compatible actors: "inciting violence"), one-to-one per article pair,
 *              `partial` when one side covers the other and adds rare words of its own, or
 *              coordinates another item with the shared phrase ("arson and inciting violence");
 *   unique   — claims left over: reported by one article only.
 */
import type { Actor, Alignment, Article, Claim, Doc, Quantity, Token } from '../model/index.ts';
import { KNOWN_COUNTRIES } from '../language/lexicon.ts';
import { cosine, rarityWeight, sentenceVector, wordSimilarity } from '../language/vectors.ts';
import { articleName, capitalised } from '../text/names.ts';
import { NEGATIONS } from './extract.ts';
import { ANTONYM_GROUPS, OUTCOME_ANTONYM_GROUPS } from './lexicon.ts';

/**
 * Minimum pair score for two claims to be the same fact. Tuned by hand on the harbour-strike
 * pair against its gold file: the gold agreements score 0.36 (the assembly's Thursday debate) to
 * 0.69 (Salas's arrest); the wrong pair that remains scores 0.40, so no threshold separates
 * them and 0.30 keeps every true one. Pairs sharing only an actor or the setting score lower.
 */
export const AGREE_MIN_SCORE = 0.3;
/**
 * Minimum pair score for a slot or wording difference to count as a conflict: lower than
 * AGREE_MIN_SCORE because the differing value itself lowers lexical overlap ("13 years" vs
 * "14-year"), but high enough that two unrelated counts are not compared.
 */
export const CONFLICT_MIN_SCORE = 0.2;
/**
 * Dates, places and negation conflict only between near-identical claims: in 60 AllSides story
 * groups (../shared/data/story-groups, a sanity run, no gold) every date or place "conflict" below
 * this score was context ("from 6% in March" / "in April"; Europe / Brussels), not a dispute.
 */
export const CLOSE_PAIR_MIN_SCORE = 0.5;
/**
 * Score weights, set by hand on the two pairs (no training data for alignment): shared rare words
 * are the strongest evidence of one fact; vectors catch paraphrase ("walkout"/"stoppage") but
 * also rate any two protest sentences alike, so they weigh half as much; shared actors and
 * shared kinds of figure only break ties.
 */
const WEIGHT_LEXICAL = 0.5;
const WEIGHT_VECTOR = 0.25;
const WEIGHT_ACTORS = 0.15;
const WEIGHT_SLOTS = 0.1;
/**
 * Cosine between sentence vectors of unrelated news clauses sits around 0.5 (measured on the seed
 * pair's cross-article clause pairs); only the part above it says "same topic".
 */
const VECTOR_BASELINE = 0.5;
/**
 * Below this share of either claim's word weight in common, an agreement rests on word vectors
 * and shared names more than on shared words; it is marked `wordedApart` and its explanation
 * quotes both claims for the reader to judge. Judged by hand on roundup agreements, 21 of 30
 * such were right, against 29 of 30 of the others (docs/EVALUATION.md); see also `sameMainVerb`.
 */
const SAME_WORDING_COVERED = 0.5;
/** An agreed side "adds" to the other when it covers ≥ this share of the other's weight… */
const PARTIAL_COVERED = 0.7;
/**
 * …and has words of its own weighing at least this much: about one rare word ("arson" ≈ 5)
 * or two uncommon ones; a stray common word ("night" ≈ 1.8) is not "reporting more".
 */
const PARTIAL_MIN_EXTRA_WEIGHT = 3;

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);
/** Verbs that only report speech carry no content of the claim ("said", "told", "added"). */
const SPEECH_LEMMAS = new Set([
  'say',
  'tell',
  'add',
  'state',
  'report',
  'claim',
  'note',
  'announce',
  'explain',
  'write',
  'accord',
  'insist',
  'comment',
  'mention',
  'remark',
]);
const LIGHT_LEMMAS = new Set([
  'be',
  'have',
  'do',
  'make',
  'get',
  'take',
  'go',
  'come',
  'also',
  'year',
  'day',
  'time',
  'people',
  'one',
  'last',
  'first',
  'new',
  'other',
]);

interface QuantityAnchor {
  quantity: Quantity;
  /** Content lemmas around the quantity (the counted unit not included). */
  lemmas: Set<string>;
  vector: Float32Array;
  /** What a count counts ("worker"), null for measures and generic units. */
  unit: string | null;
  /** True when an EXPECTATION_WORDS word stands just before the figure ("would add 1 million"). */
  expectation: boolean;
  /** True when the claim reports a resumption (RESUMPTION_WORDS): its figures describe a later moment. */
  resumption: boolean;
  /** How the figure is hedged: "more than 40" is a lower bound, "about 40" an approximation. */
  bound: FigureBound;
  /** True for a change rather than a level: "fell by 92,000", "six more bodies", "an increase of 5". */
  delta: boolean;
  /** The period a rate or amount is over, when the words near it say so ("in the past year"). */
  period: string | null;
  /** A duration naming a window of time ("the past two weeks", "the first 100 days"), not a length. */
  window: boolean;
}

interface Profile {
  claim: Claim;
  anchors: QuantityAnchor[];
  /** Places named after a locative preposition ("held in Geneva"), accent-folded lower case → as written. */
  places: Map<string, string>;
  /** Common-noun lemmas: candidates for the topic named in an explanation. */
  nouns: Set<string>;
  tokens: Token[];
  weights: Map<string, number>;
  total: number;
  vector: Float32Array;
  actors: Set<string>;
  words: Set<string>;
  /** Adjacent content-lemma pairs ("incite violence") → their weight and token index. */
  phrases: Map<string, SharedPhraseSite>;
}

/** A token's content lemma as `contentLemmas` keys it, or null for a function or light word. */
function contentLemmaOf(t: Token): string | null {
  if (!CONTENT_POS.has(t.pos) || !/\p{L}/u.test(t.text)) return null;
  const lemma = t.pos === 'PROPN' ? t.norm : t.lemma.toLowerCase();
  return LIGHT_LEMMAS.has(lemma) || SPEECH_LEMMAS.has(lemma) ? null : lemma;
}

function contentLemmas(tokens: Token[]): string[] {
  return tokens.map(contentLemmaOf).filter((l): l is string => l !== null);
}

/** Tokens of no more than this many between two added words keep them in one stretch ("deaths of 43 people"). */
const ADDED_STRETCH_GAP = 2;

/**
 * What the wider of two agreeing claims adds, as stretches of its own words a reader can find:
 * runs of content words (and figures) the narrower claim lacks, joined across short gaps but
 * never across punctuation, heaviest first (by the words' weights), at most `limit`, in text order.
 */
function addedStretches(wide: Profile, narrow: Profile, limit: number): string[] {
  const { tokens, claim } = wide;
  const narrowFigures = new Set(narrow.tokens.filter((t) => /\d/.test(t.text)).map((t) => t.norm));
  const weightOf = (t: Token): number => {
    if (/\d/.test(t.text)) return narrowFigures.has(t.norm) ? 0 : FIGURE_WEIGHT;
    const lemma = contentLemmaOf(t);
    return lemma && !narrow.weights.has(lemma) ? (wide.weights.get(lemma) ?? 0) : 0;
  };
  const stretches: { first: number; last: number; weight: number }[] = [];
  let open: { first: number; last: number; weight: number } | null = null;
  tokens.forEach((t, i) => {
    if (/^[\p{P}]+$/u.test(t.text) && !/^[-'’%]$/.test(t.text)) open = null;
    const weight = weightOf(t);
    if (weight <= 0) return;
    if (open && i - open.last <= ADDED_STRETCH_GAP + 1) {
      open.last = i;
      open.weight += weight;
    } else {
      open = { first: i, last: i, weight };
      stretches.push(open);
    }
  });
  return stretches
    .sort((a, b) => b.weight - a.weight || a.first - b.first)
    .slice(0, limit)
    .sort((a, b) => a.first - b.first)
    .map(({ first, last }) => {
      // A figure takes the noun it counts along ("43 people"), even a light one.
      const unit = tokens[last + 1];
      const end = /\d/.test(tokens[last]!.text) && unit && (unit.pos === 'NOUN' || unit.pos === 'PROPN') ? unit.end : tokens[last]!.end;
      return claim.text.slice(tokens[first]!.start - claim.start, end - claim.start);
    });
}

/** Weight of a figure the other claim lacks: as heavy as a rare word, since figures are the facts readers check. */
const FIGURE_WEIGHT = 5;

/** The tokens inside a claim, found by binary search (tokens are in text order). */
function tokensIn(doc: Doc, claim: Claim): Token[] {
  const tokens = doc.tokens;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < claim.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Token[] = [];
  for (let i = lo; i < tokens.length && tokens[i]!.start < claim.end; i++)
    if (tokens[i]!.end <= claim.end) out.push(tokens[i]!);
  return out;
}

const LOCATIVES = new Set(['in', 'at', 'to', 'from', 'near', 'outside', 'inside']);

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Without resolved actors, people and organisations are keyed by their last name word. */
function actorKeys(doc: Doc, claim: Claim): Set<string> {
  if (claim.actors.length) return new Set(claim.actors);
  const keys = new Set<string>();
  for (const e of doc.entities) {
    if (e.start < claim.start || e.end > claim.end || (e.type !== 'person' && e.type !== 'organization'))
      continue;
    keys.add(e.text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/\s+/).at(-1)!);
  }
  return keys;
}

/**
 * Weight of a content lemma: its rarity in English (vectors.ts) times its rarity within this
 * comparison, so the setting every claim shares ("Port Veyra", "strike") counts less than what
 * sets one claim apart.
 */
function lemmaWeight(lemma: string, df: Map<string, number>, claimCount: number): number {
  const local = Math.log((claimCount + 1) / ((df.get(lemma) ?? 0) + 0.5)) / Math.log((claimCount + 1) / 1.5);
  return Math.min(MAX_WORD_WEIGHT, rarityWeight(lemma)) * Math.max(0.1, local);
}

function profile(
  doc: Doc,
  claim: Claim,
  tokens: Token[],
  df: Map<string, number>,
  claimCount: number,
): Profile {
  const lemmas = contentLemmas(tokens);
  const weights = new Map<string, number>();
  for (const lemma of lemmas) weights.set(lemma, lemmaWeight(lemma, df, claimCount));
  const nouns = new Set(contentLemmas(tokens.filter((t) => t.pos === 'NOUN')));
  let total = 0;
  for (const w of weights.values()) total += w;
  const resumption = tokens.some((t) => RESUMPTION_WORDS.has(t.norm));
  const anchors = claim.quantities.map((quantity): QuantityAnchor => {
    const at = tokens.findIndex((t) => t.end > quantity.start);
    const after = tokens.findIndex((t) => t.start >= quantity.end);
    const near = [
      ...tokens.slice(Math.max(0, at - ANCHOR_WINDOW), Math.max(0, at)),
      ...(after < 0 ? [] : tokens.slice(after, after + ANCHOR_WINDOW)),
    ];
    const unit = quantity.kind === 'count' && !GENERIC_UNITS.has(quantity.unit) ? quantity.unit : null;
    const lemmas = contentLemmas(near).filter((l) => l !== unit);
    // "had predicted … would add 1 million" and "the 1 million jobs economists expected".
    const expectation = [
      ...tokens.slice(Math.max(0, at - EXPECTATION_WINDOW), Math.max(0, at)),
      ...(after < 0 ? [] : tokens.slice(after, after + EXPECTATION_WINDOW)),
    ].some((t) => EXPECTATION_WORDS.has(t.norm));
    const before = tokens.slice(Math.max(0, at - QUALIFIER_WINDOW), Math.max(0, at)).map((t) => t.norm);
    const next = after < 0 ? [] : tokens.slice(after, after + 2).map((t) => t.norm);
    return {
      quantity,
      lemmas: new Set(lemmas),
      vector: sentenceVector(lemmas),
      unit,
      expectation,
      resumption,
      bound: boundOf(before),
      delta: isDelta(before, next, quantity),
      period: quantity.kind === 'duration' ? null : periodOf(near),
      window: quantity.kind === 'duration' && (WINDOW_WORDS.has(before.at(-1) ?? '') || next[0] === 'average'),
    };
  });
  const places = new Map<string, string>();
  for (const e of doc.entities) {
    if (e.type !== 'place' || e.start < claim.start || e.end > claim.end) continue;
    const preceding = tokens.filter((t) => t.end <= e.start);
    const before = preceding.at(-1);
    // "according to Gasbuddy", "due to Spain" name a source or a cause, not where it happened.
    const phrasal = before?.norm === 'to' && /^(?:according|due|owing|thanks)$/.test(preceding.at(-2)?.norm ?? '');
    if (before && LOCATIVES.has(before.norm) && !phrasal) places.set(fold(e.text), e.text);
  }
  return {
    claim,
    anchors,
    places,
    nouns,
    tokens,
    weights,
    total,
    vector: sentenceVector(tokens.filter((t) => CONTENT_POS.has(t.pos)).map((t) => t.norm)),
    actors: actorKeys(doc, claim),
    words: new Set(tokens.map((t) => t.norm)),
    phrases: phrasesOf(tokens, weights),
  };
}

function lemmaOf(t: Token): string {
  return t.pos === 'PROPN' ? t.norm : t.lemma.toLowerCase();
}

/**
 * Adjacent pairs of content words with a verb and no name ("inciting violence"): the shortest
 * account of an act two outlets can share word for word. Names are left out because shared
 * actors already count in the pair score; pairs without a verb ("customs house", "crane
 * operator") name a thing, not what happened to it.
 */
function phrasesOf(tokens: Token[], weights: Map<string, number>): Map<string, SharedPhraseSite> {
  const phrases = new Map<string, SharedPhraseSite>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const pair = [tokens[i]!, tokens[i + 1]!];
    if (pair.some((t) => !PHRASE_POS.has(t.pos)) || !pair.some((t) => t.pos === 'VERB')) continue;
    const lemmas = pair.map(lemmaOf);
    if (!lemmas.every((l) => weights.has(l))) continue;
    // English rarity only: the comparison-local factor of lemmaWeight would count the phrase's
    // own recurrence in both accounts against it.
    const weight = lemmas.reduce((sum, l) => sum + Math.min(MAX_WORD_WEIGHT, rarityWeight(l)), 0);
    const key = lemmas.join(' ');
    if (!phrases.has(key)) phrases.set(key, { weight, at: i });
  }
  return phrases;
}

interface SharedPhraseSite {
  weight: number;
  /** Index of the phrase's first token in the profile's tokens. */
  at: number;
}

const PHRASE_POS = new Set(['NOUN', 'VERB', 'ADJ']);
/**
 * Least English-rarity weight (rarityWeight, capped) of a shared verb phrase that makes two claims
 * the same act even when the rest of the clauses differ: a rare word with an uncommon one
 * ("incite" 5 + "violence" 2.0 = 7.0), not two everyday ones ("kill" 2.9 + "people" 0.4,
 * "block" 3.0 + "gate" 3.8 = 6.7 stays below). With no floor at all, the seed pair shares one
 * verb phrase below AGREE_MIN_SCORE ("inciting violence") and the harbour pair none.
 */
const PHRASE_MIN_WEIGHT = 6.8;
/** Confidence of an agreement found through a shared phrase only: the clauses around it differ. */
const PHRASE_AGREEMENT_CONFIDENCE = 0.5;

/**
 * The weightiest verb phrase both claims contain, when their actors do not contradict it (they
 * share one, or one side names nobody: "he was convicted of …").
 */
function sharedPhrase(a: Profile, b: Profile): string | null {
  if (a.actors.size && b.actors.size && ![...a.actors].some((x) => b.actors.has(x))) return null;
  let best: string | null = null;
  let bestWeight = PHRASE_MIN_WEIGHT;
  for (const [key, site] of a.phrases) {
    const other = b.phrases.get(key);
    if (other && Math.min(site.weight, other.weight) >= bestWeight) {
      best = key;
      bestWeight = Math.min(site.weight, other.weight);
    }
  }
  return best;
}

/**
 * Explanation and `partial` of an agreement found through a shared phrase: the phrase as the
 * shorter account words it, and the longer account's wording when it coordinates more with it.
 */
function phraseAgreement(
  key: string,
  a: Profile,
  b: Profile,
  articlesById: Map<string, Article>,
): [string, boolean | undefined] {
  const [inA, inB] = [phraseInContext(a, key), phraseInContext(b, key)];
  const [narrow, wide, wideSide] =
    inA.extra && !inB.extra ? [inB, inA, a] : inB.extra && !inA.extra ? [inA, inB, b] : [inA, null, null];
  const names = capitalised(
    `${outletName(articlesById.get(a.claim.article))} and ${outletName(articlesById.get(b.claim.article))}`,
  );
  const alone = [figuresAlone(a, b, articlesById), figuresAlone(b, a, articlesById)].filter(Boolean).join('');
  if (!wide || !wideSide) return [`${names} both report “${narrow.text}”.${alone}`, alone ? true : undefined];
  return [
    `${names} both report “${narrow.text}”; ${outletName(articlesById.get(wideSide.claim.article))} reports more: “${wide.text}”.${alone}`,
    true,
  ];
}

/**
 * Claims joined by one shared phrase differ around it; of what differs, the figures one article
 * gives and the other nowhere mentions are facts a reader should see ("the deaths of 43 people").
 */
function figuresAlone(own: Profile, other: Profile, articlesById: Map<string, Article>): string {
  const otherText = articlesById.get(other.claim.article)?.text ?? '';
  // A figure is absent when the other text has no such number standing alone ("43", not "1,430").
  const absent = (stretch: string): boolean =>
    [...stretch.matchAll(/\d[\d,.]*/g)].some((m) => {
      const figure = m[0].replace(/[.,]+$/, '');
      return !new RegExp(`(?<![\\d.,])${figure.replace(/[.,]/g, '\\$&')}(?![\\d]|[.,]\\d)`).test(otherText);
    });
  const stretches = addedStretches(own, other, Infinity).filter((s) => /\d/.test(s) && absent(s));
  if (stretches.length > ADDED_FIGURE_STRETCHES) stretches.length = ADDED_FIGURE_STRETCHES;
  if (!stretches.length) return '';
  return ` Only ${outletName(articlesById.get(own.claim.article))} gives ${stretches.map((s) => `“${s}”`).join(', ')}.`;
}

/** Figure-bearing stretches quoted for each side of a phrase agreement. */
const ADDED_FIGURE_STRETCHES = 2;

/** Coordinating words that join another item to a shared phrase ("arson and inciting violence"). */
const COORDINATORS = new Set(['and', 'or', ',', '&']);

/**
 * The shared phrase as written in one claim, widened over an item coordinated with it, and the
 * extra item's lemma when there is one: "arson and inciting violence" → extra "arson".
 */
function phraseInContext(p: Profile, key: string): { text: string; extra: string | null } {
  const at = p.phrases.get(key)!.at;
  let start = at;
  let end = at + 1;
  let extra: string | null = null;
  const before = p.tokens[at - 2];
  const after = p.tokens[at + 3];
  if (before && COORDINATORS.has(p.tokens[at - 1]!.norm) && PHRASE_POS.has(before.pos)) {
    start = at - 2;
    extra = lemmaOf(before);
  } else if (after && COORDINATORS.has(p.tokens[at + 2]?.norm ?? '') && PHRASE_POS.has(after.pos)) {
    end = at + 3;
    extra = lemmaOf(after);
  }
  const text = p.claim.text.slice(p.tokens[start]!.start - p.claim.start, p.tokens[end]!.end - p.claim.start);
  return { text, extra };
}

/** Rarity weights are capped so one unknown name cannot outweigh the rest of a clause. */
const MAX_WORD_WEIGHT = 5;

function shared(a: Profile, b: Profile): number {
  let sum = 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  for (const [lemma, w] of small.weights)
    if (large.weights.has(lemma)) sum += Math.min(w, large.weights.get(lemma)!);
  return sum;
}

interface PairScore {
  a: Profile;
  b: Profile;
  score: number;
  common: number;
  /** A weighty verb phrase both contain (sharedPhrase), set when the score alone is too low to agree. */
  phrase?: string;
}

function pairScore(a: Profile, b: Profile): PairScore {
  const common = shared(a, b);
  const lexical = a.total + b.total ? (2 * common) / (a.total + b.total) : 0;
  const vector = Math.max(0, cosine(a.vector, b.vector) - VECTOR_BASELINE) / (1 - VECTOR_BASELINE);
  const actorUnion = new Set([...a.actors, ...b.actors]).size;
  const actorShared = actorUnion ? [...a.actors].filter((x) => b.actors.has(x)).length / actorUnion : 0;
  const slots = sharedUnits(a.claim, b.claim) ? 1 : 0;
  return {
    a,
    b,
    common,
    score:
      WEIGHT_LEXICAL * lexical + WEIGHT_VECTOR * vector + WEIGHT_ACTORS * actorShared + WEIGHT_SLOTS * slots,
  };
}

const DAYS_PER_UNIT: Record<string, number> = {
  hour: 1 / 24,
  day: 1,
  week: 7,
  month: 30,
  year: 365,
  decade: 3650,
};

/** Comparable key and value of a quantity: durations in days, the rest by kind and unit. */
function slotOf(q: Quantity): { key: string; value: number } {
  if (q.kind === 'duration' && DAYS_PER_UNIT[q.unit] !== undefined)
    return { key: 'duration', value: q.value * DAYS_PER_UNIT[q.unit]! };
  return { key: `${q.kind}:${q.unit}`, value: q.value };
}

function sharedUnits(a: Claim, b: Claim): boolean {
  const keys = new Set(a.quantities.map((q) => slotOf(q).key));
  return b.quantities.some((q) => keys.has(slotOf(q).key));
}

interface ConflictFinding {
  kind: 'figure' | 'date' | 'wording' | 'negation';
  /** What the sides disagree on, to follow "disagree on" ("the length of the strike"). */
  what: string;
  left: string;
  right: string;
  strength: number;
  /** For wording conflicts: which opposition it is (antonym group and which side is left). */
  opposition?: string;
}

/**
 * Figures further apart than this factor are rarely two accounts of one number ("$3.5 billion"
 * from one product vs "$72.5 billion" for the company; 3.6 million births vs a rate of 55.8).
 * 10 keeps the harbour pair's 300 vs 3,000 strikers, which one outlet inflated tenfold.
 */
const MAX_CONFLICT_RATIO = 10;

function withinFactor(x: number, y: number, factor: number): boolean {
  const [low, high] = x < y ? [x, y] : [y, x];
  return low > 0 && high / low <= factor;
}

function comparableValues(x: number, y: number): boolean {
  return withinFactor(x, y, MAX_CONFLICT_RATIO);
}

/**
 * Two bounds of the same direction conflict only this close: "at least 150 killed" / "more than
 * 180" (1.2×) are two tolls of one weekend; "more than $18 billion" / "more than $3 billion" (6×)
 * are two different sums.
 */
const BOUNDS_MAX_RATIO = 1.5;

/** Tokens before a figure searched for an expectation word ("had predicted America would add"). */
const EXPECTATION_WINDOW = 3;
/** Words that make a figure an expectation, plan or forecast rather than a report. */
const EXPECTATION_WORDS = new Set([
  'will',
  'would',
  'could',
  'may',
  'might',
  'should',
  'expect',
  'expects',
  'expected',
  'predict',
  'predicts',
  'predicted',
  'forecast',
  'forecasts',
  'projected',
  'anticipated',
  'estimate',
  'estimates',
  'target',
  'targets',
  'targeting',
  'aim',
  'aims',
  'goal',
]);

/** Tokens before a figure searched for a hedge ("more than", "at least", "nearly"). */
const QUALIFIER_WINDOW = 3;

/** How a figure is stated: as is, as a lower or upper bound, or as an approximation. */
type FigureBound = 'exact' | 'min' | 'max' | 'approx';

/** Hedges before a figure, by the words just before it (one- or two-word forms). */
const LOWER_BOUNDS = new Set(['more than', 'at least', 'over', 'above', 'upwards of', 'in excess of', 'exceeding', 'beyond']);
const UPPER_BOUNDS = new Set(['less than', 'fewer than', 'at most', 'up to', 'under', 'below', 'no more than']);
const APPROXIMATE = new Set(['about', 'around', 'roughly', 'nearly', 'almost', 'some', 'approximately', 'estimated', 'close to', 'just under', 'just over', 'an estimated']);
/**
 * Two figures one of which is approximate agree when they are this close (relative to the
 * larger): "almost $139 million" / "$138 million", "about 3,000" / "3,100".
 */
const APPROXIMATE_TOLERANCE = 0.1;

function boundOf(before: string[]): FigureBound {
  const last = before.at(-1) ?? '';
  const two = before.slice(-2).join(' ');
  const three = before.slice(-3).join(' ');
  if (APPROXIMATE.has(two) || APPROXIMATE.has(last)) return 'approx';
  if (LOWER_BOUNDS.has(three) || LOWER_BOUNDS.has(two) || LOWER_BOUNDS.has(last)) return 'min';
  if (UPPER_BOUNDS.has(three) || UPPER_BOUNDS.has(two) || UPPER_BOUNDS.has(last)) return 'max';
  return 'exact';
}

/**
 * Words before a duration that make it a window of time rather than how long something lasted:
 * "over the past two weeks", "the first 100 days", "the previous three months"; and "a seven-day
 * average" (checked on the word after).
 */
const WINDOW_WORDS = new Set(['past', 'last', 'first', 'next', 'previous', 'recent', 'coming', 'final']);

/**
 * Words that name a variant of a measure: "core inflation", "an alternative measure of
 * unemployment", "fully vaccinated", "initial claims", "net deficit". A claim using one that the
 * other does not use is about another figure.
 */
const MEASURE_VARIANTS = new Set([
  'core',
  'headline',
  'alternative',
  'adjusted',
  'unadjusted',
  'seasonally',
  'underlying',
  'fully',
  'partially',
  'initial',
  'continuing',
  'median',
  'gross',
  'net',
  'nominal',
]);

function sameMeasure(a: Profile, b: Profile): boolean {
  const variants = (p: Profile): Set<string> => new Set([...p.words].filter((w) => MEASURE_VARIANTS.has(w)));
  const [va, vb] = [variants(a), variants(b)];
  return va.size === vb.size && [...va].every((w) => vb.has(w));
}

/** Nouns of change: "an increase of 169,000", "a drop of 3%". */
const CHANGE_NOUNS = new Set(['increase', 'decrease', 'rise', 'drop', 'gain', 'jump', 'fall', 'decline', 'loss', 'growth', 'cut', 'reduction']);
/** Words after a count that make it an addition to a level: "six more bodies", "300 additional troops". */
const ADDITION_WORDS = new Set(['more', 'fewer', 'additional', 'extra', 'new', 'further']);

/**
 * A change rather than a level: "fell by 92,000", "down 6.8 million jobs", "an increase of
 * 169,000", "six more bodies". "rose 0.6%" stays a level of the rate itself.
 */
function isDelta(before: string[], next: string[], quantity: Quantity): boolean {
  const last = before.at(-1) ?? '';
  if (last === 'by' || last === 'up' || last === 'down') return true;
  if (last === 'of' && CHANGE_NOUNS.has(before.at(-2) ?? '')) return true;
  if (quantity.kind !== 'count') return false;
  // "six more bodies": the addition word may be inside the figure's own span or just after it.
  const inside = quantity.text.toLowerCase().split(/\s+/).slice(1);
  return inside.some((w) => ADDITION_WORDS.has(w)) || (ADDITION_WORDS.has(next[0] ?? '') && next[0] !== quantity.unit);
}

/** Words that put a figure over a period: a monthly rise and a yearly one are different figures. */
const PERIOD_WORDS: Record<string, string> = {
  year: 'year',
  years: 'year',
  annual: 'year',
  annually: 'year',
  yearly: 'year',
  annualized: 'year',
  month: 'month',
  months: 'month',
  monthly: 'month',
  week: 'week',
  weekly: 'week',
  weeks: 'week',
  quarter: 'quarter',
  quarterly: 'quarter',
  day: 'day',
  daily: 'day',
};

/** The one period named near a figure, or null when none or several are. */
function periodOf(near: Token[]): string | null {
  const periods = new Set(near.map((t) => PERIOD_WORDS[t.norm]).filter((p): p is string => p !== undefined));
  return periods.size === 1 ? [...periods][0]! : null;
}

/**
 * Two figures of one slot that can both be true: equal, within APPROXIMATE_TOLERANCE when either
 * is approximate, or one inside the other's bound ("more than 40 states" / "48 states").
 */
function figuresConsistent(a: QuantityAnchor, b: QuantityAnchor): boolean {
  const x = slotOf(a.quantity).value;
  const y = slotOf(b.quantity).value;
  if (Math.abs(x - y) < 1e-9) return true;
  const slack = a.bound === 'approx' || b.bound === 'approx' ? APPROXIMATE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y)) : 0;
  // One side a bound: the other's figure (give or take its approximation) lies inside it.
  const inside = (bound: FigureBound, limit: number, other: number, otherBound: FigureBound): boolean =>
    (bound === 'min' && otherBound !== 'max' && otherBound !== 'min' && other >= limit - slack) ||
    (bound === 'max' && otherBound !== 'min' && otherBound !== 'max' && other <= limit + slack);
  if (inside(a.bound, x, y, b.bound) || inside(b.bound, y, x, a.bound)) return true;
  return a.bound !== 'min' && a.bound !== 'max' && b.bound !== 'min' && b.bound !== 'max' && Math.abs(x - y) <= slack;
}

/**
 * Words that set a clause after the events it follows ("operations resumed … with four berths
 * working"): a figure there describes the state once things restarted, not the one during the
 * events, so it does not contradict a figure reported for the events themselves ("all nine
 * berths" shut by the strike). Verb forms only, as written: a noun such as "return" is too loose.
 */
const RESUMPTION_WORDS = new Set([
  'resumed',
  'resumes',
  'resuming',
  'reopened',
  'reopens',
  'reopening',
  'restarted',
  'restarts',
  'restarting',
  'afterwards',
]);

/** Count units too general to say two counts are of the same thing. */
const GENERIC_UNITS = new Set(['person', 'people', 'time', 'thing', 'item', '']);
/** Content words this many tokens either side of a quantity say what it counts or measures. */
const ANCHOR_WINDOW = 5;
/**
 * Two quantities measure the same thing when their anchors share a content word or their anchor
 * vectors are at least this close. Measured on the harbour pair: "took part in the stoppage" /
 * "joined the walkout" 0.70–0.72 (same figure: must match), "working under police protection" /
 * "shutting down … the harbour" 0.51 and "backlog … cleared" / "refused to unload" 0.50 (different
 * figures: must not).
 */
const ANCHOR_MIN_COSINE = 0.7;

/**
 * Two counts of the same thing ("300 workers" / "3,000 workers") match on the unit alone.
 * "four berths working" (Wednesday) / "all nine berths" shut (during the strike) are two moments
 * whose context cosine (0.66) is above the workers' (0.62), so no context threshold separates
 * them; RESUMPTION_WORDS does, in quantityConflict.
 */
function anchorsMatch(a: QuantityAnchor, b: QuantityAnchor, wordsOnly = false): boolean {
  if (a.unit !== null && a.unit === b.unit) return true;
  for (const lemma of a.lemmas) if (b.lemmas.has(lemma)) return true;
  return !wordsOnly && cosine(a.vector, b.vector) >= ANCHOR_MIN_COSINE;
}

function quantityConflict(
  a: Profile,
  b: Profile,
  used: Set<Quantity>,
  actorName: SharedActorName,
): ConflictFinding | null {
  // Two claims sharing a figure of one kind ("$1.2 trillion over eight years" on both sides) are
  // about the same thing, and their other figures of that kind are other things ("$974 billion
  // over five years"), not rival accounts.
  const agreedKeys = new Set<string>();
  for (const qa of a.anchors)
    for (const qb of b.anchors)
      if (slotOf(qa.quantity).key === slotOf(qb.quantity).key && figuresConsistent(qa, qb)) agreedKeys.add(slotOf(qa.quantity).key);
  // Parts on one side and their total on the other ("200 million doses this year and 300 million
  // next" / "500 million doses") agree too.
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    const sums = new Map<string, number>();
    const counts = new Map<string, number>();
    for (const q of x.anchors) {
      if (q.window || q.delta) continue;
      const { key, value } = slotOf(q.quantity);
      sums.set(key, (sums.get(key) ?? 0) + value);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const q of y.anchors) {
      const { key, value } = slotOf(q.quantity);
      if ((counts.get(key) ?? 0) > 1 && Math.abs((sums.get(key) ?? 0) - value) <= 1e-6 * value) agreedKeys.add(key);
    }
  }
  // Figures about different named actors are different facts ("the G7 pledged 1 billion doses" /
  // "the U.S. will buy 500 million").
  if (a.claim.actors.length > 0 && b.claim.actors.length > 0 && !a.claim.actors.some((x) => b.claim.actors.includes(x))) return null;
  const oneMeasure = sameMeasure(a, b);
  for (const qa of a.anchors) {
    const sa = slotOf(qa.quantity);
    if (qa.quantity.kind === 'age' || qa.quantity.kind === 'ordinal' || qa.window || used.has(qa.quantity)) continue;
    const sameKey = b.anchors.filter((qb) => slotOf(qb.quantity).key === sa.key);
    // A consistent figure on the other side settles it ("rose to 6.1% from 6%" / "6%"; "more than
    // 40 states" / "48 states"); with matching anchors it cannot conflict with a weaker match later.
    const consistent = sameKey.find((qb) => figuresConsistent(qa, qb));
    if (consistent) {
      if (anchorsMatch(qa, consistent)) used.add(qa.quantity).add(consistent.quantity);
      continue;
    }
    if (agreedKeys.has(sa.key)) continue;
    // With several figures of one kind in a claim, only shared words (not vectors) say which two
    // are about the same thing.
    const crowded = sameKey.length > 1 || a.anchors.filter((x) => slotOf(x.quantity).key === sa.key).length > 1;
    const qb = sameKey.find(
      (candidate) =>
        !used.has(candidate.quantity) &&
        !candidate.window &&
        anchorsMatch(qa, candidate, crowded) &&
        comparableValues(sa.value, slotOf(candidate.quantity).value),
    );
    if (!qb) continue;
    // An expected or planned figure ("economists predicted 1 million jobs") is not a reported one.
    if (qa.expectation !== qb.expectation) continue;
    // A figure after a resumption and one from the events themselves are two moments.
    if (qa.resumption !== qb.resumption) continue;
    // A change and a level ("six more bodies" / "60 bodies") are not two accounts of one number.
    if (qa.delta !== qb.delta) continue;
    // One measure under two names: "core inflation rose 4.5%" / "prices rose 5.4%".
    if (!oneMeasure) continue;
    // A rise over a month and one over a year ("0.6% in May alone" / "5% over the year") differ.
    if (qa.period !== null && qb.period !== null && qa.period !== qb.period) continue;
    // Two lower (or upper) bounds can both hold; close ones are two tolls of one count ("at least
    // eight dead" / "at least nine dead"), far-apart ones two different totals.
    if (qa.bound === qb.bound && (qa.bound === 'min' || qa.bound === 'max') && !withinFactor(sa.value, slotOf(qb.quantity).value, BOUNDS_MAX_RATIO)) continue;
    used.add(qa.quantity).add(qb.quantity);
    const anchorWords = new Set([...qa.lemmas, ...qb.lemmas]);
    const topic =
      sharedNoun(a, b, anchorWords) ?? [...anchorWords].find((w) => a.nouns.has(w) || b.nouns.has(w)) ?? null;
    return {
      kind: 'figure',
      what: describeSlot(qa.quantity, topic, actorName(a, b)),
      left: figureAsRead(qa.quantity),
      right: figureAsRead(qb.quantity),
      strength: 0.9,
    };
  }
  return null;
}

/**
 * A figure as a reader says it in a sentence of ours: a duration written as a modifier
 * ("a 14-year sentence", "a two-week strike") reads "14 years", "two weeks"; anything else as
 * written. The evidence span keeps the article's own words.
 */
function figureAsRead(quantity: Quantity): string {
  if (quantity.kind !== 'duration') return quantity.text;
  return quantity.text.replace(
    /^(.+?)[-\s](year|month|week|day|hour|minute)(?:-long|-old)?$/i,
    (_, amount: string, unit: string) => `${amount} ${unit.toLowerCase()}${quantity.value === 1 ? '' : 's'}`,
  );
}

function describeSlot(q: Quantity, topic: string | null, actor: string | null): string {
  const of = topic
    ? actor
      ? ` of ${actor}’s ${topic}`
      : ` of the ${topic}`
    : actor
      ? ` concerning ${actor}`
      : '';
  switch (q.kind) {
    case 'duration':
      return topic ? `the length${of}` : `a duration${of}`;
    case 'count':
      return `the number of ${countedNoun(q)}${actor && !topic ? of : ''}`;
    case 'money':
      return `the amount${of}`;
    case 'percent':
      return `the percentage${of}`;
    default:
      return `a ${q.kind}${of}`;
  }
}

/** What a count counts, as written when the text ends in it ("nine children"), else the unit. */
function countedNoun(q: Quantity): string {
  const last = /(\p{L}+)$/u.exec(q.text)?.[1];
  if (last && last.toLowerCase() !== q.unit && !/\d/.test(last)) return last.toLowerCase();
  return q.unit === 'person' ? 'people' : `${q.unit}s`;
}

/** The display name of an actor both claims involve, if any. */
type SharedActorName = (a: Profile, b: Profile) => string | null;

/**
 * Two main verbs this close in the word vectors name one happening ("began" / "started": 0.83);
 * below it, two dates in one story are usually two steps of it ("agreed on Thursday" / "took
 * effect on Friday"), not a dispute about when. Verb vectors are loose ("agree" / "take" 0.68,
 * "suspend" / "allow" 0.62 in AllSides roundups), hence the high bar.
 */
const SAME_HAPPENING_MIN_SIMILARITY = 0.75;

function sameHappening(a: Claim, b: Claim): boolean {
  if (!a.predicate || !b.predicate) return false;
  return a.predicate === b.predicate || wordSimilarity(a.predicate, b.predicate) >= SAME_HAPPENING_MIN_SIMILARITY;
}

function dateConflict(a: Claim, b: Claim): ConflictFinding | null {
  if (!a.dates.length || !b.dates.length || !sameHappening(a, b)) return null;
  const values = new Set(a.dates.map((d) => d.value));
  if (b.dates.some((d) => values.has(d.value))) return null;
  const da = a.dates[0]!;
  const db = b.dates.find((d) => d.value.length === da.value.length);
  return db ? { kind: 'date', what: 'the date', left: da.text, right: db.text, strength: 0.7 } : null;
}

/**
 * Confidence of an opposite-wording conflict, below a figure conflict's 0.9: antonyms can
 * describe two facets of one event ("stormed the customs house" / "the march was calm").
 */
const WORDING_CONFLICT_CONFIDENCE = 0.65;

function antonymConflict(a: Profile, b: Profile, close: boolean): ConflictFinding | null {
  const groups = close ? [...ANTONYM_GROUPS, ...OUTCOME_ANTONYM_GROUPS] : ANTONYM_GROUPS;
  for (const [group, [one, other]] of groups.entries()) {
    const aOne = one.find((w) => a.words.has(w));
    const aOther = other.find((w) => a.words.has(w));
    const bOne = one.find((w) => b.words.has(w));
    const bOther = other.find((w) => b.words.has(w));
    const left =
      aOne && !aOther && bOther && !bOne
        ? [aOne, bOther]
        : aOther && !aOne && bOne && !bOther
          ? [aOther, bOne]
          : null;
    if (left) {
      const [first, second] =
        b.tokens.find((t) => t.norm === left[1])?.pos === 'ADJ' &&
        a.tokens.find((t) => t.norm === left[0])?.pos !== 'ADJ'
          ? ([
              [b, left[1]!],
              [a, left[0]!],
            ] as const)
          : ([
              [a, left[0]!],
              [b, left[1]!],
            ] as const);
      // Two adjectives on different nouns describe two things ("lawful permanent residents" /
      // "illegal immigrants"), not one thing two ways.
      const adjectiveOn = (p: Profile, word: string): string | null =>
        p.tokens.find((t) => t.norm === word)?.pos === 'ADJ' ? nounNear(p, word) : null;
      const nounA = adjectiveOn(a, left[0]!);
      const nounB = adjectiveOn(b, left[1]!);
      if (nounA && nounB && nounA !== nounB && singular(nounA) !== singular(nounB)) continue;
      const topic = nounNear(first[0], first[1]) ?? nounNear(second[0], second[1]) ?? sharedNoun(a, b, null);
      return {
        kind: 'wording',
        what: topic ? `the ${topic}` : 'the events',
        left: left[0]!,
        right: left[1]!,
        strength: WORDING_CONFLICT_CONFIDENCE,
        opposition: `${group}:${aOne ? 'one' : 'other'}`,
      };
    }
  }
  return null;
}

/** Both claims name the same year: their descriptions are of one event, not two. */
function sameYear(pair: PairScore): boolean {
  const years = new Set(pair.a.claim.dates.map((d) => d.value.slice(0, 4)));
  return pair.b.claim.dates.some((d) => years.has(d.value.slice(0, 4)));
}

/** Same event, different place: "held in Geneva" / "held in Vienna" (only for close pairs). */
function placeConflict(a: Profile, b: Profile): ConflictFinding | null {
  if (!a.places.size || !b.places.size) return null;
  for (const key of a.places.keys()) if (b.places.has(key)) return null;
  // A claim naming the other's place anywhere ("8% in Virginia … North Carolina") is not elsewhere.
  const aText = fold(a.claim.text);
  const bText = fold(b.claim.text);
  for (const key of a.places.keys()) if (bText.includes(key)) return null;
  for (const key of b.places.keys()) if (aText.includes(key)) return null;
  // A country and a place that is not one may be the city inside it ("near Barcelona" / "in Spain").
  const countries = (p: Profile): number => [...p.places.keys()].filter((k) => KNOWN_COUNTRIES.has(k)).length;
  if ((countries(a) > 0) !== (countries(b) > 0)) return null;
  const left = [...a.places.values()][0]!;
  const right = [...b.places.values()][0]!;
  return { kind: 'figure', what: 'where it happened', left, right, strength: 0.7 };
}

/** A negation counts for the predicate when it stands at most this many tokens before it ("did not approve"). */
const NEGATION_REACH = 3;

/** True when the claim's main verb itself is negated, not some other word of a long clause. */
function predicateNegated(p: Profile): boolean {
  const at = p.tokens.findIndex((t) => t.pos === 'VERB' && t.lemma.toLowerCase() === p.claim.predicate);
  if (at < 0) return p.claim.negated;
  return p.tokens.slice(Math.max(0, at - NEGATION_REACH), at).some((t) => NEGATIONS.has(t.norm));
}

function negationConflict(pa: Profile, pb: Profile): ConflictFinding | null {
  const [a, b] = [pa.claim, pb.claim];
  if (!a.predicate || a.predicate !== b.predicate || predicateNegated(pa) === predicateNegated(pb)) return null;
  return {
    kind: 'negation',
    what: `whether “${a.predicate}” happened`,
    left: predicateNegated(pa) ? 'no' : 'yes',
    right: predicateNegated(pb) ? 'no' : 'yes',
    strength: 0.6,
  };
}

/** Tokens either side of a characterising word searched for the noun it describes. */
const CHARACTERISED_NOUN_WINDOW = 5;

/**
 * The noun a characterising word describes, as written: after an attributive adjective
 * ("violent … protests"), before a predicative one or a verb ("the march had been calm",
 * "protesters stormed"). Parts of hyphenated compounds ("right-wing") are skipped.
 */
/** A crude singular for comparing two nouns ("protests" / "protest"). */
function singular(noun: string): string {
  return noun.replace(/(?:es|s)$/, '');
}

function nounNear(p: Profile, word: string): string | null {
  const at = p.tokens.findIndex((t) => t.norm === word);
  if (at < 0) return null;
  const predicative =
    p.tokens[at]!.pos !== 'ADJ' || p.tokens.slice(Math.max(0, at - 2), at).some((t) => t.pos === 'AUX');
  const order: number[] = [];
  for (let d = 1; d <= CHARACTERISED_NOUN_WINDOW; d++) order.push(predicative ? at - d : at + d);
  for (let d = 1; d <= CHARACTERISED_NOUN_WINDOW; d++) order.push(predicative ? at + d : at - d);
  for (const i of order) {
    const t = p.tokens[i];
    if (!t || (t.pos !== 'NOUN' && t.pos !== 'PROPN') || LIGHT_LEMMAS.has(t.lemma.toLowerCase())) continue;
    if (p.tokens[i + 1]?.text === '-' || p.tokens[i - 1]?.text === '-') continue;
    return t.text.toLowerCase();
  }
  return null;
}

/** How an explanation names an article: the one rule of src/text/names.ts, which the report uses too. */
export function outletName(article: Article | undefined): string {
  return article ? articleName(article) : 'one outlet';
}

/**
 * Connectives a clause may start with after splitting ("when protesters stormed …"). Lower case
 * only: a whole sentence opening with "Since her arrest, …" keeps its first word, which is part
 * of what it says.
 */
export const LEADING_CONNECTIVE = /^(?:and|but|while|whereas|when|although|though|so|yet|for which|after|before|since)\s+/;

/** A short, readable excerpt of a claim's text, without a connective left by clause splitting. */
export function excerpt(text: string, max = EXCERPT_MAX_CHARS): string {
  const bare = text.replace(/\s+/g, ' ').trim().replace(LEADING_CONNECTIVE, '');
  const clean = bare.charAt(0).toUpperCase() + bare.slice(1);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))} …`;
}

/** Longest claim excerpt in an explanation, in characters. */
const EXCERPT_MAX_CHARS = 110;

/** The weightiest common noun both claims use (within `only` when given). */
function sharedNoun(a: Profile, b: Profile, only: Set<string> | null): string | null {
  let best: string | null = null;
  let bestWeight = 0;
  for (const lemma of a.nouns) {
    const w = a.weights.get(lemma) ?? 0;
    if (b.nouns.has(lemma) && w > bestWeight && (!only || only.has(lemma))) {
      best = lemma;
      bestWeight = w;
    }
  }
  return best;
}

function nameFromKey(doc: Doc | undefined, key: string): string | null {
  const entity = doc?.entities.find((e) =>
    e.text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().endsWith(key),
  );
  return entity ? entity.text : key;
}

export function alignClaims(claims: Claim[], docs: Doc[], actors: Actor[]): Alignment[] {
  const docsById = new Map(docs.map((d) => [d.article.id, d]));
  const articlesById = new Map(docs.map((d) => [d.article.id, d.article]));
  const actorsById = new Map(actors.map((a) => [a.id, a]));
  const sharedActorName: SharedActorName = (a, b) => {
    let key = [...a.actors].find((x) => b.actors.has(x));
    // "He was sentenced to 13 years" / "López is serving a 14-year sentence": the pronoun's
    // side names nobody, so the person the other side names is the one both speak of.
    if (!key) {
      const [pronounSide, namedSide] = /^(?:he|she)\b/i.test(a.claim.text)
        ? [a, b]
        : /^(?:he|she)\b/i.test(b.claim.text)
          ? [b, a]
          : [null, null];
      if (pronounSide && namedSide && pronounSide.actors.size === 0) {
        key = [...namedSide.actors].find((x) => actorsById.get(x)?.type === 'person');
      }
    }
    if (!key) return null;
    return actorsById.get(key)?.name ?? nameFromKey(docsById.get(a.claim.article), key);
  };
  const claimTokens = claims.map((claim) => {
    const doc = docsById.get(claim.article);
    return doc ? tokensIn(doc, claim) : [];
  });
  const df = new Map<string, number>();
  for (const tokens of claimTokens)
    for (const lemma of new Set(contentLemmas(tokens))) df.set(lemma, (df.get(lemma) ?? 0) + 1);
  const profiles = claims
    .map((claim, order) => {
      const doc = docsById.get(claim.article);
      return doc ? profile(doc, claim, claimTokens[order]!, df, claims.length) : null;
    })
    .filter((p): p is Profile => p !== null);

  const pairs: PairScore[] = [];
  const bestScore = new Map<Profile, number>();
  for (let i = 0; i < profiles.length; i++) {
    for (let j = i + 1; j < profiles.length; j++) {
      if (profiles[i]!.claim.article === profiles[j]!.claim.article) continue;
      const pair = pairScore(profiles[i]!, profiles[j]!);
      for (const p of [pair.a, pair.b]) bestScore.set(p, Math.max(bestScore.get(p) ?? 0, pair.score));
      const phrase = pair.score < AGREE_MIN_SCORE ? sharedPhrase(pair.a, pair.b) : null;
      if (phrase) pairs.push({ ...pair, phrase });
      else if (pair.score >= CONFLICT_MIN_SCORE) pairs.push(pair);
    }
  }
  pairs.sort((x, y) => y.score - x.score);

  const alignments: Alignment[] = [];
  const aligned = new Set<string>();
  const conflicted = new Set<string>();
  const add = (
    kind: Alignment['kind'],
    members: Claim[],
    explanation: string,
    confidence: number,
    partial?: boolean,
    wordedApart?: boolean,
  ): void => {
    alignments.push({
      id: `al${alignments.length + 1}`,
      kind,
      claims: members.map((c) => c.id),
      articles: [...new Set(members.map((c) => c.article))],
      explanation,
      confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100,
      ...(partial === undefined ? {} : { partial }),
      ...(wordedApart ? { wordedApart } : {}),
    });
  };

  // Conflicts: any sufficiently similar pair with a differing slot or opposite wording; each
  // quantity conflicts at most once, with its best-scoring counterpart.
  const usedQuantities = new Set<Quantity>();
  const oppositions = new Map<string, { pair: PairScore; conflict: ConflictFinding }[]>();
  const addConflict = (pair: PairScore, conflict: ConflictFinding, repeats: number): void => {
    const { a, b } = pair;
    conflicted.add(`${a.claim.id}|${b.claim.id}`);
    aligned.add(a.claim.id).add(b.claim.id);
    // Differing figures, dates or places mark the same event; opposite wording may join two
    // facets of it ("stormed the customs house" / "the march had been calm"), so it does not.
    if (conflict.kind !== 'wording') pairUp(a.claim, b.claim);
    const sideA = outletName(articlesById.get(a.claim.article));
    const sideB = outletName(articlesById.get(b.claim.article));
    const also = repeats > 0 ? ` (the same opposition recurs in ${repeats} more pair${repeats > 1 ? 's' : ''} of passages)` : '';
    const explanation =
      conflict.kind === 'wording'
        ? `The outlets describe ${conflict.what} in opposite terms: “${conflict.left}” (${sideA}) vs “${conflict.right}” (${sideB})${also}.`
        : conflict.kind === 'negation'
          ? `The outlets disagree on ${conflict.what}: ${sideA} says ${conflict.left}, ${sideB} says ${conflict.right}.`
          : `The outlets disagree on ${conflict.what}: ${conflict.left} (${sideA}) vs ${conflict.right} (${sideB}).`;
    add('conflict', [a.claim, b.claim], explanation, conflict.strength * Math.min(1, pair.score / AGREE_MIN_SCORE));
  };
  const partnerIn = new Map<string, Set<string>>();
  const pairUp = (x: Claim, y: Claim): void => {
    (partnerIn.get(x.id) ?? partnerIn.set(x.id, new Set()).get(x.id)!).add(y.article);
    (partnerIn.get(y.id) ?? partnerIn.set(y.id, new Set()).get(y.id)!).add(x.article);
  };
  for (const pair of pairs) {
    if (pair.score < CONFLICT_MIN_SCORE) continue;
    const { a, b } = pair;
    const close = pair.score >= CLOSE_PAIR_MIN_SCORE;
    const slotConflict =
      quantityConflict(a, b, usedQuantities, sharedActorName) ??
      (close ? (dateConflict(a.claim, b.claim) ?? placeConflict(a, b)) : null);
    // A pair may differ on a figure *and* in wording ("13 years for violent blockades" / "14 years
    // for peaceful protests"): both are reported, each once.
    const wording = antonymConflict(a, b, close);
    const found = [slotConflict, wording].filter((c): c is ConflictFinding => c !== null);
    if (found.length === 0 && close) {
      const negation = negationConflict(a, b);
      if (negation) found.push(negation);
    }
    for (const conflict of found) {
      // One opposition between two outlets ("violent" here, "peaceful" there) is one finding:
      // its pairs are gathered and the one most surely about the same event is shown below.
      if (conflict.opposition) {
        const opposition = `${conflict.opposition}|${a.claim.article}|${b.claim.article}`;
        const seen = oppositions.get(opposition);
        if (seen) seen.push({ pair, conflict });
        else oppositions.set(opposition, [{ pair, conflict }]);
      } else addConflict(pair, conflict, 0);
    }
  }
  for (const candidates of oppositions.values()) {
    const rank = (c: { pair: PairScore }): number => Number(sameYear(c.pair)) * 10 + c.pair.score;
    const best = candidates.reduce((x, y) => (rank(y) > rank(x) ? y : x));
    addConflict(best.pair, best.conflict, candidates.length - 1);
  }

  // Agreements: best-first, each claim matched with at most one claim per other article
  // (a figure, date or place conflict partner counts: that pair is the same event).
  for (const pair of pairs) {
    if (pair.score < AGREE_MIN_SCORE && !pair.phrase) continue;
    const { a, b } = pair;
    if (conflicted.has(`${a.claim.id}|${b.claim.id}`)) continue;
    if (partnerIn.get(a.claim.id)?.has(b.claim.article) || partnerIn.get(b.claim.id)?.has(a.claim.article))
      continue;
    pairUp(a.claim, b.claim);
    aligned.add(a.claim.id).add(b.claim.id);
    if (pair.phrase) {
      const [explanation, partial] = phraseAgreement(pair.phrase, a, b, articlesById);
      add('agreed', [a.claim, b.claim], explanation, PHRASE_AGREEMENT_CONFIDENCE, partial);
      continue;
    }
    const coverA = a.total ? pair.common / a.total : 0;
    const coverB = b.total ? pair.common / b.total : 0;
    const [narrow, wide] = coverA >= coverB ? [a, b] : [b, a];
    const partial =
      Math.max(coverA, coverB) >= PARTIAL_COVERED && wide.total - pair.common >= PARTIAL_MIN_EXTRA_WEIGHT;
    const sources = capitalised(
      `${outletName(articlesById.get(a.claim.article))} and ${outletName(articlesById.get(b.claim.article))}`,
    );
    let explanation = `${sources} both report: ${excerpt(narrow.claim.text)}`;
    const wordedApart = Math.max(coverA, coverB) < SAME_WORDING_COVERED && !sameMainVerb(a.claim, b.claim);
    if (wordedApart) {
      // Worded apart: "both report" would be our reading; quote both so the reader can judge.
      explanation = compareInOtherWords([a.claim, b.claim], articlesById);
    } else if (partial) {
      const extra = addedStretches(wide, narrow, PARTIAL_EXTRA_STRETCHES).map((text) => `“${text}”`);
      explanation += extra.length
        ? ` — ${outletName(articlesById.get(wide.claim.article))} adds ${extra.join(', ')}.`
        : ` — ${outletName(articlesById.get(wide.claim.article))} reports more.`;
    } else if (!/[.!?…]$/.test(explanation)) explanation += '.';
    add(
      'agreed',
      [a.claim, b.claim],
      explanation,
      0.5 + 0.5 * Math.min(1, (pair.score - AGREE_MIN_SCORE) / (1 - AGREE_MIN_SCORE)),
      partial,
      wordedApart,
    );
  }

  mergeAgreements(alignments, claims, articlesById);

  // Unique: reported by one article only, an omission by the others.
  const others = docs.length - 1;
  for (const p of profiles) {
    if (aligned.has(p.claim.id)) continue;
    const outlet = outletName(articlesById.get(p.claim.article));
    const best = bestScore.get(p) ?? 0;
    const omitted = others > 1 ? 'the other outlets do not report it' : 'the other outlet does not report it';
    add(
      'unique',
      [p.claim],
      `Only ${outlet} reports: ${excerpt(p.claim.text)} — ${omitted}.`,
      1 - (best / AGREE_MIN_SCORE) * 0.5,
    );
  }
  // Merging removed alignments, so ids handed out by position may repeat: number them afresh.
  alignments.forEach((alignment, i) => (alignment.id = `al${i + 1}`));
  return alignments;
}

/**
 * With three or more articles, pairwise agreements that share a claim are one fact reported by
 * several outlets: merge them (one claim per article at most) into one alignment. Ids are
 * renumbered at the end of `alignClaims`.
 */
function mergeAgreements(alignments: Alignment[], claims: Claim[], articlesById: Map<string, Article>): void {
  const agreed = alignments.filter((a) => a.kind === 'agreed');
  if (agreed.length < 2) return;
  const groupOf = new Map<string, Alignment>();
  const merged = new Set<Alignment>();
  for (const alignment of agreed) {
    const existing = alignment.claims.map((id) => groupOf.get(id)).find((g) => g !== undefined);
    if (existing) {
      const articles = new Set(existing.articles);
      const incoming = alignment.claims.filter((id) => !existing.claims.includes(id));
      const byId = new Map(claims.map((c) => [c.id, c]));
      if (incoming.some((id) => articles.has(byId.get(id)?.article ?? ''))) continue; // would hold two claims of one article
      existing.claims.push(...incoming);
      const order = [...articlesById.keys()];
      existing.articles = [...new Set([...existing.articles, ...alignment.articles])].sort(
        (x, y) => order.indexOf(x) - order.indexOf(y),
      );
      existing.confidence = Math.round(((existing.confidence + alignment.confidence) / 2) * 100) / 100;
      existing.partial = Boolean(existing.partial || alignment.partial);
      // One link worded apart makes the group the reader's to judge: it never says "all report".
      if (alignment.wordedApart) existing.wordedApart = true;
      const names = existing.articles.map((id) => outletName(articlesById.get(id)));
      const members = existing.claims.map((id) => byId.get(id)!);
      const shortest = [...members].sort((x, y) => x.text.length - y.text.length)[0]!;
      existing.explanation = existing.wordedApart
        ? compareInOtherWords(members, articlesById)
        : `${capitalised(names.slice(0, -1).join(', '))} and ${names.at(-1)} all report: ${excerpt(shortest.text)}${existing.partial ? ' (some report more)' : ''}`.replace(
            /([^.!])$/,
            '$1.',
          );
      for (const id of incoming) groupOf.set(id, existing);
      merged.add(alignment);
    } else {
      for (const id of alignment.claims) groupOf.set(id, alignment);
    }
  }
  for (let i = alignments.length - 1; i >= 0; i--) if (merged.has(alignments[i]!)) alignments.splice(i, 1);
}

/** Main verbs too general to say two claims report one happening. */
const GENERAL_PREDICATES = new Set(['be', 'have', 'say', 'do', 'get', 'make', 'take', 'go', 'come']);

/**
 * Two claims worded apart but with the same main verb ("fell", "signed", "passed") report one
 * happening far more often than others: judged by hand on roundup agreements, 25 of 27 such were
 * right (18 of 20 in a sample drawn after the rule was thought of), against 14 of 23 of the other
 * agreements worded apart (docs/EVALUATION.md). They count as agreements in shared wording.
 */
function sameMainVerb(a: Claim, b: Claim): boolean {
  return a.predicate !== null && a.predicate === b.predicate && !GENERAL_PREDICATES.has(a.predicate);
}

/**
 * The explanation of an agreement worded apart: the outlets and each one's claim quoted, in
 * article order, so the reader judges whether they report one thing.
 */
function compareInOtherWords(members: Claim[], articlesById: Map<string, Article>): string {
  const order = [...articlesById.keys()];
  const sorted = [...members].sort((x, y) => order.indexOf(x.article) - order.indexOf(y.article));
  const names = sorted.map((c) => outletName(articlesById.get(c.article)));
  const quoted = sorted.map((c, i) => {
    const text = excerpt(c.text);
    // A claim that opens with a quotation keeps its own marks rather than gaining a second pair.
    return `${names[i]}: ${/^[“"‘']/.test(text) ? text : `“${text}”`}`;
  });
  const list = (items: string[]): string =>
    items.length > 2 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items.join(' and ');
  return `${capitalised(list(names))} may report the same thing in different words; compare ${list(quoted)}`;
}

/** Stretches of added wording quoted in a partial agreement's explanation. */
const PARTIAL_EXTRA_STRETCHES = 2;
