package eval

// Summary is a set of scored timelines aggregated as the news-tls protocol
// does (get_average_results): for every metric, the mean precision and the
// mean recall over the timelines, and F1 of those two means (not the mean
// of the F1s).
type Summary struct {
	// Timelines is the number of timelines aggregated.
	Timelines int
	Scores
}

// Aggregate aggregates per-timeline scores into a Summary. A timeline with
// a missing or empty prediction must be included with zero Scores. No
// scores give a zero Summary.
func Aggregate(all []Scores) Summary {
	s := Summary{Timelines: len(all)}
	if len(all) == 0 {
		return s
	}
	mean := func(get func(Scores) PRF) PRF {
		var p, r float64
		for _, sc := range all {
			x := get(sc)
			p += x.P
			r += x.R
		}
		n := float64(len(all))
		return newPRF(p/n, r/n)
	}
	rouge := func(get func(Scores) ROUGEScores) ROUGEScores {
		return ROUGEScores{
			R1: mean(func(s Scores) PRF { return get(s).R1 }),
			R2: mean(func(s Scores) PRF { return get(s).R2 }),
		}
	}
	s.Concat = rouge(func(s Scores) ROUGEScores { return s.Concat })
	s.Agreement = rouge(func(s Scores) ROUGEScores { return s.Agreement })
	s.Align = rouge(func(s Scores) ROUGEScores { return s.Align })
	s.AlignPlus = rouge(func(s Scores) ROUGEScores { return s.AlignPlus })
	s.AlignPlusM1 = rouge(func(s Scores) ROUGEScores { return s.AlignPlusM1 })
	s.Date = mean(func(s Scores) PRF { return s.Date })
	return s
}
