package quote

import "github.com/dateline-news/dateline/internal/entity"

// resolveSpeakers sets each quote's Speaker: for now the source's words.
func resolveSpeakers(text string, qs []Quote, mentions []entity.Mention) {
	for i := range qs {
		qs[i].Speaker = Text(text, qs[i].Source)
	}
}
