package quote

import "github.com/dateline-news/dateline/internal/seq"

// Label counts of the two labellers.
const (
	cueLabels  = 3 // O, B-CUE, I-CUE
	roleLabels = 5 // O, B-SRC, I-SRC, B-CON, I-CON
)

// numDist is the number of distance buckets (see distBucket).
const numDist = 10

// tables hold the summed weights of the context features that take few
// values, so that a position adds a row per feature instead of looking
// each one up. They are built from the same feature constructors the
// training used (cueTableFeatures, roleTableFeatures).
type tables struct {
	cueSmall  smallTable
	roleSmall smallTable
	cueQuote  [numQC][cueLabels]float32
	cueSent   [numSentState][cueLabels]float32
	cueAft    [cueLabels]float32
	cueBef    [cueLabels]float32

	roleInCue  [roleLabels]float32
	roleBias   [2][roleLabels]float32
	roleDist   [2][numDist][roleLabels]float32
	roleReg    [2][relOther + 1][roleLabels]float32
	roleSents  [2][4][roleLabels]float32
	roleCommas [2][5][roleLabels]float32
	roleMark   [2][numQC][roleLabels]float32
	roleOther  [2][roleLabels]float32
	roleSentE  [2][roleLabels]float32
	rolePrevCl [2][relOther + 1][roleLabels]float32
}

func weigh(m *seq.Model, dst []float32, fs ...seq.Feature) { m.AddScores(dst, fs) }

func newTables(m *Model) *tables {
	t := &tables{
		cueSmall:  newSmallTable(m.cue, len(cueSmall), func(k int) (seq.Feature, int) { return cueSmall[k].name, cueSmall[k].size }),
		roleSmall: newSmallTable(m.role, len(roleSmall), func(k int) (seq.Feature, int) { return roleSmall[k].name, roleSmall[k].size }),
	}
	for qc := range numQC {
		weigh(m.cue, t.cueQuote[qc][:], fQuote.WithInt(qc))
	}
	for s := range numSentState {
		weigh(m.cue, t.cueSent[s][:], fSent.WithInt(s))
	}
	weigh(m.cue, t.cueAft[:], fAftQ)
	weigh(m.cue, t.cueBef[:], fBefQ)
	r := m.role
	weigh(r, t.roleInCue[:], rInCue)
	for dir := range 2 {
		weigh(r, t.roleBias[dir][:], rBias.WithInt(dir))
		weigh(r, t.roleOther[dir][:], rOther.WithInt(dir))
		weigh(r, t.roleSentE[dir][:], rSentE.WithInt(dir))
		for v := range numDist {
			weigh(r, t.roleDist[dir][v][:], rDist.WithInt(dir).WithInt(v))
		}
		for v := range int(relOther) + 1 {
			weigh(r, t.roleReg[dir][v][:], rReg.WithInt(dir).WithInt(v))
			weigh(r, t.rolePrevCl[dir][v][:], rPrevCl.WithInt(dir).WithInt(v))
		}
		for v := range 4 {
			weigh(r, t.roleSents[dir][v][:], rSents.WithInt(dir).WithInt(v))
		}
		for v := range 5 {
			weigh(r, t.roleCommas[dir][v][:], rCommas.WithInt(dir).WithInt(v))
		}
		for v := range numQC {
			weigh(r, t.roleMark[dir][v][:], rMark.WithInt(dir).WithInt(v))
		}
	}
	return t
}

// cueRow and roleRow are one position's scores (or one feature's weights)
// for the labels of the cue and the role labeller.
type (
	cueRow  = [cueLabels]float32
	roleRow = [roleLabels]float32
)

// addCue adds the weights r to the scores dst; small enough to be inlined,
// as the labellers add a few dozen rows per position.
func addCue(dst, r *cueRow) {
	dst[0] += r[0]
	dst[1] += r[1]
	dst[2] += r[2]
}

// addRole is addCue for the role labeller.
func addRole(dst, r *roleRow) {
	dst[0] += r[0]
	dst[1] += r[1]
	dst[2] += r[2]
	dst[3] += r[3]
	dst[4] += r[4]
}

// cueTableScores adds what cueTableFeatures would weigh.
func (t *tables) cueTableScores(d *doc, i int, p tokRange, dst *cueRow) {
	addCue(dst, &t.cueQuote[d.quoteClass(i)])
	addCue(dst, &t.cueSent[d.sentState(i, p)])
	t.cueSmall.scores(d, cueSmall, i, p, dst)
	if d.afterQuote(i, p) {
		addCue(dst, &t.cueAft)
	}
	if d.beforeQuote(i, p) {
		addCue(dst, &t.cueBef)
	}
}

// roleTableScores adds what roleTableFeatures would weigh.
func (t *tables) roleTableScores(r rolePos, dst *roleRow) {
	if r.inCue {
		addRole(dst, &t.roleInCue)
		return
	}
	dir := r.dir
	addRole(dst, &t.roleBias[dir])
	addRole(dst, &t.roleDist[dir][r.db])
	addRole(dst, &t.roleReg[dir][r.reg])
	addRole(dst, &t.roleSents[dir][r.sents])
	addRole(dst, &t.roleCommas[dir][r.commas])
	addRole(dst, &t.roleMark[dir][r.qc])
	if r.other {
		addRole(dst, &t.roleOther[dir])
	}
	if r.sentEnd {
		addRole(dst, &t.roleSentE[dir])
	}
	if r.prevClose >= 0 {
		addRole(dst, &t.rolePrevCl[dir][r.prevClose])
	}
}
