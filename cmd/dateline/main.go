// Command dateline turns dated news articles into a timeline of what happened
// when, and who said what. See the README for usage.
package main

import (
	"os"
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
