package server

import (
	"container/list"
	"runtime"
	"sync"
)

// defaultBuilders is how many timelines are built at once unless told:
// half the CPUs, so that the other half answers the quick requests (search,
// articles, cached timelines) while long builds run.
func defaultBuilders() int { return max(1, runtime.GOMAXPROCS(0)/2) }

// cache keeps the answers of recent requests (timelines, rendered search
// results and articles), least recently used out first. Identical requests
// in flight share one build. clear drops everything and starts a new
// generation: a build that began before it is returned to its callers but
// not kept.
type cache[V any] struct {
	mu       sync.Mutex
	size     int
	gen      uint64                   // bumped by clear
	entries  map[string]*list.Element // of *cached
	order    *list.List               // most recently used first
	inflight map[string]*call[V]
}

type cached[V any] struct {
	key string
	v   V
}

// call is one build in flight; done is closed when v and err are set.
type call[V any] struct {
	done chan struct{}
	v    V
	err  error
}

func newCache[V any](size int) *cache[V] {
	return &cache[V]{size: size, entries: map[string]*list.Element{}, order: list.New(), inflight: map[string]*call[V]{}}
}

// get returns the value for key, building it with build if it is neither
// cached nor being built; hit says whether it was cached.
func (c *cache[V]) get(key string, build func() (V, error)) (v V, hit bool, err error) {
	c.mu.Lock()
	if el, ok := c.entries[key]; ok {
		c.order.MoveToFront(el)
		c.mu.Unlock()
		return el.Value.(*cached[V]).v, true, nil
	}
	if cl, ok := c.inflight[key]; ok {
		c.mu.Unlock()
		<-cl.done
		return cl.v, false, cl.err
	}
	cl := &call[V]{done: make(chan struct{})}
	c.inflight[key] = cl
	gen := c.gen
	c.mu.Unlock()

	cl.v, cl.err = build()
	close(cl.done)

	c.mu.Lock()
	defer c.mu.Unlock()
	if c.inflight[key] == cl {
		delete(c.inflight, key)
	}
	if cl.err == nil && gen == c.gen {
		c.entries[key] = c.order.PushFront(&cached[V]{key, cl.v})
		for c.order.Len() > c.size {
			last := c.order.Back()
			c.order.Remove(last)
			delete(c.entries, last.Value.(*cached[V]).key)
		}
	}
	return cl.v, false, cl.err
}

// clear drops every cached value (the store changed).
func (c *cache[V]) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.entries = map[string]*list.Element{}
	c.order.Init()
	c.inflight = map[string]*call[V]{} // builds in flight read the old store: later requests start anew
}

// len is the number of cached values.
func (c *cache[V]) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}
