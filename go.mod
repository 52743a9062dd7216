module github.com/dateline-news/dateline

go 1.26.8

require github.com/spf13/cobra v1.10.2

require (
	github.com/clipperhouse/uax29/v2 v2.7.0 // indirect
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/kljensen/snowball v0.10.0 // indirect
	github.com/neurosnap/sentences v1.1.2 // indirect
	github.com/spf13/pflag v1.0.9 // indirect
)
