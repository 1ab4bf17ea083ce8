/** Stories: articles of one event grouped incrementally, and the feeds they come from. */
export {
  StoryClusterer,
  DEFAULT_WINDOW_HOURS,
  type ClusterArticle,
  type ClusterOptions,
  type Assignment,
  type CandidateScore,
  type PreparedArticle,
} from './cluster.ts';
export { FEATURE_NAMES, DEFAULT_WEIGHTS, loadWeights, type SimilarityWeights } from './weights.ts';
export { pairwiseScores, bcubedScores, type ClusterScores } from './metrics.ts';
export { FeedWatcher, formatSummary, DEFAULT_HOST_DELAY_MS, BACKOFF_BASE_MS, BACKOFF_MAX_MS, type WatchOptions, type PollSummary } from './watch.ts';
export { parseOpml, looksLikeOpml, type OpmlFeed } from './opml.ts';
