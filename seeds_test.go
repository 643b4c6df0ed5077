package apierr

// The seed readers below parse testdata/seeds (copies of ../shared/seeds) so
// that catalog and status tests compare the code with the documents, not
// with itself. They are deliberately forgiving about layout and strict about
// text: seed 003's blocks are not always valid JSON.

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// seedEntry is what a seed says about one code.
type seedEntry struct {
	Status   int
	Title    string
	Detail   string
	Cause    string
	Solution string
	Heading  string // seed 003's section heading ("422 QRCode Inválido" → "QRCode Inválido")
}

func readSeed(t testing.TB, prefix string) string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join("testdata", "seeds", prefix+"_*.txt"))
	require.NoError(t, err)
	require.Len(t, matches, 1, "one seed file %s_*.txt in testdata/seeds", prefix)
	b, err := os.ReadFile(matches[0])
	require.NoError(t, err)
	return string(b)
}

var (
	// A section heading is "NNN Words", the next non-blank line being "{".
	seed003Heading = regexp.MustCompile(`^([1-5]\d\d) (\S.*)$`)
	// A block line is `key: "value",` with or without quotes around the key;
	// PARAMETRO_INVALIDO's detail lacks its closing quote in the seed.
	seed003Field = regexp.MustCompile(`^\s*"?([a-z_]+)"?\s*:\s*"(.*?)"?,?\s*$`)
)

// seedText is a "Causa" or "Solução" text as the catalog keeps it. The seed
// separates a paragraph from the list it introduces with a blank line, and
// indents the list: each block between blank lines loses the indentation all
// its lines share and keeps the rest, so a list reads flush under its
// paragraph and a nested step stays indented under its parent
// ("2. Consultar o consentimento…" then "  1. Se o status…"). Blank lines
// and trailing spaces are dropped; bullets are kept.
func seedText(lines []string) string {
	var out, block []string
	flush := func() {
		common := -1
		for _, l := range block {
			if n := len(l) - len(strings.TrimLeft(l, " ")); common < 0 || n < common {
				common = n
			}
		}
		for _, l := range block {
			out = append(out, l[common:])
		}
		block = block[:0]
	}
	for _, l := range lines {
		if l = strings.TrimRight(l, " \t"); l != "" {
			block = append(block, l)
			continue
		}
		flush()
	}
	flush()
	return strings.Join(out, "\n")
}

// seed003Block is one section of seed 003's "Possíveis causas e soluções".
type seed003Block struct {
	Status   int
	Heading  string            // "422 QRCode Inválido" → "QRCode Inválido"
	Fields   map[string]string // the example body: code, title, detail, error, message…
	Cause    string
	Solution string
}

// parseSeed003Blocks reads every section of seed 003's "Possíveis causas e
// soluções", in seed order.
func parseSeed003Blocks(t testing.TB) []seed003Block {
	t.Helper()
	_, section, ok := strings.Cut(readSeed(t, "003"), "Possíveis causas e soluções\n")
	require.True(t, ok, "seed 003 has its causes and solutions section")
	lines := strings.Split(section, "\n")

	var starts []int
	for i, l := range lines {
		if !seed003Heading.MatchString(l) {
			continue
		}
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
			j++
		}
		if j < len(lines) && strings.TrimSpace(lines[j]) == "{" {
			starts = append(starts, i)
		}
	}
	require.NotEmpty(t, starts)

	var blocks []seed003Block
	for k, start := range starts {
		end := len(lines)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		lines := lines[start:end]
		m := seed003Heading.FindStringSubmatch(lines[0])
		b := seed003Block{Heading: m[2], Fields: map[string]string{}}
		b.Status, _ = strconv.Atoi(m[1])

		i := 1
		for strings.TrimSpace(lines[i]) != "{" {
			i++
		}
		for i++; i < len(lines) && strings.TrimSpace(lines[i]) != "}"; i++ {
			if f := seed003Field.FindStringSubmatch(lines[i]); f != nil {
				b.Fields[f[1]] = f[2]
			}
		}
		var cause, solution []string
		var into *[]string
		for _, l := range lines[min(i+1, len(lines)):] {
			switch strings.TrimSpace(l) {
			case "Causa":
				into = &cause
			case "Solução":
				into = &solution
			default:
				if into != nil {
					*into = append(*into, l)
				}
			}
		}
		b.Cause, b.Solution = seedText(cause), seedText(solution)
		blocks = append(blocks, b)
	}
	return blocks
}

// parseSeed003 returns seed 003's codes in seed order and what it says of
// each. A code documented twice (CONSENTIMENTO_NAO_AUTORIZADO) has its
// causes and solutions joined in seed order.
func parseSeed003(t testing.TB) (codes []Code, entries map[Code]seedEntry) {
	t.Helper()
	entries = make(map[Code]seedEntry)
	for _, b := range parseSeed003Blocks(t) {
		code := Code(b.Fields["code"])
		if code == "" {
			continue // "[ERROR] (Em breve)", Kong's message, the invalid_token body
		}
		e := seedEntry{
			Status: b.Status, Title: b.Fields["title"], Detail: b.Fields["detail"],
			Cause: b.Cause, Solution: b.Solution, Heading: b.Heading,
		}
		if prev, dup := entries[code]; dup {
			require.Equal(t, prev.Title, e.Title, "%s documented twice with two titles", code)
			prev.Cause += "\n" + e.Cause
			prev.Solution += "\n" + e.Solution
			entries[code] = prev
			continue
		}
		codes = append(codes, code)
		entries[code] = e
	}
	return codes, entries
}

// seed003BlockWith returns the section whose example body has key = value.
func seed003BlockWith(t testing.TB, key, value string) seed003Block {
	t.Helper()
	for _, b := range parseSeed003Blocks(t) {
		if b.Fields[key] == value {
			return b
		}
	}
	require.Failf(t, "seed 003 block not found", "%s = %q", key, value)
	return seed003Block{}
}

// seed003DefaultExample returns the fields of seed 003's "Por padrão" body,
// which defines ERRO_INTERNO.
func seed003DefaultExample(t testing.TB) map[string]string {
	t.Helper()
	_, after, ok := strings.Cut(readSeed(t, "003"), "Por padrão, todos os retornos")
	require.True(t, ok)
	_, after, _ = strings.Cut(after, "{")
	block, _, _ := strings.Cut(after, "}")
	fields := map[string]string{}
	for _, l := range strings.Split(block, "\n") {
		if f := seed003Field.FindStringSubmatch(l); f != nil {
			fields[f[1]] = f[2]
		}
	}
	return fields
}

var (
	seed002Chapter = regexp.MustCompile(`^(\d)\. \S`)
	seed002Section = regexp.MustCompile(`^(\d)\.\d+\. HTTP/1\.1 (\d{3}) (.+?)\s*$`)
	seed002Name    = regexp.MustCompile("`([A-Za-z0-9]+)`")
	seed002Bearer  = regexp.MustCompile("^`?(invalid_request|invalid_token|insufficient_scope)`?: (.+)$")
)

// stripMarkdown removes the seed's emphasis and code marks.
func stripMarkdown(s string) string {
	return strings.NewReplacer("*", "", "`", "").Replace(s)
}

// parseSeed002 reads seed 002 §3's exception names (a bullet may name two:
// "`A` y `B`") and §2's bearer errors, whose Spanish text is their cause.
// A chapter heading ("3. Códigos de estado…") resets the status, so the
// bullets chapter 3 opens with, which name the body's members ("`error`:
// Código de error."), belong to no section and are not names.
func parseSeed002(t testing.TB) (trusted []Code, entries map[Code]seedEntry) {
	t.Helper()
	entries = make(map[Code]seedEntry)
	var chapter, status int
	var reason string
	for _, l := range strings.Split(readSeed(t, "002"), "\n") {
		if m := seed002Section.FindStringSubmatch(l); m != nil {
			chapter, _ = strconv.Atoi(m[1])
			status, _ = strconv.Atoi(m[2])
			reason = m[3]
			continue
		}
		if m := seed002Chapter.FindStringSubmatch(l); m != nil {
			chapter, _ = strconv.Atoi(m[1])
			status, reason = 0, ""
			continue
		}
		if status == 0 {
			continue
		}
		if chapter == 2 {
			if m := seed002Bearer.FindStringSubmatch(l); m != nil {
				entries[Code(m[1])] = seedEntry{
					Status: status, Title: reason, Cause: stripMarkdown(m[2]),
				}
			}
			continue
		}
		if chapter != 3 || !strings.HasPrefix(l, "- ") {
			continue
		}
		names, desc, ok := strings.Cut(l[2:], ": ")
		require.True(t, ok, "seed 002 bullet %q has a description", l)
		for _, m := range seed002Name.FindAllStringSubmatch(names, -1) {
			code := Code(m[1])
			trusted = append(trusted, code)
			entries[code] = seedEntry{
				Status: status, Title: reason,
				Detail: strings.TrimSpace(stripMarkdown(desc)),
			}
		}
	}
	return trusted, entries
}

// seed003StatusPhrases reads seed 003's "Status code | Resumo | Descrição"
// table, where the phrase runs into a description starting "A ", "O " or
// "Indica".
func seed003StatusPhrases(t testing.TB) map[int]string {
	t.Helper()
	_, table, ok := strings.Cut(readSeed(t, "003"), "Status codeResumoDescrição\n")
	require.True(t, ok)
	row := regexp.MustCompile(`^(\d{3})(.+?)(?:A |O |Indica)`)
	phrases := map[int]string{}
	for _, l := range strings.Split(table, "\n") {
		m := row.FindStringSubmatch(l)
		if m == nil {
			break
		}
		status, _ := strconv.Atoi(m[1])
		phrases[status] = m[2]
	}
	return phrases
}

// seed004Row is one status of seed 004's method matrix.
type seed004Row struct {
	Status  int
	Allowed map[string]bool // POST, GET, DELETE, PATCH → "Sim"
}

// parseSeed004 reads the matrix; a row may wrap across lines where its
// "Notas" cell is empty.
func parseSeed004(t testing.TB) []seed004Row {
	t.Helper()
	row := regexp.MustCompile(
		`\| (\d{3}) [^|]*\|[^|]*\| (Sim|Não) \| (Sim|Não) \| (Sim|Não) \| (Sim|Não) \|`)
	var rows []seed004Row
	for _, m := range row.FindAllStringSubmatch(readSeed(t, "004"), -1) {
		status, _ := strconv.Atoi(m[1])
		rows = append(rows, seed004Row{Status: status, Allowed: map[string]bool{
			"POST": m[2] == "Sim", "GET": m[3] == "Sim", "DELETE": m[4] == "Sim", "PATCH": m[5] == "Sim",
		}})
	}
	return rows
}

// rfc6749Error is one error code of testdata/refs/rfc6749-errors.txt.
type rfc6749Error struct {
	Code        Code
	Section     string   // "5.2", "4.1.2.1"
	Status      int      // the section's default or a note's "HTTP 401"; 0: the reference gives none
	Description string   // the first line after the code that is not a note
	Notes       []string // the reference's parenthesised lines
}

// byteRange is one %xLO-HI range of an ABNF character set.
type byteRange struct{ Lo, Hi byte }

var (
	rfc6749Section = regexp.MustCompile(`^Section ([\d.]+) \((.*)\):$`)
	rfc6749Code    = regexp.MustCompile(`^[a-z_]+$`)
	rfc6749Status  = regexp.MustCompile(`HTTP (\d{3})`)
	rfc6749Charset = regexp.MustCompile(`%x([0-9A-F]{2})-([0-9A-F]{2})`)
)

// parseRFC6749 reads the RFC 6749 reference: its error codes, in order, and
// the character set it gives for error_description.
func parseRFC6749(t testing.TB) ([]rfc6749Error, []byteRange) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "refs", "rfc6749-errors.txt"))
	require.NoError(t, err)
	var (
		errs      []rfc6749Error
		charset   []byteRange
		section   string
		defStatus int
		cur       *rfc6749Error
	)
	for _, l := range strings.Split(string(b), "\n") {
		switch {
		case l == "":
			cur = nil
		case rfc6749Section.MatchString(l):
			m := rfc6749Section.FindStringSubmatch(l)
			section, defStatus = m[1], 0
			if s := rfc6749Status.FindStringSubmatch(m[2]); s != nil &&
				strings.Contains(m[2], "unless specified otherwise") {
				defStatus, _ = strconv.Atoi(s[1])
			}
		case strings.HasPrefix(l, "Values of error_description MUST NOT include"):
			for _, m := range rfc6749Charset.FindAllStringSubmatch(l, -1) {
				lo, _ := strconv.ParseUint(m[1], 16, 8)
				hi, _ := strconv.ParseUint(m[2], 16, 8)
				charset = append(charset, byteRange{byte(lo), byte(hi)})
			}
		case section == "":
			// the reference's own preamble
		case cur == nil && rfc6749Code.MatchString(l):
			errs = append(errs, rfc6749Error{Code: Code(l), Section: section, Status: defStatus})
			cur = &errs[len(errs)-1]
		case cur == nil:
			require.Failf(t, "RFC 6749 reference", "a line outside any error: %q", l)
		case strings.HasPrefix(l, "("):
			cur.Notes = append(cur.Notes, l)
			if s := rfc6749Status.FindStringSubmatch(l); s != nil {
				cur.Status, _ = strconv.Atoi(s[1])
			}
		case cur.Description == "":
			cur.Description = l
		default:
			require.Failf(t, "RFC 6749 reference", "%s has two descriptions", cur.Code)
		}
	}
	require.NotEmpty(t, errs)
	require.NotEmpty(t, charset, "the reference gives error_description's character set")
	return errs, charset
}

// outsideCharset returns the index of the first byte of s outside set, or -1.
func outsideCharset(s string, set []byteRange) int {
	for i := 0; i < len(s); i++ {
		ok := false
		for _, r := range set {
			ok = ok || r.Lo <= s[i] && s[i] <= r.Hi
		}
		if !ok {
			return i
		}
	}
	return -1
}
