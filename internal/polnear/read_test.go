package polnear

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dateline-news/dateline/internal/quote"
)

// shared is the PolNeAR data beside the repository.
const shared = "../../../shared/data/polnear"

func needData(t testing.TB, split string) string {
	dir := filepath.Join(shared, split)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("PolNeAR not found at %s (place the shared data beside the repository)", dir)
	}
	return dir
}

func writeSplit(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReadFirstAnnotator(t *testing.T) {
	text := "“Go,” Ann said. “Now.”\n\nBob thinks it rains."
	dir := writeSplit(t, map[string]string{
		"text/pub_2016-09-01_a.txt": text,
		"attributions/pub_2016-09-01_a_b.ann": "T1\tContent 0 5;16 22\t“Go,” “Now.”\nT2\tSource 6 9\tAnn\nT3\tCue 10 14\tsaid\nT4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n" +
			"T5\tCue 28 34\tthinks\nT6\tContent 35 43\tit rains\nT7\tAttribution-no-source 28 34\tthinks\nE2\tAttribution-no-source:T7 Cue:T5 Content:T6\n",
		"attributions/pub_2016-09-01_a_z.ann": "garbage that would fail\n",
	})
	arts, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || arts[0].Name != "pub_2016-09-01_a" || arts[0].Published.Day() != 1 || len(arts[0].Gold) != 2 {
		t.Fatalf("got %+v", arts)
	}
	g := arts[0].Gold
	if g[0].Content != (quote.Span{Start: 0, End: 22}) || len(g[0].Parts) != 2 || g[0].Kind != quote.Direct || g[0].Source != (quote.Span{Start: 6, End: 9}) {
		t.Errorf("first quote %+v", g[0])
	}
	if !g[1].Source.Empty() || g[1].Kind != quote.Indirect || quote.Text(text, g[1].Content) != "it rains" {
		t.Errorf("second quote %+v", g[1])
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		files map[string]string
		want  string
	}{
		{map[string]string{"text/x.txt": "a"}, "no attributions/*.ann"},
		{map[string]string{"text/p_2016-01-01_x.txt": "short", "attributions/p_2016-01-01_x_a.ann": "T1\tContent 0 9\tshort…\nT2\tCue 0 1\ts\nE1\tAttribution:T2 Content:T1\n"}, "p_2016-01-01_x_a.ann:1: T1 0..9 runs past the text's 5 characters"},
		{map[string]string{"attributions/p_2016-01-01_x_a.ann": ""}, "read "},
	} {
		_, err := Read(writeSplit(t, tc.files))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v, want %q", err, tc.want)
		}
	}
}

// TestReadCorpus reads the shared splits whole: every gold span lies in its
// text.
func TestReadCorpus(t *testing.T) {
	for _, split := range []string{"train", "dev"} {
		arts, err := Read(needData(t, split))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, a := range arts {
			size := utf8.RuneCountInString(a.Text)
			for _, q := range a.Gold {
				if q.Content.Empty() || q.Content.End > size || q.Source.End > size || q.Cue.End > size {
					t.Errorf("%s: bad gold %+v", a.Name, q)
				}
			}
			n += len(a.Gold)
		}
		t.Logf("%s: %d articles, %d attributions", split, len(arts), n)
		if len(arts) < 80 || n < 2000 {
			t.Errorf("%s: only %d articles, %d attributions", split, len(arts), n)
		}
	}
}
