// Tests of gen's naming rule, held to the names the documented catalog's
// constants were given by hand.

package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/apierr/apierr"
)

// documentedConstants reads the Code constants of the root package's
// catalog_data.go: name by value, as written there by hand.
func documentedConstants(t *testing.T) map[apierr.Code]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "../../catalog_data.go", nil, 0)
	require.NoError(t, err)
	names := map[apierr.Code]string{}
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.CONST {
			continue
		}
		for _, spec := range gen.Specs {
			vs := spec.(*ast.ValueSpec)
			if typ, ok := vs.Type.(*ast.Ident); !ok || typ.Name != "Code" {
				continue
			}
			for i, name := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				require.True(t, ok, "%s is a string literal", name.Name)
				value, err := strconv.Unquote(lit.Value)
				require.NoError(t, err)
				names[apierr.Code(value)] = name.Name
			}
		}
	}
	return names
}

// The rule gen applies to an application's codes is the one the documented
// catalog's constants follow: for each of its entries, the name written by
// hand in catalog_data.go.
func TestConstNameGivesEveryDocumentedConstantsName(t *testing.T) {
	want := documentedConstants(t)
	require.Len(t, want, apierr.Documented().Len(), "one constant per documented entry")
	for e := range apierr.Entries() {
		name, ok := constName(string(e.Code))
		assert.True(t, ok, "%s gives a name", e.Code)
		assert.Equal(t, want[e.Code], name, "the constant of %s", e.Code)
	}
}

func TestConstName(t *testing.T) {
	tests := []struct {
		name, code, want string
	}{
		{"screaming snake case is capitalised word by word", "SALDO_INSUFICIENTE",
			"SaldoInsuficiente"},
		{"an initialism stays in capitals", "ERRO_CHAMADA_API", "ErroChamadaAPI"},
		{"an initialism first", "CPF_INVALIDO", "CPFInvalido"},
		{"initialisms side by side", "PERMISSAO_PF_PJ_EM_CONJUNTO", "PermissaoPFPJEmConjunto"},
		{"an initialism last", "ERRO_NO_FLUXO_OIDC", "ErroNoFluxoOIDC"},
		{"a lower-case initialism is raised too", "invalid_id", "InvalidID"},
		{"snake case", "invalid_request", "InvalidRequest"},
		{"kebab case", "saldo-insuficiente", "SaldoInsuficiente"},
		{"dots and spaces split words", "payment.declined by bank", "PaymentDeclinedByBank"},
		{"a mixed-case word is kept as written", "JsonParseException", "JsonParseException"},
		{"digits inside a mixed-case word stay", "InvalidPkcs12Exception",
			"InvalidPkcs12Exception"},
		{"a lower camel-case word gets its first letter raised", "notFound", "NotFound"},
		{"a word led by a digit is an initialism", "limite_2fa", "Limite2FA"},
		{"an accented word is a word", "AÇÃO_INVÁLIDA", "AçãoInválida"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := constName(tt.code)
			assert.True(t, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestConstNameRejectsWhatGivesNoExportedIdentifier(t *testing.T) {
	for _, code := range []string{"", "___", "404_NAO_ENCONTRADO", "2FA_REQUERIDO", "—"} {
		t.Run(strconv.Quote(code)+" gives no name", func(t *testing.T) {
			_, ok := constName(code)
			assert.False(t, ok)
		})
	}
}
