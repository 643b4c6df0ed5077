// This file holds the section headings of Brick Bank's error page, which
// explain accepts as names of the codes they head.

package main

import "github.com/apierr/apierr"

// brickBankHeadings are the section headings of Brick Bank's "Possíveis
// causas e soluções" (seed 003, testdata/seeds/003_*.txt, the page
// integrators read), in the page's order, each with the code its example
// block sends. explain accepts them as names because they are what a reader
// of that page knows: "qrcode invalido" finds VALOR_INVALIDO. The headings
// are the page's, slips included ("Time Out", "Locked" and "Internal Server
// Error" head single codes); two sections share "Data de Expiração
// Inválida", so a heading may name several codes. "Token não fornecido" is
// the one block with an "error" member instead of a "code".
// TestHeadingsAreBrickBanks checks every row against the seed.
var brickBankHeadings = [...]struct {
	heading string
	code    apierr.Code
}{
	{"Cliente Inválido", apierr.ClienteInvalido},
	{"Assinatura Inválida", apierr.AssinaturaInvalida},
	{"Dados inválidos", apierr.DadosInvalidos},
	{"CPF Inválido", apierr.CPFInvalido},
	{"Erro no fluxo DCR", apierr.ErroFluxoDCR},
	{"Erro no fluxo DCM", apierr.ErroFluxoDCM},
	{"Data de Expiração Inválida", apierr.DataDeExpiracaoInvalida},
	{"Invalid Permissions PF and PJ", apierr.PermissaoPFPJEmConjunto},
	{"Invalid Permissions", apierr.PermissoesInvalidas},
	{"Consentimento Inválido", apierr.ConsentimentoInvalido},
	{"Erro Chamada API", apierr.ErroChamadaAPI},
	{"Instância não encontrada", apierr.InstanciaNaoEncontrada},
	{"Time Out", apierr.TimeoutChamadaAPI},
	{"Falha no fluxo Refresh Token", apierr.FalhaFluxoRefreshToken},
	{"Time out no fluxo Refresh Token", apierr.TimeoutFluxoRefreshToken},
	{"Consentimento não autorizado", apierr.ConsentimentoNaoAutorizado},
	{"Token não fornecido", apierr.InvalidToken},
	{"Consentimento Não Autorizado", apierr.ConsentimentoNaoAutorizado},
	{"Token não autorizado", apierr.TokenNaoAutorizado},
	{"Token Inativo", apierr.TokenInativo},
	{"Instituição Não Encontrada", apierr.InstituicaoNaoEncontrada},
	{"Interação não encontrada", apierr.InteracaoNaoEncontrada},
	{"Link Não Encontrado", apierr.LinkNaoEncontrado},
	{"Refresh Token não encontrado", apierr.RefreshTokenNaoEncontrado},
	{"State não encontrado", apierr.StateNaoEncontrado},
	{"Consentimento Não Encontrado", apierr.ConsentimentoNaoEncontrado},
	{"Data de pagamento inválida", apierr.DataPagamentoInvalida},
	{"Pagamento Divergente do Consentimento", apierr.PagamentoDivergenteConsentimento},
	{"Não Informado", apierr.NaoInformado},
	{"Detalhe Pagamento Inválido", apierr.DetalhePagamentoInvalido},
	{"Depende de múltipla alçada", apierr.ConsentimentoPendenteAutorizacao},
	{"Limite do período do valor excedido", apierr.LimitePeriodoValorExcedido},
	{"Limite do período da quantidade excedida", apierr.LimitePeriodoQuantidadeExcedido},
	{"Consentimento Rejeitado", apierr.ConsentimentoEmStatusRejeitado},
	{"Pagamento não permite cancelamento", apierr.PagamentoNaoPermiteCancelamento},
	{"Data de Expiração Inválida", apierr.DataExpiracaoInvalida},
	{"Depende Múltipla Alçada", apierr.DependeMultiplaAlcada},
	{"Data Inválida", apierr.DataInvalida},
	{"Erro Idempotência", apierr.ErroIdempotencia},
	{"Operação Não Permitida", apierr.OperacaoNaoPermitidaStatus},
	{"Parâmetro Não Informado", apierr.ParametroNaoInformado},
	{"Parâmetro Inválido", apierr.ParametroInvalido},
	{"QRCode Inválido", apierr.ValorInvalido},
	{"Locked", apierr.LimiteOperacionalExcedido},
	{"Internal Server Error", apierr.ErroNoFluxoOIDC},
}
