// Package fetch is dateline's polite HTTP client: it reads robots.txt (via
// temoto/robotstxt) and keeps to it, sends one request at a time to a host
// with a delay between them (longer if Crawl-delay asks), names itself in
// its User-Agent, bounds every request in time, response size and
// redirects, and makes conditional requests (If-None-Match,
// If-Modified-Since) with the validators a Cache remembered from an earlier
// run.
//
// It implements article.Fetcher, through which the readers get URLs and the
// pages that summary-only feed items link to; the store implements Cache.
// Validators are handed to the Cache only by Commit, after what was fetched
// is stored, so an interrupted run leaves nothing half-remembered.
//
// net/http does the HTTP; what is written here is the politeness, which no
// maintained Go library offers as a client for arbitrary URLs (crawler
// frameworks such as colly bring their own queue, storage and callbacks).
package fetch
