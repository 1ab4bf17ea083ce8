/**
 * Which framing findings a reader is shown. Every finding stays in the JSON report; the terminal
 * and HTML summaries list those a reader can most trust, strongest first.
 */
import type { FramingFinding } from '../model/index.ts';

/**
 * Findings scoring below this are left out of the listed summary. Chosen by `parallax eval
 * loaded` on the tune half of BABE (news sentences whose biased words experts marked; the PTC
 * models never saw them): the score with the best F1 of "a finding holds a marked word" against
 * "a marked word lies in a finding". On news the score separates poorly — precision stays near
 * 0.3–0.4 at any cut — so the cut is low and mostly drops the stretches the tagger is least sure of.
 */
export const LISTED_MIN_SCORE = 0.45;

/** True when a finding is strong enough to list in a reader's summary. */
export function isListed(finding: FramingFinding): boolean {
  return finding.score >= LISTED_MIN_SCORE;
}
