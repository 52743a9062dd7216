package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/dateline-news/dateline/internal/store/storetest"
)

// TestMain lets the test binary run as the dateline command inside the
// scripts of testdata/script (testscript.Main), so that `go test -cover`
// measures the commands as users run them.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"dateline": main})
}

// TestScripts runs the command-line scripts of testdata/script. Conditions:
// [shared] holds when ../shared (the benchmark data) is present, and $SHARED
// is its path; [postgres] when DATELINE_TEST_POSTGRES names a server, and
// $PGSTORE is then a store of the script's own on it; [short] is go test
// -short. The command samecounts compares two stats --format json files.
func TestScripts(t *testing.T) {
	shared := sharedDir()
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("SHARED", shared)
			return scriptPostgres(env)
		},
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "shared":
				return shared != "", nil
			case "postgres":
				return os.Getenv(storetest.EnvPostgres) != "", nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"samecounts": cmdSameCounts},
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
