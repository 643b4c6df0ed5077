// Tests of --catalog: an application's catalog file reaching explain,
// classify and list, and every way such a file can be wrong.

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/apierr/apierr"
)

// catalogsDir holds the application catalogs the tests read; acme.json is
// the good one.
const catalogsDir = "testdata/catalogs"

func catalogFile(name string) string { return filepath.Join(catalogsDir, name) }

// Captured responses of the Acme Pay API, whose codes acme.json defines.
const (
	acme503 = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n\r\n" +
		`{"code":"PROCESSADOR_INDISPONIVEL","title":"Processador indisponível",` +
		`"detail":"O processador de cartões não respondeu."}`
	acme422 = "HTTP/1.1 422 Unprocessable Entity\r\nContent-Type: application/json\r\n\r\n" +
		`{"code":"SALDO_INSUFICIENTE","title":"Saldo insuficiente",` +
		`"detail":"O saldo da conta não cobre o pagamento."}`
	acme429 = "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\n" +
		"Retry-After: 30\r\n\r\n" + `{"code":"LIMITE_PIX_EXCEDIDO","title":"Limite de Pix excedido"}`
)

func TestGoldenCatalog(t *testing.T) {
	acme := catalogFile("acme.json")
	checkGolden(t, []goldenCase{
		{name: "explain-catalog-code", args: []string{"explain", "--catalog", acme,
			"SALDO_INSUFICIENTE"}},
		{name: "explain-catalog-title", args: []string{"explain", "limite de pix excedido",
			"--catalog", acme}},
		{name: "explain-catalog-json", args: []string{"explain", "--catalog", acme,
			"--format", "json", "sessao_expirada"}},
		{name: "explain-catalog-status", args: []string{"explain", "--catalog", acme, "422"}},
		{name: "explain-catalog-before-command", args: []string{"--catalog", acme, "explain",
			"PROCESSADOR_INDISPONIVEL"}},
		{name: "classify-catalog-backoff", args: []string{"classify", "--catalog", acme},
			stdin: acme503, exit: exitAPIError},
		{name: "classify-catalog-no-retry", args: []string{"classify", "--catalog", acme},
			stdin: acme422, exit: exitAPIError},
		{name: "classify-catalog-retry-after", args: []string{"classify", "--catalog", acme},
			stdin: acme429, exit: exitAPIError},
		{name: "classify-without-catalog", args: []string{"classify"}, stdin: acme503,
			exit: exitAPIError},
		{name: "list-catalog-app", args: []string{"list", "--catalog", acme, "--app"}},
		{name: "list-catalog-app-markdown", args: []string{"list", "--catalog", acme, "--app",
			"--format", "markdown"}},
		{name: "list-catalog-app-backoff", args: []string{"list", "--catalog", acme, "--app",
			"--retry", "backoff", "--format", "markdown"}},
		{name: "list-catalog-source", args: []string{"list", "--catalog", acme,
			"--source", "acme-pay", "--status", "503"}},
		{name: "list-catalog-status", args: []string{"list", "--catalog", acme,
			"--status", "422"}},
		{name: "list-app-without-catalog", args: []string{"list", "--app"}, exit: exitUsage},
		{name: "catalog-missing-file", args: []string{"explain", "--catalog",
			catalogFile("nope.json"), "SALDO_INSUFICIENTE"}, exit: exitUsage},
		{name: "catalog-directory", args: []string{"list", "--catalog", catalogsDir},
			exit: exitUsage},
		{name: "catalog-unknown-member", args: []string{"explain", "--catalog",
			catalogFile("bad-member.json"), "SALDO_INSUFICIENTE"}, exit: exitUsage},
		{name: "catalog-bad-syntax", args: []string{"classify", "--catalog",
			catalogFile("bad-syntax.json")}, stdin: acme503, exit: exitUsage},
		{name: "catalog-bad-retry", args: []string{"list", "--catalog",
			catalogFile("bad-retry.json")}, exit: exitUsage},
		{name: "catalog-not-an-array", args: []string{"list", "--catalog",
			catalogFile("not-an-array.json")}, exit: exitUsage},
		{name: "catalog-invalid-entries", args: []string{"explain", "--catalog",
			catalogFile("invalid-entries.json"), "SALDO_INSUFICIENTE"}, exit: exitUsage},
		{name: "catalog-redefines-a-documented-code", args: []string{"explain", "--catalog",
			catalogFile("redefines.json"), "invalid_token"}, exit: exitUsage},
	})
}

// A bad catalog file stops every command before it prints anything: one
// line per problem on stderr, each naming the file, and exit 2.
func TestABadCatalogFileStopsEveryCommand(t *testing.T) {
	files := []struct {
		name, file string
		want       []string // the lines on stderr
	}{
		{"a file that does not exist", "nope.json", []string{
			"nope.json: no such file or directory"}},
		{"a misspelt member", "bad-member.json", []string{
			`bad-member.json: line 3, column 35: entry 1: unknown member "stauts"`}},
		{"entries that break several rules", "invalid-entries.json", []string{
			`invalid-entries.json: entry 1 ("PAGAMENTO_ACEITO"): status 200 is outside 400–599`,
			`invalid-entries.json: entry 2 ("SEM_TITULO"): empty title`,
			`invalid-entries.json: entry 3 ("SALDO_INSUFICIENTE"): code given twice`}},
		{"a documented code redefined", "redefines.json", []string{
			`redefines.json: entry 1 ("invalid_token"): code already in the catalog (RFC 6750): an application cannot redefine it`}},
	}
	commands := [][]string{
		{"explain", "SALDO_INSUFICIENTE"}, {"classify"}, {"list"},
		{"gen", "--package", "acmepay"},
	}
	for _, f := range files {
		for _, cmd := range commands {
			t.Run(f.name+" stops "+cmd[0], func(t *testing.T) {
				r := runCLI(t, acme503, append(cmd, "--catalog", catalogFile(f.file))...)
				assert.Equal(t, exitUsage, r.exit)
				assert.Empty(t, r.stdout)
				var want []string
				for _, line := range f.want {
					want = append(want, fmt.Sprintf("apierr %s: %s/%s", cmd[0], catalogsDir, line))
				}
				assert.Equal(t, strings.Join(want, "\n")+"\n", r.stderr)
			})
		}
	}
}

func TestFileErrorNamesTheFileInPlaceOfTheLibrarysInput(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"a position in the file",
			errors.New(`apierr: entries: line 3, column 5: entry 1: unknown member "stauts"`),
			`app.json: line 3, column 5: entry 1: unknown member "stauts"`},
		{"a read that failed",
			fmt.Errorf("apierr: reading entries: %w",
				&fs.PathError{Op: "read", Path: "app.json", Err: errors.New("is a directory")}),
			"app.json: is a directory"},
		{"an entry that does not validate",
			errors.New(`apierr: entry 0 (""): empty code`), `app.json: entry 0 (""): empty code`},
		{"every problem of a join, each on its line",
			errors.Join(errors.New(`apierr: entry 0 ("A"): empty title`),
				errors.New(`apierr: entry 2 ("B"): code given twice`)),
			"app.json: entry 0 (\"A\"): empty title\napp.json: entry 2 (\"B\"): code given twice"},
		{"a message of no known form is kept whole",
			errors.New("something else"), "app.json: something else"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, fileError("app.json", tt.err).Error())
		})
	}
}

func TestTheCatalogFilesEntriesReachEveryCommand(t *testing.T) {
	acme := catalogFile("acme.json")
	r := runCLI(t, "", "explain", "--catalog", acme, "--format", "json", "SALDO_INSUFICIENTE")
	require.Equal(t, exitOK, r.exit, r.stderr)
	var explained entryJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &explained))
	assert.Equal(t, "The account balance does not cover the payment.", explained.Summary)
	assert.Equal(t, "O valor do pagamento é maior que o saldo disponível da conta.",
		explained.Cause)
	assert.Contains(t, explained.Solution, "\n   1. até o saldo disponível;\n")

	r = runCLI(t, acme503, "classify", "--catalog", acme, "--format", "json")
	require.Equal(t, exitAPIError, r.exit, r.stderr)
	var classified classifyJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &classified))
	assert.True(t, classified.Known)
	assert.Equal(t, apierr.Backoff.String(), classified.Retry)
	assert.Equal(t, "The card processor did not answer; it is usually back within a minute.",
		classified.Summary)

	r = runCLI(t, "", "list", "--catalog", acme, "--app", "--format", "json")
	require.Equal(t, exitOK, r.exit, r.stderr)
	var listed []entryJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &listed))
	var codes []string
	for _, e := range listed {
		codes = append(codes, e.Code)
	}
	assert.Equal(t, []string{"sessao_expirada", "SALDO_INSUFICIENTE", "LIMITE_PIX_EXCEDIDO",
		"PROCESSADOR_INDISPONIVEL"}, codes, "the file's codes alone, by status then code")

	r = runCLI(t, "", "list", "--catalog", acme, "--format", "json")
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &listed))
	assert.Len(t, listed, apierr.Documented().Len()+4, "the documented codes and the file's")
}

// Without --app, a page of the whole catalog is CATALOG.md with the
// application's entries among the documented ones, and the gateway
// messages at its end.
func TestListMarkdownOfTheWholeCatalogKeepsTheGatewayMessages(t *testing.T) {
	r := runCLI(t, "", "list", "--catalog", catalogFile("acme.json"), "--format", "markdown")
	require.Equal(t, exitOK, r.exit, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "<!-- Code generated by \"apierr list "+
		"--catalog testdata/catalogs/acme.json --format markdown\"; DO NOT EDIT. -->\n"))
	assert.Contains(t, r.stdout, "Every error of the apierr catalog and "+
		"`testdata/catalogs/acme.json`: 117 entries")
	assert.Contains(t, r.stdout, "\n## `SALDO_INSUFICIENTE`\n")
	assert.Contains(t, r.stdout, "\n## `CONSENTIMENTO_INVALIDO`\n")
	assert.Contains(t, r.stdout, "\n# Gateway messages\n")
}

func TestListTextHeadsAnEntryWithoutASourceAsSuch(t *testing.T) {
	var b strings.Builder
	writeListText(&b, []apierr.Entry{{Code: "SALDO_INSUFICIENTE", Status: 422,
		Title: "Saldo insuficiente"}})
	assert.Equal(t, "No source: 1 code\n"+
		"  STATUS  CODE                RETRY           TITLE\n"+
		"  422     SALDO_INSUFICIENTE  no-retry        Saldo insuficiente\n", b.String())
}
