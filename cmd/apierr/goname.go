// This file is the naming rule of "apierr gen": how an error code becomes
// the name of its Go constant, with Go's initialisms.

package main

import (
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"
)

// initialisms are the words a constant name writes in capitals, as Go
// writes ID and URL: Go's common ones, and those of the documented codes
// and their APIs (CPF, PF and PJ of Brazil's taxpayer numbers, OIDC, DCR
// and DCM of OpenID Connect).
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "DNS": true,
	"EOF": true, "GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true,
	"IP": true, "JSON": true, "JWT": true, "QPS": true, "RAM": true, "RPC": true,
	"SLA": true, "SMTP": true, "SQL": true, "SSH": true, "TCP": true, "TLS": true,
	"TTL": true, "UDP": true, "UI": true, "UID": true, "UUID": true, "URI": true,
	"URL": true, "UTF8": true, "VM": true, "XML": true, "XSRF": true, "XSS": true,
	// The documented codes' own, and their field's.
	"CPF": true, "CNPJ": true, "PF": true, "PJ": true, "OIDC": true, "DCR": true,
	"DCM": true, "MTLS": true, "OTP": true, "PIN": true, "SMS": true,
}

// constName is the name of code's constant, and whether code gives one: the
// code's words, split at every character that is neither a letter nor a
// digit, joined in Go style. A word in one case ("ERRO", "invalid") is
// capitalised ("Erro", "Invalid"), or written in capitals when it is an
// initialism ("API") or starts with a digit ("2FA"); a word in mixed case
// is kept as written, its first letter raised ("JsonParseException",
// "InvalidPkcs12Exception"). So ERRO_CHAMADA_API is ErroChamadaAPI,
// PERMISSAO_PF_PJ_EM_CONJUNTO is PermissaoPFPJEmConjunto and
// invalid_request is InvalidRequest. A code whose name would not be an
// exported Go identifier ("404", "_") gives none.
func constName(code string) (string, bool) {
	var b strings.Builder
	for _, w := range codeWords(code) {
		b.WriteString(goWord(w))
	}
	name := b.String()
	return name, token.IsIdentifier(name) && token.IsExported(name)
}

// codeWords splits code at every rune that is neither a letter nor a digit.
func codeWords(code string) []string {
	return strings.FieldsFunc(code, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// goWord writes one word of a code as a constant name's word.
func goWord(w string) string {
	upper, lower := strings.ToUpper(w), strings.ToLower(w)
	first, _ := utf8.DecodeRuneInString(w)
	switch {
	// A word led by a digit ("2FA", "3DS") is an initialism too.
	case (initialisms[upper] || unicode.IsDigit(first)) && (w == upper || w == lower):
		return upper
	case w == upper || w == lower:
		r, size := utf8.DecodeRuneInString(lower)
		return string(unicode.ToUpper(r)) + lower[size:]
	}
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}
