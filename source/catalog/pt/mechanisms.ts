import type {MechanismText} from '../types.js';

/** Os mecanismos SASL em português do Brasil, pelo nome. */
export const mechanisms: Record<string, MechanismText> = {
	PLAIN: {
		summary: 'Usuário e senha numa só linha em base64; use só sob TLS',
		description:
			'O PLAIN manda tudo numa única mensagem: uma identidade de autorização opcional, um byte NUL, o usuário, outro byte NUL e a senha, tudo codificado junto em base64. Para o usuário alice@example.com com a senha "segredo", o cliente codifica em base64 "\\0alice@example.com\\0segredo" (deixando a primeira parte vazia, como quase todo mundo faz). Isso pode ir na própria linha do comando como resposta inicial, AUTH PLAIN seguido da string em base64, ou o cliente envia só AUTH PLAIN, o servidor responde com um desafio "334 " vazio e então o cliente manda a linha. O servidor responde 235 em caso de sucesso ou 535 se as credenciais estiverem erradas. Base64 é codificação, não criptografia: quem vê a linha consegue decodificar a senha, então use PLAIN só depois do STARTTLS ou numa porta com TLS implícito.',
	},
	LOGIN: {
		summary: 'Pedidos de usuário e senha em duas rodadas 334; só sob TLS',
		description:
			'O LOGIN é um mecanismo fora de padrão, mas muito difundido, descrito só num Internet-Draft expirado (draft-murchison-sasl-login) e no [MS-XLOGIN] da Microsoft; não tem RFC própria e é transportado pelo comando AUTH da RFC 4954. Depois do AUTH LOGIN o servidor manda "334 VXNlcm5hbWU6", que é "Username:" em base64; o cliente responde com o usuário em base64. Em seguida o servidor manda "334 UGFzc3dvcmQ6" ("Password:") e o cliente responde com a senha em base64, e então o servidor responde 235 ou 535. Alguns clientes põem o usuário em base64 na linha do AUTH LOGIN para pular o primeiro pedido. Como no PLAIN, a senha é só codificada, nunca cifrada, então o LOGIN deve ficar atrás do TLS; onde os dois forem oferecidos, prefira o PLAIN, que é padronizado.',
	},
	'CRAM-MD5': {
		summary: 'Desafio-resposta com HMAC-MD5; antigo, uso desaconselhado',
		description:
			'No CRAM-MD5 a senha em si nunca passa pela rede. Depois do AUTH CRAM-MD5 o servidor manda uma resposta 334 cujo texto em base64 decodifica para um desafio único, como "<12345.1700000000@mail.example.org>". O cliente calcula o HMAC-MD5 dessa string usando a senha como chave, escreve o resultado como 32 dígitos hexadecimais minúsculos e envia em base64 o usuário, um espaço e esses dígitos; o servidor responde 235 ou 535. As fraquezas pesam hoje: o servidor precisa guardar a senha (ou algo equivalente) de forma recuperável, o servidor não é autenticado, o MD5 está ultrapassado e uma troca capturada permite um ataque de dicionário offline contra a senha. Ainda aparece em servidores antigos, mas o uso é desaconselhado; prefira SCRAM, ou PLAIN sob TLS.',
	},
	XOAUTH2: {
		summary: 'Login com token OAuth 2.0 do Google e da Microsoft',
		description:
			'O XOAUTH2 é o login OAuth 2.0 que Google e Microsoft criaram antes de a RFC 7628 padronizar o OAUTHBEARER; ele não tem RFC própria e é citado aqui pela RFC 7628, que veio depois dele. O cliente primeiro obtém um access token do provedor e depois monta a string "user=" + endereço + um byte 0x01 + "auth=Bearer " + token + dois bytes 0x01, codifica em base64 e envia, normalmente como resposta inicial na linha AUTH XOAUTH2. Em caso de sucesso o servidor responde 235. Em caso de falha ele manda um 334 cujo texto em base64 é um erro em JSON (status, schemes, scope); o cliente precisa responder com uma linha vazia, e então o servidor manda o erro final, tipicamente 535. O token funciona para qualquer um que o capture até expirar, então envie-o só sob TLS.',
	},
	OAUTHBEARER: {
		summary: 'Login padronizado com token OAuth 2.0 (RFC 7628)',
		description:
			'O OAUTHBEARER é o jeito padronizado de fazer login com um access token OAuth 2.0. A mensagem do cliente começa com um cabeçalho GS2 como "n,a=alice@example.com," seguido de um byte 0x01, depois campos chave=valor terminados cada um por 0x01 (opcionalmente host= e port=, e sempre "auth=Bearer " mais o token), com mais um 0x01 no fim; tudo é codificado em base64 e em geral enviado como resposta inicial do AUTH OAUTHBEARER. Uma resposta 235 significa que o token foi aceito. Se não, o servidor manda um 334 com um erro em JSON codificado em base64 (por exemplo status "invalid_token"), o cliente responde com o base64 de um único byte 0x01 ("AQ==") e o servidor termina com um código de falha. O token é uma credencial do tipo bearer, que qualquer um que o tenha pode reutilizar até expirar, então o TLS é obrigatório.',
	},
	'SCRAM-SHA-1': {
		summary: 'Desafio-resposta com sal e prova mútua, usando SHA-1',
		description:
			'O SCRAM prova que o cliente conhece a senha sem enviá-la e ainda permite ao cliente conferir o servidor. O cliente manda em base64 "n,,n=alice,r=" mais um nonce aleatório. O servidor responde com um 334 cujo texto em base64 traz o nonce combinado (r=), o sal da conta (s=) e o número de iterações (i=). O cliente deriva uma chave da senha com PBKDF2 usando esse sal e esse número e envia "c=biws,r=<nonce>,p=<prova>" em base64 ("biws" é o cabeçalho "n,," em base64). O servidor responde com mais um 334 trazendo "v=<assinatura>", que mostra que ele também conhece a senha; o cliente confere, responde com uma linha vazia e recebe 235. O servidor guarda só chaves com sal, nunca a senha. Uma troca capturada ainda permite um ataque de adivinhação offline, então o TLS continua recomendável; as variantes -PLUS acrescentam channel binding à sessão TLS.',
	},
	'SCRAM-SHA-256': {
		summary: 'SCRAM com SHA-256; a escolha moderna para login com senha',
		description:
			'O SCRAM-SHA-256 faz a mesma troca do SCRAM-SHA-1 com SHA-256 no lugar do SHA-1: uma primeira mensagem do cliente com usuário e nonce, uma primeira mensagem do servidor num 334 com sal e número de iterações, a mensagem final do cliente com a prova e um último 334 com a assinatura do servidor, que o cliente confere antes de responder com uma linha vazia e receber 235. Tudo isso trafega em base64. A RFC 7677 pede pelo menos 4096 iterações de PBKDF2. É o melhor mecanismo baseado em senha encontrado com frequência hoje; ainda assim use-o sob TLS, e prefira o SCRAM-SHA-256-PLUS onde houver, para amarrar o login ao canal TLS.',
	},
	EXTERNAL: {
		summary: 'Login com identidade obtida fora do SASL, como um certificado',
		description:
			'O EXTERNAL diz ao servidor para usar uma identidade que ele já conhece por fora da troca SASL, no SMTP quase sempre o certificado de cliente apresentado no handshake TLS. O cliente envia AUTH EXTERNAL com "=" como resposta inicial, que quer dizer "a identidade que você já tem para mim", ou o base64 de uma identidade de autorização para pedir para agir como um usuário específico. Sem resposta inicial, o servidor manda um "334 " vazio e o cliente responde com uma linha vazia ou com a identidade em base64. O servidor responde 235 se a identidade externa for aceitável, ou 535 se não for. Nenhum segredo é enviado; o trabalho acontece na configuração do TLS.',
	},
	GSSAPI: {
		summary: 'Login único com Kerberos V5 via GSS-API',
		description:
			'O GSSAPI faz login com Kerberos V5, como no Active Directory e em outros ambientes corporativos. O cliente precisa antes de um ticket Kerberos (do kinit ou do login da máquina) e pede ao KDC um ticket de serviço para o serviço "smtp" no nome de host do servidor. Ele envia o token GSS-API resultante em base64, em geral como resposta inicial do AUTH GSSAPI; o servidor responde com tokens 334 próprios (incluindo a prova da sua identidade), o cliente responde a cada um e uma rodada final combina uma camada de segurança antes do 235. As falhas costumam vir de DNS e nomes de host que não batem, diferença de relógio ou um service principal faltando. Nenhuma senha é enviada, e os tickets ficam presos ao realm Kerberos.',
	},
	NTLM: {
		summary: 'Desafio-resposta NTLM da Microsoft, sobretudo no Exchange',
		description:
			'O NTLM é o login de desafio-resposta da Microsoft, especificado no [MS-SMTPNTLM] e não numa RFC; é citado aqui pela RFC 4954 só porque é transportado pelo comando AUTH. São três mensagens binárias, cada uma em base64: o cliente manda uma mensagem NEGOTIATE (depois do AUTH NTLM e de um 334 vazio, ou como resposta inicial), o servidor responde com um 334 trazendo uma mensagem CHALLENGE com um desafio aleatório, e o cliente manda uma mensagem AUTHENTICATE com uma resposta calculada a partir do hash da senha, e então o servidor responde 235 ou 535. A senha não é enviada, mas o NTLM tem fraquezas conhecidas, como ataques de relay e respostas quebráveis nas versões antigas, e a Microsoft está abandonando-o em favor do Kerberos e da autenticação moderna.',
	},
	'DIGEST-MD5': {
		summary: 'Desafio-resposta MD5 no estilo do HTTP digest; obsoleto',
		description:
			'O DIGEST-MD5 pretendia ser um sucessor mais forte do CRAM-MD5. Depois do AUTH DIGEST-MD5 o servidor manda um 334 cujo texto em base64 é uma lista de campos como realm, nonce, qop e charset; o cliente responde em base64 com o usuário, um nonce próprio (cnonce), um contador de nonce, o digest-uri (por exemplo "smtp/mail.example.org") e uma resposta baseada em MD5. O servidor então manda mais um 334 com "rspauth=" para provar que conhece a senha, o cliente responde com uma linha vazia e vem o 235. A especificação se mostrou complexa e pouco interoperável, e a segurança dela é fraca para os padrões de hoje, por isso a RFC 6331 a passou para Historic em 2011. Não a habilite em servidores novos; use SCRAM.',
	},
};
