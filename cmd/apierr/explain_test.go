// Tests of "apierr explain": every way of naming an entry, and its output.

package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/apierr/apierr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGoldenExplain(t *testing.T) {
	checkGolden(t, []goldenCase{
		{name: "explain-code", args: []string{"explain", "CONSENTIMENTO_INVALIDO"}},
		{name: "explain-heading-alias", args: []string{"explain", "qrcode invalido"}},
		{name: "explain-ambiguous-heading",
			args: []string{"explain", "Data de Expiração Inválida"}},
		{name: "explain-heading-with-status",
			args: []string{"explain", "422 data de expiracao invalida"}},
		{name: "explain-title", args: []string{"explain", "erro no fluxo de dcr"}},
		{name: "explain-backoff-lower-case", args: []string{"explain", "erro-chamada-api"}},
		{name: "explain-reauthenticate", args: []string{"explain", "invalid_token"}},
		{name: "explain-trustedx", args: []string{"explain", "NotSupportedException"}},
		{name: "explain-status", args: []string{"explain", "423"}},
		{name: "explain-status-without-codes", args: []string{"explain", "502"}},
		{name: "explain-status-not-an-error", args: []string{"explain", "200"}},
		{name: "explain-gateway-message",
			args: []string{"explain", "no Route matched with those values"}},
		{name: "explain-json",
			args: []string{"explain", "--format", "json", "TOO_MANY_SESSIONS"}},
		{name: "explain-json-status", args: []string{"explain", "404", "-format=json"}},
		{name: "explain-markdown",
			args: []string{"explain", "VALOR_INVALIDO", "--format", "markdown"}},
		{name: "explain-flags-before-command",
			args: []string{"-format", "json", "explain", "429"}},
		{name: "explain-several", args: []string{"explain", "TOKEN_INATIVO", "529"}},
		{name: "explain-words-and-status", args: []string{"explain", "qrcode", "invalido", "423"}},
		{name: "explain-json-several",
			args: []string{"explain", "--format", "json", "invalid_token", "401"}},
		{name: "explain-misspelt-code", args: []string{"explain", "CONSENTIMENTO_INVALDO"},
			exit: exitUsage},
		{name: "explain-partial-name", args: []string{"explain", "consentimento"},
			exit: exitUsage},
		{name: "explain-unknown-no-suggestion", args: []string{"explain", "xyzzy"},
			exit: exitUsage},
		{name: "explain-not-a-status", args: []string{"explain", "999"}, exit: exitUsage},
		{name: "explain-found-and-unknown", args: []string{"explain", "TOKEN_INATIVO", "NOPE"},
			exit: exitUsage},
		{name: "explain-no-names", args: []string{"explain"}, exit: exitUsage},
		{name: "explain-unknown-flag", args: []string{"explain", "--verbose", "TOKEN_INATIVO"},
			exit: exitUsage},
		{name: "explain-bad-format", exit: exitUsage,
			args: []string{"explain", "--format", "xml", "TOKEN_INATIVO"}},
		{name: "explain-help", args: []string{"explain", "--help"}},
	})
}

// The README's first command: a new user's first look at the tool.
func TestExplainReadmeCommandPrintsTheSolution(t *testing.T) {
	entry, ok := apierr.Lookup(apierr.ConsentimentoInvalido)
	require.True(t, ok)

	r := runCLI(t, "", "explain", "CONSENTIMENTO_INVALIDO")

	require.Equal(t, exitOK, r.exit, r.stderr)
	assert.Empty(t, r.stderr)
	assert.True(t, strings.HasPrefix(r.stdout, "CONSENTIMENTO_INVALIDO\n"))
	assert.Contains(t, r.stdout, "400 Bad Request")
	assert.Contains(t, r.stdout, "no-retry: do not resend")
	// Wrapping moves line breaks, so compare the words.
	assert.Contains(t, strings.Join(strings.Fields(r.stdout), " "),
		strings.Join(strings.Fields(entry.Solution), " "))
}

func TestExplainMisspeltCodeSuggestsTheRightOne(t *testing.T) {
	for _, typo := range []string{"CONSENTIMENTO_INVALDO", "consentimento_invalid",
		"CONSENTIMETNO_INVALIDO", "consentimento invalidoo"} {
		t.Run(typo, func(t *testing.T) {
			r := runCLI(t, "", "explain", typo)
			assert.Equal(t, exitUsage, r.exit)
			assert.Empty(t, r.stdout)
			assert.Contains(t, r.stderr, "did you mean CONSENTIMENTO_INVALIDO")
		})
	}
}

func TestExplainJSONOfEveryEntryMatchesTheCatalog(t *testing.T) {
	for e := range apierr.Entries() {
		t.Run(string(e.Code), func(t *testing.T) {
			r := runCLI(t, "", "explain", "--format", "json", string(e.Code))
			require.Equal(t, exitOK, r.exit, r.stderr)

			var got entryJSON
			require.NoError(t, json.Unmarshal([]byte(r.stdout), &got), "one JSON object")
			assert.Equal(t, "code", got.Kind)
			assert.Equal(t, string(e.Code), got.Code)
			assert.Equal(t, e.Status, got.Status)
			assert.Equal(t, apierr.StatusText(e.Status), got.StatusText)
			assert.Equal(t, e.Title, got.Title)
			assert.Equal(t, e.Detail, got.Detail)
			assert.Equal(t, e.Retry.String(), got.Retry)
			assert.Equal(t, e.Cause, got.Cause)
			assert.Equal(t, e.Solution, got.Solution)
			switch e.Retry {
			case apierr.Backoff:
				assert.Equal(t, []float64{3, 6, 12, 24, 48}, got.Schedule)
				assert.Equal(t, "resend after 3s, 6s, 12s, 24s, 48s", got.Advice)
			case apierr.Reauthenticate:
				assert.Empty(t, got.Schedule)
				assert.Equal(t, "refresh the token, then resend once", got.Advice)
			default:
				assert.Empty(t, got.Schedule)
				assert.Equal(t, "do not resend", got.Advice)
			}
		})
	}
}

func TestExplainTextGivesTheVerdictOfEachClass(t *testing.T) {
	for code, want := range map[apierr.Code]string{
		apierr.ErroChamadaAPI:            "backoff: resend after 3s, 6s, 12s, 24s, 48s",
		apierr.TooManySessions:           "backoff: resend after 3s, 6s, 12s, 24s, 48s",
		apierr.TokenNaoAutorizado:        "reauthenticate: refresh the token, then resend once",
		apierr.LimiteOperacionalExcedido: "no-retry: do not resend",
	} {
		r := runCLI(t, "", "explain", string(code))
		require.Equal(t, exitOK, r.exit)
		assert.Contains(t, r.stdout, "  retry     "+want+"\n", code)
	}
}

func TestExplainFindsEveryCodeWhicheverWayItIsWritten(t *testing.T) {
	for e := range apierr.Entries() {
		code := string(e.Code)
		for _, name := range []string{
			strings.ToLower(code),
			strings.ToUpper(code),
			strings.ReplaceAll(code, "_", " "),
			strings.ReplaceAll(code, "_", "-"),
		} {
			res := newMatcher(apierr.Documented()).find(name)
			assert.Contains(t, codesOf(res.entries), e.Code, "%q", name)
		}
	}
}

func codesOf(es []apierr.Entry) []apierr.Code {
	out := make([]apierr.Code, len(es))
	for i, e := range es {
		out[i] = e.Code
	}
	return out
}

func TestExplainAmbiguousHeadingListsEveryMatch(t *testing.T) {
	r := runCLI(t, "", "explain", "--format", "json", "data de expiracao invalida")
	require.Equal(t, exitOK, r.exit, r.stderr)

	var got []entryJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got), "one array for two results")
	require.Len(t, got, 2)
	assert.Equal(t, "DATA_DE_EXPIRACAO_INVALIDA", got[0].Code)
	assert.Equal(t, 400, got[0].Status)
	assert.Equal(t, "DATA_EXPIRACAO_INVALIDA", got[1].Code)
	assert.Equal(t, 422, got[1].Status)
}

func TestExplainStatusListsItsCodes(t *testing.T) {
	r := runCLI(t, "", "explain", "--format", "json", "423", "503", "401")
	require.Equal(t, exitOK, r.exit, r.stderr)

	var got []statusJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got), "one array for three results")
	require.Len(t, got, 3)
	assert.Equal(t, statusJSON{Kind: "status", Status: 423, StatusText: "Locked",
		IsError: true, Retry: "no-retry", Advice: "do not resend", Schedule: []float64{},
		Codes: []string{"LIMITE_OPERACIONAL_EXCEDIDO"}, GatewayMessages: []string{}}, got[0])
	assert.Equal(t, "backoff", got[1].Retry)
	assert.Equal(t, []float64{3, 6, 12, 24, 48}, got[1].Schedule)
	assert.Contains(t, got[2].Codes, "invalid_token")
	assert.Contains(t, got[2].Codes, "TOKEN_NAO_AUTORIZADO")
}

func TestExplainGatewayMessage(t *testing.T) {
	for g := range apierr.GatewayMessages() {
		want := gatewayJSON{Kind: "gateway-message", Message: g.Message,
			Gateway: g.Gateway, Status: g.Status, StatusText: apierr.StatusText(g.Status),
			Summary: g.Summary, Source: g.Source,
			Retry:    apierr.StatusRetry(g.Status).String(),
			Advice:   advice(apierr.StatusRetry(g.Status)),
			Schedule: scheduleSeconds(apierr.StatusRetry(g.Status)), Cause: g.Cause,
			Solution: g.Solution}
		for _, name := range []string{g.Message, strings.ToUpper(g.Message)} {
			r := runCLI(t, "", "explain", "--format", "json", name)
			require.Equal(t, exitOK, r.exit, r.stderr)
			// Several gateways send "502 Bad Gateway": an array of them.
			var got []gatewayJSON
			if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
				var one gatewayJSON
				require.NoError(t, json.Unmarshal([]byte(r.stdout), &one))
				got = []gatewayJSON{one}
			}
			assert.Contains(t, got, want, "%q", name)
		}
	}
}

func TestExplainMarkdownEscapesCells(t *testing.T) {
	assert.Equal(t, `a \| b<br>c`, mdCell("a | b\nc"))
	assert.Equal(t, `\*x\* &lt;b&gt; \[l\]`, mdCell("*x* <b> [l]"))
	assert.Equal(t, "`a\\|b`", mdCode("a|b"))

	r := runCLI(t, "", "explain", "--format", "markdown", "CONSENTIMENTO_INVALIDO")
	require.Equal(t, exitOK, r.exit)
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if strings.HasPrefix(line, "| ") {
			assert.True(t, strings.HasSuffix(line, " |"), "a row on one line: %q", line)
		}
	}
}

func TestExplainGroupsUnquotedWordsIntoNames(t *testing.T) {
	tests := []struct {
		name  string
		words []string
		want  []string
	}{
		{"a heading in words, then a status", []string{"qrcode", "invalido", "423"},
			[]string{"qrcode invalido", "423"}},
		{"a status, then a heading in words", []string{"423", "qrcode", "invalido"},
			[]string{"423", "qrcode invalido"}},
		{"a status-qualified heading in words is one name",
			[]string{"422", "data", "de", "expiracao", "invalida"},
			[]string{"422 data de expiracao invalida"}},
		{"a code in words is one name", []string{"erro", "chamada", "api"},
			[]string{"erro chamada api"}},
		{"codes and statuses stay apart", []string{"TOKEN_INATIVO", "529"},
			[]string{"TOKEN_INATIVO", "529"}},
		{"a word that names nothing stays alone", []string{"TOKEN_INATIVO", "nope", "423"},
			[]string{"TOKEN_INATIVO", "nope", "423"}},
		{"a quoted name is one word among others", []string{"Data de Expiração Inválida", "401"},
			[]string{"Data de Expiração Inválida", "401"}},
	}
	m := newMatcher(apierr.Documented())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, groupWords(m, tt.words))
		})
	}
}

func TestExplainFindsTheHeadingAndTheStatusOfUnquotedWords(t *testing.T) {
	r := runCLI(t, "", "explain", "--format", "json", "qrcode", "invalido", "423")
	require.Equal(t, exitOK, r.exit, r.stderr)
	var got []map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got), "an array for two results")
	require.Len(t, got, 2)
	assert.Equal(t, "VALOR_INVALIDO", got[0]["code"])
	assert.Equal(t, "status", got[1]["kind"])
	assert.Equal(t, 423.0, got[1]["status"])
}

func TestExplainJSONIsAnObjectForOneResultAndAnArrayForSeveral(t *testing.T) {
	r := runCLI(t, "", "explain", "--format", "json", "TOKEN_INATIVO")
	var one map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &one), "one object")

	r = runCLI(t, "", "explain", "--format", "json", "TOKEN_INATIVO", "NOPE")
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &one), "one found, one object")
	assert.Equal(t, exitUsage, r.exit)

	r = runCLI(t, "", "explain", "--format", "json", "TOKEN_INATIVO", "503")
	var several []map[string]any
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &several), "an array")
	assert.Len(t, several, 2)

	r = runCLI(t, "", "explain", "--format", "json", "NOPE")
	assert.Empty(t, r.stdout, "nothing found, nothing printed")
}
