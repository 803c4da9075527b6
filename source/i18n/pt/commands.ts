import type {commandsEn} from '../en/commands.js';
import type {Table} from '../table.js';

/** O que os subcomandos e o --help do explorador dizem, em português do Brasil. */
export const commandsPt: Table<typeof commandsEn> = {
	'explorer.seeHelp': '(smtp-explorer --help lista todas as opções)',
	'explorer.needsTerminal': 'o explorador precisa de um terminal; para scripts, use os subcomandos (smtp-explorer --help)',
	'explorer.note.lmtp': 'LMTP (RFC 2033): cumprimente com LHLO; depois da mensagem, cada destinatário aceito recebe a sua própria resposta',
	'explorer.note.revealSecrets': '--reveal-secrets: as transcrições salvas vão guardar os segredos do AUTH às claras',
	'explorer.note.demo': (server: string, user: string) =>
		`servidor de demonstração ${server}: STARTTLS com uma CA de demonstração em que esta sessão confia; AUTH depois do STARTTLS com o usuário ${user} (a senha está no painel lateral, F4)`,
	'explorer.note.demoRecipients': 'os destinatários nobody@, unknown@ e reject*@ recebem 550 5.1.1, busy@ recebe 450 4.2.1; o Ctrl+N guia você por uma sessão inteira',
	'explorer.note.fileProblem': (reason: string) => `arquivo de transcrição: ${reason}; a sessão continua`,
	'connection.help': `
	Conexão
	  --starttls          exige STARTTLS: falha se não for oferecido ou se falhar (padrão:
	                      usa quando oferecido); --no-starttls nunca o envia
	  --tls               TLS desde o primeiro byte (TLS implícito, RFC 8314; porta 465)
	  --require-tls       nunca envia AUTH nem e-mail sem criptografia (RFC 3207 6)
	  --submission        usa a porta 587 (RFC 6409) como padrão, em vez da 25
	  --insecure          não verifica o certificado do servidor (dito na transcrição)
	  --ca ARQUIVO        confia também no(s) certificado(s) PEM de ARQUIVO
	  --servername NOME   verifica o certificado para NOME (e o envia como SNI)
	  --ehlo NOME         o nome usado na saudação (padrão: o nome desta máquina)
	  --timeout DURAÇÃO   desiste de qualquer espera após DURAÇÃO (30s, 2m, 1500ms);
	                      padrão: os tempos da RFC 5321 4.5.3.2
	  --transcript ARQ    acrescenta cada linha a ARQ à medida que acontece (.jsonl JSON
	                      lines, .md Markdown, senão texto); os segredos do AUTH ficam mascarados

	Rotas (HOST pode ser mx:DOMÍNIO[:PORTA]: os hosts MX em ordem, RFC 5321 5.1)
	  --dns-server IP[:PORTA]  pergunta a este servidor DNS os registros MX e os endereços
	  --proxy URL         conecta através de um proxy SOCKS5: socks5://[usuario@]host:porta
	                      (com socks5:// o proxy resolve os nomes); a senha do proxy
	                      vem de SMTP_EXPLORER_PROXY_PASSWORD ou de uma pergunta
	  --proxy-protocol v1|v2  envia antes um cabeçalho do PROXY protocol (o do HAProxy)
	  --proxy-source IP:PORTA  o cliente que ele informa (padrão: esta ponta do socket)
	  --proxy-destination IP:PORTA  o servidor que ele informa (padrão: a outra ponta)
	  --lmtp              fala LMTP (RFC 2033): LHLO, uma resposta por destinatário; também
	                      lmtp:HOST[:PORTA] ou lmtp:/caminho/do/socket (porta padrão 24)
	  --xclient NOME=VALOR  envia XCLIENT com estes atributos depois da saudação (Postfix;
	                      repita para mais), e cumprimenta de novo depois do 220 dele`,
	'send.help': (connection: string, exits: string) => `
	Uso
	  $ smtp-explorer send HOST[:PORTA] --from A --to B [--to C ...] --subject S
	      (--body TEXTO | --body-file ARQ | corpo na entrada padrão) [opções]

	Envia uma mensagem numa transação completa: EHLO, STARTTLS quando oferecido, AUTH com
	--user, MAIL, RCPT para cada --to e --cc, DATA (ou BDAT), QUIT. A mensagem ganha Date,
	Message-ID, cabeçalhos MIME e codificação RFC 2047 para texto não ASCII nos cabeçalhos;
	um corpo de 8 bits vai como BODY=8BITMIME quando o servidor aceita, senão em quoted-printable.

	Mensagem
	  --from ENDEREÇO     remetente; "Nome <a@example.com>" também define o nome de exibição
	  --to ENDEREÇO       destinatário (repita para mais)
	  --cc ENDEREÇO       destinatário em cópia (repita para mais)
	  --subject TEXTO     o assunto
	  --body TEXTO        o texto do corpo; ou --body-file ARQUIVO; ou o corpo na entrada padrão
	  --header "K: V"     um campo de cabeçalho a mais (repita para mais)
	  --bdat              envia com BDAT (precisa de CHUNKING, RFC 3030)
	  --chunk-size N      tamanho do bloco BDAT em bytes (padrão 1048576)
	  --max-size N        recusa um corpo maior que N bytes antes de conectar (padrão
	                      104857600, 100 MiB; 0 para sem limite). O limite SIZE do
	                      servidor (RFC 1870) também é verificado, antes do MAIL

	Autenticação
	  --user NOME         autentica como NOME. A senha vem da variável de ambiente
	                      SMTP_EXPLORER_PASSWORD, ou é perguntada no terminal; nunca de
	                      uma opção. Ela nunca vai sem criptografia para um host que não
	                      seja esta máquina.
	  --auth MECANISMO    PLAIN, LOGIN, CRAM-MD5, XOAUTH2 ou OAUTHBEARER (o token no lugar
	                      da senha); padrão: o primeiro de PLAIN, LOGIN, CRAM-MD5 que o
	                      servidor oferecer
${connection}
	  --lang pt|en        idioma das mensagens (padrão: de LC_ALL, LC_MESSAGES ou LANG)
	  -v, --verbose       mostra a transcrição no stderr enquanto acontece (segredos mascarados)


	Saída
	  --json              imprime um documento JSON no stdout: destinatários aceitos e
	                      recusados com as respostas, a resposta final, o id da fila
	                      quando o servidor informa, avisos, e o erro, se houver

${exits}

	Com LMTP (--lmtp ou lmtp:), cada destinatário recebe a sua resposta depois da mensagem
	(RFC 2033 4.2): 10 quando alguns foram entregues e outros recusados, 11 quando nenhum foi.

	Exemplos
	  $ smtp-explorer send mx.example.com --from a@example.com --to b@example.org \\
	      --subject "Teste" --body "Olá"
	  $ SMTP_EXPLORER_PASSWORD=... smtp-explorer send smtp.example.com --submission \\
	      --user alice --from alice@example.com --to bob@example.org --subject Oi < corpo.txt
`,
	'send.recipientRefused': (line: string) => `destinatário recusado: ${line}`,
	'send.typeBody': 'Digite o corpo da mensagem; termine com Ctrl+D numa linha sozinha.',
	'exit.heading': 'Códigos de saída (a mesma tabela para probe, send e run)',
	'exit.ok': 'pronto: todos os passos deram certo',
	'exit.expectation': 'um EXPECT do script não se confirmou (run)',
	'exit.usage': 'erro de uso, ou um erro no script: nada foi enviado',
	'exit.connect': 'não conectou (DNS, recusada, inalcançável, tempo de conexão esgotado)',
	'exit.tls': 'o TLS falhou (handshake, certificado), ou o STARTTLS era exigido e foi recusado ou não oferecido',
	'exit.greeting': 'o banner recusou o serviço (554, 421), nunca chegou, ou uma resposta quebrou o protocolo',
	'exit.ehlo': 'EHLO (e HELO) recusados',
	'exit.auth': 'o AUTH falhou ou não é oferecido, ou uma senha iria sem criptografia',
	'exit.sender': 'MAIL FROM recusado, ou o servidor não aceita a mensagem (SMTPUTF8, SIZE)',
	'exit.recipients': 'todos os destinatários foram recusados (send)',
	'exit.someRecipients': 'enviada, mas alguns destinatários foram recusados (send)',
	'exit.data': 'o DATA ou a própria mensagem foram recusados (também --bdat sem CHUNKING)',
	'exit.lost': 'o servidor encerrou a sessão (421 depois do banner), ou a conexão caiu ou o tempo esgotou',
	'exit.proxy': 'o proxy SOCKS falhou (recusou, recusou o login, ou não alcançou o servidor)',
	'exit.xclient': 'XCLIENT recusado (--xclient)',
	'exit.transcript': 'concluído, mas uma escrita no arquivo de --transcript falhou: faltam linhas nele',
};
