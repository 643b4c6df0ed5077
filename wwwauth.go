package apierr

// Challenge is one authentication challenge of a WWW-Authenticate header
// (RFC 9110 §11.6.1).
type Challenge struct {
	Scheme  string            // as sent; compare with strings.EqualFold
	Params  map[string]string // names lower-cased, values unquoted and unescaped
	Token68 string
}
