/**
 * Which framing findings a reader is shown, and in which order. Every finding stays in the JSON
 * report; the terminal and HTML summaries list those a reader can most trust, first.
 */
import type { FramingFinding } from '../model/index.ts';
import { sentenceBiasThreshold } from './bias.ts';

/**
 * Findings scoring below this are left out of the listed summary. Chosen by `parallax eval
 * loaded` on the tune half of BABE (news sentences whose biased words experts marked; the PTC
 * models never saw them): the score with the best F0.5 of "a finding holds a marked word"
 * (precision, counted double: a reader pays for a wrong flag) against "a marked word lies in a
 * finding", among findings in sentences the sentence-bias model calls biased. (Once loaded
 * findings must also hold a charged word, see LISTED_FIRST_MIN_WORD_BIAS, the tune half would
 * want no score cut for them, F0.5 0.570 against 0.556; the cut stays, as it also governs the
 * techniques that have no word signal.)
 */
export const LISTED_MIN_SCORE = 0.45;

/** True when a finding is strong enough to list in a reader's summary. */
export function isListed(finding: FramingFinding): boolean {
  return finding.score >= LISTED_MIN_SCORE;
}

/**
 * True when the finding's sentence is one the sentence-bias model calls biased (above the model's
 * own threshold). On the BABE test half half of such findings hold a word the experts marked,
 * against a third of all listed findings (`parallax eval loaded`).
 */
export function inBiasedSentence(finding: FramingFinding): boolean {
  return finding.sentenceBias !== undefined && finding.sentenceBias > sentenceBiasThreshold();
}

/**
 * A loaded-language or name-calling finding holds a charged word from this `wordBias` (the
 * likeliest word's probability of being marked by experts). Chosen like LISTED_MIN_SCORE, on the
 * tune half of BABE with a marked-word model trained on the other half: the best F0.5 of findings
 * passing both this and the sentence gate, among 0.1, 0.15, 0.2, 0.3 and 0.4.
 */
export const LISTED_FIRST_MIN_WORD_BIAS = 0.2;

/** True unless the finding is a loaded one whose words carry little charge (see LISTED_FIRST_MIN_WORD_BIAS). */
export function holdsChargedWord(finding: FramingFinding): boolean {
  return finding.wordBias === undefined || finding.wordBias >= LISTED_FIRST_MIN_WORD_BIAS;
}

/**
 * How many of the two signals a finding passes: its sentence reads as biased, and (for loaded
 * findings) it holds a word experts would mark. Summaries list higher tiers first. On the BABE
 * test half, loaded findings passing both hold a marked word two times in three, against one in
 * three for all listed ones. An order, not a filter: on the seed pair the sentences holding
 * "dictator" (0.46) and "coup mongering" (0.38) score below the sentence threshold and "violent"
 * carries little charge for BABE's experts, and a reader must still see them.
 */
export function listingTier(finding: FramingFinding): number {
  return Number(inBiasedSentence(finding)) + Number(holdsChargedWord(finding));
}
