package eval

import (
	"time"

	"github.com/dateline-news/dateline/internal/tilse"
)

func day(y int, m time.Month, d int) Date { return Date{Year: y, Month: m, Day: d} }

const sep = tilse.Separator
