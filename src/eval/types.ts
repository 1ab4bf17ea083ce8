/** What every `parallax eval <task>` returns. */
export interface EvalResult {
  task: string;
  /** The dataset path that was scored. */
  data: string;
  /** Our figures, e.g. `{ f1: 0.61, precision: 0.6, recall: 0.62 }`. */
  metrics: Record<string, number>;
  /** Published or baseline figures on the same data, for comparison. */
  reference: Record<string, number>;
  /** How many items were scored (pages, sentences, articles, pairs…). */
  count: number;
  /** Anything a reader should know about how the figure was made. */
  notes: string[];
  /** Seconds it took. */
  seconds: number;
}

export interface EvalTask {
  name: string;
  description: string;
  /** Default dataset location, relative to the shared data folder. */
  defaultData: string;
  run(dataPath: string): Promise<EvalResult>;
}
