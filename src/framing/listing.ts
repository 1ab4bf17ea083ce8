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
 * finding", among findings in sentences the sentence-bias model calls biased.
 */
export const LISTED_MIN_SCORE = 0.45;

/** True when a finding is strong enough to list in a reader's summary. */
export function isListed(finding: FramingFinding): boolean {
  return finding.score >= LISTED_MIN_SCORE;
}

/**
 * True when the finding's sentence is one the sentence-bias model calls biased (above the model's
 * own threshold). Such findings are listed first: on the BABE test half half of them hold a word
 * the experts marked, against a third of all listed findings (`parallax eval loaded`). It is an
 * order, not a filter: on the seed pair the model scores the sentences holding "dictator" (0.46)
 * and "coup mongering" (0.38) below the threshold, and a reader must still see them.
 */
export function inBiasedSentence(finding: FramingFinding): boolean {
  return finding.sentenceBias !== undefined && finding.sentenceBias > sentenceBiasThreshold();
}
