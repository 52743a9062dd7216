package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// event tells the open pages that the store changed.
type event struct {
	Version int64 `json:"version"` // the store's new version
	Added   int   `json:"added"`   // articles added, when this server added them (0 when another process did)
}

// hub fans events out to the open event streams.
type hub struct {
	mu     sync.Mutex
	subs   map[chan event]bool
	closed bool
}

func newHub() *hub { return &hub{subs: map[chan event]bool{}} }

// subscribe returns a channel of events, closed when the hub closes, and
// a function that ends the subscription.
func (h *hub) subscribe() (<-chan event, func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	ch := make(chan event, 4)
	if h.closed {
		close(ch)
		return ch, func() {}
	}
	h.subs[ch] = true
	return ch, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.subs[ch] {
			delete(h.subs, ch)
			close(ch)
		}
	}
}

// publish sends e to every subscriber; one too slow to take it misses it
// (the next event carries the newer version anyway).
func (h *hub) publish(e event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- e:
		default:
		}
	}
}

// close ends every stream (the server is shutting down).
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for ch := range h.subs {
		delete(h.subs, ch)
		close(ch)
	}
}

// keepAlive is how often an idle event stream sends a comment, so that
// proxies keep it open and a closed page is noticed.
const keepAlive = 25 * time.Second

// handleEvents streams server-sent events: "version" with {"version",
// "added"} each time the store changes, starting with the current version.
func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	ch, stop := s.events.subscribe()
	defer stop()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	send := func(e event) error {
		rc.SetWriteDeadline(time.Now().Add(keepAlive + writeTimeout))
		b, _ := json.Marshal(e)
		if _, err := fmt.Fprintf(w, "event: version\ndata: %s\n\n", b); err != nil {
			return err
		}
		return rc.Flush()
	}
	if send(event{Version: s.version.Load()}) != nil {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case e, ok := <-ch:
			if !ok || send(e) != nil {
				return
			}
		case <-tick.C:
			rc.SetWriteDeadline(time.Now().Add(keepAlive + writeTimeout))
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil || rc.Flush() != nil {
				return
			}
		}
	}
}
