package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/chromedp/chromedp/kb"
	"github.com/dateline-news/dateline/internal/render"
)

// chromium finds a Chromium to drive: $DATELINE_CHROMIUM, else the usual
// names on PATH.
func chromium(t *testing.T) string {
	if p := os.Getenv("DATELINE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium found: install it (Debian: apt-get install -y chromium) or set DATELINE_CHROMIUM to run the browser tests")
	return ""
}

// browser is a headless Chromium on a fresh profile, with everything the
// page reports that counts as a failure collected.
type browser struct {
	t        *testing.T
	ctx      context.Context
	shots    string // directory of the screenshots
	mu       sync.Mutex
	problems []string // console errors and warnings, uncaught exceptions, failed loads, CSP reports, dialogs
}

// stepTimeout bounds each step of a browser test.
const stepTimeout = 30 * time.Second

func newBrowser(t *testing.T) *browser {
	path := chromium(t)
	shots := os.Getenv("DATELINE_SCREENSHOTS")
	if shots == "" {
		var err error
		if shots, err = os.MkdirTemp("", "dateline-browser-"); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots of each step go to %s", shots)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium %s: %v", path, err)
	}
	b := &browser{t: t, ctx: ctx, shots: shots}
	go b.watchConsole()
	if err := chromedp.Listen(ctx, b.watchDialogs); err != nil {
		t.Fatal(err)
	}
	return b
}

func (b *browser) problem(p string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = append(b.problems, p)
}

// watchConsole collects console errors and warnings, uncaught exceptions
// and the browser log's errors (failed loads, Content-Security-Policy
// violations).
func (b *browser) watchConsole() {
	for m, err := range chromedp.Console(b.ctx) {
		if err != nil {
			return
		}
		switch m.Type {
		case chromedp.ConsoleError, chromedp.ConsoleWarning, chromedp.ConsoleException:
			b.problem(fmt.Sprintf("console %s: %s (%s)", m.Type, m.Text, m.URL))
		}
	}
}

// watchDialogs reports (and dismisses) any alert: an injected script ran.
func (b *browser) watchDialogs(ev any) {
	if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
		b.problem("a dialog opened (injected script ran?): " + d.Message)
		go chromedp.Call(b.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
	}
}

// clean fails the test if the page reported a problem since the last call.
func (b *browser) clean(step string) {
	b.t.Helper()
	time.Sleep(100 * time.Millisecond) // let the last console events arrive
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		b.t.Errorf("%s: %s", step, p)
	}
	b.problems = nil
}

func (b *browser) run(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
}

// shot writes a screenshot of the whole page.
func (b *browser) shot(name string) {
	b.t.Helper()
	png := value(b, "screenshot "+name, chromedp.FullScreenshot(100))
	p := filepath.Join(b.shots, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot %s", p)
}

// value runs an action that returns a value.
func value[T any](b *browser, step string, a chromedp.Action[T]) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
	return v
}

// eval evaluates a JavaScript expression.
func eval[T any](b *browser, step, js string) T {
	b.t.Helper()
	return value(b, step, chromedp.Evaluate[T](js))
}

// waitFor polls a JavaScript condition until it holds.
func (b *browser) waitFor(step, cond string) {
	b.t.Helper()
	value(b, step, chromedp.Poll[any](cond, chromedp.WithPollingTimeout(20*time.Second)))
}

// topic types a topic into the box (with options) and submits it.
func (b *browser) topic(step, query, dates string) {
	b.t.Helper()
	eval[string](b, step, `document.getElementById("q-query").value = ""; document.querySelector("input[name=dates]").value = "`+dates+`"`)
	b.run(step, chromedp.SendKeys(chromedp.CSS(`#q-query`), query+"\r"))
}

// TestBrowser drives the real page in headless Chromium against the
// server on the fixture store, step by step, with a screenshot each.
func TestBrowser(t *testing.T) {
	_, ts := newTest(t, nil)
	b := newBrowser(t)

	b.run("load", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`#q-query`)))
	b.waitFor("load", `document.getElementById("status").textContent.includes("Type a topic")`)
	b.shot("01-loaded")
	b.clean("load")

	// A topic draws its entries in the chart and in the list: as many as
	// the API gives for it, one a sentence.
	want := countItems(t, ts.URL+"/api/timeline?query=bridge&dates=5")
	if want < 3 {
		t.Fatalf("the fixture's bridge timeline has %d items, want at least 3", want)
	}
	b.topic("topic", "bridge", "5")
	b.waitFor("topic", fmt.Sprintf(`document.querySelectorAll("#list button.entry").length === %d`, want))
	b.waitFor("topic chart", fmt.Sprintf(`document.querySelectorAll("#chart .vis-item.vis-box").length === %d`, want))
	search := eval[string](b, "topic url", `location.search`)
	if !strings.Contains(search, "query=bridge") || !strings.Contains(search, "dates=5") {
		t.Errorf("the URL does not hold the query: %q", search)
	}
	b.shot("02-timeline")
	b.clean("topic")

	// Clicking an entry in the chart opens its article with the entry's
	// sentence highlighted and time expressions marked.
	b.run("click chart entry", chromedp.Click(chromedp.CSS(`#chart .vis-item.vis-box .vis-item-content div`), chromedp.NodeVisible))
	b.waitFor("article", `!document.getElementById("article").hidden && document.querySelector("#article-text .chosen, #article-title.chosen") !== null`)
	checkChosen(t, b, "chart click")
	b.shot("03-article")
	b.clean("article")

	keyboard(t, b, want)
	hostileText(t, b)
	speakers(t, b, want)
	live(t, b, ts.URL)
	siblings(t, b, ts.URL)
}

// siblings posts another outlet's copy of a fixture article, with a hostile
// title, and opens the original: its article view lists the copy as a link
// whose markup is text, and following the link opens the copy.
func siblings(t *testing.T, b *browser, base string) {
	t.Helper()
	orig := do(t, "GET", base+"/api/articles/bridge-1", nil)
	var a struct{ Text, Published string }
	if err := json.Unmarshal([]byte(orig.body), &a); err != nil {
		t.Fatal(err)
	}
	line, _ := json.Marshal(map[string]string{"id": "bridge-1-copy", "date": "2032-05-04", "source": "Echo",
		"title": `<img src=x onerror=alert('sibling')>Bridge shut`, "text": a.Text})
	if got := do(t, "POST", base+"/api/articles", strings.NewReader(string(line)+"\n"), "Authorization", "Bearer "+testToken); got.status != 200 {
		t.Fatalf("POST the copy: %d %s", got.status, got.body)
	}
	b.run("siblings: open", chromedp.Navigate(base+"/?query=bridge&dates=5&article=bridge-1"))
	b.waitFor("siblings", `!document.getElementById("article-siblings").hidden && document.querySelectorAll("#siblings-list a.sibling").length === 1`)
	type view struct {
		Text, ID string
		Injected int
	}
	got := eval[view](b, "siblings", `(() => { const a = document.querySelector("#siblings-list a.sibling");
		return {Text: a.textContent, ID: a.dataset.id, Injected: document.querySelectorAll("#article img, #article script").length}; })()`)
	if got.ID != "bridge-1-copy" || !strings.Contains(got.Text, "<img src=x onerror=alert('sibling')>Bridge shut") || got.Injected != 0 {
		t.Errorf("sibling link %+v: want the copy, its title as text, nothing injected", got)
	}
	b.shot("09-siblings")
	b.run("siblings: follow", chromedp.Click(chromedp.CSS(`#siblings-list a.sibling`), chromedp.NodeVisible))
	b.waitFor("siblings: copy", `document.getElementById("article-title").textContent.includes("onerror=alert('sibling')") &&
		new URLSearchParams(location.search).get("article") === "bridge-1-copy"`)
	b.clean("siblings")
}

// speakers checks the entity filters and the speakers panel: choosing the
// mayor among the store's entities keeps the entries naming her; the
// panel lists her with what she said, and choosing her there keeps only
// the entries holding her quotes (the URL says so); clearing both gives
// back the bridge timeline.
func speakers(t *testing.T, b *browser, all int) {
	t.Helper()
	b.waitFor("entities", `[...document.querySelectorAll("#entities button.entity-filter")].some(b => b.dataset.entity.includes("Ormsby"))`)
	b.run("entities: choose", chromedp.Click(chromedp.CSS(`#entities button.entity-filter[data-entity*="Ormsby"]`), chromedp.NodeVisible))
	b.waitFor("entities: filtered", `location.search.includes("entity=") && !document.getElementById("entity-filter").hidden && document.querySelectorAll("#list button.entry").length > 0`)
	for _, e := range eval[[]string](b, "entities", `[...document.querySelectorAll("#list button.entry .text")].map(b => b.textContent)`) {
		if !strings.Contains(e, "Ormsby") {
			t.Errorf("entity filter: entry %q does not name Ormsby", e)
		}
	}
	b.waitFor("speakers", `!document.getElementById("speakers-section").hidden && document.querySelector("#speakers button.speaker-filter") !== null`)
	type panel struct {
		Speakers, Entities []string
		Quotes             int
	}
	got := eval[panel](b, "speakers", `(() => ({
		Speakers: [...document.querySelectorAll("#speakers button.speaker-filter")].map(b => b.dataset.speaker),
		Entities: [...document.querySelectorAll("#entities button.entity-filter")].map(b => b.textContent),
		Quotes: document.querySelectorAll("#speakers li.quote").length,
	}))()`)
	mayor := ""
	for _, s := range got.Speakers {
		if strings.Contains(s, "Ormsby") {
			mayor = s
		}
	}
	if mayor == "" || got.Quotes == 0 {
		t.Fatalf("speakers panel %+v: no Ormsby, or no quotes", got)
	}
	if len(got.Entities) == 0 {
		t.Errorf("no entity filters")
	}
	b.shot("07-speakers")
	b.run("speakers: choose", chromedp.Click(chromedp.CSS(`#speakers button.speaker-filter[data-speaker="`+mayor+`"]`), chromedp.NodeVisible))
	b.waitFor("speakers: filtered", `location.search.includes("speaker=") && !document.getElementById("speaker-filter").hidden && document.querySelectorAll("#list button.entry").length > 0`)
	entries := eval[[]string](b, "speakers", `[...document.querySelectorAll("#list button.entry")].map(b => b.textContent)`)
	for _, e := range entries {
		if !strings.Contains(e, "— said "+mayor) {
			t.Errorf("entry %q holds no quote of %s", e, mayor)
		}
	}
	b.shot("08-speaker-filter")
	b.run("speakers: clear", chromedp.Click(chromedp.CSS(`#speaker-clear`), chromedp.NodeVisible))
	b.waitFor("speakers: cleared", `!location.search.includes("speaker=")`)
	b.run("entities: clear", chromedp.Click(chromedp.CSS(`#entity-clear`), chromedp.NodeVisible))
	b.waitFor("entities: cleared", fmt.Sprintf(`!location.search.includes("entity=") && document.querySelectorAll("#list button.entry").length === %d`, all))
	b.clean("speakers")
}

// countItems fetches a timeline from the API and counts its items.
func countItems(t *testing.T, url string) int {
	t.Helper()
	a := do(t, "GET", url, nil)
	var tl struct {
		Dates []struct{ Items []json.RawMessage }
	}
	if err := json.Unmarshal([]byte(a.body), &tl); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	n := 0
	for _, d := range tl.Dates {
		n += len(d.Items)
	}
	return n
}

// checkChosen asserts that the highlighted sentence of the open article is
// the current entry's text, and that the article marks time expressions.
func checkChosen(t *testing.T, b *browser, step string) {
	t.Helper()
	type chosen struct {
		Entry, Chosen string
		Timexes       int
	}
	got := eval[chosen](b, step, `(() => {
		const cur = document.querySelector("#list button.entry[aria-current=true] .text");
		const chosen = document.querySelector("#article-text mark.chosen") || document.querySelector("#article-title.chosen");
		return {Entry: cur ? cur.textContent : "", Chosen: chosen ? chosen.textContent : "",
			Timexes: document.querySelectorAll("#article-text time.timex").length};
	})()`)
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	if got.Entry == "" || norm(got.Chosen) != norm(got.Entry) {
		t.Errorf("%s: highlighted %q, entry %q", step, got.Chosen, got.Entry)
	}
	if got.Timexes == 0 {
		t.Errorf("%s: no time expression marked in the article", step)
	}
}

// keyboard reaches the list with the keyboard alone, moves in it with the
// arrow keys and opens an entry with Enter.
func keyboard(t *testing.T, b *browser, entries int) {
	t.Helper()
	b.run("keyboard", chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(`#list button.entry`)))
	b.waitFor("keyboard", fmt.Sprintf(`document.querySelectorAll("#list button.entry").length === %d`, entries))
	b.run("keyboard: focus the page", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[any](`document.activeElement && document.activeElement.blur(); window.focus()`)(ctx, t)
		return err
	}))
	// The first Tab reaches the skip link; Enter follows it to the list;
	// the next Tab is the first entry.
	b.run("keyboard: skip link", chromedp.KeyEvent(kb.Tab))
	focused := eval[string](b, "keyboard", `document.activeElement.className`)
	if focused != "skip" {
		t.Fatalf("first Tab focused %q, want the skip link", focused)
	}
	b.run("keyboard: to the list", chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Tab))
	focused = eval[string](b, "keyboard", `document.activeElement.dataset.id || document.activeElement.id`)
	if focused != "0-0" {
		t.Fatalf("Tab after the skip link focused %q, want the first entry 0-0", focused)
	}
	b.run("keyboard: arrows", chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowUp))
	focused = eval[string](b, "keyboard", `document.activeElement.dataset.id`)
	if focused != "1-0" {
		t.Fatalf("Down, Down, Up focused %q, want the second entry 1-0", focused)
	}
	b.run("keyboard: open", chromedp.KeyEvent(kb.Enter))
	b.waitFor("keyboard: article", `document.activeElement.id === "article-title" && document.querySelector("#list button.entry[data-id='1-0']").getAttribute("aria-current") === "true"`)
	checkChosen(t, b, "keyboard")
	b.shot("04-keyboard")
	b.clean("keyboard")
}

// hostileText opens the hostile fixture article: its script tags, attribute
// breakers and javascript: link must show as text and run nothing.
func hostileText(t *testing.T, b *browser) {
	t.Helper()
	// The bridge timeline on the page holds the hostile article's sentence.
	id := eval[string](b, "hostile", `(() => { const b = [...document.querySelectorAll("#list button.entry")].find(b => b.textContent.includes("onerror"));
		return b ? b.dataset.id : ""; })()`)
	if id == "" {
		t.Fatal("the hostile article is not in the bridge timeline")
	}
	b.run("hostile: open", chromedp.Click(chromedp.CSS(`#list button.entry[data-id="`+id+`"]`), chromedp.NodeVisible))
	b.waitFor("hostile: article", `!document.getElementById("article").hidden && document.getElementById("article-text").textContent.includes("onerror")`)
	type page struct {
		Scripts, Injected, Links int
		List, Title, Text, Meta  string
	}
	got := eval[page](b, "hostile", `(() => ({
		Scripts: document.scripts.length,
		Injected: document.querySelectorAll("main img, main svg, main b, main script, #chart img").length,
		Links: document.querySelectorAll("#article a[href^='javascript'], #list a, #article-title a").length,
		List: document.getElementById("list").textContent,
		Title: document.getElementById("article-title").textContent,
		Text: document.getElementById("article-text").textContent,
		Meta: document.getElementById("article-meta").textContent,
	}))()`)
	if got.Scripts != 4 || got.Injected != 0 || got.Links != 0 {
		t.Errorf("hostile article changed the page: %d scripts, %d injected elements, %d links", got.Scripts, got.Injected, got.Links)
	}
	for _, want := range []string{"<script>alert('text')</script>", `"><img src=x onerror=alert('attr')>`, "<b>bold</b>"} {
		if !strings.Contains(got.Text, want) {
			t.Errorf("article text does not show %q as text: %q", want, got.Text)
		}
	}
	if got.Title != "<script>alert('title')</script><img src=x onerror=alert('img')>" {
		t.Errorf("title shown as %q", got.Title)
	}
	if strings.ContainsAny(got.Text+got.List+got.Title, "\x1b\x07") {
		t.Errorf("terminal escapes reach the page: %q", got.Text)
	}
	if !strings.Contains(got.List, "<script>") || !strings.Contains(got.Meta, `"><svg onload=alert('source')>`) {
		t.Errorf("list %q / meta %q do not show the markup as text", got.List, got.Meta)
	}
	b.shot("05-hostile")
	b.clean("hostile")
}

// live posts an article to the API and waits for the open page to show it
// without a reload.
func live(t *testing.T, b *browser, base string) {
	t.Helper()
	b.topic("live", "tolls", "5")
	b.waitFor("live", `document.getElementById("status").textContent.includes("no dates")`)
	eval[int](b, "live", `window.__sameDocument = 42`)
	body := `{"id": "tolls-1", "date": "2032-07-12", "title": "Bridge tolls scrapped", "source": "Valley Post", "text": "The council scrapped the tolls on the new bridge on Monday after a petition signed by four thousand residents."}` + "\n"
	req, _ := http.NewRequest("POST", base+"/api/articles", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+testToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("POST /api/articles = %d", resp.StatusCode)
	}
	b.waitFor("live: update", `document.querySelectorAll("#list button.entry").length === 1 && document.getElementById("list").textContent.includes("petition")`)
	if marker := eval[int](b, "live", `window.__sameDocument`); marker != 42 {
		t.Error("the page reloaded to show the new article")
	}
	b.shot("06-live")
	b.clean("live")
}

// TestTimelineJSLoads opens dateline's TimelineJS export of the fixture
// timeline in TimelineJS itself (its npm build, vendored for this test by
// web/vendor.sh) and checks that it draws one slide per event.
func TestTimelineJSLoads(t *testing.T) {
	dir := filepath.Join("testdata", "timelinejs")
	if _, err := os.Stat(filepath.Join(dir, "timeline.js")); err != nil {
		t.Skipf("TimelineJS not vendored at %s (run web/vendor.sh): %v", dir, err)
	}
	_, ts := newTest(t, nil)
	export := do(t, "GET", ts.URL+"/api/timeline?query=bridge&dates=5&format=timelinejs", nil)
	if export.status != 200 {
		t.Fatalf("export = %d %s", export.status, export.body)
	}
	if err := render.ValidateTimelineJS([]byte(export.body)); err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /tljs/", http.StripPrefix("/tljs/", http.FileServer(http.Dir(dir))))
	mux.Handle("GET /css/", http.FileServer(http.Dir(dir))) // timeline.css finds its icon font at css/icons/ from the page
	mux.HandleFunc("GET /data.json", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, export.body) })
	mux.HandleFunc("GET /run.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		io.WriteString(w, `fetch("/data.json").then(r => r.json()).then(d => {
			window.tl = new TL.Timeline("tl", d, {script_path: "/tljs/", language: "en", font: null, hash_bookmark: false});
		});`)
	})
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/tljs/timeline.css">
<link rel="icon" href="data:,"><script src="/tljs/timeline.js"></script></head><body><div id="tl" style="width:1000px;height:600px"></div><script src="/run.js"></script></body></html>`)
	})
	tljs := httptest.NewServer(mux)
	defer tljs.Close()
	b := newBrowser(t)
	b.run("timelinejs", chromedp.Navigate(tljs.URL+"/"))
	b.waitFor("timelinejs", `document.querySelectorAll(".tl-slide").length > 0`)
	slides := eval[int](b, "timelinejs", `document.querySelectorAll(".tl-slide:not(.tl-slide-titleslide)").length`)
	markers := eval[int](b, "timelinejs", `document.querySelectorAll(".tl-timemarker").length`)
	var doc render.TimelineJS
	if err := json.Unmarshal([]byte(export.body), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) < 3 || slides != len(doc.Events) || markers != len(doc.Events) {
		t.Errorf("TimelineJS drew %d slides and %d markers for %d events", slides, markers, len(doc.Events))
	}
	b.shot("07-timelinejs")
	b.clean("timelinejs")
}
