// Package dedup finds the articles that are one story: copies of a wire
// story on many sites, and updated versions of an article. Each article is
// signed (Sign) with a MinHash of its 5-word shingles and the wire service it
// credits ("(AP)", "(Reuters)" in its dateline or byline); an Index joins
// articles published within days of each other whose estimated shingle
// similarity passes a threshold, lower when both credit the same agency,
// and never joins two agencies' reports.
//
// It stands beside the pipeline: it needs only the text (internal/text's
// word segmentation) and a publication day, so signatures can be computed
// in annotate's workers and kept by the store, which clusters its articles
// at ingest by the same rule (Options.SameStory over the pairs that share
// a band, Signature.Bands) as an Index does. internal/timeline clusters
// documents from files with an Index, so that its stories are the store's.
//
// MinHash and banding are written here: the few Go MinHash packages are
// unmaintained, and the algorithm is forty lines.
package dedup
