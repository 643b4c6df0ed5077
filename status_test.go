package apierr

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStatusText(t *testing.T) {
	t.Run("every status of seed 003's table has the seed's phrase", func(t *testing.T) {
		phrases := seed003StatusPhrases(t)
		require.Len(t, phrases, 40)
		for status, phrase := range phrases {
			assert.Equal(t, phrase, StatusText(status), "status %d", status)
		}
	})
	for _, tc := range []struct {
		name   string
		status int
		want   string
	}{
		{"413 is RFC 9110's Payload Too Large", 413, "Payload Too Large"},
		{"414 is URI Too Long", 414, "URI Too Long"},
		{"416 is Range Not Satisfiable", 416, "Range Not Satisfiable"},
		{"499 is seed 001's Client Closed Request", 499, "Client Closed Request"},
		{"529 is seed 003's Site is overloaded", 529, "Site is overloaded"},
		{"422, absent from seed 003, is net/http's", 422, "Unprocessable Entity"},
		{"402 is net/http's", 402, "Payment Required"},
		{"an unnamed status is empty", 299, ""},
		{"a negative status is empty", -1, ""},
	} {
		t.Run(tc.name, func(t *testing.T) { assert.Equal(t, tc.want, StatusText(tc.status)) })
	}
}

func TestStatusRetry(t *testing.T) {
	for status := 0; status < 1000; status++ {
		want := NoRetry
		if status >= 500 && status <= 599 && status != 501 && status != 505 {
			want = Backoff
		}
		if got := StatusRetry(status); got != want {
			t.Errorf("StatusRetry(%d) = %v, want %v", status, got, want)
		}
	}
	for _, tc := range []struct {
		status int
		want   RetryClass
	}{
		{503, Backoff}, {504, Backoff}, {529, Backoff}, {501, NoRetry}, {505, NoRetry},
		{429, NoRetry}, {499, NoRetry}, {400, NoRetry}, {200, NoRetry},
	} {
		t.Run(strconv.Itoa(tc.status)+" is "+tc.want.String(), func(t *testing.T) {
			assert.Equal(t, tc.want, StatusRetry(tc.status))
		})
	}
}

func TestStatusAllowed(t *testing.T) {
	rows := parseSeed004(t)
	require.Len(t, rows, 18, "seed 004's matrix has 18 statuses")
	listed := map[int]bool{}
	t.Run("every cell of seed 004's matrix", func(t *testing.T) {
		for _, row := range rows {
			listed[row.Status] = true
			for method, want := range row.Allowed {
				assert.Equal(t, want, StatusAllowed(method, row.Status), "%s %d", method, row.Status)
			}
		}
	})
	t.Run("a status the matrix does not list is allowed", func(t *testing.T) {
		for status := 100; status < 600; status++ {
			if !listed[status] {
				assert.True(t, StatusAllowed(http.MethodPost, status), "POST %d", status)
			}
		}
	})
	t.Run("a method the matrix does not list is allowed", func(t *testing.T) {
		assert.True(t, StatusAllowed(http.MethodPut, 201))
		assert.True(t, StatusAllowed(http.MethodHead, 204))
		assert.True(t, StatusAllowed("", 415))
	})
	t.Run("methods match whatever their case", func(t *testing.T) {
		assert.False(t, StatusAllowed("get", 201))
		assert.True(t, StatusAllowed("Delete", 204))
	})
}
