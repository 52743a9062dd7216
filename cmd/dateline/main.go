// Command dateline turns dated news articles into a timeline of what happened
// when, and who said what. See the README for usage.
package main

import (
	"fmt"
	"os"
)

func main() {
	if err := rootCmd.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "dateline:", err)
		os.Exit(1)
	}
}
