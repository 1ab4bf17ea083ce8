/**
 * The JSON report: the stable contract of DESIGN.md (`"schema": "parallax.report/1"`).
 * Keys may be added, never removed; schema/report.schema.json describes it.
 */
import type { Comparison } from '../model/index.ts';

/** The report object as written by `renderJson`, keys in the documented order. */
export type Report = Comparison;

/** The Comparison as a plain report object with the documented keys first; keys added later follow. */
export function toReport(c: Comparison): Report {
  const { schema: _schema, id, createdAt, articles, actors, claims, alignments, quotes, framing, scores, brief, warnings, ...added } = c;
  return { schema: 'parallax.report/1', id, createdAt, articles, actors, claims, alignments, quotes, framing, scores, brief, warnings, ...added };
}

/** Pretty JSON (two-space indent) with a trailing newline. */
export function renderJson(c: Comparison): string {
  return `${JSON.stringify(toReport(c), null, 2)}\n`;
}
