package acmepay

import (
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/apierr/apierr"
)

// The generated entries are the catalog file's, field for field, as
// apierr.ReadEntries reads it.
func TestEntriesAreTheCatalogFiles(t *testing.T) {
	f, err := os.Open("catalog.json")
	require.NoError(t, err)
	defer f.Close()
	want, err := apierr.ReadEntries(f)
	require.NoError(t, err)
	if diff := cmp.Diff(want, Entries()); diff != "" {
		t.Errorf("Entries() differs from catalog.json (-file +generated); "+
			"run go generate:\n%s", diff)
	}
}

func TestEachConstantHoldsItsCode(t *testing.T) {
	assert.Equal(t, apierr.Code("SALDO_INSUFICIENTE"), SaldoInsuficiente)
	assert.Equal(t, apierr.Code("CONTA_EM_PROCESSAMENTO"), ContaEmProcessamento)
	assert.Equal(t, apierr.Code("PAGAMENTO_NAO_ENCONTRADO"), PagamentoNaoEncontrado)
	assert.Equal(t, apierr.Code("PROCESSADOR_INDISPONIVEL"), ProcessadorIndisponivel)
}

func TestCatalogHoldsTheDocumentedCodesAndAcmePays(t *testing.T) {
	cat, err := Catalog()
	require.NoError(t, err)
	assert.Equal(t, apierr.Documented().Len()+4, cat.Len())
	for _, e := range Entries() {
		got, ok := cat.Lookup(e.Code)
		assert.True(t, ok, e.Code)
		assert.Equal(t, e, got)
	}
	_, ok := cat.Lookup(apierr.ConsentimentoInvalido)
	assert.True(t, ok, "the documented codes stay")
	e, _ := cat.Lookup(ContaEmProcessamento)
	assert.Equal(t, apierr.Backoff, e.Retry, "a 409 the application resends")
}

func TestEntriesAreNewOnEveryCall(t *testing.T) {
	first := Entries()
	first[0].Title = "changed by a caller"
	assert.Equal(t, "Saldo insuficiente", Entries()[0].Title)
}
