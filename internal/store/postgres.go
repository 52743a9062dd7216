package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/dateline-news/dateline/internal/annotate"
)

// pgStore is the PostgreSQL backend: the tables of pgSchema in the
// database (and search_path) the URL names; full text in a tsvector column
// with a GIN index.
type pgStore struct {
	pool      *pgxpool.Pool
	blockBits int            // the store's setting (blockBits when it was made), unless a test changes it before writing
	mu        sync.Mutex     // guards parts
	parts     map[int64]bool // blocks whose partition of sentences is known to exist
	// beforeStories, when a test sets it, is called by a write before it
	// takes the stories lock (to line up concurrent writers).
	beforeStories func()
}

// openPostgres connects to the database at the URL and migrates its schema
// (readOnly: checks it, and opens every transaction read-only).
func openPostgres(location string, readOnly bool) (*pgStore, error) {
	cfg, err := pgxpool.ParseConfig(location)
	if err != nil {
		return nil, fmt.Errorf("bad PostgreSQL URL: %w", errors.Unwrap(err))
	}
	if readOnly {
		cfg.ConnConfig.RuntimeParams["default_transaction_read_only"] = "on"
	}
	// No JIT compilation, unless the URL asks for it: dateline's queries
	// are short, over many partitions, and a search of a million articles
	// whose plan crossed jit_above_cost spent 0.8 s compiling 1,237
	// functions for 0.2 s of execution.
	if _, set := cfg.ConnConfig.RuntimeParams["jit"]; !set {
		cfg.ConnConfig.RuntimeParams["jit"] = "off"
	}
	if cfg.MaxConns < int32(maxConns) {
		cfg.MaxConns = int32(maxConns)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	p := &pgStore{pool: pool, blockBits: blockBits, parts: map[int64]bool{}}
	if err := p.migrate(ctx, readOnly); err != nil {
		pool.Close()
		return nil, err
	}
	if err := p.settings(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return p, nil
}

func (p *pgStore) close() error {
	p.pool.Close()
	return nil
}

// pgQuery runs q on p's pool and calls fn for each row.
func pgQuery(ctx context.Context, q interface {
	Query(context.Context, string, ...any) (pgx.Rows, error)
}, query string, args []any, fn func(scan func(...any) error) error) error {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

// pgQuerier is a rowQuerier over a pool.
type pgQuerier struct{ pool *pgxpool.Pool }

func (q pgQuerier) queryRow(ctx context.Context, query string, dest ...any) error {
	return q.pool.QueryRow(ctx, query).Scan(dest...)
}

func (q pgQuerier) query(ctx context.Context, query string, args []any, fn func(scan func(...any) error) error) error {
	return pgQuery(ctx, q.pool, query, args, fn)
}

func (p *pgStore) digests(ctx context.Context, ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	err := pgQuery(ctx, p.pool, `SELECT id, digest FROM articles WHERE id = ANY($1)`, []any{ids}, func(scan func(...any) error) error {
		var id, d string
		if err := scan(&id, &d); err != nil {
			return err
		}
		out[id] = d
		return nil
	})
	return out, err
}

// pgArgs numbers the parameters of a statement being written.
type pgArgs struct{ args []any }

func (a *pgArgs) add(v any) string {
	a.args = append(a.args, v)
	return fmt.Sprintf("$%d", len(a.args))
}

// pgDayConds adds the conditions of f's date range on the day column of
// articles alias a.
func pgDayConds(f Filter, a string, conds []string, args *pgArgs) []string {
	if !f.From.IsZero() {
		conds = append(conds, a+".day >= "+args.add(f.From.Format(time.DateOnly))+"::date")
	}
	if !f.To.IsZero() {
		conds = append(conds, a+".day <= "+args.add(f.To.Format(time.DateOnly))+"::date")
	}
	return conds
}

// pgMatch writes m as an SQL expression of type tsquery. Terms go through
// the same parser ('simple' configuration) as the index terms did when the
// tsvector was made.
func pgMatch(m *match, args *pgArgs) string {
	switch m.op {
	case opTerm:
		return "plainto_tsquery('simple', " + args.add(m.terms[0]) + ")"
	case opPhrase:
		return "phraseto_tsquery('simple', " + args.add(strings.Join(m.terms, " ")) + ")"
	case opPrefix:
		return "to_tsquery('simple', " + args.add(tsqueryPrefix(m.terms[0])) + ")"
	}
	parts := make([]string, len(m.args))
	for i, a := range m.args {
		parts[i] = pgMatch(a, args)
	}
	op := " && "
	if m.op == opOr {
		op = " || "
	}
	return "(" + strings.Join(parts, op) + ")"
}

// tsqueryPrefix is the to_tsquery text of a prefix: a quoted lexeme, :*.
func tsqueryPrefix(p string) string {
	p = strings.NewReplacer(`\`, `\\`, `'`, `''`).Replace(p)
	return "'" + p + "':*"
}

func (p *pgStore) docs(ctx context.Context, f Filter, m *match, sp span, fn func(annotate.Doc) error) error {
	args := &pgArgs{}
	conds := pgDayConds(f, "a", []string{"true"}, args)
	from := "articles a"
	if m != nil {
		in := fmt.Sprintf("a.seq IN (SELECT id >> %d FROM sentences WHERE terms @@ %s", sentenceBits, pgMatch(m, args))
		if !sp.all {
			lo, hi := sp.ids()
			in += " AND id BETWEEN " + args.add(lo) + " AND " + args.add(hi)
		}
		conds = append(conds, in+")")
	}
	return pgQuery(ctx, p.pool, `SELECT `+articleColumns+` FROM `+from+` WHERE `+strings.Join(conds, " AND ")+` ORDER BY a.day, a.id`,
		args.args, func(scan func(...any) error) error {
			d, err := scanArticle(scan)
			if err != nil {
				return err
			}
			return fn(d)
		})
}

func (p *pgStore) article(ctx context.Context, id string) (annotate.Doc, error) {
	d, err := scanArticle(p.pool.QueryRow(ctx, `SELECT `+articleColumns+` FROM articles a WHERE a.id = $1`, id).Scan)
	if errors.Is(err, pgx.ErrNoRows) {
		return d, fmt.Errorf("article %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("load article %q: %w", id, err)
	}
	return d, nil
}

// compile writes a search query as a tsquery expression: plain words and
// phrases through websearch_to_tsquery, prefixes through to_tsquery; a raw
// query (web-search syntax) through websearch_to_tsquery.
func (p *pgStore) compile(q Query) (compiledQuery, error) {
	cq := compiledQuery{raw: q.Raw, q: q}
	args := &pgArgs{}
	if q.Raw {
		text := websearchRaw(q.Text)
		if text == "" {
			return cq, ErrEmptyQuery
		}
		cq.text = "websearch_to_tsquery('simple', " + args.add(text) + ")"
		cq.args = args.args
		return cq, nil
	}
	m, err := plainMatch(q.Text)
	if err != nil {
		return cq, err
	}
	clauses := []*match{m}
	if m.op == opAnd {
		clauses = m.args
	}
	var words []string
	var parts []string
	for _, c := range clauses {
		switch c.op {
		case opTerm:
			words = append(words, websearchWords(c.terms))
		case opPhrase:
			words = append(words, `"`+strings.ReplaceAll(strings.Join(c.terms, " "), `"`, " ")+`"`)
		default:
			parts = append(parts, pgMatch(c, args))
		}
	}
	if len(words) > 0 {
		parts = append([]string{"websearch_to_tsquery('simple', " + args.add(strings.Join(words, " ")) + ")"}, parts...)
	}
	cq.text = "(" + strings.Join(parts, " && ") + ")"
	cq.args = args.args
	return cq, nil
}

func (p *pgStore) search(ctx context.Context, q compiledQuery, f Filter, limit, window int, sp span) ([]Hit, error) {
	// As in SQLite, the newest window matches (of the span) are ranked: the
	// partitions of the newest blocks are asked first (searchStart articles
	// at least), then, while the window is not full, the older blocks that
	// the matches so far say will fill it, until the span is covered (see
	// blockBits). Each query asks only blocks not asked before, for the
	// newest matches the window still lacks, each with its ts_rank; the
	// best of them all are kept. Whole blocks: the planner then has no range
	// of ids to look up within a partition. (ORDER BY id + 0: the GIN
	// index, not a backward scan of the primary key filtering every row
	// until the window is full, which the planner prefers when it cannot
	// see the query.)
	lo, hi := sp.lo, sp.hi
	if sp.all {
		if err := p.pool.QueryRow(ctx, `SELECT coalesce(max(seq), 0) FROM articles`).Scan(&hi); err != nil {
			return nil, fmt.Errorf("search %q: %w", q.q.Text, err)
		}
	}
	type scored struct {
		id    int64
		score float32
	}
	var found []scored
	bits := int64(p.blockBits)
	first := hi >> bits // the first block asked; at least searchStart articles
	if hi-first<<bits+1 < searchStart && first > lo>>bits {
		first--
	}
	to := hi // the newest article not yet asked
	for {
		from := max(lo, first<<bits)
		args := &pgArgs{args: append([]any(nil), q.args...)}
		conds := []string{"s.terms @@ qq.q", fmt.Sprintf("s.id BETWEEN %d AND %d", sentenceID(from, 0), sentenceID(to, maxSentences))}
		join := ""
		if !sp.all {
			join = fmt.Sprintf(" JOIN articles a ON a.seq = s.id >> %d", sentenceBits)
			conds = pgDayConds(f, "a", conds, args)
		}
		query := fmt.Sprintf(`WITH qq AS MATERIALIZED (SELECT %s AS q),
			m AS MATERIALIZED (SELECT s.id, s.terms FROM sentences s%s, qq WHERE %s ORDER BY s.id + 0 DESC LIMIT %s)
			SELECT m.id, ts_rank(m.terms, qq.q) FROM m, qq`,
			q.text, join, strings.Join(conds, " AND "), args.add(window-len(found)))
		err := pgQuery(ctx, p.pool, query, args.args, func(scan func(...any) error) error {
			var sc scored
			if err := scan(&sc.id, &sc.score); err != nil {
				return err
			}
			found = append(found, sc)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", q.q.Text, err)
		}
		if len(found) >= window || from <= lo {
			break
		}
		// Ask next for the whole blocks of as many articles as the matches
		// so far say fill the window, at least twice as many and at most
		// eight times: matches are not spread evenly (a topic's articles
		// come in bursts), and a range with none would otherwise make the
		// next query the whole archive's.
		covered := hi - from + 1
		want := min(8*covered, max(2*covered, covered*int64(window)/int64(max(len(found), 1))*5/4))
		to = from - 1
		first = max(lo>>bits, min(first-1, (hi-want+1)>>bits))
	}
	slices.SortFunc(found, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	found = found[:min(len(found), limit)]
	seqs := make([]int64, 0, len(found))
	for _, sc := range found {
		seq, _ := splitSentenceID(sc.id)
		seqs = append(seqs, seq)
	}
	rows, err := p.hitRows(ctx, seqs)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.q.Text, err)
	}
	hits := make([]Hit, 0, len(found))
	for _, sc := range found {
		seq, pos := splitSentenceID(sc.id)
		r, ok := rows[seq]
		if !ok {
			continue
		}
		h, ok, err := r.hit(pos, float64(sc.score))
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", q.q.Text, damaged(r.h.ArticleID, err))
		}
		if ok {
			hits = append(hits, h)
		}
	}
	return hits, nil
}

func (p *pgStore) recent(ctx context.Context, f Filter, sp span, n int, fn func(int64, string) (bool, error)) error {
	args := &pgArgs{}
	conds := pgDayConds(f, "a", []string{"true"}, args)
	if !sp.all {
		conds = append(conds, "a.seq BETWEEN "+args.add(sp.lo)+" AND "+args.add(sp.hi))
	}
	query := `SELECT a.seq, a.body FROM articles a WHERE ` + strings.Join(conds, " AND ") + ` ORDER BY a.seq DESC LIMIT ` + args.add(n)
	return recentRows(func(row func(scan func(...any) error) error) error {
		return pgQuery(ctx, p.pool, query, args.args, row)
	}, fn)
}

func (p *pgStore) hitRows(ctx context.Context, seqs []int64) (map[int64]hitRow, error) {
	rows := make(map[int64]hitRow, len(seqs))
	err := pgQuery(ctx, p.pool, `SELECT a.seq, `+hitColumns+` FROM articles a WHERE a.seq = ANY($1)`, []any{seqs},
		func(scan func(...any) error) error {
			var seq int64
			r, err := scanHit(func(dest ...any) error { return scan(append([]any{&seq}, dest...)...) })
			rows[seq] = r
			return err
		})
	return rows, err
}

func (p *pgStore) span(ctx context.Context, f Filter) (span, error) {
	args := &pgArgs{}
	conds := pgDayConds(f, "a", []string{"true"}, args)
	var lo, hi *int64
	err := p.pool.QueryRow(ctx, `SELECT min(seq), max(seq) FROM articles a WHERE `+strings.Join(conds, " AND "), args.args...).Scan(&lo, &hi)
	if err != nil || lo == nil {
		return span{empty: err == nil}, err
	}
	return span{lo: *lo, hi: *hi}, nil
}

func (p *pgStore) vocabulary(ctx context.Context, piece string, limit int) ([]wordTerm, error) {
	var out []wordTerm
	err := pgQuery(ctx, p.pool, `SELECT word, term FROM words WHERE strpos(word, $1) > 0 LIMIT $2`, []any{piece, limit + 1},
		func(scan func(...any) error) error {
			var w wordTerm
			if err := scan(&w.word, &w.term); err != nil {
				return err
			}
			out = append(out, w)
			return nil
		})
	return out, err
}

func (p *pgStore) version(ctx context.Context) (int64, error) {
	var v int64
	err := p.pool.QueryRow(ctx, `SELECT count(*) FROM batches`).Scan(&v)
	return v, err
}

func (p *pgStore) querier() rowQuerier { return pgQuerier{p.pool} }

func (p *pgStore) stats(ctx context.Context) (Stats, error) {
	st := Stats{Backend: "postgres"}
	err := p.pool.QueryRow(ctx, `SELECT coalesce(sum(pg_total_relation_size(r)), 0) FROM (
		SELECT unnest(ARRAY['articles'::regclass, 'words'::regclass, 'days'::regclass, 'sources'::regclass, 'entities'::regclass,
			'batches'::regclass, 'dedup'::regclass, 'dedup_bands'::regclass, 'stories'::regclass]) AS r
		UNION ALL SELECT relid FROM pg_partition_tree('sentences'::regclass)) t`).Scan(&st.Bytes)
	if err != nil {
		return st, err
	}
	return st, countStats(ctx, pgQuerier{p.pool}, &st, "to_char(day, 'YYYY-MM')", "to_char(day, 'YYYY-MM-DD')")
}

// pgRetries is how many times a batch is tried again after a deadlock or a
// serialization failure between concurrent writers.
const pgRetries = 8

// write stores recs in one transaction, trying again when concurrent
// writers made PostgreSQL abort it.
func (p *pgStore) write(ctx context.Context, recs []*record, words []wordTerm) (added, updated int, err error) {
	recs = append([]*record(nil), recs...)
	sort.Slice(recs, func(i, j int) bool { return recs[i].a.ID < recs[j].a.ID }) // lock rows in one order
	seqs, err := p.reserve(ctx, recs)
	if err != nil {
		return 0, 0, fmt.Errorf("store: %w", err)
	}
	for attempt := 0; ; attempt++ {
		added, updated, err = p.writeOnce(ctx, recs, words, seqs)
		var pe *pgconn.PgError
		if err == nil || attempt == pgRetries || !errors.As(err, &pe) || (pe.Code != "40P01" && pe.Code != "40001") {
			return added, updated, err
		}
		select {
		case <-time.After(time.Duration(attempt+1) * 20 * time.Millisecond):
		case <-ctx.Done():
			return 0, 0, ctx.Err()
		}
	}
}

func (p *pgStore) writeOnce(ctx context.Context, recs []*record, words []wordTerm, reserved map[string]int64) (added, updated int, err error) {
	tx, err := p.pool.Begin(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("store: begin: %w", err)
	}
	defer tx.Rollback(ctx)
	old, err := pgStored(ctx, tx, recs)
	if err != nil {
		return 0, 0, fmt.Errorf("store: %w", err)
	}
	var fresh, changed []*record
	for _, r := range recs {
		st, ok := old[r.a.ID]
		switch {
		case !ok && reserved[r.a.ID] == 0:
			return 0, 0, fmt.Errorf("store article %s: no sequence number reserved", r.a.ID) // never: nothing is deleted
		case !ok:
			fresh = append(fresh, r)
		case st.digest != r.digest:
			changed = append(changed, r)
		}
	}
	seqs, err := pgInsert(ctx, tx, fresh, reserved)
	if err != nil {
		return 0, 0, fmt.Errorf("store: %w", err)
	}
	delta := newCountDelta()
	var ids []int64
	var terms []string
	var batch []signed // the articles written, for their stories
	index := func(seq int64, r *record) {
		batch = append(batch, r.signedAs(seq))
		for i, t := range r.terms {
			if t != "" {
				ids = append(ids, sentenceID(seq, i))
				terms = append(terms, t)
			}
		}
		delta.add(r.counts, 1)
	}
	for _, r := range fresh {
		if seq, ok := seqs[r.a.ID]; ok { // else another writer stored it meanwhile
			index(seq, r)
			added++
		}
	}
	for _, r := range changed {
		st := old[r.a.ID]
		if err := pgReplace(ctx, tx, st.seq, r); err != nil {
			return 0, 0, fmt.Errorf("store article %s: replace: %w", r.a.ID, err)
		}
		delta.add(st.counts, -1)
		index(st.seq, r)
		updated++
	}
	if len(ids) > 0 {
		if _, err := tx.Exec(ctx, `INSERT INTO sentences (id, terms) SELECT u.id, to_tsvector('simple', u.t)
			FROM unnest($1::bigint[], $2::text[]) AS u(id, t)`, ids, terms); err != nil {
			return 0, 0, fmt.Errorf("store: index sentences: %w", err)
		}
	}
	if err := pgWords(ctx, tx, words); err != nil {
		return 0, 0, fmt.Errorf("store: vocabulary: %w", err)
	}
	if err := pgCounts(ctx, tx, delta); err != nil {
		return 0, 0, fmt.Errorf("store: counts: %w", err)
	}
	if len(batch) > 0 {
		if p.beforeStories != nil {
			p.beforeStories()
		}
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(pgStoriesLock)); err != nil {
			return 0, 0, fmt.Errorf("store: stories: %w", err)
		}
		if err := assignStories(ctx, pgStories{tx}, batch); err != nil {
			return 0, 0, fmt.Errorf("store: %w", err)
		}
	}
	if added+updated > 0 {
		if _, err := tx.Exec(ctx, `INSERT INTO batches (added, updated) VALUES ($1, $2)`, added, updated); err != nil {
			return 0, 0, fmt.Errorf("store: %w", err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return 0, 0, fmt.Errorf("store: commit: %w", err)
	}
	return added, updated, nil
}

// Sentences are partitioned by ranges of ids, a block of 2^blockBits
// articles a partition (the value of a new store's setting block_bits), created as ingest reaches it: the newest matches of
// a search, or those of a date range (whose articles have nearby sequence
// numbers), are looked up in the GIN indexes of a few partitions, not in
// one index of every sentence of the archive — a GIN index returns its
// matches unordered, and reading them all is what a common word costs.
const blockBits = 12

// searchStart is how many of the newest articles a PostgreSQL search asks
// about first.
const searchStart = 2048

// partitionName is the name of block b's partition.
func partitionName(b int64) string { return fmt.Sprintf("sentences_%d", b) }

// reserve takes sequence numbers for the records whose ids are not stored
// yet, and makes sure the partitions of those numbers exist: before the
// write's transaction, which then holds no lock while one is created.
func (p *pgStore) reserve(ctx context.Context, recs []*record) (map[string]int64, error) {
	ids := make([]string, len(recs))
	for i, r := range recs {
		ids[i] = r.a.ID
	}
	stored, err := p.digests(ctx, ids)
	if err != nil {
		return nil, err
	}
	var need []string
	for _, id := range ids {
		if _, ok := stored[id]; !ok {
			need = append(need, id)
		}
	}
	out := make(map[string]int64, len(need))
	if len(need) == 0 {
		return out, nil
	}
	var seqs []int64
	err = pgQuery(ctx, p.pool, `SELECT nextval('article_seq') FROM generate_series(1, $1)`, []any{len(need)},
		func(scan func(...any) error) error {
			var v int64
			err := scan(&v)
			seqs = append(seqs, v)
			return err
		})
	if err != nil {
		return nil, fmt.Errorf("reserve sequence numbers: %w", err)
	}
	slices.Sort(seqs)
	blocks := map[int64]bool{}
	for i, id := range need {
		out[id] = seqs[i]
		blocks[seqs[i]>>p.blockBits] = true
	}
	for b := range blocks {
		if err := p.partition(ctx, b); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// partition creates block b's partition of sentences unless it exists.
func (p *pgStore) partition(ctx context.Context, b int64) error {
	p.mu.Lock()
	known := p.parts[b]
	p.mu.Unlock()
	if known {
		return nil
	}
	_, err := p.pool.Exec(ctx, fmt.Sprintf(`CREATE TABLE IF NOT EXISTS %s PARTITION OF sentences FOR VALUES FROM (%d) TO (%d)`,
		partitionName(b), sentenceID(b<<p.blockBits, 0), sentenceID((b+1)<<p.blockBits, 0)))
	var pe *pgconn.PgError
	if errors.As(err, &pe) && (pe.Code == "42P07" || pe.Code == "23505") {
		err = nil // created meanwhile by another process
	}
	if err != nil {
		return fmt.Errorf("create partition %s: %w", partitionName(b), err)
	}
	p.mu.Lock()
	p.parts[b] = true
	p.mu.Unlock()
	return nil
}

// pgStored reads, and locks, what is stored of the records' ids.
func pgStored(ctx context.Context, tx pgx.Tx, recs []*record) (map[string]stored, error) {
	ids := make([]string, len(recs))
	for i, r := range recs {
		ids[i] = r.a.ID
	}
	out := map[string]stored{}
	err := pgQuery(ctx, tx, `SELECT id, seq, digest, day::text, source, nsent, ntimex, nresolved, refs, names FROM articles
		WHERE id = ANY($1) ORDER BY id FOR UPDATE`, []any{ids}, func(scan func(...any) error) error {
		var id, refs, names string
		var st stored
		c := &st.counts
		if err := scan(&id, &st.seq, &st.digest, &c.day, &c.source, &c.sentences, &c.timexes, &c.resolved, &refs, &names); err != nil {
			return err
		}
		c.refs, c.names = parseRefs(refs), parseNames(names)
		out[id] = st
		return nil
	})
	return out, err
}

// pgInsert inserts the articles of recs whose id no one has stored, and
// returns the sequence numbers of those it inserted.
func pgInsert(ctx context.Context, tx pgx.Tx, recs []*record, reserved map[string]int64) (map[string]int64, error) {
	out := map[string]int64{}
	if len(recs) == 0 {
		return out, nil
	}
	n := len(recs)
	cols := make([][]string, 11)
	for i := range cols {
		cols[i] = make([]string, n)
	}
	sents := make([][]byte, n)
	nums := make([][]int64, 4)
	for i := range nums {
		nums[i] = make([]int64, n)
	}
	for i, r := range recs {
		a := r.a
		for j, v := range []string{a.ID, r.pub, r.day, a.Title, a.URL, a.Source, a.Origin, a.Text, r.digest, r.counts.refsString(), r.counts.namesString()} {
			cols[j][i] = v
		}
		sents[i] = r.sentences
		nums[0][i], nums[1][i], nums[2][i] = int64(r.counts.sentences), int64(r.counts.timexes), int64(r.counts.resolved)
		nums[3][i] = reserved[a.ID]
	}
	args := []any{}
	for _, c := range cols {
		args = append(args, c)
	}
	args = append(args, sents)
	for _, c := range nums {
		args = append(args, c)
	}
	err := pgQuery(ctx, tx, `INSERT INTO articles (id, published, day, title, url, source, origin, body, digest, refs, names, sentences,
			nsent, ntimex, nresolved, seq)
		SELECT u.id, u.published, u.day::date, u.title, u.url, u.source, u.origin, u.body, u.digest, u.refs, u.names, u.sentences,
			u.nsent, u.ntimex, u.nresolved, u.seq
		FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
			$10::text[], $11::text[], $12::bytea[], $13::bigint[], $14::bigint[], $15::bigint[], $16::bigint[])
			AS u(id, published, day, title, url, source, origin, body, digest, refs, names, sentences, nsent, ntimex, nresolved, seq)
		ON CONFLICT (id) DO NOTHING RETURNING id, seq`, args, func(scan func(...any) error) error {
		var id string
		var seq int64
		if err := scan(&id, &seq); err != nil {
			return err
		}
		out[id] = seq
		return nil
	})
	return out, err
}

// pgReplace overwrites the stored article seq with r, and takes its old
// sentences out of the index.
func pgReplace(ctx context.Context, tx pgx.Tx, seq int64, r *record) error {
	a := r.a
	if _, err := tx.Exec(ctx, `DELETE FROM sentences WHERE id BETWEEN $1 AND $2`, sentenceID(seq, 0), sentenceID(seq, maxSentences)); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `UPDATE articles SET published = $1, day = $2::date, title = $3, url = $4, source = $5, origin = $6,
		body = $7, sentences = $8, digest = $9, nsent = $10, ntimex = $11, nresolved = $12, refs = $13, names = $14, ingested = now()
		WHERE seq = $15`,
		r.pub, r.day, a.Title, a.URL, a.Source, a.Origin, a.Text, r.sentences, r.digest,
		r.counts.sentences, r.counts.timexes, r.counts.resolved, r.counts.refsString(), r.counts.namesString(), seq)
	return err
}

// pgWords adds the words the vocabulary may lack, in order.
func pgWords(ctx context.Context, tx pgx.Tx, words []wordTerm) error {
	if len(words) == 0 {
		return nil
	}
	ws, ts := make([]string, len(words)), make([]string, len(words))
	for i, w := range words {
		ws[i], ts[i] = w.word, w.term
	}
	_, err := tx.Exec(ctx, `INSERT INTO words (word, term) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`, ws, ts)
	return err
}

// pgCounts adds delta to the counts tables, rows in order.
func pgCounts(ctx context.Context, tx pgx.Tx, delta *countDelta) error {
	days := delta.dayKeys()
	if len(days) > 0 {
		cols := make([][]int64, 5)
		for i := range cols {
			cols[i] = make([]int64, len(days))
		}
		for i, d := range days {
			for j, v := range delta.days[d] {
				cols[j][i] = int64(v)
			}
		}
		if _, err := tx.Exec(ctx, `INSERT INTO days (day, articles, sentences, timexes, resolved, refs)
			SELECT u.day::date, u.a, u.s, u.t, u.r, u.f FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[])
				AS u(day, a, s, t, r, f)
			ON CONFLICT (day) DO UPDATE SET articles = days.articles + excluded.articles, sentences = days.sentences + excluded.sentences,
				timexes = days.timexes + excluded.timexes, resolved = days.resolved + excluded.resolved, refs = days.refs + excluded.refs`,
			days, cols[0], cols[1], cols[2], cols[3], cols[4]); err != nil {
			return err
		}
	}
	sources := delta.sourceKeys()
	if len(sources) > 0 {
		ns := make([]int64, len(sources))
		for i, s := range sources {
			ns[i] = int64(delta.sources[s])
		}
		if _, err := tx.Exec(ctx, `INSERT INTO sources (source, articles) SELECT * FROM unnest($1::text[], $2::bigint[])
			ON CONFLICT (source) DO UPDATE SET articles = sources.articles + excluded.articles`, sources, ns); err != nil {
			return err
		}
	}
	ents := delta.entityKeys()
	if len(ents) > 0 {
		names, types, firsts, lasts := make([]string, len(ents)), make([]string, len(ents)), make([]string, len(ents)), make([]string, len(ents))
		mentions, articles := make([]int64, len(ents)), make([]int64, len(ents))
		for i, k := range ents {
			e := delta.entities[k]
			names[i], types[i], firsts[i], lasts[i] = k.name, k.typ, e.first, e.last
			mentions[i], articles[i] = int64(e.mentions), int64(e.articles)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO entities (name, type, mentions, articles, first, last)
			SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[])
			ON CONFLICT (name, type) DO UPDATE SET mentions = entities.mentions + excluded.mentions,
				articles = entities.articles + excluded.articles,
				first = least(entities.first, excluded.first), last = greatest(entities.last, excluded.last)`,
			names, types, mentions, articles, firsts, lasts); err != nil {
			return err
		}
	}
	return nil
}
