package eval

import "testing"

// TestPorterStem checks the stemmer against ROUGE-1.5.5's own Perl stem()
// (Porter's Release 1 with ROUGE's step-4 change), run on these words. The
// list exercises every step and the variant's quirks: "agreement" and
// "settlement" lose only "-ent" after "-ement" and "-ment" fail, a final y
// after a vowel-bearing stem becomes i ("yesterdai"), and an initial y is
// a consonant ("yelling").
func TestPorterStem(t *testing.T) {
	tests := []struct{ word, want string }{
		{"caresses", "caress"}, {"ponies", "poni"}, {"ties", "ti"}, {"caress", "caress"}, {"cats", "cat"},
		{"feed", "feed"}, {"agreed", "agre"}, {"plastered", "plaster"}, {"bled", "bled"}, {"motoring", "motor"},
		{"sing", "sing"}, {"conflated", "conflat"}, {"troubled", "troubl"}, {"sized", "size"}, {"hopping", "hop"},
		{"tanned", "tan"}, {"falling", "fall"}, {"hissing", "hiss"}, {"fizzed", "fizz"}, {"failing", "fail"},
		{"filing", "file"}, {"happy", "happi"}, {"sky", "sky"}, {"relational", "relat"}, {"conditional", "condit"},
		{"rational", "ration"}, {"valenci", "valenc"}, {"hesitanci", "hesit"}, {"digitizer", "digit"},
		{"conformabli", "conform"}, {"radicalli", "radic"}, {"differentli", "differ"}, {"vileli", "vile"},
		{"analogousli", "analog"}, {"vietnamization", "vietnam"}, {"predication", "predic"}, {"operator", "oper"},
		{"feudalism", "feudal"}, {"decisiveness", "decis"}, {"hopefulness", "hope"}, {"callousness", "callous"},
		{"formaliti", "formal"}, {"sensitiviti", "sensit"}, {"sensibiliti", "sensibl"}, {"triplicate", "triplic"},
		{"formative", "form"}, {"formalize", "formal"}, {"electriciti", "electr"}, {"electrical", "electr"},
		{"hopeful", "hope"}, {"goodness", "good"}, {"revival", "reviv"}, {"allowance", "allow"},
		{"inference", "infer"}, {"airliner", "airlin"}, {"gyroscopic", "gyroscop"}, {"adjustable", "adjust"},
		{"defensible", "defens"}, {"irritant", "irrit"}, {"replacement", "replac"}, {"adjustment", "adjust"},
		{"dependent", "depend"}, {"adoption", "adopt"}, {"homologou", "homolog"}, {"communism", "commun"},
		{"activate", "activ"}, {"angulariti", "angular"}, {"homologous", "homolog"}, {"effective", "effect"},
		{"bowdlerize", "bowdler"}, {"probate", "probat"}, {"rate", "rate"}, {"cease", "ceas"},
		{"controll", "control"}, {"roll", "roll"}, {"agreement", "agreem"}, {"yelling", "yell"},
		{"yesterday", "yesterdai"}, {"youths", "youth"}, {"government", "govern"}, {"settlement", "settlem"},
		{"statement", "statem"}, {"running", "run"}, {"meeting", "meet"}, {"countries", "countri"},
		{"ministers", "minist"}, {"2010s", "2010"}, {"u-turn", "u-turn"}, {"quickly", "quickli"},
		{"ran", "ran"}, {"at", "at"},
	}
	for _, tt := range tests {
		if got := porterStem(tt.word); got != tt.want {
			t.Errorf("porterStem(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
