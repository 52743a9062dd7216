package server

import (
	"container/list"
	"runtime"
	"sync"

	"github.com/dateline-news/dateline/internal/timeline"
)

func defaultBuilders() int { return runtime.GOMAXPROCS(0) }

// cache keeps the timelines of recent requests, least recently used out
// first. Identical requests in flight share one build. clear drops
// everything and starts a new generation: a build that began before it is
// returned to its callers but not kept.
type cache struct {
	mu       sync.Mutex
	size     int
	gen      uint64                   // bumped by clear
	entries  map[string]*list.Element // of *cached
	order    *list.List               // most recently used first
	inflight map[string]*call
}

type cached struct {
	key string
	tl  timeline.Timeline
}

// call is one build in flight; done is closed when tl and err are set.
type call struct {
	done chan struct{}
	tl   timeline.Timeline
	err  error
}

func newCache(size int) *cache {
	return &cache{size: size, entries: map[string]*list.Element{}, order: list.New(), inflight: map[string]*call{}}
}

// get returns the timeline for key, building it with build if it is
// neither cached nor being built; hit says whether it was cached.
func (c *cache) get(key string, build func() (timeline.Timeline, error)) (tl timeline.Timeline, hit bool, err error) {
	c.mu.Lock()
	if el, ok := c.entries[key]; ok {
		c.order.MoveToFront(el)
		c.mu.Unlock()
		return el.Value.(*cached).tl, true, nil
	}
	if cl, ok := c.inflight[key]; ok {
		c.mu.Unlock()
		<-cl.done
		return cl.tl, false, cl.err
	}
	cl := &call{done: make(chan struct{})}
	c.inflight[key] = cl
	gen := c.gen
	c.mu.Unlock()

	cl.tl, cl.err = build()
	close(cl.done)

	c.mu.Lock()
	defer c.mu.Unlock()
	if c.inflight[key] == cl {
		delete(c.inflight, key)
	}
	if cl.err == nil && gen == c.gen {
		c.entries[key] = c.order.PushFront(&cached{key, cl.tl})
		for c.order.Len() > c.size {
			last := c.order.Back()
			c.order.Remove(last)
			delete(c.entries, last.Value.(*cached).key)
		}
	}
	return cl.tl, false, cl.err
}

// clear drops every cached timeline (the store changed).
func (c *cache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.entries = map[string]*list.Element{}
	c.order.Init()
	c.inflight = map[string]*call{} // builds in flight read the old store: later requests start anew
}

// len is the number of cached timelines.
func (c *cache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}
