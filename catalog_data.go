// This file holds the documented catalog: one Code constant per documented
// error, and the literal table of their entries. Every text but the English
// Summary is quoted from its document character for character (accents,
// capitals and slips included), and each entry names where it comes from; the
// tests hold the table to the documents under testdata/, never to itself.

package apierr

// Where the catalog's texts come from, as [Entry.Source] names them.
const (
	sourceBrickBank = "Brick Bank"
	sourceTrustedX  = "TrustedX"
	sourceRFC6750   = "RFC 6750"
	sourceRFC6749   = "RFC 6749"
)

// Brick Bank codes: the 43 of Brick Bank's "Erros comuns e possíveis tratativas" (its
// "Possíveis causas e soluções"), plus ERRO_INTERNO (its default example) and
// TOO_MANY_SESSIONS (the one 4xx it says to resend). Servers send them in a
// {"code","title","detail"} body.
const (
	// AssinaturaInvalida is 400 "Assinatura Inválida": the request's JWT signature is not
	// valid: the BRSEAL certificate is misconfigured on the platform or has expired.
	AssinaturaInvalida Code = "ASSINATURA_INVALIDA"

	// ClienteInvalido is 400 "Cliente Inválido": the authorised client's data could not be
	// validated: the API's MTLS setup in devtools or the client on the authorization server
	// is misconfigured.
	ClienteInvalido Code = "CLIENTE_INVALIDO"

	// ConsentimentoInvalido is 400 "Consentimento inválido": a call uses a consent that is
	// not valid for the requested action.
	ConsentimentoInvalido Code = "CONSENTIMENTO_INVALIDO"

	// CPFInvalido is 400 "CPF não está na lista de clientes": the customer's CPF (Brazilian
	// taxpayer number) is not on the data holder's list of customers available for consent.
	CPFInvalido Code = "CPF_INVALIDO"

	// DadosInvalidos is 400 "Dados Inválidos": a field of the request body, such as the
	// user's CPF, does not match its required pattern.
	DadosInvalidos Code = "DADOS_INVALIDOS"

	// DataDeExpiracaoInvalida is 400 "Data de expiração do consentimento inválida": a data
	// consent asks for an expiration date more than 12 months away.
	DataDeExpiracaoInvalida Code = "DATA_DE_EXPIRACAO_INVALIDA"

	// ErroChamadaAPI is 400 "Erro na chamada da API": the call to another institution's API
	// did not succeed. It is transient: its solution says to wait a few minutes and try
	// again, so it is resent with backoff.
	ErroChamadaAPI Code = "ERRO_CHAMADA_API"

	// ErroFluxoDCM is 400 "Erro no fluxo de DCR": dynamic client management (DCM), the update
	// of a DCR registration with another institution, failed. Its title says DCR, its
	// document's slip, kept verbatim.
	ErroFluxoDCM Code = "ERRO_FLUXO_DCM"

	// ErroFluxoDCR is 400 "Erro no fluxo de DCR": dynamic client registration (DCR) with
	// another institution failed.
	ErroFluxoDCR Code = "ERRO_FLUXO_DCR"

	// FalhaFluxoRefreshToken is 400 "Falha no fluxo de refresh token": renewing a token at
	// the data transmitter failed because of an error in the request.
	FalhaFluxoRefreshToken Code = "FALHA_FLUXO_REFRESH_TOKEN"

	// InstanciaNaoEncontrada is 400 "Instância não encontrada": the brand instance of a
	// multi-brand organisation could not be determined from the request.
	InstanciaNaoEncontrada Code = "INSTANCIA_NAO_ENCONTRADA"

	// PermissaoPFPJEmConjunto is 400 "Permissões PF e PJ em conjunto": one consent request
	// mixes personal (PF) and business (PJ) permissions.
	PermissaoPFPJEmConjunto Code = "PERMISSAO_PF_PJ_EM_CONJUNTO"

	// PermissoesInvalidas is 400 "Permissões inválidas": the set of permissions in a consent
	// request is not valid under the Open Finance Brasil specification.
	PermissoesInvalidas Code = "PERMISSOES_INVALIDAS"

	// TimeoutChamadaAPI is 400 "Timeout na chamada da API": the call to another institution's
	// API timed out. It is transient: its solution says to wait a few minutes and try again,
	// so it is resent with backoff.
	TimeoutChamadaAPI Code = "TIMEOUT_CHAMADA_API"

	// TimeoutFluxoRefreshToken is 400 "Timeout no fluxo de refresh token": renewing a token
	// at the data transmitter timed out.
	TimeoutFluxoRefreshToken Code = "TIMEOUT_FLUXO_REFRESH_TOKEN"

	// ConsentimentoNaoAutorizado is 401 "Consentimento não autorizado": the consent is not
	// authorised for the payment, data transmission or data category requested.
	ConsentimentoNaoAutorizado Code = "CONSENTIMENTO_NAO_AUTORIZADO"

	// InstituicaoNaoEncontrada is 401 "Instituição não encontrada": the institution or brand
	// requested (the body's brandId) was not found.
	InstituicaoNaoEncontrada Code = "INSTITUICAO_NAO_ENCONTRADA"

	// TokenInativo is 401 "Token inativo.": the token is not active because the identity
	// provider is not configured on the platform.
	TokenInativo Code = "TOKEN_INATIVO"

	// TokenNaoAutorizado is 401 "Token não autorizado": the token in the request header is
	// expired or invalid. A client gets a new token and resends once.
	TokenNaoAutorizado Code = "TOKEN_NAO_AUTORIZADO"

	// ConsentimentoNaoEncontrado is 404 "Consentimento não encontrado": the consent named in
	// the request does not exist.
	ConsentimentoNaoEncontrado Code = "CONSENTIMENTO_NAO_ENCONTRADO"

	// InteracaoNaoEncontrada is 404 "Interação não encontrada.": the interactionId of the
	// redirect is missing or wrong.
	InteracaoNaoEncontrada Code = "INTERACAO_NAO_ENCONTRADA"

	// LinkNaoEncontrado is 404 "Link não encontrado": the requested API is not registered in
	// the Open Finance Brasil directory.
	LinkNaoEncontrado Code = "LINK_NAO_ENCONTRADO"

	// RefreshTokenNaoEncontrado is 404 "Refresh token não encontrado": the data transmitter
	// has no refresh token for the consent.
	RefreshTokenNaoEncontrado Code = "REFRESH_TOKEN_NAO_ENCONTRADO"

	// StateNaoEncontrado is 404 "State não encontrado": a callback request lacks its state
	// parameter.
	StateNaoEncontrado Code = "STATE_NAO_ENCONTRADO"

	// ConsentimentoEmStatusRejeitado is 422 "Consentimento em status rejeitado": the consent
	// is in status REJECTED.
	ConsentimentoEmStatusRejeitado Code = "CONSENTIMENTO_EM_STATUS_REJEITADO"

	// ConsentimentoPendenteAutorizacao is 422 "Consentimento pendente autorização de
	// múltiplas alçadas (status “PARTIALLY_ACCEPTED”).": a payment consent that needs several
	// approvers is still PARTIALLY_ACCEPTED.
	ConsentimentoPendenteAutorizacao Code = "CONSENTIMENTO_PENDENTE_AUTORIZACAO"

	// DataExpiracaoInvalida is 422 "Data de expiração do consentimento inválida": a consent's
	// expirationDateTime is more than 12 months away.
	DataExpiracaoInvalida Code = "DATA_EXPIRACAO_INVALIDA"

	// DataInvalida is 422 "Data invalida do consentimento": the consent cannot be created on
	// that date.
	DataInvalida Code = "DATA_INVALIDA"

	// DataPagamentoInvalida is 422 "Data de pagamento inválida.": the payment date does not
	// suit the payment type (instant or scheduled Pix).
	DataPagamentoInvalida Code = "DATA_PAGAMENTO_INVALIDA"

	// DependeMultiplaAlcada is 422 "Consentimento contem múltiplas alçadas": the consent
	// needs the approval of several account holders.
	DependeMultiplaAlcada Code = "DEPENDE_MULTIPLA_ALCADA"

	// DetalhePagamentoInvalido is 422 "Detalhe do pagamento inválido.": one or more payment
	// detail parameters are filled in wrongly.
	DetalhePagamentoInvalido Code = "DETALHE_PAGAMENTO_INVALIDO"

	// ErroIdempotencia is 422 "Erro idempotência.": a payment's x-idempotency-key is wrong.
	ErroIdempotencia Code = "ERRO_IDEMPOTENCIA"

	// LimitePeriodoQuantidadeExcedido is 422 "A transação não pode ser realizada pois a
	// quantidade parametrizada no consentimento foi excedida.": an automatic payment exceeds
	// the number of payments the consent allows in its period.
	LimitePeriodoQuantidadeExcedido Code = "LIMITE_PERIODO_QUANTIDADE_EXCEDIDO"

	// LimitePeriodoValorExcedido is 422 "A transação não pode ser realizada pois o valor
	// parametrizado no consentimento foi excedido.": an automatic payment exceeds the amount
	// the consent allows in its period.
	LimitePeriodoValorExcedido Code = "LIMITE_PERIODO_VALOR_EXCEDIDO"

	// NaoInformado is 422 "Não informado.": the payment's cnpjInitiator is invalid, and the
	// account holder gives no further reason.
	NaoInformado Code = "NAO_INFORMADO"

	// OperacaoNaoPermitidaStatus is 422 "Operação não permitida.": the consent's current
	// status, other than authorised, does not allow the operation.
	OperacaoNaoPermitidaStatus Code = "OPERACAO_NAO_PERMITIDA_STATUS"

	// PagamentoDivergenteConsentimento is 422 "Divergência entre pagamento e consentimento.":
	// the payment's data differ from the data of its consent.
	PagamentoDivergenteConsentimento Code = "PAGAMENTO_DIVERGENTE_CONSENTIMENTO"

	// PagamentoNaoPermiteCancelamento is 422 "Pagamento não permite cancelamento": the
	// payment, an instant Pix for example, cannot be cancelled.
	PagamentoNaoPermiteCancelamento Code = "PAGAMENTO_NAO_PERMITE_CANCELAMENTO"

	// ParametroInvalido is 422 "Parâmetro com valor inválido": a parameter of the request
	// body has an invalid value.
	ParametroInvalido Code = "PARAMETRO_INVALIDO"

	// ParametroNaoInformado is 422 "Parâmetro obrigatório não informado": a mandatory
	// parameter is missing from the request body.
	ParametroNaoInformado Code = "PARAMETRO_NAO_INFORMADO"

	// ValorInvalido is 422 "Valor inválido.": the amount sent does not match the QR code's
	// amount.
	ValorInvalido Code = "VALOR_INVALIDO"

	// LimiteOperacionalExcedido is 423 "Limite Operacional Excedido.": the monthly
	// operational limit per endpoint and client is spent. It is not resent: the limit is
	// counted per month.
	LimiteOperacionalExcedido Code = "LIMITE_OPERACIONAL_EXCEDIDO"

	// TooManySessions is 429 "Too Many Sessions": the account is in use from another browser
	// at the same time. It is the one 4xx its document says to resend, on the schedule of the
	// 5xx errors.
	TooManySessions Code = "TOO_MANY_SESSIONS"

	// ErroInterno is 500 "Erro interno": the generic internal error: something failed inside
	// the server. Any error that is not an [*Error] is written as this one.
	ErroInterno Code = "ERRO_INTERNO"

	// ErroNoFluxoOIDC is 500 "Erro no fluxo OIDC": the OIDC flow with another institution
	// failed while checking clients before a consent was created.
	ErroNoFluxoOIDC Code = "ERRO_NO_FLUXO_OIDC"
)

// TrustedX exception names: the 58 of TrustedX's "Status de las respuestas HTTP" (Izenpe
// Giltz@), grouped there by status. Servers send them in an
// {"error","error_description","error_details"} body.
const (
	// AccountAlreadyExistsException is 400 "Bad Request": the unique attribute chosen as the
	// account's identifier is already assigned to another account.
	AccountAlreadyExistsException Code = "AccountAlreadyExistsException"

	// AccountAttributeNotDefinedException is 400 "Bad Request": an attribute in the request
	// is not defined in the identity domain or not mapped to the user account.
	AccountAttributeNotDefinedException Code = "AccountAttributeNotDefinedException"

	// AmbiguousSignIdentityTypeException is 400 "Bad Request": the labels sent to the
	// signature provider match more than one signing identity.
	AmbiguousSignIdentityTypeException Code = "AmbiguousSignIdentityTypeException"

	// BadRequestException is 400 "Bad Request": the request is not correct.
	BadRequestException Code = "BadRequestException"

	// BlockedDeviceException is 400 "Bad Request": the signing device has a process pending
	// completion.
	BlockedDeviceException Code = "BlockedDeviceException"

	// DeviceAlreadyExistsException is 400 "Bad Request": the signing device to register
	// already exists.
	DeviceAlreadyExistsException Code = "DeviceAlreadyExistsException"

	// DeviceTypesNotExistsException is 400 "Bad Request": the signing device type given does
	// not match any configured type.
	DeviceTypesNotExistsException Code = "DeviceTypesNotExistsException"

	// InconsistentLinkedAccountIdException is 400 "Bad Request": an update of a linked
	// account changes its external domain or account_id, which cannot change.
	InconsistentLinkedAccountIdException Code = "InconsistentLinkedAccountIdException"

	// IncorrectSignIdentitySelectorsException is 400 "Bad Request": the signing identity
	// selector is wrong or matches no identity.
	IncorrectSignIdentitySelectorsException Code = "IncorrectSignIdentitySelectorsException"

	// InvalidAttributeValueException is 400 "Bad Request": an attribute in the request has no
	// value or an unsupported format.
	InvalidAttributeValueException Code = "InvalidAttributeValueException"

	// InvalidCsrTemplateException is 400 "Bad Request": the certification request template
	// for a new signing identity is wrong.
	InvalidCsrTemplateException Code = "InvalidCsrTemplateException"

	// InvalidExternalDomainNameException is 400 "Bad Request": the external domain name is
	// invalid or not federated with the account's domain.
	InvalidExternalDomainNameException Code = "InvalidExternalDomainNameException"

	// InvalidKeyTemplateException is 400 "Bad Request": the key generation template for a new
	// signing identity is wrong.
	InvalidKeyTemplateException Code = "InvalidKeyTemplateException"

	// InvalidParametersException is 400 "Bad Request": the value of one or more request
	// parameters is not supported.
	InvalidParametersException Code = "InvalidParametersException"

	// InvalidPkcs12Exception is 400 "Bad Request": the PKCS#12 and password sent to create
	// the identity are wrong or unusable.
	InvalidPkcs12Exception Code = "InvalidPkcs12Exception"

	// InvalidQueryFilterException is 400 "Bad Request": the filter parameter is malformed or
	// names an attribute that is undefined, unmapped or not unique.
	InvalidQueryFilterException Code = "InvalidQueryFilterException"

	// InvalidRequestException is 400 "Bad Request": the request syntax is wrong or some
	// parameter values are not supported.
	InvalidRequestException Code = "InvalidRequestException"

	// JsonParseException is 400 "Bad Request": the request body is malformed.
	JsonParseException Code = "JsonParseException"

	// JsonProcessingException is 400 "Bad Request": the request body is malformed.
	JsonProcessingException Code = "JsonProcessingException"

	// LinkedAccountAlreadyExistsException is 400 "Bad Request": the account already has a
	// linked identity with that domain and account_id.
	LinkedAccountAlreadyExistsException Code = "LinkedAccountAlreadyExistsException"

	// MandatorySignatureException is 400 "Bad Request": the signing process has no signature
	// definition.
	MandatorySignatureException Code = "MandatorySignatureException"

	// MissingExternalAccountIdException is 400 "Bad Request": the request body lacks the
	// external identity's account_id.
	MissingExternalAccountIdException Code = "MissingExternalAccountIdException"

	// MissingUserIdAttributeException is 400 "Bad Request": the request body lacks the
	// attribute that identifies the user account.
	MissingUserIdAttributeException Code = "MissingUserIdAttributeException"

	// ModelValidationException is 400 "Bad Request": a mandatory parameter is missing from
	// the URL or body, or the body is empty or incomplete.
	ModelValidationException Code = "ModelValidationException"

	// MultipleAccountsForUniqueAttributeException is 400 "Bad Request": a unique attribute's
	// value is already assigned to another account.
	MultipleAccountsForUniqueAttributeException Code = "MultipleAccountsForUniqueAttributeException"

	// MultipleIdentitiesSelectedException is 400 "Bad Request": the labels sent to the
	// signature provider match more than one signing identity.
	MultipleIdentitiesSelectedException Code = "MultipleIdentitiesSelectedException"

	// MultipleValuesForUniqueAttributeException is 400 "Bad Request": a unique attribute has
	// several values.
	MultipleValuesForUniqueAttributeException Code = "MultipleValuesForUniqueAttributeException"

	// NotSupportedException is 400 "Bad Request": the request's Content-Type is not the
	// expected one (usually application/json).
	NotSupportedException Code = "NotSupportedException"

	// NotSupportedSignatureParametersException is 400 "Bad Request": the parameters of the
	// signature definition are wrong.
	NotSupportedSignatureParametersException Code = "NotSupportedSignatureParametersException"

	// SignaturePolicyNotFoundException is 400 "Bad Request": no signature policy was given.
	SignaturePolicyNotFoundException Code = "SignaturePolicyNotFoundException"

	// SignaturePolicyNotSupportedException is 400 "Bad Request": the signature policy
	// requested is not supported.
	SignaturePolicyNotSupportedException Code = "SignaturePolicyNotSupportedException"

	// UndefinedIdentityDomainException is 400 "Bad Request": the authorization token belongs
	// to an undefined identity domain. Its description breaks off mid-sentence in its
	// document, and the detail keeps it so.
	UndefinedIdentityDomainException Code = "UndefinedIdentityDomainException"

	// UnexpectedSignerParametersTypeException is 400 "Bad Request": the parameters of the
	// signature definition are wrong.
	UnexpectedSignerParametersTypeException Code = "UnexpectedSignerParametersTypeException"

	// UnmatchingSignIdentityTypeException is 400 "Bad Request": the labels of the signing
	// identity to create match no configured identity type.
	UnmatchingSignIdentityTypeException Code = "UnmatchingSignIdentityTypeException"

	// UnsuitableDeviceForSignIdentityException is 400 "Bad Request": the labels of the
	// signing identity to create match no configured identity type.
	UnsuitableDeviceForSignIdentityException Code = "UnsuitableDeviceForSignIdentityException"

	// UnsupportedSignIdentityCapabilityException is 400 "Bad Request": the signing identity
	// does not support the requested operation.
	UnsupportedSignIdentityCapabilityException Code = "UnsupportedSignIdentityCapabilityException"

	// UserAuthenticationRequiredException is 401 "Unauthorized": the access token is not
	// associated with a user.
	UserAuthenticationRequiredException Code = "UserAuthenticationRequiredException"

	// DisabledSignIdentityException is 403 "Forbidden": the signing identity is disabled.
	DisabledSignIdentityException Code = "DisabledSignIdentityException"

	// InsufficientPermissionsException is 403 "Forbidden": the token's permissions do not
	// reach the protected resource.
	InsufficientPermissionsException Code = "InsufficientPermissionsException"

	// InsufficientPermissionsForAttributeException is 403 "Forbidden": the token's
	// permissions do not reach one of the attributes requested.
	InsufficientPermissionsForAttributeException Code = "InsufficientPermissionsForAttributeException"

	// InvalidPrivilegeException is 403 "Forbidden": the token's permissions do not allow the
	// operation.
	InvalidPrivilegeException Code = "InvalidPrivilegeException"

	// LockedSignIdentityException is 403 "Forbidden": the server-side signing identity is
	// locked.
	LockedSignIdentityException Code = "LockedSignIdentityException"

	// NoSuchPrivilegeException is 403 "Forbidden": the token's permissions do not allow the
	// operation.
	NoSuchPrivilegeException Code = "NoSuchPrivilegeException"

	// NotAuthorizedException is 403 "Forbidden": the token was not obtained with the right
	// OAuth flow, or no identity domain can be determined.
	NotAuthorizedException Code = "NotAuthorizedException"

	// PermissionsRequiredException is 403 "Forbidden": the token's permissions do not reach
	// the protected resource.
	PermissionsRequiredException Code = "PermissionsRequiredException"

	// UserDomainAccessRequiredException is 403 "Forbidden": administrative access to the
	// identity domain is required.
	UserDomainAccessRequiredException Code = "UserDomainAccessRequiredException"

	// UserNotAuthorizedException is 403 "Forbidden": the token should not be tied to a user,
	// or is tied to a different user than the request names.
	UserNotAuthorizedException Code = "UserNotAuthorizedException"

	// DocumentNotFoundException is 404 "Not Found": the document to operate on does not
	// exist.
	DocumentNotFoundException Code = "DocumentNotFoundException"

	// DocumentNotFoundExceptionRuntime is 404 "Not Found": the document to operate on does
	// not exist.
	DocumentNotFoundExceptionRuntime Code = "DocumentNotFoundExceptionRuntime"

	// ItemNotFoundException is 404 "Not Found": the resource to operate on does not exist.
	ItemNotFoundException Code = "ItemNotFoundException"

	// NotFoundException is 404 "Not Found": the resource to operate on does not exist.
	NotFoundException Code = "NotFoundException"

	// PasswordNotSetException is 404 "Not Found": the user has no password registered under
	// that name.
	PasswordNotSetException Code = "PasswordNotSetException"

	// ProcessNotFoundException is 404 "Not Found": the document signing process to operate on
	// does not exist.
	ProcessNotFoundException Code = "ProcessNotFoundException"

	// UnknownLinkedAccountException is 404 "Not Found": the linked identity in the request
	// does not belong to the user.
	UnknownLinkedAccountException Code = "UnknownLinkedAccountException"

	// UnknownUserAccountException is 404 "Not Found": the user account in the request does
	// not exist.
	UnknownUserAccountException Code = "UnknownUserAccountException"

	// NotAllowedException is 405 "Method Not Allowed": the service does not support the
	// request's HTTP method.
	NotAllowedException Code = "NotAllowedException"

	// InvalidOperationException is 409 "Conflict": the resource's state does not allow the
	// operation.
	InvalidOperationException Code = "InvalidOperationException"

	// InconsistentUpdateRequestException is 422 "Unprocessable Entity": the changes to the
	// resource cannot be applied together.
	InconsistentUpdateRequestException Code = "InconsistentUpdateRequestException"
)

// RFC 6750 §3.1 bearer errors, as TrustedX's "Status de las respuestas HTTP" lists them:
// resource servers send them in the WWW-Authenticate: Bearer challenge and in an OAuth body.
const (
	// InvalidRequest is 400 "Bad Request": the request is malformed: a parameter is missing,
	// unsupported or repeated, or the access token is sent in more than one way. A resource
	// server sends it in a Bearer challenge and an OAuth body (RFC 6750 §3.1); a token
	// endpoint sends the same code in an OAuth body alone (RFC 6749 §5.2),
	// New(InvalidRequest).WithFormat(FormatOAuth).
	InvalidRequest Code = "invalid_request"

	// InvalidToken is 401 "Unauthorized": the access token is missing, expired, revoked,
	// malformed or otherwise invalid. A resource server sends it in a Bearer challenge (RFC
	// 6750 §3.1); a client gets a new token and resends once.
	InvalidToken Code = "invalid_token"

	// InsufficientScope is 403 "Forbidden": the access token's scopes do not reach the
	// requested resource. A resource server sends it in a Bearer challenge whose scope
	// parameter names the scope needed, set with [Error.WithScope] (RFC 6750 §3.1).
	InsufficientScope Code = "insufficient_scope"
)

// RFC 6749 errors: those of the token endpoint (§5.2), and server_error and
// temporarily_unavailable, which an authorization endpoint sends for failures of its own
// (§4.1.2.1) and token endpoints send too. Servers send them in an
// {"error","error_description"} body; invalid_client's 401 also carries a challenge in the
// scheme the client authenticated with. RFC 6749's invalid_request is RFC 6750's: one entry,
// [InvalidRequest].
const (
	// InvalidGrant is 400 "Bad Request": the authorization grant or refresh token is invalid,
	// expired or revoked, does not match the redirection URI, or was issued to another
	// client. A token endpoint sends it (RFC 6749 §5.2). It is not resent: a new grant, the
	// user signing in again, is the user's to get.
	InvalidGrant Code = "invalid_grant"

	// InvalidScope is 400 "Bad Request": the requested scope is invalid, unknown, malformed,
	// or more than the resource owner granted. A token endpoint sends it (RFC 6749 §5.2).
	InvalidScope Code = "invalid_scope"

	// UnauthorizedClient is 400 "Bad Request": the client is not allowed to use this
	// authorization grant type. A token endpoint sends it (RFC 6749 §5.2).
	UnauthorizedClient Code = "unauthorized_client"

	// UnsupportedGrantType is 400 "Bad Request": the authorization server does not support
	// the grant type requested. A token endpoint sends it (RFC 6749 §5.2).
	UnsupportedGrantType Code = "unsupported_grant_type"

	// InvalidClient is 401 "Unauthorized": client authentication failed: the client is
	// unknown, sent no authentication, or used an unsupported method. A token endpoint sends
	// it (RFC 6749 §5.2), with a challenge in the authentication scheme the client used. It
	// is not resent: new client credentials are the user's to get.
	InvalidClient Code = "invalid_client"

	// ServerError is 500 "Internal Server Error": the authorization server met an unexpected
	// condition that kept it from fulfilling the request. An authorization endpoint sends it
	// in its redirect, which cannot carry a 500 (RFC 6749 §4.1.2.1), and token endpoints send
	// it too; resent with backoff, as every 5xx is.
	ServerError Code = "server_error"

	// TemporarilyUnavailable is 503 "Service Unavailable": the authorization server cannot
	// handle the request for now, because it is overloaded or under maintenance. An
	// authorization endpoint sends it in its redirect, which cannot carry a 503 (RFC 6749
	// §4.1.2.1), and token endpoints send it too; resent with backoff, as every 5xx is.
	TemporarilyUnavailable Code = "temporarily_unavailable"
)

// catalog is every documented entry, ordered by status then code: [Entries]
// yields it in this order and TestCatalogRules keeps it so. Retry classes
// follow Brick Bank's general rules, every 5xx Backoff ("Erros 50x":
// "Recomendamos implementar uma estratégia de espera exponencial automatizada
// para até cinco novas tentativas.") and every 4xx NoRetry ("Erros 40x": "Não
// tente reenviar a solicitação"), unless a comment on the entry quotes the
// sentence that says otherwise. Long texts are split at word boundaries, and
// every line break of a text ends a line of source.
var catalog = [...]Entry{
	// seed 003: "400 Assinatura Inválida"
	{
		Code: AssinaturaInvalida, Status: 400,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:  NoRetry,
		Title:  "Assinatura Inválida",
		Detail: "A assinatura da requisição JWT não é válida.",
		Summary: "The request's JWT signature is not valid: the BRSEAL certificate is " +
			"misconfigured on the platform or has expired.",
		Cause: "Este cenário de erro ocorre quando o certificado BRSEAL está inválido na " +
			"configuração de certificados da plataforma ou vencido.",
		Solution: "1. Verifique se o certificado está corretamente configurado na plataforma " +
			"Brick Bank;\n" +
			"2. Verifique se o certificado está de acordo com a data de validade.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: AccountAlreadyExistsException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "El valor del atributo único indicado en la petición y que se desea usar como " +
			"identificador explícito de la cuenta de usuario ya está asignado a otra cuenta.",
		Summary: "The unique attribute chosen as the account's identifier is already assigned " +
			"to another account.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: AccountAttributeNotDefinedException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "Alguno de los atributos indicados en la petición no está definido en el " +
			"dominio de identidad o no está mapeado a la cuenta de usuario.",
		Summary: "An attribute in the request is not defined in the identity domain or not " +
			"mapped to the user account.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: AmbiguousSignIdentityTypeException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "Las etiquetas solicitadas al proveedor de firma para crear una firma digital " +
			"identifican a más de una identidad de firma disponible.",
		Summary: "The labels sent to the signature provider match more than one signing " +
			"identity.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: BadRequestException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Bad Request",
		Detail:  "La petición no es correcta.",
		Summary: "The request is not correct.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: BlockedDeviceException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "El dispositivo de firma para el que se solicita la operación tiene un proceso " +
			"pendiente de completarse.",
		Summary: "The signing device has a process pending completion.",
	},
	// seed 003: "400 Cliente Inválido"
	{
		Code: ClienteInvalido, Status: 400,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:  NoRetry,
		Title:  "Cliente Inválido",
		Detail: "Não foi possível validar as informações do cliente autorizado.",
		Summary: "The authorised client's data could not be validated: the API's MTLS setup in " +
			"devtools or the client on the authorization server is misconfigured.",
		Cause: "Este erro ocorre quando a configuração da API está incorreta no devtools, ou " +
			"quando o client no authorization server está configurado de forma errada.",
		Solution: "1. Verifique se as APIs elegíveis para a proteção via MTLS estão " +
			"devidamente configuradas;\n" +
			"2. Verifique que o ID do Software Statement ou ID da organização está correto no " +
			"client do authorization server.",
	},
	// seed 003: "400 Consentimento Inválido"
	{
		Code: ConsentimentoInvalido, Status: 400,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Consentimento inválido",
		Detail:  "O consentimento não é válido para realizar essa requisição.",
		Summary: "A call uses a consent that is not valid for the requested action.",
		Cause: "Este erro ocorre quando uma chamada é realizada utilizando um consentimento " +
			"inválido para a ação determinada.",
		Solution: "1. Acessar o monitoring do Brick Bank para verificar o log para identificar " +
			"a causa raiz do problema;\n" +
			"2. Consultar o consentimento e verificar o status:\n" +
			"  1. Se o status for AWAITING_AUTHORISATION, significa que o consentimento não " +
			"foi autorizado;\n" +
			"  2. Se o status for REJECTED, significa que o consentimento está expirado ou foi " +
			"rejeitado.",
	},
	// seed 003: "400 CPF Inválido"
	{
		Code: CPFInvalido, Status: 400,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:  NoRetry,
		Title:  "CPF não está na lista de clientes",
		Detail: "O cliente não está na lista de clientes disponiveis para consentimento.",
		Summary: "The customer's CPF (Brazilian taxpayer number) is not on the data holder's " +
			"list of customers available for consent.",
		Cause: "Esse erro ocorre em cenários onde há validações por parte do Transmissor de " +
			"Dados ou Detentor de Contas para disponibilizar as funcionalidades para um " +
			"cliente disponíveis na lista.",
		Solution: "• ITP ou Receptor de Dados: identifique o x-fapi-interaction-id e abra um " +
			"chamado no Service Desk do Open Finance Brasil para identificar a causa raiz o " +
			"problema com a outra instituição.\n" +
			"• Detentor de Contas ou Transmissor de Dados: verifique se o CPF do consentimento " +
			"autorizado está disponível da lista de clientes da sua instituição.",
	},
	// seed 003: "400 Dados inválidos"
	{
		Code: DadosInvalidos, Status: 400,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry: NoRetry,
		Title: "Dados Inválidos",
		Detail: "The 'data.loggedUser.document.identification' field fails to match the " +
			"required pattern.",
		Summary: "A field of the request body, such as the user's CPF, does not match its " +
			"required pattern.",
		Cause: "Esse erro ocorre quando o CPF do usuário que consta no body request da " +
			"requisição está contra os padrões de CPF.",
		Solution: "1. Visão ITP:\n" +
			"  1. Verifique se o parâmetro está sendo enviado corretamente no body request da " +
			"requisição;\n" +
			"2. Visão Detentor de Contas:\n" +
			"  1. Caso o ITP notifique a instituição sobre este erro, verifique se o parâmetro " +
			"do consentimento está sendo enviado de acordo com os padrões de CPF e CNPJ (se " +
			"houver).",
	},
	// seed 003: "400 Data de Expiração Inválida"
	{
		Code: DataDeExpiracaoInvalida, Status: 400,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Data de expiração do consentimento inválida",
		Detail:  "A data de expiração do consentimento não pode ser superior a 12 meses.",
		Summary: "A data consent asks for an expiration date more than 12 months away.",
		Cause: "Esse erro ocorre no momento da solicitação de consentimento de dados, a data " +
			"de expiração deve ser em até 12 meses.",
		Solution: "Verifique se a data de expiração no payload do consentimento está com a " +
			"data de validade de acordo com a regra.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: DeviceAlreadyExistsException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Bad Request",
		Detail:  "El dispositivo de firma que se solicita registrar ya existe.",
		Summary: "The signing device to register already exists.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: DeviceTypesNotExistsException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "El tipo de dispositivo de firma indicada en la creación de la identidad de " +
			"firma no se corresponde con ninguno registrado en la configuración.",
		Summary: "The signing device type given does not match any configured type.",
	},
	// seed 003: "400 Erro Chamada API"
	{
		Code: ErroChamadaAPI, Status: 400,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   Backoff, // seed 003: "Espere alguns minutos e tente novamente."
		Title:   "Erro na chamada da API",
		Detail:  "Não foi possível chamar a API com sucesso na outra instituição.",
		Summary: "The call to another institution's API did not succeed.",
		Cause: "Esse erro ocorre no momento em que instituição Receptora de Dados ou " +
			"Iniciadora de Pagamentos realiza o consumo da API de outra instituição.",
		Solution: "Espere alguns minutos e tente novamente. Se o erro persistir, solicite no " +
			"Canal de Atendimento ou acesse o monitoring para verificar os logs para " +
			"identificar o x-fapi-interaction-id para abrir um chamado no Service Desk do Open " +
			"Finance Brasil em contato com a outra instituição financeira.",
	},
	// seed 003: "400 Erro no fluxo DCM"
	{
		Code: ErroFluxoDCM, Status: 400,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:  NoRetry,
		Title:  "Erro no fluxo de DCR",
		Detail: "Ocorreu um erro durante o fluxo de DCM",
		Summary: "Dynamic client management (DCM), the update of a DCR registration with " +
			"another institution, failed.",
		Cause: "Esse erro ocorre durante a atualização de DCR, a causa raiz pode ser por " +
			"diversos motivos, entre eles: assinatura inválida, CA inválida, well-known fora " +
			"do ar, URLs registradas no well-known incorretas, entre outras causas que devem " +
			"ser analisadas detalhamente.",
		Solution: "• ITP ou Receptor de Dados: identifique o x-fapi-interaction-id e abra um " +
			"chamado no Service Desk do Open Finance Brasil para identificar a causa raiz o " +
			"problema com a outra instituição.\n" +
			"• Detentor de Contas ou Transmissor de Dados: busque no Kibana através do " +
			"x-fapi-interaction-id ou no log da aplicação do Brick Bank ou Brick Insurance o " +
			"erro indicado durante o fluxo de DCM para identificar a causa raiz e sua " +
			"determinada correção.",
	},
	// seed 003: "400 Erro no fluxo DCR"
	{
		Code: ErroFluxoDCR, Status: 400,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Erro no fluxo de DCR",
		Detail:  "Ocorreu um erro durante o fluxo de DCR",
		Summary: "Dynamic client registration (DCR) with another institution failed.",
		Cause: "Esse erro ocorre durante registro de DCR com outra instituição, a causa raiz " +
			"pode ser por diversos motivos, entre eles: assinatura inválida, CA inválida, " +
			"well-known fora do ar, URLs registradas no well-known incorretas, entre outras " +
			"causas que devem ser analisadas detalhamente.",
		Solution: "• ITP ou Receptor de Dados: identifique o x-fapi-interaction-id e abra um " +
			"chamado no Service Desk do Open Finance Brasil para identificar a causa raiz o " +
			"problema com a outra instituição.\n" +
			"• Detentor de Contas ou Transmissor de Dados: busque no Kibana através do " +
			"x-fapi-interaction-id ou no log da aplicação do Brick Bank ou Brick Insurance o " +
			"erro indicado durante o fluxo de DCR para identificar a causa raiz e sua " +
			"determinada correção.",
	},
	// seed 003: "400 Falha no fluxo Refresh Token"
	{
		Code: FalhaFluxoRefreshToken, Status: 400,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry: NoRetry,
		Title: "Falha no fluxo de refresh token",
		Detail: "Não foi possível realizar o fluxo de refresh token por erro na requisição " +
			"para a outra instituição.",
		Summary: "Renewing a token at the data transmitter failed because of an error in the " +
			"request.",
		Cause: "Esse erro ocorre exclusivamente no fluxo de consumo de dados, no momento em " +
			"que o token de permissão é renovado na instituição transmissora de dados. Esse " +
			"problema pode ocorrer devido ao envio de parâmetros incorretos na chamada.",
		Solution: "Verifique se a requisição está enviando o token corretamente. Se o problema " +
			"persistir, procure o Canal de Atendimento ou acesse o monitoring para verificar " +
			"os logs para identificar o x-fapi-interaction-id para abrir um chamado no Service " +
			"Desk do Open Finance Brasil em contato com a instituição financeira transmissora.",
	},
	// seed 003: "400 Instância não encontrada"
	{
		Code: InstanciaNaoEncontrada, Status: 400,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:  NoRetry,
		Title:  "Instância não encontrada",
		Detail: "Não foi possível interpretar a instância da marca com base na requisição",
		Summary: "The brand instance of a multi-brand organisation could not be determined " +
			"from the request.",
		Cause: "Esse erro ocorre em cenários de organizações com configuração para " +
			"multimarcas, a principal causa raiz é configuração incorreta na plataforma.",
		Solution: "Solicite auxílio para o nosso time de operações em nosso Canal de " +
			"Atendimento para verificar as configurações das marcas da sua instituição.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: InconsistentLinkedAccountIdException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "Se ha intentado actualizar la información de una cuenta vinculada indicando " +
			"un identificador de dominio externo (campo domain) o un identificador de la " +
			"identidad externa (campo account_id) que no coinciden con los que ya estaban " +
			"asociados a la identidad vinculada. Una vez creada la identidad vinculada, estas " +
			"propiedades no pueden modificarse.",
		Summary: "An update of a linked account changes its external domain or account_id, " +
			"which cannot change.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: IncorrectSignIdentitySelectorsException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "El selector de identidades de firma solicitado es incorrecto o no existe " +
			"ninguna identidad asociada.",
		Summary: "The signing identity selector is wrong or matches no identity.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: InvalidAttributeValueException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "Alguno de los atributos indicados en la petición no tiene valor o tiene un " +
			"formato no soportado.",
		Summary: "An attribute in the request has no value or an unsupported format.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: InvalidCsrTemplateException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "La plantilla para generar la petición de certificación indicada en la " +
			"creación de la identidad de firma solicitada es incorrecta.",
		Summary: "The certification request template for a new signing identity is wrong.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: InvalidExternalDomainNameException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "El nombre del dominio externo indicado en el cuerpo de la petición no es " +
			"válido o el dominio externo no está federado al dominio al que pertenece la " +
			"cuenta de usuario.",
		Summary: "The external domain name is invalid or not federated with the account's " +
			"domain.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: InvalidKeyTemplateException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "La plantilla para generar las claves indicada en la creación de la identidad " +
			"de firma solicitada es incorrecta.",
		Summary: "The key generation template for a new signing identity is wrong.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: InvalidParametersException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Bad Request",
		Detail:  "El valor de uno o más parámetros indicados en la petición no se soporta.",
		Summary: "The value of one or more request parameters is not supported.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: InvalidPkcs12Exception, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "El PKCS#12 y la contraseña recibidos para crear la identidad son incorrectos " +
			"o no se pueden emplear.",
		Summary: "The PKCS#12 and password sent to create the identity are wrong or unusable.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: InvalidQueryFilterException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "El parámetro filter indicado en la petición está mal formado, incluye un " +
			"atributo que no está definido en el dominio de identidad o no está mapeado a las " +
			"cuentas de usuario, o el atributo no está definido como único.",
		Summary: "The filter parameter is malformed or names an attribute that is undefined, " +
			"unmapped or not unique.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: InvalidRequestException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "La sintaxis de la petición es incorrecta o el valor de algunos parámetros no " +
			"están soportados.",
		Summary: "The request syntax is wrong or some parameter values are not supported.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: JsonParseException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Bad Request",
		Detail:  "El cuerpo de la petición está mal formado.",
		Summary: "The request body is malformed.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: JsonProcessingException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Bad Request",
		Detail:  "El cuerpo de la petición está mal formado.",
		Summary: "The request body is malformed.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: LinkedAccountAlreadyExistsException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "La cuenta de usuario ya tiene una identidad vinculada con el dominio externo " +
			"(campo domain) y el identificador de la identidad externa (campo account_id) " +
			"especificados.",
		Summary: "The account already has a linked identity with that domain and account_id.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: MandatorySignatureException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Bad Request",
		Detail:  "El proceso de firma no tiene definida una definición de firma.",
		Summary: "The signing process has no signature definition.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: MissingExternalAccountIdException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "El cuerpo de la petición no incluye el identificador de la identidad externa " +
			"en el dominio de identidad federado (campo account_id).",
		Summary: "The request body lacks the external identity's account_id.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: MissingUserIdAttributeException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "El cuerpo de la petición no incluye el valor del atributo que se usa para " +
			"determinar el identificador explícito de la cuenta de usuario.",
		Summary: "The request body lacks the attribute that identifies the user account.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: ModelValidationException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "La petición no es correcta porque falta algún parámetro obligatorio en la URL " +
			"o en el cuerpo, o porque el contenido del cuerpo está vacío o no es completo.",
		Summary: "A mandatory parameter is missing from the URL or body, or the body is empty " +
			"or incomplete.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: MultipleAccountsForUniqueAttributeException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "El valor de un atributo único indicado en la petición ya está asignado a otra " +
			"cuenta de usuario.",
		Summary: "A unique attribute's value is already assigned to another account.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: MultipleIdentitiesSelectedException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "Las etiquetas solicitadas al proveedor de firma para crear una firma digital " +
			"identifican a más de una identidad de firma disponible.",
		Summary: "The labels sent to the signature provider match more than one signing " +
			"identity.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: MultipleValuesForUniqueAttributeException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Bad Request",
		Detail:  "Un atributo único indicado en la petición tiene múltiples valores.",
		Summary: "A unique attribute has several values.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: NotSupportedException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "La cabecera Content-type de la petición no es la esperada. La mayoría de las " +
			"operaciones esperan el valor application/json en esta cabecera.",
		Summary: "The request's Content-Type is not the expected one (usually " +
			"application/json).",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: NotSupportedSignatureParametersException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Bad Request",
		Detail:  "Los parámetros solicitados en la definición de firma son incorrectos.",
		Summary: "The parameters of the signature definition are wrong.",
	},
	// seed 003: "400 Invalid Permissions PF and PJ"
	{
		Code: PermissaoPFPJEmConjunto, Status: 400,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Permissões PF e PJ em conjunto",
		Detail:  "Não é possível solicitar permissões PF e PJ em conjunto.",
		Summary: "One consent request mixes personal (PF) and business (PJ) permissions.",
		Cause: "Esse erro ocorre exclusivamente para Receptores de Dados durante a solicitação " +
			"de consentimento. Não é possível realizar a solicitação de consentimento com " +
			"permissão de acesso a dados de PF e PJ em um único consentimento.",
		Solution: "1. Revise o conjunto de permissões definido no body request da solicitação " +
			"e confira se há permissões de pessoa física e jurídica na mesma solicitação;\n" +
			"2. Adicione uma validação no backend da instituição para distinguir os tipos de " +
			"cliente e suas permissões que podem ser solicitadas para cada tipo.",
	},
	// seed 003: "400 Invalid Permissions"
	{
		Code: PermissoesInvalidas, Status: 400,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:  NoRetry,
		Title:  "Permissões inválidas",
		Detail: "O conjunto de permissões solicitadas não é válido.",
		Summary: "The set of permissions in a consent request is not valid under the Open " +
			"Finance Brasil specification.",
		Cause: "Esse erro ocorre exclusivamente para Receptores de Dados durante a solicitação " +
			"de consentimento. Muitas vezes o conjunto de permissões para aquele consentimento " +
			"pode estar contra a especificação do Open Finance Brasil.",
		Solution: "Revise o conjunto de permissões definido no body request da solicitação e " +
			"confira se está de acordo com a especificação da API do Open Finance Brasil.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: SignaturePolicyNotFoundException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Bad Request",
		Detail:  "No se ha indicado ninguna política de firma.",
		Summary: "No signature policy was given.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: SignaturePolicyNotSupportedException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Bad Request",
		Detail:  "La política de firma solicitada no está soportada.",
		Summary: "The signature policy requested is not supported.",
	},
	// seed 003: "400 Time Out"
	{
		Code: TimeoutChamadaAPI, Status: 400,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   Backoff, // seed 003: "Espere alguns minutos e tente novamente."
		Title:   "Timeout na chamada da API",
		Detail:  "Não foi possível chamar a API com sucesso na outra instituição.",
		Summary: "The call to another institution's API timed out.",
		Cause: "Esse erro ocorre no momento em que instituição Receptora de Dados ou " +
			"Iniciadora de Pagamentos realiza o consumo da API de outra instituição, em que " +
			"apresenta lentidão até dar time out.",
		Solution: "Espere alguns minutos e tente novamente. Se o erro persistir, procure o " +
			"Canal de Atendimento ou acesse o monitoring para verificar os logs para " +
			"identificar o x-fapi-interaction-id para abrir um chamado no Service Desk do Open " +
			"Finance Brasil em contato com a outra instituição financeira.",
	},
	// seed 003: "400 Time out no fluxo Refresh Token"
	{
		Code: TimeoutFluxoRefreshToken, Status: 400,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry: NoRetry,
		Title: "Timeout no fluxo de refresh token",
		Detail: "Não foi possível realizar o fluxo de refresh token por erro de timeout para a " +
			"outra instituição.",
		Summary: "Renewing a token at the data transmitter timed out.",
		Cause: "Esse erro ocorre exclusivamente no fluxo de consumo de dados, no momento em " +
			"que o token de permissão é renovado na instituição transmissora de dados. Esse " +
			"problema pode ocorrer devido ao envio de parâmetros incorretos na chamada.",
		Solution: "• ITP ou Receptor de Dados: verifique se a requisição está enviando o " +
			"parâmetro token corretamente. Se o problema persistir, procure o Canal de " +
			"Atendimento ou acesse o monitoring para verificar os logs para identificar o " +
			"x-fapi-interaction-id para abrir um chamado no Service Desk do Open Finance " +
			"Brasil em contato com a instituição financeira transmissora.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: UndefinedIdentityDomainException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "El token de autorización está asociado a un dominio de identidad no definido. " +
			"Si se trata de un token JWT de un servidor delegado, significa que el campo sub " +
			"del token",
		Summary: "The authorization token belongs to an undefined identity domain.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: UnexpectedSignerParametersTypeException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Bad Request",
		Detail:  "Los parámetros solicitados en la definición de firma son incorrectos.",
		Summary: "The parameters of the signature definition are wrong.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: UnmatchingSignIdentityTypeException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "Las etiquetas de la identidad de firma que se solicita crear no tienen " +
			"correspondencia con ningún tipo de identidad establecido en la configuración.",
		Summary: "The labels of the signing identity to create match no configured identity " +
			"type.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: UnsuitableDeviceForSignIdentityException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "Las etiquetas de la identidad de firma que se solicita crear no tienen " +
			"correspondencia con ningún tipo de identidad establecido en la configuración.",
		Summary: "The labels of the signing identity to create match no configured identity " +
			"type.",
	},
	// seed 002 §3: "HTTP/1.1 400 Bad Request"
	{
		Code: UnsupportedSignIdentityCapabilityException, Status: 400,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "La identidad de firma especificada no es compatible con la operación " +
			"solicitada.",
		Summary: "The signing identity does not support the requested operation.",
	},
	// RFC 6749 §5.2: "invalid_grant"
	{
		Code: InvalidGrant, Status: 400,
		Format: FormatOAuth, Source: sourceRFC6749,
		// not resent: a new grant (the user signing in again) is the user's to get
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "The provided authorization grant (e.g., authorization code, resource owner " +
			"credentials) or refresh token is invalid, expired, revoked, does not match the " +
			"redirection URI used in the authorization request, or was issued to another " +
			"client.",
		Summary: "The authorization grant or refresh token is invalid, expired or revoked, " +
			"does not match the redirection URI, or was issued to another client.",
	},
	// seed 002 §2 and RFC 6750 §3.1, one entry with RFC 6749 §5.2's: 400 Bad Request
	{
		Code: InvalidRequest, Status: 400,
		Format: FormatBearer, Source: sourceRFC6750,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "The request is missing a required parameter, includes an unsupported " +
			"parameter or parameter value, repeats the same parameter, uses more than one " +
			"method for including an access token, or is otherwise malformed.",
		Summary: "The request is malformed: a parameter is missing, unsupported or repeated, " +
			"or the access token is sent in more than one way.",
		Cause: "No es posible procesar la petición debido a una sintaxis incorrecta de la " +
			"cabecera HTTP Authorization, posiblemente porque está mal formada o hay más de " +
			"una.",
	},
	// RFC 6749 §5.2: "invalid_scope"
	{
		Code: InvalidScope, Status: 400,
		Format: FormatOAuth, Source: sourceRFC6749,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "The requested scope is invalid, unknown, malformed, or exceeds the scope " +
			"granted by the resource owner.",
		Summary: "The requested scope is invalid, unknown, malformed, or more than the " +
			"resource owner granted.",
	},
	// RFC 6749 §5.2: "unauthorized_client"
	{
		Code: UnauthorizedClient, Status: 400,
		Format: FormatOAuth, Source: sourceRFC6749,
		Retry: NoRetry,
		Title: "Bad Request",
		Detail: "The authenticated client is not authorized to use this authorization grant " +
			"type.",
		Summary: "The client is not allowed to use this authorization grant type.",
	},
	// RFC 6749 §5.2: "unsupported_grant_type"
	{
		Code: UnsupportedGrantType, Status: 400,
		Format: FormatOAuth, Source: sourceRFC6749,
		Retry:   NoRetry,
		Title:   "Bad Request",
		Detail:  "The authorization grant type is not supported by the authorization server.",
		Summary: "The authorization server does not support the grant type requested.",
	},
	// seed 003: "401 Consentimento não autorizado"
	{
		Code: ConsentimentoNaoAutorizado, Status: 401,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:  NoRetry,
		Title:  "Consentimento não autorizado",
		Detail: "O consentimento não está autorizado a acessar este recurso.",
		Summary: "The consent is not authorised for the payment, data transmission or data " +
			"category requested.",
		Cause: "O consentimento gerado não está autorizado para realizar a geração do " +
			"pagamento ou transmissão de dados.\n" +
			"Esse cenário ocorre quando a instituição realiza uma requisição de consumo de " +
			"dados para uma categoria não permitida pelo consentimento.",
		Solution: "Consulte o consentimento através do consentId e verifique o status do " +
			"consentimento no histórico de eventos deste consentimento. Consentimentos com o " +
			"status \"AWAITING_AUTHOTISATION\", \"REJECTED\" ou \"CONSUMED\", não estão " +
			"autorizados para realizar nenhum tipo de operação.\n" +
			"Verifique se o consentimento possui a categoria do dado consumido, caso não, " +
			"desconsidere o consumo de dados para determinado tipo de dado.",
	},
	// seed 003: "401 Instituição Não Encontrada"
	{
		Code: InstituicaoNaoEncontrada, Status: 401,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Instituição não encontrada",
		Detail:  "A instituição / marca solicitada não foi encontrada.",
		Summary: "The institution or brand requested (the body's brandId) was not found.",
		Cause: "Esse erro ocorre no momento da solicitação de consentimento para outra " +
			"instituição. A causa raiz é o envio do parâmetro \"brandId\" incorreto no body " +
			"request.",
		Solution: "Verifique se o Id da marca que deseja solicitar o consentimento está " +
			"correto e de acordo com o brandId definido na lista de participantes do Diretório " +
			"do Open Finance Brasil.",
	},
	// seed 003: "401 Token Inativo"
	{
		Code: TokenInativo, Status: 401,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:  NoRetry,
		Title:  "Token inativo.",
		Detail: "O token informado não está ativo.",
		Summary: "The token is not active because the identity provider is not configured on " +
			"the platform.",
		Cause: "Esse erro ocorre quando o provedor de identidade não está configurado na " +
			"plataforma Brick Bank e Insurance.",
		Solution: "Solicite auxílio no Canal de Atendimento para identificar se o provedor de " +
			"identidade está configurado corretamente na plataforma.",
	},
	// seed 003: "401 Token não autorizado"
	{
		Code: TokenNaoAutorizado, Status: 401,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		// seed 003: "o token informado no header da requisição está expirado ou inválido"
		Retry:   Reauthenticate,
		Title:   "Token não autorizado",
		Detail:  "O token informado não é válido.",
		Summary: "The token in the request header is expired or invalid.",
		Cause: "Esse erro ocorre em cenários em que o token informado no header da requisição " +
			"está expirado ou inválido.",
		Solution: "Verifique se o token foi gerado recentemente ou se o token enviado no " +
			"header está correto.",
	},
	// seed 002 §3: "HTTP/1.1 401 Unauthorized"
	{
		Code: UserAuthenticationRequiredException, Status: 401,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Unauthorized",
		Detail:  "El token de acceso no está asociado a un usuario.",
		Summary: "The access token is not associated with a user.",
	},
	// RFC 6749 §5.2: "invalid_client"
	{
		Code: InvalidClient, Status: 401,
		Format: FormatOAuth, Source: sourceRFC6749,
		// not resent: new client credentials are the user's to get, not a resend's
		Retry: NoRetry,
		Title: "Unauthorized",
		Detail: "Client authentication failed (e.g., unknown client, no client authentication " +
			"included, or unsupported authentication method).",
		Summary: "Client authentication failed: the client is unknown, sent no authentication, " +
			"or used an unsupported method.",
	},
	// seed 002 §2 and RFC 6750 §3.1: 401 Unauthorized
	{
		Code: InvalidToken, Status: 401,
		Format: FormatBearer, Source: sourceRFC6750,
		// RFC 6750 §3.1: "The client MAY request a new access token and retry"
		Retry: Reauthenticate,
		Title: "Unauthorized",
		Detail: "The access token provided is expired, revoked, malformed, or invalid for " +
			"other reasons.",
		Summary: "The access token is missing, expired, revoked, malformed or otherwise " +
			"invalid.",
		Cause: "El token de autorización no es válido o está caducado. En el caso de los " +
			"tokens OAuth, el token caduca al cabo del número de segundos indicado en el " +
			"resultado de la operación obtener un token de acceso (parámetro expires_in). Por " +
			"otro lado, el servidor de autorización considera válidos los tokens JWT cuyo " +
			"instante de emisión se encuentra en el rango de tiempo de 10 minutos " +
			"inmediatamente anteriores o posteriores a la hora del servidor.\n" +
			"Esse erro ocorre quando o token de segurança das APIs do Brick Bank e Insurance " +
			"não está sendo enviado na requisição.",
		Solution: "Verifique se o backend da sua instituição está realizando as etapas de " +
			"requisições enviando o token de segurança no header das API's do Brick Bank e " +
			"Insurance.",
	},
	// seed 002 §3: "HTTP/1.1 403 Forbidden"
	{
		Code: DisabledSignIdentityException, Status: 403,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Forbidden",
		Detail:  "La identidad de firma está inhabilitada.",
		Summary: "The signing identity is disabled.",
	},
	// seed 002 §3: "HTTP/1.1 403 Forbidden"
	{
		Code: InsufficientPermissionsException, Status: 403,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Forbidden",
		Detail: "Los permisos otorgados por el token de autorización no son suficientes para " +
			"acceder al recurso protegido. Si se ha utilizado un token JWT, los permisos del " +
			"token son fijos.",
		Summary: "The token's permissions do not reach the protected resource.",
	},
	// seed 002 §3: "HTTP/1.1 403 Forbidden"
	{
		Code: InsufficientPermissionsForAttributeException, Status: 403,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Forbidden",
		Detail: "Los permisos otorgados por el token de autorización no son suficientes para " +
			"obtener alguno de los atributos solicitados en la petición.",
		Summary: "The token's permissions do not reach one of the attributes requested.",
	},
	// seed 002 §3: "HTTP/1.1 403 Forbidden"
	{
		Code: InvalidPrivilegeException, Status: 403,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Forbidden",
		Detail: "Los permisos otorgados por el token de autorización no son suficientes para " +
			"ejecutar la operación.",
		Summary: "The token's permissions do not allow the operation.",
	},
	// seed 002 §3: "HTTP/1.1 403 Forbidden"
	{
		Code: LockedSignIdentityException, Status: 403,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Forbidden",
		Detail:  "La identidad de firma en servidor está bloqueada.",
		Summary: "The server-side signing identity is locked.",
	},
	// seed 002 §3: "HTTP/1.1 403 Forbidden"
	{
		Code: NoSuchPrivilegeException, Status: 403,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Forbidden",
		Detail: "Los permisos otorgados por el token de autorización no son suficientes para " +
			"ejecutar la operación.",
		Summary: "The token's permissions do not allow the operation.",
	},
	// seed 002 §3: "HTTP/1.1 403 Forbidden"
	{
		Code: NotAuthorizedException, Status: 403,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Forbidden",
		Detail: "El token de autorización no se ha obtenido con el flujo OAuth adecuado, o " +
			"bien no se ha especificado ni se puede deducir el dominio de identidad.",
		Summary: "The token was not obtained with the right OAuth flow, or no identity domain " +
			"can be determined.",
	},
	// seed 002 §3: "HTTP/1.1 403 Forbidden"
	{
		Code: PermissionsRequiredException, Status: 403,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Forbidden",
		Detail: "Los permisos otorgados por el token de autorización no son suficientes para " +
			"acceder al recurso protegido. Si se ha utilizado un token JWT, los permisos del " +
			"token son fijos.",
		Summary: "The token's permissions do not reach the protected resource.",
	},
	// seed 002 §3: "HTTP/1.1 403 Forbidden"
	{
		Code: UserDomainAccessRequiredException, Status: 403,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Forbidden",
		Detail: "Se requiere autorización administrativa de acceso al dominio de identidad. Si " +
			"se ha autorizado la llamada mediante un token OAuth, este error puede ser debido " +
			"a que el token ha sido emitido por un servidor de autorización que no está " +
			"asociado a ningún dominio de identidad.",
		Summary: "Administrative access to the identity domain is required.",
	},
	// seed 002 §3: "HTTP/1.1 403 Forbidden"
	{
		Code: UserNotAuthorizedException, Status: 403,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Forbidden",
		Detail: "El token de autorización no debería estar asociado a un usuario, o no está " +
			"asociado al mismo usuario que se indica en la petición.",
		Summary: "The token should not be tied to a user, or is tied to a different user than " +
			"the request names.",
	},
	// seed 002 §2 and RFC 6750 §3.1: 403 Forbidden
	{
		Code: InsufficientScope, Status: 403,
		Format: FormatBearer, Source: sourceRFC6750,
		Retry:   NoRetry,
		Title:   "Forbidden",
		Detail:  "The request requires higher privileges than provided by the access token.",
		Summary: "The access token's scopes do not reach the requested resource.",
		Cause: "Los scopes a los que está asociado el token de acceso OAuth no son suficientes " +
			"para acceder al recurso protegido. La cabecera WWW-Authenticate incluye un " +
			"parámetro adicional scope con el scope esperado. Un token OAuth está asociado a " +
			"los scopes que se hayan indicado en la operación obtener autorización u obtener " +
			"un token de acceso, según el tipo de grant OAuth que se haya utilizado para " +
			"obtener el token.",
	},
	// seed 003: "404 Consentimento Não Encontrado"
	{
		Code: ConsentimentoNaoEncontrado, Status: 404,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Consentimento não encontrado",
		Detail:  "O consentimento solicitado não foi encontrado.",
		Summary: "The consent named in the request does not exist.",
		Cause: "Este erro ocorre em momentos de consulta de consentimento no Brick Bank, seja " +
			"como receptor de dados/iniciador de pagamentos ou transmissor de dados/detentor " +
			"de contas. A causa é a não existência do consentimento enviado na requisição.",
		Solution: "• Verifique se o ID do consentimento está sendo enviado corretamente dentro " +
			"dos padrões do Open Finance Brasil;\n" +
			"• Verifique se o ID do consentimento está correto;\n" +
			"• Se o ID do consentimento estiver correto, consulte a Central de Atendimento " +
			"para verificar a causa raiz do problema.",
	},
	// seed 002 §3: "HTTP/1.1 404 Not Found"
	{
		Code: DocumentNotFoundException, Status: 404,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Not Found",
		Detail:  "El documento sobre el que se desea realizar una operación no existe.",
		Summary: "The document to operate on does not exist.",
	},
	// seed 002 §3: "HTTP/1.1 404 Not Found"
	{
		Code: DocumentNotFoundExceptionRuntime, Status: 404,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Not Found",
		Detail:  "El documento sobre el que se desea realizar una operación no existe.",
		Summary: "The document to operate on does not exist.",
	},
	// seed 003: "404 Interação não encontrada"
	{
		Code: InteracaoNaoEncontrada, Status: 404,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Interação não encontrada.",
		Detail:  "Interação não encontrada.",
		Summary: "The interactionId of the redirect is missing or wrong.",
		Cause: "Esse erro é comum para Transmissores de Dados ou Detentores de Contas " +
			"integrados ao Brick Bank. A causa deste erro é o interactionId é inexistente ou " +
			"incorreto.",
		Solution: "Verifique se o backend da sua instituição está captando o interactionId " +
			"enviado da URL de redirecionamento corretamente. Faça uma comparação entre o " +
			"interactionId gerado pela plataforma e o interactionIddefinido na chamada do " +
			"endpoint.",
	},
	// seed 002 §3: "HTTP/1.1 404 Not Found"
	{
		Code: ItemNotFoundException, Status: 404,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Not Found",
		Detail:  "El recurso sobre el que se desea realizar una operación no existe.",
		Summary: "The resource to operate on does not exist.",
	},
	// seed 003: "404 Link Não Encontrado"
	{
		Code: LinkNaoEncontrado, Status: 404,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Link não encontrado",
		Detail:  "Não foi possível encontrar o link da API no authorization server.",
		Summary: "The requested API is not registered in the Open Finance Brasil directory.",
		Cause: "Esse erro ocorre durante a solicitação de consentimento, quando não há " +
			"registros da API requisitada no diretório do Open Finance Brasil.",
		Solution: "• ITP ou Receptor de Dados: identifique o x-fapi-interaction-id e abra um " +
			"chamado no Service Desk do Open Finance Brasil para questionar a instituição " +
			"sobre a disponibilidade do endpoint no Diretório Central.\n" +
			"• Detentor de Contas ou Transmissor de Dados: verifique se a API requisitada está " +
			"devidamente registrada no recursos da API no Diretório Central.",
	},
	// seed 002 §3: "HTTP/1.1 404 Not Found"
	{
		Code: NotFoundException, Status: 404,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Not Found",
		Detail:  "El recurso sobre el que se desea realizar una operación no existe.",
		Summary: "The resource to operate on does not exist.",
	},
	// seed 002 §3: "HTTP/1.1 404 Not Found"
	{
		Code: PasswordNotSetException, Status: 404,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Not Found",
		Detail:  "No existe una contraseña registrada con ese nombre para el usuario.",
		Summary: "The user has no password registered under that name.",
	},
	// seed 002 §3: "HTTP/1.1 404 Not Found"
	{
		Code: ProcessNotFoundException, Status: 404,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry: NoRetry,
		Title: "Not Found",
		Detail: "El proceso de firma de un documento sobre el que se desea realizar una " +
			"operación no existe.",
		Summary: "The document signing process to operate on does not exist.",
	},
	// seed 003: "404 Refresh Token não encontrado"
	{
		Code: RefreshTokenNaoEncontrado, Status: 404,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Refresh token não encontrado",
		Detail:  "O refresh token associado ao consentimento não foi encontrado.",
		Summary: "The data transmitter has no refresh token for the consent.",
		Cause: "Esse erro ocorre em cenários em que o Receptor de Dados solicita a renovação " +
			"do access_token de acesso aos endpoints e a Transmissora de Dados não localiza os " +
			"dados de refresh token em sua base.",
		Solution: "Identifique o x-fapi-interaction-id e abra um chamado no Service Desk do " +
			"Open Finance Brasil para questionar a instituição transmissora sobre o erro " +
			"durante a atualização do refresh token.",
	},
	// seed 003: "404 State não encontrado"
	{
		Code: StateNaoEncontrado, Status: 404,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "State não encontrado",
		Detail:  "O state solicitado não foi encontrado.",
		Summary: "A callback request lacks its state parameter.",
		Cause: "Esse erro ocorre em cenários onde o ITP ou Receptor de Dados não envia o " +
			"parâmetro \"state\" durante a requisição de callback.",
		Solution: "• ITP ou Receptor de Dados: verifique se o body request da requisição de " +
			"callback está preenchido corretamente com o parâmetro \"state\".",
	},
	// seed 002 §3: "HTTP/1.1 404 Not Found"
	{
		Code: UnknownLinkedAccountException, Status: 404,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Not Found",
		Detail:  "La identidad vinculada indicada en la petición no pertenece al usuario.",
		Summary: "The linked identity in the request does not belong to the user.",
	},
	// seed 002 §3: "HTTP/1.1 404 Not Found"
	{
		Code: UnknownUserAccountException, Status: 404,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Not Found",
		Detail:  "No existe la cuenta de usuario indicada en la petición.",
		Summary: "The user account in the request does not exist.",
	},
	// seed 002 §3: "HTTP/1.1 405 Method Not Allowed"
	{
		Code: NotAllowedException, Status: 405,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Method Not Allowed",
		Detail:  "El servicio no soporta la operación HTTP indicada en la petición.",
		Summary: "The service does not support the request's HTTP method.",
	},
	// seed 002 §3: "HTTP/1.1 409 Conflict"
	{
		Code: InvalidOperationException, Status: 409,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Conflict",
		Detail:  "El estado del recurso no permite realizar la operación.",
		Summary: "The resource's state does not allow the operation.",
	},
	// seed 003: "422 Consentimento Rejeitado"
	{
		Code: ConsentimentoEmStatusRejeitado, Status: 422,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Consentimento em status rejeitado",
		Detail:  "O consentimento está em estado de rejeitado.",
		Summary: "The consent is in status REJECTED.",
		Cause: "Esse tipo de erro ocorre em cenários onde o ITP ou Receptor de Dados pode ter " +
			"executado uma ação de consumo de APIS, no qual o consentimento consta como status " +
			"\"REJECTED\".",
		Solution: "• ITP ou Receptor de Dados: verifique se o status do consentimento consta " +
			"como \"REJECTED\". Se sim, desconsidere o consumo de dados do consentimento em " +
			"questão. Caso contrário, abra um chamado no [Service Desk do Open Finance " +
			"Brasil](ITP ou Receptor de Dados) para questionar a instituição transmissora.\n" +
			"• Detentor de Contas ou Transmissor de Dados: verifique se o status do " +
			"consentimento consta como \"REJECTED\". Se sim, solicite ao ITP ou Receptor de " +
			"Dados para que não consuma dados do consentimento em questão. Caso contrário, " +
			"solicite auxílio no nosso Canal de Atendimento para analisar o motivo o erro " +
			"retornado.",
	},
	// seed 003: "422 Depende de múltipla alçada"
	{
		Code: ConsentimentoPendenteAutorizacao, Status: 422,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry: NoRetry,
		Title: "Consentimento pendente autorização de múltiplas alçadas (status " +
			"“PARTIALLY_ACCEPTED”).",
		Detail: "Consentimento pendente autorização de múltiplas alçadas (status " +
			"“PARTIALLY_ACCEPTED”).",
		Summary: "A payment consent that needs several approvers is still PARTIALLY_ACCEPTED.",
		Cause: "Esse erro ocorre em cenários de consentimentos de pagamentos com múltipla " +
			"alçada, onde o ITP realiza uma chamada no endpoint para a geração do " +
			"consentimento e o status do consentimento consta como PARTIALLY_ACCEPTED, ou " +
			"seja, os demais titulares da conta corrente não aprovaram o consentimento.",
		Solution: "• ITP: verifique se o status do consentimento consta como " +
			"PARTIALLY_ACCEPTED. Se sim, é necessário aguardar a aprovação de todos os " +
			"titulares da conta.\n" +
			"Caso o consentimento esteja com o status AUTHORISED, identique o " +
			"x-fapi-interaction-id e abra um chamado no Service Desk para a instituição " +
			"portadora do consentimento criado para que verifique a causa raiz do erro " +
			"retornado.\n" +
			"• Detentor de Contas: verifique se o status do consentimento consta como " +
			"PARTIALLY_ACCEPTED. Se sim, é necessário notificar a necessidade da aprovação de " +
			"todos os titulares da conta.",
	},
	// seed 003: "422 Data de Expiração Inválida"
	{
		Code: DataExpiracaoInvalida, Status: 422,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Data de expiração do consentimento inválida",
		Detail:  "A data de expiração do consentimento não pode ser superior a 12 meses.",
		Summary: "A consent's expirationDateTime is more than 12 months away.",
		Cause: "Esse erro ocorre durante a solicitação de consentimento, onde a instituição " +
			"Receptora de Dados pode estar determinando o expirationDateTime com um valor " +
			"superior a 12 meses.",
		Solution: "• Receptor de Dados: verifique se expirationDateTime está sendo enviado com " +
			"a data de expiração de acordo com a especificação técnica do Brick Bank.",
	},
	// seed 003: "422 Data Inválida"
	{
		Code: DataInvalida, Status: 422,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Data invalida do consentimento",
		Detail:  "O consentimento não pode ser criado nessa data.",
		Summary: "The consent cannot be created on that date.",
		Cause: "Esse erro ocorre durante a solicitação de consentimento, onde a instituição " +
			"Receptora de Dados pode estar determinando o \"expirationDateTime\" com um valor " +
			"superior a 12 meses.",
		Solution: "• Receptor de Dados: verifique se \"expirationDateTime\" está sendo enviado " +
			"com a data de expiração de acordo com a especificação técnica do Brick Bank.",
	},
	// seed 003: "422 Data de pagamento inválida"
	{
		Code: DataPagamentoInvalida, Status: 422,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Data de pagamento inválida.",
		Detail:  "Data de pagamento inválida para a forma de pagamento selecionada.",
		Summary: "The payment date does not suit the payment type (instant or scheduled Pix).",
		Cause: "A data do pagamento no payload da iniciação de pagamentos está incorreta para " +
			"o tipo de pagamento. Exemplo:\n" +
			"• Pix Instantâneo: a data do pagamento pode estar definida para um dia antes ou " +
			"um dia depois do dia da iniciação do pagamento;\n" +
			"• Pix Agendado: a data do pagamento pode estar definida para um dia antes ou " +
			"para o dia da iniciação de pagamento.",
		Solution: "• ITP: verifique se a data do pagamento no body request da solicitação de " +
			"consentimento está definida de forma correta para o tipo de Pix selecionado na " +
			"iniciação de pagamentos.",
	},
	// seed 003: "422 Depende Múltipla Alçada"
	{
		Code: DependeMultiplaAlcada, Status: 422,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Consentimento contem múltiplas alçadas",
		Detail:  "O consentimento foi criado demandando aprovações por múltiplas alçadas.",
		Summary: "The consent needs the approval of several account holders.",
		Cause: "Esse erro ocorre em cenários de consentimentos de pagamentos com múltipla " +
			"alçada, onde o ITP realiza uma chamada no endpoint para a geração do " +
			"consentimento e o status do consentimento consta como PARTIALLY_ACCEPTED, ou " +
			"seja, os demais titulares da conta corrente não aprovou o consentimento.",
		Solution: "• ITP: verifique se o status do consentimento consta como " +
			"PARTIALLY_ACCEPTED. Se sim, é necessário aguardar a aprovação de todos os " +
			"titulares da conta.\n" +
			"Caso o consentimento esteja com o status AUTHORISED, identique o " +
			"x-fapi-interaction-id e abra um chamado no Service Desk para a instituição " +
			"portadora do consentimento criado para que verifique a causa raiz do erro " +
			"retornado.\n" +
			"• Detentor de Contas: verifique se o status do consentimento consta como " +
			"PARTIALLY_ACCEPTED. Se sim, é necessário notificar a necessidade da aprovação de " +
			"todos os titulares da conta.",
	},
	// seed 003: "422 Detalhe Pagamento Inválido"
	{
		Code: DetalhePagamentoInvalido, Status: 422,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Detalhe do pagamento inválido.",
		Detail:  "Detalhe do pagamento inválido.",
		Summary: "One or more payment detail parameters are filled in wrongly.",
		Cause: "Esse erro pode ocorrer em cenários durante a geração do pagamento, em que um " +
			"ou mais parâmetros em relação ao detalhe do pagamento estão sendo preenchidos " +
			"incorretamente no body request.",
		Solution: "• ITP: verifique se os valores em cada parâmetro determinado no body " +
			"request está de acordo com a especificação do Brick Bank ou Brick Insurance.",
	},
	// seed 003: "422 Erro Idempotência"
	{
		Code: ErroIdempotencia, Status: 422,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Erro idempotência.",
		Detail:  "Erro idempotência.",
		Summary: "A payment's x-idempotency-key is wrong.",
		Cause: "Esse erro ocorre em cenários de geração de pagamentos através do ITP, em que o " +
			"parâmetro x-idempotency-key pode estar sendo enviado incorretamente.",
		Solution: "ITP: verifique no backend da sua instituição se o parâmetro " +
			"x-idempotency-key está sendo captado corretamente através do envio pela Detentora " +
			"de Contas. Se sim, identique o x-fapi-interaction-id e abra um chamado no Service " +
			"Desk para a instituição Detentora de Contas identificar a causa raiz do problema.",
	},
	// seed 002 §3: "HTTP/1.1 422 Unprocessable Entity"
	{
		Code: InconsistentUpdateRequestException, Status: 422,
		Format: FormatOAuth, Source: sourceTrustedX,
		Retry:   NoRetry,
		Title:   "Unprocessable Entity",
		Detail:  "No se pueden aplicar simultáneamente los cambios en el recurso.",
		Summary: "The changes to the resource cannot be applied together.",
	},
	// seed 003: "422 Limite do período da quantidade excedida"
	{
		Code: LimitePeriodoQuantidadeExcedido, Status: 422,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry: NoRetry,
		Title: "A transação não pode ser realizada pois a quantidade parametrizada no " +
			"consentimento foi excedida.",
		Detail: "A transação não pode ser realizada pois a quantidade parametrizada no " +
			"consentimento foi excedida.",
		Summary: "An automatic payment exceeds the number of payments the consent allows in " +
			"its period.",
		Cause: "Esse erro ocorre apenas na API de Pagamentos Automáticos, em cenários onde a " +
			"quantidade de geração de pagamentos em determinado período definida pelo usuário " +
			"no consentimento foi excedido pelo ITP.",
		Solution: "• ITP: verifique se o backend da sua instituição está seguindo a regra " +
			"definida através do consentimento.\n" +
			"  • Se as regras estão sendo seguidas de acordo com o consentimento, identique o " +
			"x-fapi-interaction-id e abra um chamado no Service Desk para a instituição " +
			"portadora do consentimento criado para que verifique a causa raiz do erro " +
			"retornado.",
	},
	// seed 003: "422 Limite do período do valor excedido"
	{
		Code: LimitePeriodoValorExcedido, Status: 422,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry: NoRetry,
		Title: "A transação não pode ser realizada pois o valor parametrizado no consentimento " +
			"foi excedido.",
		Detail: "A transação não pode ser realizada pois o valor parametrizado no " +
			"consentimento foi excedido.",
		Summary: "An automatic payment exceeds the amount the consent allows in its period.",
		Cause: "Esse erro ocorre apenas na API de Pagamentos Automáticos, em cenários onde o " +
			"limite de valor de transferência em determinado período definido pelo usuário no " +
			"consentimento foi excedido pelo ITP.",
		Solution: "• ITP: verifique se o backend da sua instituição está seguindo a regra " +
			"definida através do consentimento.\n" +
			"  • Se as regras estão sendo seguidas de acordo com o consentimento, identique o " +
			"x-fapi-interaction-id e abra um chamado no Service Desk para a instituição " +
			"portadora do consentimento criado para que verifique a causa raiz do erro " +
			"retornado.",
	},
	// seed 003: "422 Não Informado"
	{
		Code: NaoInformado, Status: 422,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:  NoRetry,
		Title:  "Não informado.",
		Detail: "Não reportado/identificado pela instituição detentora de conta.",
		Summary: "The payment's cnpjInitiator is invalid, and the account holder gives no " +
			"further reason.",
		Cause: "Esse erro ocorre em cenários de geração do pagamento, onde o valor do " +
			"cnpjInitiator no body request da iniciação do pagamento está inválido.",
		Solution: "• ITP: verifique se o campo cnpjInitiator está preenchido com o valor do " +
			"CNPJ do ITP corretamente.",
	},
	// seed 003: "422 Operação Não Permitida"
	{
		Code: OperacaoNaoPermitidaStatus, Status: 422,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:  NoRetry,
		Title:  "Operação não permitida.",
		Detail: "Operação não permitida devido ao status atual do consentimento.",
		Summary: "The consent's current status, other than authorised, does not allow the " +
			"operation.",
		Cause: "Esse erro pode ocorrer em cenários durante o fluxo de consumo de dados ou de " +
			"pagamentos, em que o status do consentimento está diferente de authorised.",
		Solution: "• ITP ou receptora de dados: consulte se o status do consentimento em " +
			"questão está diferente de authorised. Caso contrário, identique o " +
			"x-fapi-interaction-id e abra um chamado no Service Desk para a instituição " +
			"portadora do consentimento criado para que verifique a causa raiz do erro " +
			"retornado.",
	},
	// seed 003: "422 Pagamento Divergente do Consentimento"
	{
		Code: PagamentoDivergenteConsentimento, Status: 422,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Divergência entre pagamento e consentimento.",
		Detail:  "Dados do pagamento divergentes dos dados do consentimento.",
		Summary: "The payment's data differ from the data of its consent.",
		Cause: "Esse erro ocorre em cenários em que o valor do pagamento determinado no body " +
			"request está divergente do valor do pagamento definido no consentimento " +
			"anteriormente.",
		Solution: "• ITP: verifique se o valor do pagamento está idêntico ao valor do " +
			"pagamento no consentimento;\n" +
			"• Detentor de Contas: caso um ITP reporte esse problema, oriente para verificar " +
			"se o valor do pagamento está idêntico ao valor do pagamento definido no " +
			"consentimento.",
	},
	// seed 003: "422 Pagamento não permite cancelamento"
	{
		Code: PagamentoNaoPermiteCancelamento, Status: 422,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Pagamento não permite cancelamento",
		Detail:  "Pagamento não permite cancelamento",
		Summary: "The payment, an instant Pix for example, cannot be cancelled.",
		Cause: "Esse erro ocorre em cenários de pagamentos que não permitem cancelamentos, " +
			"como pagamento Pix instanâneo.",
		Solution: "O cancelamento do pagamento é permitido somente nos seguintes cenários:\n" +
			"• Pix agendado;\n" +
			"• Pix com agendamento recorrente;\n" +
			"• Pix automático.\n" +
			"Portanto, não é permitido o cancelamento de pagamentos de Pix instantâneo.",
	},
	// seed 003: "422 Parâmetro Inválido"
	{
		Code: ParametroInvalido, Status: 422,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Parâmetro com valor inválido",
		Detail:  "Parâmetro com valor inválido",
		Summary: "A parameter of the request body has an invalid value.",
		Cause: "Esse erro pode ocorrer em cenários durante a geração do consentimento e " +
			"durante a geração do pagamento, em que um ou mais parâmetros estão sendo " +
			"preenchidos incorretamente no body request.",
		Solution: "• ITP ou Receptor de Dados: verifique se os valores em cada parâmetro " +
			"determinado no body request está de acordo com a especificação do Brick Bank ou " +
			"Brick Insurance.",
	},
	// seed 003: "422 Parâmetro Não Informado"
	{
		Code: ParametroNaoInformado, Status: 422,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Parâmetro obrigatório não informado",
		Detail:  "Parâmetro obrigatório não informado",
		Summary: "A mandatory parameter is missing from the request body.",
		Cause: "Esse erro pode ocorrer em cenários durante a geração do consentimento e " +
			"durante a geração do pagamento, em que um ou mais parâmetros obrigatórios não " +
			"estão sendo enviados no body request.",
		Solution: "• ITP ou Receptor de Dados: verifique se os valores em cada parâmetro " +
			"determinado no body request está de acordo com a especificação do Brick Bank ou " +
			"Brick Insurance.",
	},
	// seed 003: "422 QRCode Inválido"
	{
		Code: ValorInvalido, Status: 422,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry,
		Title:   "Valor inválido.",
		Detail:  "O valor enviado não é válido para o QR Code informado.",
		Summary: "The amount sent does not match the QR code's amount.",
		Cause: "Esse erro ocorre durante a validação do pagamento através da instituição " +
			"detentora de contas, em cenários onde o valor determinado no QRCode não condiz " +
			"com o valor determinado no \"amount\" do consentimento.",
		Solution: "• ITP: verifique se o seu backend está enviando os dados de pagamentos " +
			"corretamente de acordo com a especificação do Brick Bank.",
	},
	// seed 003: "423 Locked"
	{
		Code: LimiteOperacionalExcedido, Status: 423,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry:   NoRetry, // seed 003: "Esses limites são controlados de forma mensal"
		Title:   "Limite Operacional Excedido.",
		Detail:  "Limite Operacional Excedido.",
		Summary: "The monthly operational limit per endpoint and client is spent.",
		Cause: "Os limites operacionais fazem parte dos requisitos não funcionais da " +
			"especificação do Open Finance Brasil. Esses limites são controlados de forma " +
			"mensal, por endpoint e por cliente através da plataforma Brick Bank. A aplicação " +
			"desses limites são para todas as APIs de Dados Cadastrais, Transacionais, " +
			"Consentimento e Recursos.",
		Solution: "• Receptor de Dados: aguarde o próximo período de contagem dos limites " +
			"operacionais para que a sua instituição possa retornar o consumo de dados de " +
			"determinada instituição.",
	},
	// seed 003: "Exceção para o Erro \"Too Many Sessions\" (429)"
	{
		Code: TooManySessions, Status: 429,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		// seed 003: "Neste caso específico, você pode implementar a mesma política de
		// repetição utilizada para erros da família 50x."
		Retry:   Backoff,
		Title:   "Too Many Sessions",
		Detail:  "Você está acessando a conta de outro navegador simultaneamente.",
		Summary: "The account is in use from another browser at the same time.",
		Cause: "Se o erro recebido for especificamente Too Many Sessions, isso indica que você " +
			"está acessando a conta de outro navegador simultaneamente.",
		Solution: "Neste caso específico, você pode implementar a mesma política de repetição " +
			"utilizada para erros da família 50x. Essa abordagem destaca uma resposta " +
			"cautelosa a erros da sua aplicação, ao mesmo tempo que permite uma exceção " +
			"específica ao encontrar o erro Too Many Sessions.",
	},
	// seed 003: "Por padrão, todos os retornos seguem a estrutura do exemplo abaixo"
	{
		Code: ErroInterno, Status: 500,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry: Backoff,
		Title: "Erro interno",
		Detail: "Ocorreu um erro interno no sistema. Por favor, aguarde uns instantes e refaça " +
			"a operação.",
		Summary: "The generic internal error: something failed inside the server.",
	},
	// seed 003: "500 Internal Server Error"
	{
		Code: ErroNoFluxoOIDC, Status: 500,
		Format: FormatCodeTitleDetail, Source: sourceBrickBank,
		Retry: Backoff,
		Title: "Erro no fluxo OIDC",
		Detail: "Ocorreu um erro no fluxo do OIDC. Por favor, aguarde uns instantes e refaça a " +
			"operação.",
		Summary: "The OIDC flow with another institution failed while checking clients before " +
			"a consent was created.",
		Cause: "Esse problema pode ocorrer em cenários de solicitação de consentimento com " +
			"outra instituição, durante o momento de verificações de clients antes do " +
			"consentimento ser efetivamente gerado.",
		Solution: "• ITP ou Receptor de Dados: identifique o x-fapi-interaction-id e abra um " +
			"chamado no Service Desk do Open Finance Brasil para identificar a causa raiz o " +
			"problema com a outra instituição.\n" +
			"• Detentor de Contas ou Transmissor de Dados: busque no Kibana através do " +
			"x-fapi-interaction-id ou no log da aplicação do Brick Bank ou Brick Insurance o " +
			"erro indicado durante o fluxo de DCR para identificar a causa raiz e sua " +
			"determinada correção.",
	},
	// RFC 6749 §4.1.2.1: "server_error"
	{
		Code: ServerError, Status: 500,
		Format: FormatOAuth, Source: sourceRFC6749,
		Retry: Backoff,
		Title: "Internal Server Error",
		Detail: "The authorization server encountered an unexpected condition that prevented " +
			"it from fulfilling the request.",
		Summary: "The authorization server met an unexpected condition that kept it from " +
			"fulfilling the request.",
	},
	// RFC 6749 §4.1.2.1: "temporarily_unavailable"
	{
		Code: TemporarilyUnavailable, Status: 503,
		Format: FormatOAuth, Source: sourceRFC6749,
		Retry: Backoff,
		Title: "Service Unavailable",
		Detail: "The authorization server is currently unable to handle the request due to a " +
			"temporary overloading or maintenance of the server.",
		Summary: "The authorization server cannot handle the request for now, because it is " +
			"overloaded or under maintenance.",
	},
}
