/**
 * The JSON report: the stable contract of DESIGN.md (`"schema": "parallax.report/1"`).
 * Keys may be added, never removed; schema/report.schema.json describes it.
 */
import type { Comparison } from '../model/index.ts';

/** The report object as written by `renderJson`, keys in the documented order. */
export type Report = Comparison;

/** The Comparison as a plain report object with the documented keys first. */
export function toReport(c: Comparison): Report {
  return {
    schema: 'parallax.report/1',
    id: c.id,
    createdAt: c.createdAt,
    articles: c.articles,
    actors: c.actors,
    claims: c.claims,
    alignments: c.alignments,
    quotes: c.quotes,
    framing: c.framing,
    scores: c.scores,
    brief: c.brief,
    warnings: c.warnings,
  };
}

/** Pretty JSON (two-space indent) with a trailing newline. */
export function renderJson(c: Comparison): string {
  return `${JSON.stringify(toReport(c), null, 2)}\n`;
}
