package server

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"path"
	"strings"
	"time"
)

// contentSecurityPolicy lets the page load scripts, style sheets, images
// and fonts from this server only, and talk to this server only; no inline
// script, no eval, no inline style sheet, no frames, no plugins. Style
// attributes are allowed (style-src-attr): vis-timeline positions its items
// with them, and they cannot run code.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; style-src-elem 'self'; " +
	"style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// secure sets the headers every answer carries.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if r.Method != http.MethodPost && r.Method != http.MethodPut && r.ContentLength > 0 {
			http.Error(w, "this request takes no body", http.StatusRequestEntityTooLarge)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// checkHost refuses, on a server listening on loopback, requests whose
// Host is not a loopback name: a web page elsewhere that rebinds its own
// host name to 127.0.0.1 (DNS rebinding) must not read the store through
// the reader's browser.
func (s *Server) checkHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.loopback.Load() && !loopbackHost(r.Host) {
			http.Error(w, "this server answers loopback host names only (localhost, 127.0.0.1, [::1])", http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// loopbackHost reports whether a Host header names this machine.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

// statusWriter remembers the status and size of an answer, for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the connection (flush,
// deadlines) through the wrapper.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests writes one structured log line per request.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		level := slog.LevelInfo
		if sw.status >= 500 {
			level = slog.LevelError
		}
		s.log.LogAttrs(r.Context(), level, "request", slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.String("query", r.URL.RawQuery), slog.Int("status", sw.status), slog.Int("bytes", sw.bytes),
			slog.Duration("duration", time.Since(start)), slog.String("remote", r.RemoteAddr),
			slog.String("cache", sw.Header().Get("X-Dateline-Cache")))
	})
}

// logError logs an internal error, which the client sees only as "internal
// error".
func logError(r *http.Request, err error) {
	slog.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
}

//go:embed assets openapi.json
var embedded embed.FS

// assets is the page's files; nothing else is ever served as a file.
var assets = func() fs.FS {
	sub, err := fs.Sub(embedded, "assets")
	if err != nil {
		panic(err)
	}
	return sub
}()

// etags holds a content hash of every asset, for revalidation.
var etags = func() map[string]string {
	m := map[string]string{}
	fs.WalkDir(assets, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(assets, p)
			sum := sha256.Sum256(b)
			m[p] = `"` + hex.EncodeToString(sum[:8]) + `"`
		}
		return nil
	})
	return m
}()

// serveIndex serves the page.
func serveIndex(w http.ResponseWriter, r *http.Request) { serveFile(w, r, "index.html") }

// serveAsset serves one embedded asset; a directory or anything not
// embedded is a 404.
func serveAsset(w http.ResponseWriter, r *http.Request) {
	p := path.Clean("/" + r.PathValue("path"))[1:]
	serveFile(w, r, p)
}

func serveFile(w http.ResponseWriter, r *http.Request, name string) {
	tag, ok := etags[name]
	if !ok || strings.Contains(name, "..") {
		http.NotFound(w, r)
		return
	}
	b, err := fs.ReadFile(assets, name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("ETag", tag)
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
}

// serveOpenAPI serves the API's description.
func serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	b, _ := embedded.ReadFile("openapi.json")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b)
}
