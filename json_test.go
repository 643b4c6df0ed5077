package apierr

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzAppendJSONString holds the hand-written encoder to encoding/json's
// output, byte for byte.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "a\"b\\c", "\u2028<&>", "\xff", "ação\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Skip()
		}
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("%q: got %s, want %s", s, got, want)
		}
	})
}

// FuzzScanBody holds the one-pass scanner to encoding/json: on any valid
// JSON object, both read the same members.
func FuzzScanBody(f *testing.F) {
	for _, s := range []string{
		`{"code":"X","title":"t","detail":"d"}`, `{"error":401,"error_description":"a\"b"}`,
		`{"Code":"x","code":"y","errors":[{"code":"E"}]}`, `{"type":"t","status":503,"x":{"y":[1]}}`,
		`{"error_details":{"a":1},"message":"\u00e9\ud83d\ude00"}`, `{"title":null,"detail":7}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		b = bytes.TrimSpace(b)
		if len(b) == 0 || b[0] != '{' || !json.Valid(b) {
			t.Skip()
		}
		var want, got wireBody
		_ = json.Unmarshal(b, &want) // a wrong-typed member is skipped, as the scanner does
		scanBody(&got, b, true)
		if want.Code != got.Code || want.Error != got.Error || want.Status != got.Status ||
			want.Title != got.Title || want.Detail != got.Detail || want.Type != got.Type ||
			want.ErrorDescription != got.ErrorDescription || want.Message != got.Message ||
			!bytes.Equal(want.ErrorDetails, got.ErrorDetails) ||
			len(want.Errors) != len(got.Errors) {
			t.Fatalf("%s\nunmarshal %+v\nscan      %+v", b, want, got)
		}
	})
}

func TestAppendJSONStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{
		"", "plain", `"quoted" \back\`, "tab\tnl\ncr\r", "\x00\x01\x1f\x7f", "<a href='x'>&</a>",
		"ação çã ñ", "\u2028\u2029", "bad \xff\xfe utf8", "emoji 😀", "\xed\xa0\x80 surrogate",
	} {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(appendJSONString(nil, s)), "%q", s)
	}
}
