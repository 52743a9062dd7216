package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary run as the dateline command inside the
// scripts of testdata/script (testscript.Main), so that `go test -cover`
// measures the commands as users run them.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"dateline": main})
}

// TestScripts runs the command-line scripts of testdata/script. Conditions:
// [shared] holds when ../shared (the benchmark data) is present, and $SHARED
// is its path; [short] is go test -short.
func TestScripts(t *testing.T) {
	shared := sharedDir()
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("SHARED", shared)
			return nil
		},
		Condition: func(cond string) (bool, error) {
			if cond == "shared" {
				return shared != "", nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

// sharedDir returns the absolute path of ../shared beside the repository,
// or "" when it is absent.
func sharedDir() string {
	p, err := filepath.Abs(filepath.Join("..", "..", "..", "shared"))
	if err != nil {
		return ""
	}
	if _, err := os.Stat(filepath.Join(p, "data")); err != nil {
		return ""
	}
	return p
}

// runIn runs dateline in process with args and returns its exit code,
// standard output and standard error.
func runIn(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}
