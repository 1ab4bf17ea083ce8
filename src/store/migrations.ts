/**
 * Schema migrations: ordered SQL steps, each applied once in its own transaction and recorded
 * in `schema_migrations`. Append new steps; never edit one that has shipped.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'articles, comparisons, stories, feed state',
    sql: `
CREATE TABLE articles (
  id            TEXT PRIMARY KEY,
  canonical_url TEXT UNIQUE,
  content_hash  TEXT NOT NULL UNIQUE,
  source        TEXT,
  title         TEXT,
  published     TEXT,
  stored_at     TEXT NOT NULL,
  json          TEXT NOT NULL
);
CREATE INDEX articles_stored_at ON articles (stored_at);

CREATE TABLE comparisons (
  id         TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  story_id   TEXT,
  report     TEXT NOT NULL
);
CREATE INDEX comparisons_created_at ON comparisons (created_at);

CREATE TABLE comparison_articles (
  comparison_id TEXT NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  article_id    TEXT NOT NULL,
  title         TEXT,
  PRIMARY KEY (comparison_id, position)
);

CREATE TABLE stories (
  id         TEXT PRIMARY KEY,
  headline   TEXT NOT NULL,
  sources    TEXT NOT NULL,
  first_seen TEXT,
  last_seen  TEXT
);
CREATE INDEX stories_last_seen ON stories (last_seen);

CREATE TABLE story_articles (
  story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  PRIMARY KEY (story_id, position)
);
CREATE INDEX story_articles_article ON story_articles (article_id);

CREATE TABLE feed_state (
  url           TEXT PRIMARY KEY,
  etag          TEXT,
  last_modified TEXT,
  last_polled   TEXT,
  failures      INTEGER NOT NULL DEFAULT 0,
  next_poll     TEXT
);
`,
  },
];
