package store

import "sort"

// countDelta is what one write changes in the counts kept at ingest: per
// day, the articles published (with their sentences, time expressions and
// resolved ones) and the references to it; per source, the articles.
type countDelta struct {
	days     map[string][5]int // articles, sentences, timexes, resolved, refs
	sources  map[string]int
	entities map[nameKey]*entityDelta
}

// entityDelta is what one write changes in an entity's counts. First and
// last only ever widen: an article taken back leaves them as they were.
type entityDelta struct {
	mentions, articles int
	first, last        string // days of the articles added; noFirst, noLast when none
}

// Bounds that leave a stored first or last day as it is.
const (
	noFirst = "9999-12-31"
	noLast  = "0000-01-01"
)

func newCountDelta() *countDelta {
	return &countDelta{days: map[string][5]int{}, sources: map[string]int{}, entities: map[nameKey]*entityDelta{}}
}

// add adds an article's counts (sign 1) or takes them back (sign -1).
func (d *countDelta) add(c counts, sign int) {
	v := d.days[c.day]
	v[0] += sign
	v[1] += sign * c.sentences
	v[2] += sign * c.timexes
	v[3] += sign * c.resolved
	d.days[c.day] = v
	for day, n := range c.refs {
		v := d.days[day]
		v[4] += sign * n
		d.days[day] = v
	}
	d.sources[c.source] += sign
	for k, n := range c.names {
		e := d.entities[k]
		if e == nil {
			e = &entityDelta{first: noFirst, last: noLast}
			d.entities[k] = e
		}
		e.mentions += sign * n
		e.articles += sign
		if sign > 0 {
			e.first, e.last = min(e.first, c.day), max(e.last, c.day)
		}
	}
}

// entityKeys returns the entities whose counts change, in order.
func (d *countDelta) entityKeys() []nameKey {
	var out []nameKey
	for k, e := range d.entities {
		if e.mentions != 0 || e.articles != 0 || e.first != noFirst {
			out = append(out, k)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].name != out[j].name {
			return out[i].name < out[j].name
		}
		return out[i].typ < out[j].typ
	})
	return out
}

// dayKeys returns the days whose counts change, in order: concurrent
// writers that update rows in one order cannot deadlock on them.
func (d *countDelta) dayKeys() []string {
	var out []string
	for k, v := range d.days {
		if v != ([5]int{}) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// sourceKeys returns the sources whose counts change, in order.
func (d *countDelta) sourceKeys() []string {
	var out []string
	for k, v := range d.sources {
		if v != 0 {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
