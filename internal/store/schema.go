package store

// schemaVersion is bumped whenever schema changes shape; Open refuses a
// database written by a newer version.
const schemaVersion = 1

const schema = `
CREATE TABLE IF NOT EXISTS meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
	id        TEXT PRIMARY KEY,
	published TEXT NOT NULL,  -- RFC 3339
	day       TEXT NOT NULL,  -- YYYY-MM-DD of publication
	title     TEXT NOT NULL DEFAULT '',
	url       TEXT NOT NULL DEFAULT '',
	source    TEXT NOT NULL DEFAULT '',
	origin    TEXT NOT NULL DEFAULT '',
	body      TEXT NOT NULL,
	ingested  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_day ON articles(day);
CREATE TABLE IF NOT EXISTS sentences (
	id         INTEGER PRIMARY KEY,
	article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	start      INTEGER NOT NULL,  -- rune offsets in the article body
	end        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	UNIQUE (article_id, idx)
);
CREATE TABLE IF NOT EXISTS timexes (
	sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
	start       INTEGER NOT NULL,  -- rune offsets in the article body
	end         INTEGER NOT NULL,
	text        TEXT NOT NULL,
	type        TEXT NOT NULL,
	value       TEXT NOT NULL,
	mod         TEXT NOT NULL DEFAULT '',
	quant       TEXT NOT NULL DEFAULT '',
	freq        TEXT NOT NULL DEFAULT '',
	day         TEXT,              -- first day the value denotes, when it names a stretch of the calendar
	gran        TEXT               -- its granularity: day, week, month, ...
);
CREATE INDEX IF NOT EXISTS timexes_sentence ON timexes(sentence_id);
CREATE INDEX IF NOT EXISTS timexes_day ON timexes(day);
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
	text, content='sentences', content_rowid='id', tokenize='porter unicode61'
);
`
