package seq

// featureTable maps features to rows with open addressing (linear probing
// at most two thirds full), which looks a feature up in a few nanoseconds where a
// Go map takes several times longer: the scoring of a token is mostly such
// lookups.
type featureTable struct {
	slots []slot // key 0 marks an empty slot
	mask  uint64
	// seen has a bit set for every key (by some of its bits), so that most
	// features the model lacks — the word pairs it never learned, say —
	// are rejected by a 128 KB table in cache instead of the probe.
	seen  []uint64
	zero  int32 // 1 + the row of the feature 0, which keys cannot hold; 0 if absent
	count int
}

// slot holds a feature and its row together, so that a lookup touches one
// cache line.
type slot struct {
	key Feature
	row int32
}

func newFeatureTable(keys []Feature) featureTable {
	size := 16
	for size < len(keys)+len(keys)/2 {
		size *= 2
	}
	t := featureTable{slots: make([]slot, size), mask: uint64(size - 1), seen: make([]uint64, seenWords)}
	for r, f := range keys {
		t.insert(f, int32(r))
		b := seenBit(f)
		t.seen[b>>6] |= 1 << (b & 63)
	}
	return t
}

// seenWords is the size of featureTable.seen in 64-bit words (2^20 bits).
const seenWords = 1 << 14

func seenBit(f Feature) uint64 { return uint64(f) >> 44 }

// slot is where the probe for f starts. Features are hashes already; the
// multiplication spreads any that are not.
func (t *featureTable) slot(f Feature) uint64 {
	return (uint64(f) * 0x9E3779B97F4A7C15 >> 20) & t.mask
}

func (t *featureTable) insert(f Feature, r int32) {
	if f == 0 {
		if t.zero == 0 {
			t.count++
		}
		t.zero = r + 1
		return
	}
	for i := t.slot(f); ; i = (i + 1) & t.mask {
		switch t.slots[i].key {
		case 0:
			t.slots[i] = slot{f, r}
			t.count++
			return
		case f:
			t.slots[i].row = r
			return
		}
	}
}

// get returns the row of f, or -1.
func (t *featureTable) get(f Feature) int32 {
	if f == 0 {
		return t.zero - 1
	}
	if t.slots == nil {
		return -1
	}
	if b := seenBit(f); t.seen[b>>6]&(1<<(b&63)) == 0 {
		return -1
	}
	for i := t.slot(f); ; i = (i + 1) & t.mask {
		switch t.slots[i].key {
		case f:
			return t.slots[i].row
		case 0:
			return -1
		}
	}
}
