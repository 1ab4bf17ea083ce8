/**
 * `parallax eval ptc`: the propaganda span tagger and technique classifier on a PTC split
 * (default: dev, never trained on), scored with the SemEval-2020 task 11 definitions.
 */
import { join } from 'node:path';
import { buildArticleView } from '../framing/features-article.ts';
import { lineSentences, readPtcSplit } from '../framing/spans-data.ts';
import { scoreSpanIdentification, scoreTechniques } from '../framing/spans-score.ts';
import { classifySpan, loadPtcModels } from '../framing/techniques-detect.ts';
import type { Span } from '../model/index.ts';
import type { EvalResult, EvalTask } from './types.ts';

/** Per-technique micro-F1 is reported for classes with at least this many gold spans. */
const MIN_SPANS_PER_CLASS_REPORTED = 10;

export function evaluatePtc(dataPath: string, options: { limit?: number } = {}): Omit<EvalResult, 'seconds'> {
  const models = loadPtcModels();
  const articles = readPtcSplit(dataPath).slice(0, options.limit);
  const predictedSpans = new Map<string, Span[]>();
  const goldSpans = new Map<string, Span[]>();
  const predictedTechniques: string[] = [];
  const goldTechniques: string[] = [];
  for (const article of articles) {
    const view = buildArticleView(article.text, lineSentences(article.text), models.lexicons);
    predictedSpans.set(article.id, models.tagger.tag(view));
    goldSpans.set(article.id, article.spans);
    // The TC subtask gives the article's gold spans (not their labels); a span labelled with k
    // techniques gets the classifier's k most likely.
    const seen = new Map<string, number>();
    for (const span of article.spans) {
      const key = `${span.start}:${span.end}`;
      const k = seen.get(key) ?? 0;
      seen.set(key, k + 1);
      const { ranked } = classifySpan(models, view, span, article.spans);
      predictedTechniques.push(ranked[Math.min(k, ranked.length - 1)]!);
      goldTechniques.push(span.technique);
    }
  }
  const si = scoreSpanIdentification(predictedSpans, goldSpans);
  const metrics: Record<string, number> = {
    span_precision: si.precision,
    span_recall: si.recall,
    span_f1: si.f1,
    technique_micro_f1: scoreTechniques(predictedTechniques, goldTechniques),
  };
  const classes = [...new Set(goldTechniques)].sort();
  for (const technique of classes) {
    const rows = goldTechniques.flatMap((g, i) => (g === technique ? [i] : []));
    if (rows.length < MIN_SPANS_PER_CLASS_REPORTED) continue;
    metrics[`recall ${technique}`] = rows.filter((i) => predictedTechniques[i] === technique).length / rows.length;
  }
  return {
    task: 'ptc',
    data: dataPath,
    metrics,
    reference: {
      span_f1: 0.5155,
      technique_micro_f1: 0.6207,
      floor_span_f1: 0.314,
      floor_technique_micro_f1: 0.632,
    },
    count: articles.length,
    notes: [
      `${goldTechniques.length} gold spans; span identification uses the corpus's one-sentence-per-line split`,
      'references: SemEval-2020 task 11 best on its test set (SI 0.5155 Hitachi, TC 0.6207 ApplicaAI); floors are plain n-gram logistic regressions on this dev split',
    ],
  };
}

export const ptcTask: EvalTask = {
  name: 'ptc',
  description: 'propaganda span identification (char-overlap F1) and technique classification (micro-F1), SemEval-2020 task 11',
  defaultData: join('ptc', 'dev'),
  async run(dataPath: string): Promise<EvalResult> {
    const started = Date.now();
    const result = evaluatePtc(dataPath);
    return { ...result, seconds: (Date.now() - started) / 1000 };
  },
};
