// Tests that every catalog read of the commands goes through cli.catalog:
// an application's catalog put there is what explain, list and classify
// know, and nothing else is.

package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/apierr/apierr"
)

func withAppCatalog(t *testing.T) func(*cli) {
	t.Helper()
	app, err := apierr.Documented().With(apierr.Entry{Code: "SALDO_INSUFICIENTE", Status: 409,
		Title: "Saldo insuficiente", Retry: apierr.NoRetry, Format: apierr.FormatCodeTitleDetail,
		Source: "Acme Pay", Summary: "The account's balance does not cover the payment."})
	require.NoError(t, err)
	return func(c *cli) { c.catalog = app }
}

func TestAnApplicationsCatalogReachesEveryCommand(t *testing.T) {
	set := withAppCatalog(t)

	r := runWith(t, set, "", "explain", "saldo insuficiente")
	require.Equal(t, exitOK, r.exit, r.stderr)
	assert.Contains(t, r.stdout, "SALDO_INSUFICIENTE\n")
	assert.Contains(t, r.stdout, "The account's balance does not cover the payment.")

	r = runWith(t, set, "", "list", "--source", "acme pay", "--format", "json")
	require.Equal(t, exitOK, r.exit, r.stderr)
	var listed []entryJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &listed))
	require.Len(t, listed, 1)
	assert.Equal(t, "SALDO_INSUFICIENTE", listed[0].Code)

	r = runWith(t, set, "", "explain", "409")
	assert.Contains(t, r.stdout, "SALDO_INSUFICIENTE")

	r = runWith(t, set, "HTTP/1.1 409 Conflict\r\n\r\n{\"code\":\"SALDO_INSUFICIENTE\"}",
		"classify", "--format", "json")
	var got classifyJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
	assert.True(t, got.Known)
	assert.Equal(t, "Saldo insuficiente", got.Title)

	r = runWith(t, set, "", "help")
	assert.Contains(t, r.stdout, "Acme Pay")
}

func TestTheDocumentedCatalogKnowsNoApplicationCode(t *testing.T) {
	r := runCLI(t, "", "explain", "SALDO_INSUFICIENTE")
	assert.Equal(t, exitUsage, r.exit)
}
