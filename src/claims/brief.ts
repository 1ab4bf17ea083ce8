/**
 * The brief: what the outlets agree on, what they dispute (both versions, attributed) and what
 * only one reports — short, most important first. Importance counts what a reader looks for:
 * people and organisations involved, figures and dates, and how early the article puts it.
 */
import type { Alignment, Article, Brief, BriefItem, Claim } from '../model/index.ts';
import { excerpt, LEADING_CONNECTIVE } from './align.ts';

/** Items per list: a brief is read in a minute. */
export const BRIEF_LIMITS = { agreed: 6, disputed: 6, onlyIn: 6 } as const;

/**
 * Importance weights: actors involved (counted up to MAX_ACTORS_COUNTED), whether the claim
 * carries a figure or date, standing early in the article, and the alignment's confidence.
 * Counts are capped so a long sentence full of dates does not outrank the fact a reader came for;
 * with these weights the seed pair's disputed list opens with the 13- vs 14-year sentence.
 */
const WEIGHT_ACTOR = 1;
const MAX_ACTORS_COUNTED = 2;
const WEIGHT_FIGURE = 1.5;
const WEIGHT_POSITION = 3;
const WEIGHT_CONFIDENCE = 5;
/** A claim quoting or citing someone is less the outlet's own account: a small discount. */
const ATTRIBUTED_DISCOUNT = 0.5;
/** A claim carrying quoted words is mostly a voice (see the quotes), not a fact: ranked lower. */
const QUOTED_DISCOUNT = 2;
/** What a reader should know about an agreement before trusting it. */
function agreedNote(alignment: Alignment): string {
  if (alignment.wordedApart) return ' (worded differently: compare)';
  return alignment.partial ? ' (one outlet reports more)' : '';
}

export function buildBrief(alignments: Alignment[], claims: Claim[], articles: Article[]): Brief {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const positions = new Map<string, number>();
  for (const article of articles) {
    const own = claims.filter((c) => c.article === article.id);
    own.forEach((c, i) => positions.set(c.id, own.length > 1 ? 1 - i / (own.length - 1) : 1));
  }
  const importance = (alignment: Alignment): number => {
    let score = 0;
    for (const id of alignment.claims) {
      const claim = byId.get(id);
      if (!claim) continue;
      score +=
        WEIGHT_ACTOR * Math.min(MAX_ACTORS_COUNTED, claim.actors.length) +
        WEIGHT_FIGURE * Math.min(1, claim.quantities.length + claim.dates.length) +
        WEIGHT_POSITION * (positions.get(id) ?? 0);
      if (claim.attribution.kind !== 'outlet') score -= ATTRIBUTED_DISCOUNT;
      if (/[“”"]/.test(claim.text)) score -= QUOTED_DISCOUNT;
    }
    return score / Math.max(1, alignment.claims.length) + WEIGHT_CONFIDENCE * alignment.confidence;
  };
  const ranked = (kind: Alignment['kind']): Alignment[] =>
    alignments.filter((a) => a.kind === kind).sort((x, y) => importance(y) - importance(x));
  const item = (alignment: Alignment, text: string): BriefItem => ({
    text,
    alignment: alignment.id,
    articles: alignment.articles,
  });
  // The shortest claim that reads as a sentence, shown without a leading connective.
  const claimText = (alignment: Alignment): string => {
    const candidates = alignment.claims
      .map((id) => byId.get(id))
      .filter((c): c is Claim => c !== undefined)
      .sort(
        (x, y) =>
          Number(LEADING_CONNECTIVE.test(x.text)) - Number(LEADING_CONNECTIVE.test(y.text)) ||
          x.text.length - y.text.length,
      );
    const first = candidates[0];
    if (!first) return alignment.explanation;
    return excerpt(first.text);
  };

  const onlyIn: Record<string, BriefItem[]> = {};
  for (const article of articles) {
    onlyIn[article.id] = ranked('unique')
      .filter((a) => a.articles[0] === article.id)
      .slice(0, BRIEF_LIMITS.onlyIn)
      .map((a) => item(a, claimText(a)));
  }
  return {
    // Agreements worded apart come after the ones in shared words (judged by hand on roundups,
    // about 6 in 10 such were right against 29 of 30: docs/EVALUATION.md), and say so.
    agreed: ranked('agreed')
      .sort((x, y) => Number(Boolean(x.wordedApart)) - Number(Boolean(y.wordedApart)))
      .slice(0, BRIEF_LIMITS.agreed)
      .map((a) => item(a, `${claimText(a)}${agreedNote(a)}`)),
    disputed: ranked('conflict')
      .filter((a, i, all) => all.findIndex((b) => b.explanation === a.explanation) === i)
      .slice(0, BRIEF_LIMITS.disputed)
      .map((a) => item(a, a.explanation)),
    onlyIn,
  };
}
