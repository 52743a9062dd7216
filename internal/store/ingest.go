package store

import (
	"context"
	"hash/maphash"
	"iter"
	"sync"

	"github.com/dateline-news/dateline/internal/article"
)

// ingest is the state of one Store.Ingest: the running totals, and what the
// goroutines that read, annotate and write share.
type ingest struct {
	s        *Store
	mu       sync.Mutex // guards r and calls of progress
	r        IngestResult
	progress func(IngestResult)
	freshErr error // a failure to look up stored digests; reading stops
}

func newIngest(s *Store, progress func(IngestResult)) *ingest {
	return &ingest{s: s, progress: progress}
}

// report changes the totals and passes them to progress.
func (in *ingest) report(f func(*IngestResult)) {
	in.mu.Lock()
	defer in.mu.Unlock()
	f(&in.r)
	if in.progress != nil {
		in.progress(in.r)
	}
}

func (in *ingest) result() IngestResult {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.r
}

// lookupChunk is how many articles are checked against the store in one
// query before annotation.
const lookupChunk = 256

// fresh yields the articles of arts that need annotating — not stored, or
// stored with other content, and not seen before in this run — and the read
// errors, in order. It asks the store about a chunk of articles at a time.
func (in *ingest) fresh(ctx context.Context, arts iter.Seq2[article.Article, error]) iter.Seq2[article.Article, error] {
	return func(yield func(article.Article, error) bool) {
		type item struct {
			a      article.Article
			err    error
			digest string
		}
		seen := idSet{} // ids read in this run, written or not yet
		var chunk []item
		flush := func() bool {
			ids := make([]string, 0, len(chunk))
			for _, it := range chunk {
				if it.err == nil {
					ids = append(ids, it.a.ID)
				}
			}
			stored, err := in.s.b.digests(ctx, ids)
			if err != nil {
				in.freshErr = err
				return false
			}
			for _, it := range chunk {
				if it.err == nil {
					if stored[it.a.ID] == it.digest || !seen.add(it.a.ID) {
						in.report(func(r *IngestResult) { r.Read++; r.Skipped++ })
						continue
					}
				}
				if !yield(it.a, it.err) {
					return false
				}
			}
			chunk = chunk[:0]
			return true
		}
		for a, err := range arts {
			it := item{a: a, err: err}
			if err == nil {
				it.digest = digest(a)
			}
			chunk = append(chunk, it)
			if len(chunk) == lookupChunk && !flush() {
				return
			}
			if ctx.Err() != nil {
				return
			}
		}
		if len(chunk) > 0 {
			flush()
		}
	}
}

// idSet is a set of article ids kept as 128-bit hashes: 16 bytes an id
// however long the ids, for the ids of a whole ingest run. (Two ids share a
// hash with a probability of about n²/2¹²⁹: never, in practice.)
type idSet map[[2]uint64]struct{}

var idSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

// add adds id and reports whether it was new.
func (s idSet) add(id string) bool {
	k := [2]uint64{maphash.String(idSeeds[0], id), maphash.String(idSeeds[1], id)}
	if _, ok := s[k]; ok {
		return false
	}
	s[k] = struct{}{}
	return true
}

// writer writes batches in a goroutine of its own, so that the workers
// annotate the next batch while one is written.
type writer struct {
	batches chan []*record
	done    chan struct{}
	err     error // the first write error; set before done closes
	failed  chan struct{}
	once    sync.Once
}

func (in *ingest) startWriter(ctx context.Context) *writer {
	w := &writer{batches: make(chan []*record, 1), done: make(chan struct{}), failed: make(chan struct{})}
	go func() {
		defer close(w.done)
		for b := range w.batches {
			if w.err != nil {
				continue // drain
			}
			added, updated, err := in.s.write(ctx, b)
			if err != nil {
				w.err = err
				w.once.Do(func() { close(w.failed) })
				continue
			}
			in.report(func(r *IngestResult) {
				r.Added += added
				r.Updated += updated
				r.Skipped += len(b) - added - updated
			})
		}
	}()
	return w
}

// send queues a batch; false once a write has failed.
func (w *writer) send(b []*record) bool {
	select {
	case w.batches <- b:
		return true
	case <-w.failed:
		return false
	}
}

// finish waits for the queued batches and returns the first write error.
func (w *writer) finish() error {
	close(w.batches)
	<-w.done
	return w.err
}
