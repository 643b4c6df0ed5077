// Tests that no control character of a response or an argument reaches
// the terminal raw.

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/apierr/apierr/internal/text"
)

// Sequences a hostile server or a pasted argument may carry to the terminal.
const (
	osc52    = "\x1b]52;c;ZWNobyBwd25lZA==\a"     // writes the clipboard
	oscTitle = "\x1b]0;sudo rm -rf\a"             // sets the window title
	csiClear = "\x1b[2J"                          // clears the screen
	c1CSI    = "\u009b31m"                        // C1 CSI: ESC [ in one rune
	bidi     = "\u202etxt.exe"                    // right-to-left override
	forgedCR = "\r  retry   backoff: resend now " // overwrites the line it is on
	forgedLF = "\n  retry   backoff: resend now"  // a line of its own
)

// verdictLine is the retry line of text and Markdown output.
var verdictLine = regexp.MustCompile(`(?m)^(?:  retry |\| retry \|)`)

// assertNoRawControl fails when out holds a rune a terminal must not
// receive raw; LF is the CLI's own line break and is allowed.
func assertNoRawControl(t *testing.T, out string) {
	t.Helper()
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRuneInString(out[i:])
		if r != '\n' && (r == utf8.RuneError && size == 1 || text.IsUnsafe(r)) {
			t.Errorf("raw %U at byte %d in:\n%s", r, i, out)
			return
		}
		i += size
	}
}

func TestClassifyQuotesEveryControlCharacterOfTheResponse(t *testing.T) {
	tests := []struct {
		name, response, quoted string
	}{
		{"an OSC 52 clipboard write in the detail is quoted",
			"HTTP/1.1 400 Bad Request\r\n\r\n" +
				`{"code":"X","title":"t","detail":"` + jsonEscape(osc52) + `"}`,
			`\x1b]52;c;ZWNobyBwd25lZA==\a`},
		{"a window-title sequence in the title is quoted",
			"HTTP/1.1 400 Bad Request\r\n\r\n" +
				`{"code":"X","title":"` + jsonEscape(oscTitle) + `"}`,
			`\x1b]0;sudo rm -rf\a`},
		{"a carriage return that would overwrite the verdict is quoted",
			"HTTP/1.1 503 Service Unavailable\r\n\r\n" +
				`{"code":"X","detail":"down` + jsonEscape(forgedCR) + `"}`,
			`down\r  retry`},
		{"a line feed that would forge a verdict line is quoted",
			"HTTP/1.1 400 Bad Request\r\n\r\n" +
				`{"code":"X","detail":"no` + jsonEscape(forgedLF) + `"}`,
			`no\n  retry`},
		{"a C1 control in the code is quoted",
			"HTTP/1.1 400 Bad Request\r\n\r\n" + `{"code":"X` + c1CSI + `"}`,
			`X\u009b31m`},
		{"a bidi override in the error description is quoted",
			"HTTP/1.1 400 Bad Request\r\n\r\n" +
				`{"error":"e","error_description":"` + bidi + `"}`,
			`\u202etxt.exe`},
		{"an escape in the reason phrase is quoted",
			"HTTP/1.1 503 Down" + csiClear + "\r\n\r\n", `Down\x1b[2J`},
		{"an escape in a challenge parameter is quoted",
			"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer realm=\"a" + csiClear +
				"\", error=\"invalid_token\"\r\n\r\n", `a\x1b[2J`},
		{"an escape in the interaction id is quoted",
			"HTTP/1.1 500 Internal Server Error\r\nx-fapi-interaction-id: id" + csiClear +
				"\r\n\r\n{}", `id\x1b[2J`},
		{"an invalid Retry-After with an escape is quoted",
			"HTTP/1.1 503 Service Unavailable\r\nRetry-After: soon" + csiClear + "\r\n\r\n",
			`soon\x1b[2J`},
		{"an escape in error_details is quoted",
			"HTTP/1.1 400 Bad Request\r\n\r\n" +
				`{"error":"e","error_details":{"k":"` + c1CSI + `"}}`, `\u009b31m`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for format, quoted := range map[string]string{
				"text": tt.quoted, "markdown": mdCell(tt.quoted),
			} {
				r := runCLI(t, tt.response, "classify", "--format", format)
				require.Equal(t, exitAPIError, r.exit, "%s: %s", format, r.stderr)
				assertNoRawControl(t, r.stdout+r.stderr)
				assert.Contains(t, r.stdout, quoted, format)
				assert.Len(t, verdictLine.FindAllString(r.stdout, -1), 1, "one verdict line")
			}
			r := runCLI(t, tt.response, "classify", "--format", "json")
			assertNoRawControl(t, r.stdout+r.stderr)
			var got map[string]any
			require.NoError(t, json.Unmarshal([]byte(r.stdout), &got), "still JSON")
		})
	}
}

// The JSON output keeps the server's text exactly, for a program, while
// the terminal sees only escapes.
func TestClassifyJSONEscapesControlsAndKeepsTheText(t *testing.T) {
	detail := osc52 + c1CSI + bidi + "\x7f"
	r := runCLI(t, "HTTP/1.1 400 Bad Request\r\n\r\n"+
		`{"code":"X","detail":"`+jsonEscape(detail)+`"}`, "classify", "--format", "json")
	assertNoRawControl(t, r.stdout)
	var got classifyJSON
	require.NoError(t, json.Unmarshal([]byte(r.stdout), &got))
	assert.Equal(t, detail, got.Detail)
}

func TestUserArgumentsEchoedInErrorsAreQuoted(t *testing.T) {
	tests := []struct {
		name, quoted string
		args         []string
	}{
		{"an unknown command", `frob\x1b]52`, []string{"frob" + osc52}},
		{"an unknown command after help", `frob\x1b]0`, []string{"help", "frob" + oscTitle}},
		{"an unknown flag", `x\x1b[2J`, []string{"explain", "--x" + csiClear, "TOKEN_INATIVO"}},
		{"a bad flag value", `x\u009b31m`,
			[]string{"explain", "--format", "x" + c1CSI, "TOKEN_INATIVO"}},
		{"a name explain cannot find", `nope\u202etxt`, []string{"explain", "nope" + bidi}},
		{"a missing file to classify", `no-such\x1b]52`, []string{"classify", "no-such" + osc52}},
		{"an unknown source to list", `acme\r  retry`,
			[]string{"list", "--source", "acme" + forgedCR}},
		{"an argument list does not take", `x\n  retry`, []string{"list", "x" + forgedLF}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, "", tt.args...)
			assert.Equal(t, exitUsage, r.exit)
			assertNoRawControl(t, r.stdout+r.stderr)
			assert.Contains(t, r.stderr, tt.quoted, "the control shows as an escape")
		})
	}
}

// jsonEscape writes s as the inside of a JSON string, as a server would.
func jsonEscape(s string) string {
	b, _ := json.Marshal(s)
	return string(b[1 : len(b)-1])
}

// Whatever a server or a paste sends, classify answers in one of its three
// exit statuses, a failure in one line, and nothing unsafe reaches the
// terminal in any format.
func FuzzClassifyNeverPassesAControlCharacter(f *testing.F) {
	for _, dir := range []string{responsesDir, capturesDir} {
		files, err := filepath.Glob(filepath.Join(dir, "*"))
		require.NoError(f, err)
		for _, file := range files {
			b, err := os.ReadFile(file)
			require.NoError(f, err)
			f.Add(b)
		}
	}
	f.Add([]byte("HTTP/1.1 400 X\x1b]0;t\a\r\nWWW-Authenticate: Bearer error=\"\u202e\"\r\n\r\n" +
		`{"code":"\u009b","detail":"a\rb"}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		for _, format := range []string{"text", "markdown", "json"} {
			r := runCLI(t, string(in), "classify", "--format", format)
			switch r.exit {
			case exitUsage:
				if r.stdout != "" || strings.Count(r.stderr, "\n") != 1 {
					t.Fatalf("a failure is one line on stderr: %q %q", r.stdout, r.stderr)
				}
			case exitOK, exitAPIError:
			default:
				t.Fatalf("exit %d", r.exit)
			}
			assertNoRawControl(t, r.stdout+r.stderr)
			if format == "json" && r.exit != exitUsage && !json.Valid([]byte(r.stdout)) {
				t.Fatalf("not JSON: %q", r.stdout)
			}
		}
	})
}
