package seq

// Feature identifies one sparse feature by a 64-bit FNV-1a hash of its
// parts. Distinct strings collide with negligible probability (about one
// pair in 10^7 for a million features), and a collision only merges two
// features' weights.
type Feature uint64

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	// sep is hashed between the parts of a feature, so that ("ab", "c")
	// and ("a", "bc") differ. It is not a byte of valid UTF-8.
	sep = 0xff
)

// Hash returns the feature named by s, typically a template name such as
// "w" or "suffix3" to be extended With the value.
func Hash(s string) Feature {
	return Feature(fnvOffset).add(s)
}

// With returns the feature f extended by one more part: Hash("w").With("Paris")
// is the feature "w=Paris". It does not allocate.
func (f Feature) With(s string) Feature {
	h := uint64(f)
	h ^= sep
	h *= fnvPrime
	return Feature(h).add(s)
}

// WithInt returns f extended by an integer part (a position, a cluster id).
func (f Feature) WithInt(n int) Feature {
	h := uint64(f)
	h ^= sep
	h *= fnvPrime
	u := uint64(n)
	for i := 0; i < 8; i++ {
		h ^= u & 0xff
		h *= fnvPrime
		u >>= 8
	}
	return Feature(h)
}

func (f Feature) add(s string) Feature {
	h := uint64(f)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return Feature(h)
}

// Mix returns f combined with a 64-bit value (another feature, a hash of a
// word) by a few multiplications, where WithInt hashes it byte by byte:
// for conjunctions built at every token from values hashed already. It is
// a different feature from f.WithInt(x).
func (f Feature) Mix(x uint64) Feature {
	h := uint64(f) ^ 0x9E3779B97F4A7C15
	h = (h ^ x) * 0xBF58476D1CE4E5B9
	h ^= h >> 31
	h *= 0x94D049BB133111EB
	return Feature(h ^ h>>29)
}
