/**
 * `assertValidReport(report)`: every report a test produces goes through it. It checks the
 * JSON Schema (schema/report.schema.json) and what a schema cannot say: every span lies inside
 * its article and slices to the evidence text, and every id a report refers to exists.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';

const SCHEMA_PATH = resolve(import.meta.dirname, '../../schema/report.schema.json');

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);

interface SpanLike {
  article: string;
  start: number;
  end: number;
  text?: string;
}

/** Throws an AssertionError naming the first problems when `report` breaks the contract. */
export function assertValidReport(report: unknown): void {
  const value = typeof report === 'string' ? (JSON.parse(report) as unknown) : report;
  if (!validate(value)) {
    const problems = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    assert.fail(`report does not match schema/report.schema.json:\n  ${problems.join('\n  ')}`);
  }
  const r = value as {
    articles: { id: string; text: string }[];
    actors: { id: string; mentions: SpanLike[]; labels: SpanLike[] }[];
    claims: (SpanLike & { id: string; actors: string[] })[];
    alignments: { id?: string; claims: string[]; articles: string[] }[];
    quotes: (SpanLike & { id: string; speaker: string | null })[];
    framing: SpanLike[];
    brief: { agreed: { alignment: string }[]; disputed: { alignment: string }[]; onlyIn: Record<string, { alignment: string }[]> };
  };
  const texts = new Map(r.articles.map((a) => [a.id, a.text]));
  assert.equal(texts.size, r.articles.length, 'article ids are unique');
  const actorIds = new Set(r.actors.map((a) => a.id));
  const claimIds = new Set(r.claims.map((c) => c.id));

  const checkSpan = (where: string, s: SpanLike, sliceMustMatch: boolean): void => {
    const text = texts.get(s.article);
    assert.ok(text !== undefined, `${where}: unknown article ${s.article}`);
    assert.ok(s.start <= s.end && s.end <= text.length, `${where}: span ${s.start}-${s.end} outside article ${s.article} (${text.length})`);
    if (sliceMustMatch && s.text !== undefined) {
      assert.equal(text.slice(s.start, s.end), s.text, `${where}: span does not slice to its text`);
    }
  };
  for (const actor of r.actors) {
    actor.mentions.forEach((m, i) => checkSpan(`actor ${actor.id} mention ${i}`, m, false));
    actor.labels.forEach((l, i) => checkSpan(`actor ${actor.id} label ${i}`, l, true));
  }
  for (const c of r.claims) {
    checkSpan(`claim ${c.id}`, c, true);
    for (const a of c.actors) assert.ok(actorIds.has(a), `claim ${c.id}: unknown actor ${a}`);
  }
  for (const q of r.quotes) {
    checkSpan(`quote ${q.id}`, q, true);
    if (q.speaker !== null) assert.ok(actorIds.has(q.speaker), `quote ${q.id}: unknown speaker ${q.speaker}`);
  }
  r.framing.forEach((f, i) => checkSpan(`framing ${i}`, f, true));
  const alignmentIds = new Set<string>();
  for (const al of r.alignments) {
    if (al.id) alignmentIds.add(al.id);
    for (const c of al.claims) assert.ok(claimIds.has(c), `alignment ${al.id ?? '?'}: unknown claim ${c}`);
    for (const a of al.articles) assert.ok(texts.has(a), `alignment ${al.id ?? '?'}: unknown article ${a}`);
  }
  const briefItems = [...r.brief.agreed, ...r.brief.disputed, ...Object.values(r.brief.onlyIn).flat()];
  for (const item of briefItems) {
    assert.ok(alignmentIds.has(item.alignment), `brief item refers to unknown alignment ${item.alignment}`);
  }
  for (const id of Object.keys(r.brief.onlyIn)) assert.ok(texts.has(id), `brief.onlyIn: unknown article ${id}`);
}
