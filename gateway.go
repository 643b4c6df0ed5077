// This file holds the gateway table: what API gateways and reverse proxies
// send when they answer in the API's place, and what that means.

package apierr

import "iter"

// GatewayMessage is a message an API gateway sends in place of a documented
// error body ({"message":"no Route matched with those values"}), with the
// cause and fix the documents give for it. [FromResponse] puts the message in
// [Error.Detail] with an empty code; [LookupMessage] explains it.
type GatewayMessage struct {
	Message  string // the body's "message", verbatim
	Status   int    // the status the gateway sends it with
	Gateway  string // "Kong"
	Cause    string
	Solution string
}

// LookupMessage returns what the documents say of a gateway's message,
// matched exactly.
func LookupMessage(message string) (GatewayMessage, bool) {
	for _, m := range gatewayMessages {
		if m.Message == message {
			return m, true
		}
	}
	return GatewayMessage{}, false
}

// GatewayMessages yields every known gateway message.
func GatewayMessages() iter.Seq[GatewayMessage] {
	return func(yield func(GatewayMessage) bool) {
		for _, m := range gatewayMessages {
			if !yield(m) {
				return
			}
		}
	}
}

// gatewayMessages are the {"message":…} bodies API gateways send in place of
// a documented error, with what the seeds say of them.
var gatewayMessages = [...]GatewayMessage{
	// seed 003: "404 Not Found", Kong's answer for a path no route matches
	{
		Message: "no Route matched with those values", Status: 404, Gateway: "Kong",
		Cause: "Há duas possibilidades de causa raiz para este erro:\n" +
			"1. O endpoint não está cadastrado na plataforma e no API Gateway;\n" +
			"2. O path do endpoint acionado está incorreto.",
		Solution: "1. Verifique se o endpoint está cadastrado na plataforma acessando o " +
			"devtools ou runtime;\n" +
			"1. Caso o endpoint desejado não esteja cadastrado, realize o deploy da API no " +
			"ambiente desejado;\n" +
			"2. Caso o endpoint esteja cadastrado, verifique se a variável de ambiente está " +
			"correta, em seguida, realize o redeploy da API no ambiente desejado;\n" +
			"2. Verifique se o endpoint acionado está digitado corretamente em seu backend " +
			"ou ferramenta de testes.",
	},
}
