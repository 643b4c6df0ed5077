// This file holds the HTTP status table: reason phrases, each status's
// default retry class, and Open Finance Brasil's method × status matrix.

package apierr

import (
	"net/http"
	"strings"
)

// StatusText returns the reason phrase for an HTTP status: the phrases of
// Brick Bank's "Erros comuns e possíveis tratativas" (RFC 9110's, so 413 is
// "Payload Too Large", not net/http's "Request Entity Too Large"), 499
// "Client Closed Request" (the booking API's status table) and 529 "Site is
// overloaded" (Brick Bank); net/http's for every other status, "" for one
// nobody names.
//
// The cases return literals rather than net/http constants so that they can
// be read against Brick Bank's table line by line.
func StatusText(status int) string {
	switch status {
	// seed 003, "Códigos de resposta": "Status code | Resumo | Descrição"
	case 200:
		return "OK"
	case 201:
		return "Created"
	case 202:
		return "Accepted"
	case 203:
		return "Non-Authoritative Information"
	case 204:
		return "No Content"
	case 205:
		return "Reset Content"
	case 206:
		return "Partial Content"
	case 300:
		return "Multiple Choices"
	case 301:
		return "Moved Permanently"
	case 302:
		return "Found"
	case 303:
		return "See Other"
	case 304:
		return "Not Modified"
	case 307:
		return "Temporary Redirect"
	case 400:
		return "Bad Request"
	case 401:
		return "Unauthorized"
	case 403:
		return "Forbidden"
	case 404:
		return "Not Found"
	case 405:
		return "Method Not Allowed"
	case 406:
		return "Not Acceptable"
	case 407:
		return "Proxy Authentication Required"
	case 408:
		return "Request Timeout"
	case 409:
		return "Conflict"
	case 410:
		return "Gone"
	case 411:
		return "Length Required"
	case 412:
		return "Precondition Failed"
	case 413:
		return "Payload Too Large"
	case 414:
		return "URI Too Long"
	case 415:
		return "Unsupported Media Type"
	case 416:
		return "Range Not Satisfiable"
	case 417:
		return "Expectation Failed"
	case 423:
		return "Locked"
	case 426:
		return "Upgrade Required"
	case 429:
		return "Too Many Requests"
	case 500:
		return "Internal Server Error"
	case 501:
		return "Not Implemented"
	case 502:
		return "Bad Gateway"
	case 503:
		return "Service Unavailable"
	case 504:
		return "Gateway Timeout"
	case 505:
		return "HTTP Version Not Supported"
	case 529:
		return "Site is overloaded"
	// seed 001: "499 | Solicitação encerrada pelo cliente"
	case 499:
		return "Client Closed Request"
	}
	return http.StatusText(status)
}

// StatusRetry is the retry class of a status when nothing more specific is
// known: the fallback for codes outside the catalog and bodies with no code.
//
//   - 5xx: [Backoff] (Brick Bank, "Erros 50x": "Recomendamos implementar uma
//     estratégia de espera exponencial automatizada"), except 501 and 505:
//     the booking API's status table says 501 means the operation "não foi
//     implementada", and a server that refuses the HTTP version refuses it
//     again; resending cannot help either.
//   - everything else, every 4xx included: [NoRetry] (Brick Bank, "Erros
//     40x": "Não tente reenviar a solicitação"). Its one 4xx exception, 429
//     "Too Many Sessions", is told apart by its code, not its status.
func StatusRetry(status int) RetryClass {
	switch {
	case status == 501, status == 505:
		return NoRetry
	case status >= 500 && status <= 599:
		return Backoff
	}
	return NoRetry
}

// methodSet is a set of the four methods the matrix has columns for.
type methodSet uint8

const (
	methodPost methodSet = 1 << iota
	methodGet
	methodDelete
	methodPatch

	allMethods = methodPost | methodGet | methodDelete | methodPatch
)

// StatusAllowed reports whether Open Finance Brasil lets an API answer
// method with status ("Códigos de Resposta HTTP": the POST, GET, DELETE and
// PATCH columns). A method or status the matrix does not list is allowed: the
// matrix constrains only what it names. Methods match case-insensitively.
func StatusAllowed(method string, status int) bool {
	var m methodSet
	switch strings.ToUpper(method) {
	case http.MethodPost:
		m = methodPost
	case http.MethodGet:
		m = methodGet
	case http.MethodDelete:
		m = methodDelete
	case http.MethodPatch:
		m = methodPatch
	default:
		return true
	}
	allowed, listed := statusMethods(status)
	return !listed || allowed&m != 0
}

// statusMethods is seed 004's matrix, one row per status, in the seed's
// order: POST | GET | DELETE | PATCH, "Sim" for each method in the set.
func statusMethods(status int) (allowed methodSet, listed bool) {
	switch status {
	case 200: // Sim | Sim | Não | Sim
		return methodPost | methodGet | methodPatch, true
	case 201: // Sim | Não | Não | Não
		return methodPost, true
	case 202: // Sim | Sim | Não | Não
		return methodPost | methodGet, true
	case 204: // Não | Não | Sim | Não
		return methodDelete, true
	case 304: // Não | Sim | Não | Não
		return methodGet, true
	case 400, 401, 403, 404, 405, 406: // Sim | Sim | Sim | Sim
		return allMethods, true
	case 410: // Sim | Sim | Sim | Não
		return methodPost | methodGet | methodDelete, true
	case 415: // Sim | Não | Não | Não
		return methodPost, true
	case 422: // Sim | Sim | Não | Sim
		return methodPost | methodGet | methodPatch, true
	case 429, 500, 503, 504: // Sim | Sim | Sim | Sim
		return allMethods, true
	}
	return 0, false
}
