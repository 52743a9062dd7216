package article

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestLimits(t *testing.T) {
	dir := t.TempDir()
	big := "date 2031-03-02\n" + strings.Repeat("The pier closed. ", 1000)
	os.WriteFile(filepath.Join(dir, "big.txt"), []byte(big), 0o644)
	os.WriteFile(filepath.Join(dir, "feed.jsonl"), []byte(`{"id": "a", "date": "2031-03-02", "text": "Small."}
{"id": "b", "date": "2031-03-02", "text": "`+strings.Repeat("x", 5000)+`"}
{"id": "c", "date": "2031-03-02", "text": "Small too."}
`), 0o644)
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	var ids, errs []string
	for a, err := range (&Reader{MaxBytes: 4096}).Read(dir, "/dev/zero") {
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		ids = append(ids, a.ID)
	}
	if strings.Join(ids, " ") != "a c" {
		t.Errorf("read %v, want a c", ids)
	}
	want := []string{"big.txt: article larger than the size limit (4096 bytes)",
		"feed.jsonl:2: article larger than the size limit (4096 bytes)",
		"pipe.txt: not a regular file (p---------); skipped",
		"/dev/zero: article larger than the size limit (4096 bytes)"}
	if len(errs) != len(want) {
		t.Fatalf("errors %q, want %q", errs, want)
	}
	for i, w := range want {
		if !strings.HasSuffix(errs[i], w) {
			t.Errorf("error %d = %q, want …%q", i, errs[i], w)
		}
	}
	for _, err := range (&Reader{MaxBytes: 10}).Read(filepath.Join(dir, "big.txt")) {
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("err = %v, want ErrTooLarge", err)
		}
	}
}
