package article

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockAtoms are the elements that start a new paragraph in the text of a
// page or a feed item's content.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Blockquote: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Section: true, atom.Article: true, atom.Pre: true, atom.Tr: true, atom.Dd: true,
	atom.Dt: true, atom.Figcaption: true, atom.Hr: true, atom.Table: true, atom.Ul: true, atom.Ol: true,
}

// skipAtoms hold no prose.
var skipAtoms = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true}

// nodeText returns the prose under n: one paragraph per block element,
// paragraphs separated by a blank line (which internal/text reads as a
// sentence boundary), white space inside a paragraph collapsed. Paragraphs
// with no letter or digit (a stray comma left by a removed byline) are
// dropped, and so is a first paragraph that repeats the title.
//
// trafilatura's ContentText joins paragraphs with spaces, which would run a
// headline into the first sentence; this walk keeps them apart.
func nodeText(n *html.Node, title string) string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		p := strings.Join(strings.Fields(cur.String()), " ")
		cur.Reset()
		if strings.IndexFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
			return
		}
		if len(paras) == 0 && title != "" && strings.EqualFold(p, strings.Join(strings.Fields(title), " ")) {
			return
		}
		paras = append(paras, p)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if skipAtoms[n.DataAtom] {
				return
			}
		}
		block := n.Type == html.ElementNode && blockAtoms[n.DataAtom]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	if n != nil {
		walk(n)
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// fragmentText returns the prose of an HTML fragment (a feed item's
// content), as nodeText does.
func fragmentText(fragment string) string {
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return ""
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return nodeText(root, "")
}
