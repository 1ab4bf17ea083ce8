/** Framing: propaganda techniques at span level, sentence bias, article scores. */
export { detectFraming, loadPtcModels } from './techniques-detect.ts';
export { TECHNIQUES } from './techniques.ts';
export { scoreArticle, LOADED_TECHNIQUES, QUOTED_SENTENCE_SHARE, subjectiveThreshold } from './scores.ts';
export { sentenceBias, sentenceBiasThreshold, documentSentenceBias } from './bias.ts';
export { hyperpartisanProbability } from './hyperpartisan.ts';
export { leaningEstimate, LEANINGS, type Leaning } from './leaning.ts';
