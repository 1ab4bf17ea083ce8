/**
 * Claims: what each article asserts (extract.ts), aligned across articles into agreed,
 * conflicting and unique facts (align.ts), and the brief a reader wants first (brief.ts).
 */
export { extractClaims, MIN_CLAIM_WORDS, QUOTED_SHARE_MAX } from './extract.ts';
export { alignClaims, AGREE_MIN_SCORE, CLOSE_PAIR_MIN_SCORE, CONFLICT_MIN_SCORE } from './align.ts';
export { buildBrief, BRIEF_LIMITS } from './brief.ts';
