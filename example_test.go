package apierr_test

import (
	"errors"
	"fmt"

	"github.com/apierr/apierr"
)

func ExampleNew() {
	err := apierr.New(apierr.ConsentimentoInvalido)
	fmt.Println(err.Status, err.Code, err.Format)
	fmt.Println(err.Detail)

	// An unknown code is a programming error: it becomes ERRO_INTERNO.
	fmt.Println(apierr.New("NO_SUCH_CODE"))
	// Output:
	// 400 CONSENTIMENTO_INVALIDO code-title-detail
	// O consentimento não é válido para realizar essa requisição.
	// apierr: 500 ERRO_INTERNO (unknown code "NO_SUCH_CODE"): Ocorreu um erro interno no sistema. Por favor, aguarde uns instantes e refaça a operação.
}

func ExampleLookup() {
	e, ok := apierr.Lookup("TOO_MANY_SESSIONS")
	fmt.Println(ok, e.Status, e.Title, e.Retry)

	_, ok = apierr.Lookup("SALDO_INSUFICIENTE")
	fmt.Println(ok)
	// Output:
	// true 429 Too Many Sessions backoff
	// false
}

func ExampleCodeOf() {
	err := fmt.Errorf("load consent: %w", apierr.Wrap(apierr.ConsentimentoNaoEncontrado,
		errors.New("sql: no rows in result set")))
	fmt.Println(apierr.CodeOf(err), apierr.StatusOf(err))

	// Any other error is what a server writes for it: an internal error.
	err = errors.New("disk full")
	fmt.Println(apierr.CodeOf(err), apierr.StatusOf(err))
	// Output:
	// CONSENTIMENTO_NAO_ENCONTRADO 404
	// ERRO_INTERNO 500
}

func ExampleRetryOf() {
	for _, err := range []error{
		apierr.New(apierr.ErroNoFluxoOIDC),
		apierr.New(apierr.TokenNaoAutorizado),
		apierr.New(apierr.LimiteOperacionalExcedido),
	} {
		fmt.Println(apierr.CodeOf(err), apierr.RetryOf(err))
	}
	// Output:
	// ERRO_NO_FLUXO_OIDC backoff
	// TOKEN_NAO_AUTORIZADO reauthenticate
	// LIMITE_OPERACIONAL_EXCEDIDO no-retry
}

func ExamplePolicy_Delay() {
	for n := 1; n <= apierr.DefaultPolicy.MaxRetries; n++ {
		fmt.Print(apierr.DefaultPolicy.Delay(n), " ")
	}
	fmt.Println()
	// Output: 3s 6s 12s 24s 48s
}
