import type {commandsEn} from '../en/commands.js';
import {plural} from '../plural.js';
import type {Table} from '../table.js';

/** Os passos que o probe cronometra (em inglês no JSON, onde são valores de máquina). */
const probeSteps: Partial<Record<string, string>> = {'connect and banner': 'conexão e banner', 'STARTTLS and handshake': 'STARTTLS e handshake'};

/** As etapas em que uma sessão pode falhar, como o relatório em texto do probe as nomeia. */
const probeStages: Partial<Record<string, string>> = {connect: 'conexão', proxy: 'proxy SOCKS', greeting: 'banner', tls: 'TLS', ehlo: 'EHLO', starttls: 'STARTTLS', xclient: 'XCLIENT', quit: 'QUIT', auth: 'AUTH', mail: 'MAIL', rcpt: 'RCPT', data: 'DATA', command: 'comando'};

/** O que os subcomandos e o --help do explorador dizem, em português do Brasil. */
export const commandsPt: Table<typeof commandsEn> = {
	'explorer.seeHelp': '(smtp-explorer --help lista todas as opções)',
	'explorer.error.messageFile': (reason: string) => `não foi possível ler o arquivo da mensagem: ${reason}`,
	'explorer.error.tlsAndStarttls': '--tls (TLS desde o início) e --starttls (upgrade depois) se excluem',
	'explorer.error.demoWithHost': '--demo inicia o próprio servidor: não informe HOST',
	'explorer.error.noServer': 'diga qual servidor explorar (HOST[:PORTA]), ou use --demo',
	'explorer.error.extraArgument': (words: string) => `argumento inesperado: ${words}`,
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
	'explorer.tagline': 'Um explorador de sessões SMTP ao vivo em tela cheia no terminal, com a referência do protocolo embutida',
	'explorer.help': `
	Uso
	  $ smtp-explorer HOST[:PORTA] [opções]      explora um servidor real
	  $ smtp-explorer --demo                     explora o servidor de demonstração embutido
	  $ smtp-explorer @NOME [opções]             explora um perfil salvo (veja profiles)
	  $ smtp-explorer <comando> [...]            veja Comandos

	Conexão
	  --starttls             faz o upgrade com STARTTLS logo depois do EHLO (quando oferecido)
	  --require-tls          nunca envia AUTH nem e-mail sem criptografia; aborta se o TLS falhar
	  --tls                  TLS desde o primeiro byte (TLS implícito, porta padrão 465)
	  --submission           usa a porta 587 como padrão (submissão de e-mail)
	  --insecure             NÃO verifica o certificado do servidor (avisado bem visível na tela)
	  --ca ARQUIVO           confia também no(s) certificado(s) de CA de ARQUIVO (PEM)
	  --cert ARQ --key ARQ   certificado e chave do cliente (PEM)
	  --tls-min VERSÃO       versão mínima do TLS: TLSv1.2 (padrão) ou TLSv1.3
	  --servername NOME      nome enviado como SNI e verificado no certificado
	  --ehlo NOME            nome com que o passo a passo (Ctrl+N) cumprimenta (padrão: o
	                         nome desta máquina)
	  --user NOME            usuário do assistente de AUTH; a senha é perguntada na tela,
	                         ou lida da variável de ambiente SMTP_EXPLORER_PASSWORD

	Rotas (HOST também pode ser mx:DOMÍNIO[:PORTA], lmtp:HOST[:PORTA] ou lmtp:/socket)
	  --dns-server IP[:PORTA] servidor DNS para os registros MX e os endereços
	  --proxy URL            através de um proxy SOCKS5: socks5://[usuario@]host:porta
	                         (com socks5:// o proxy resolve os nomes); a senha dele vem de
	                         SMTP_EXPLORER_PROXY_PASSWORD ou de uma pergunta
	  --proxy-protocol v1|v2 envia antes um cabeçalho PROXY; --proxy-source IP:PORTA e
	                         --proxy-destination IP:PORTA informam as pontas
	  --lmtp                 fala LMTP (RFC 2033): LHLO, uma resposta por destinatário

	Tempos limite (ex.: 30s, 5m, 1500ms; padrões da RFC 5321 4.5.3.2)
	  --connect-timeout 30s  --greeting-timeout 5m  --command-timeout 5m
	  --data-timeout 2m      --data-block-timeout 3m  --data-end-timeout 10m

	Tela
	  --no-color             monocromático (também quando NO_COLOR está definida)
	  --transcript ARQUIVO   acrescenta cada linha a ARQUIVO à medida que acontece (.txt,
	                         .jsonl, .md)
	  --reveal-secrets       põe os segredos do AUTH nas transcrições salvas (nunca na tela)
	  --data ARQUIVO         abre o editor de mensagem com a mensagem de ARQUIVO
	  --demo                 inicia o servidor de demonstração embutido e o explora
	  --lang pt|en           idioma da tela e das mensagens (padrão: de LC_ALL,
	                         LC_MESSAGES ou LANG; LANG=pt_BR.UTF-8 dá português)

	Comandos
	  catalog [CONSULTA]     pesquisa o catálogo de referência (--json para ele inteiro)
	  explain CÓDIGO [EST]   explica um código de resposta (ex.: explain 550 5.7.1) ou um
	                         tópico (ports)
	  demo-server            roda só o servidor de demonstração (para o swaks ou o seu código)
	  probe HOST[:PORTA]     banner, EHLO, STARTTLS e as extensões, em JSON ou texto
	  send HOST[:PORTA] ...  envia uma mensagem (--from --to --subject --body...)
	  run SCRIPT [HOST]      reproduz um script de sessão com verificações EXPECT
	  view ARQUIVO           abre uma transcrição salva só para leitura, com explicações
	  export ARQ.jsonl       transforma uma sessão salva em código: --as python|node|swaks|curl|script
	  profiles               lista os destinos salvos (@NOME) e o arquivo em que ficam
	  completion SHELL       imprime um script de autocompletar para bash, zsh ou fish
	  Cada comando tem o seu próprio --help.

	Teclas: F1 (ou ? numa linha vazia) lista todas dentro do explorador.
`,
	'probe.help': (connection: string, exits: string) => `
	Uso
	  $ smtp-explorer probe HOST[:PORTA] [opções]

	Conecta, lê o banner, envia EHLO, depois STARTTLS e EHLO de novo quando o servidor
	oferece, e QUIT. Mostra o que o servidor disse: o banner, as extensões antes e depois
	do TLS, o protocolo TLS, a cifra e o certificado, e quanto tempo levou cada passo.

	Opções
	  --format json|text  JSON (o padrão, um único documento) ou um relatório legível com
	                      cada extensão explicada
	  --all               com mx:DOMÍNIO, sonda cada host MX e mostra uma tabela (banner,
	                      TLS, extensões, certificado de cada host)
${connection}
	  --lang pt|en        idioma das mensagens (padrão: de LC_ALL, LC_MESSAGES ou LANG)

${exits}

	Um domínio com MX nulo (RFC 7505) é relatado como não aceitando e-mail, com código de
	saída 0.

	Exemplos
	  $ smtp-explorer probe mx.example.com
	  $ smtp-explorer probe smtp.example.com --submission --format text
	  $ smtp-explorer probe smtp.example.com --tls
	  $ smtp-explorer probe mx:example.org --all --format text
`,
	'run.help': (connection: string, exits: string) => `
	Uso
	  $ smtp-explorer run SCRIPT [HOST[:PORTA]] [opções]

	Reproduz um script de sessão e confere cada resposta. Para na primeira expectativa que
	falha e mostra no stderr qual linha falhou, o que se esperava, o que veio, e a
	transcrição até ali (segredos mascarados).

	Formato do script, um item por linha
	  EHLO client.example.com   qualquer outra linha é um comando, enviado como digitado
	  EXPECT 250                a resposta ao comando anterior deve ser 250;
	  EXPECT 2xx                ou dessa classe (x vale qualquer dígito);
	  EXPECT 250 2.1.5          e trazer esse código de status estendido
	  DATA                      DATA, depois as linhas da mensagem até uma linha só com
	  Subject: hello              "." (os pontos são duplicados para você; uma linha só de
	  ...                         pontos vale um ponto a menos). Um EXPECT depois do "."
	  .                           confere a resposta à mensagem, ou ao DATA se não foi 354
	  CONNECT host:porta        (re)conecta; um EXPECT depois dele confere o banner. Sem
	                            ele, o run conecta antes a HOST[:PORTA]
	  STARTTLS                  faz o upgrade para TLS; depois, EHLO de novo (RFC 3207 4.2)
	  AUTH PLAIN \${SECRET}      numa linha de comando, \${NOME} é trocado pela variável de
	                            ambiente NOME (só do ambiente; não definida é um erro)
	  # comentário              comentários e linhas em branco são ignorados (fora do DATA)

	Cada comando é verificado antes de qualquer envio: uma linha que o validador rejeita
	para o run com código de saída 2. Um AUTH que mandaria uma senha sem criptografia a um
	host que não seja esta máquina é recusado, qualquer que seja o mecanismo, a menos que
	se passe --plaintext-auth. Só as linhas de AUTH e as respostas SASL são mascaradas nas
	transcrições: mantenha os segredos nelas. Um script é texto UTF-8 de no máximo 1 MiB,
	cada linha com no máximo 64 KiB; uma marca de ordem de bytes (BOM) no início é
	descartada.

	Opções
${connection}
	  --plaintext-auth    permite AUTH sem criptografia a um host que não seja esta máquina
	                      (qualquer um no caminho pode ler o segredo)
	  -v, --verbose       mostra a transcrição no stderr enquanto acontece (segredos
	                      mascarados), e notas sobre o script
	  --lang pt|en        idioma das mensagens (padrão: de LC_ALL, LC_MESSAGES ou LANG)
	  (--starttls, --no-starttls e --ehlo não se aplicam: o script envia STARTTLS e EHLO
	  por conta própria. Com --xclient, o XCLIENT vai depois do primeiro EHLO ou LHLO
	  aceito de cada conexão, e essa saudação é enviada de novo depois do 220 dele.)

	LMTP
	  Depois do "." de uma mensagem a um servidor LMTP (o script cumprimentou com LHLO),
	  cada destinatário aceito recebe a sua própria resposta (RFC 2033 4.2): escreva um
	  EXPECT por destinatário, na ordem dos RCPT.

	Uma resposta que encerra a sessão (um banner diferente de 220, um 421 em qualquer ponto)
	para o run com o código de saída da sua etapa, a menos que a linha seguinte do script
	tenha um EXPECT para ela.

${exits}

	Exemplo
	  $ smtp-explorer run check.smtp 127.0.0.1:2525 --transcript check.jsonl
`,
	'view.help': `
	Uso
	  $ smtp-explorer view ARQUIVO [--no-color] [--lang pt|en]

	Abre uma sessão salva só para leitura no painel da transcrição: as mesmas
	explicações (↑/↓ põem o cursor numa resposta e a explicam), filtros (Ctrl+F),
	horários (Ctrl+T) e busca (/, n, N). Arquivos JSON lines (.jsonl) guardam tudo; transcrições em texto e em
	Markdown também são lidas. Um arquivo de qualquer tamanho abre na hora: as linhas são
	encontradas em segundo plano (o cabeçalho diz até onde) e lidas do arquivo só quando
	aparecem. q ou Ctrl+C fecha a qualquer momento.

	Opções
	  --no-color    monocromático (também quando NO_COLOR está definida)
	  --lang pt|en  idioma da tela (padrão: de LC_ALL, LC_MESSAGES ou LANG)
`,
	'demoServer.help': `
	Uso
	  $ smtp-explorer demo-server [--port N] [--host ENDEREÇO] [--ca-out ARQ] [--lang pt|en]

	Roda sozinho o servidor SMTP de demonstração embutido, para que outros clientes (swaks,
	uma biblioteca de e-mail) pratiquem nele. Ele oferece STARTTLS com um certificado de uma
	CA de demonstração criada na partida, AUTH PLAIN LOGIN CRAM-MD5 depois do STARTTLS, e
	guarda na memória o que recebe. Pare-o com Ctrl+C.

	Opções
	  --port N          porta em que escutar (padrão, ou 0: uma que o sistema escolhe)
	  --host ENDEREÇO   endereço em que escutar (padrão 127.0.0.1). Um endereço que outras
	                    máquinas alcançam precisa também de --public: a senha de
	                    demonstração é pública, e o servidor aceita e-mail de quem se
	                    conectar
	  --public          permite --host num endereço que não seja o loopback desta máquina
	  --ca-out ARQUIVO  grava o certificado da CA de demonstração em ARQUIVO, para verificar
	                    o servidor com ele (ex.: swaks --tls-verify --tls-ca-path ARQUIVO)
	  --lang pt|en      idioma das mensagens (padrão: de LC_ALL, LC_MESSAGES ou LANG)
`,
	'probe.error.format': (value: string) => `--format deve ser json ou text, não "${value}"`,
	'probe.error.oneServer': (extra: string) => `um servidor por vez; "${extra}" não era esperado`,
	'probe.error.all': '--all sonda cada host MX de um domínio: informe mx:DOMÍNIO',
	'probe.error.dns': (message: string) => `a consulta DNS falhou: ${message}`,
	'probe.failed': (stage: string, message: string) => `falha em ${stage}: ${message}`,
	'probe.stage.dns': 'consulta DNS',
	'probe.stage.connect': 'conexão',
	'probe.stage.proxy': 'proxy SOCKS',
	'probe.stage.greeting': 'banner do servidor',
	'probe.text.title': (target: string) => `Sondagem de ${target}`,
	'probe.label.mail': 'e-mail',
	'probe.label.mxHosts': 'hosts MX',
	'probe.label.tried': 'tentado',
	'probe.label.answered': 'respondeu',
	'probe.label.banner': 'banner',
	'probe.label.certificate': 'certificado',
	'probe.label.valid': 'validade',
	'probe.text.nullMx': 'este domínio não recebe e-mail (MX nulo, RFC 7505)',
	'probe.text.implicitMx': ' (MX implícito: não há registro MX)',
	'probe.text.none': '(nenhum)',
	'probe.text.tls': (protocol: string, cipher: string, verified: boolean) => `${protocol}, ${cipher}; certificado ${verified ? 'verificado' : 'NÃO verificado (--insecure)'}`,
	'probe.text.certificate': (subject: string, names: string, issuer: string) => `${subject}${names ? ` (nomes: ${names})` : ''}; emissor ${issuer}`,
	'probe.text.valid': (from: string, to: string, days: number) =>
		`de ${from} a ${to} (${days < 0 ? 'EXPIRADO' : plural('pt', days, {one: 'falta # dia', other: 'faltam # dias'})})`,
	'probe.text.extensionsBefore': 'Extensões antes do TLS',
	'probe.text.extensionsAfter': 'Extensões depois do TLS',
	'probe.text.extensions': 'Extensões',
	'probe.text.tlsChanged': (changes: string) => `  O que o TLS mudou: ${changes}`,
	'probe.text.nothing': 'nada',
	'probe.text.gained': (extension: string) => `ganhou ${extension}`,
	'probe.text.lost': (extension: string) => `perdeu ${extension}`,
	'probe.text.changed': (extension: string) => `mudou ${extension}`,
	'probe.text.timings': 'Tempos',
	'probe.text.step': (step: string) => probeSteps[step] ?? step,
	'probe.text.injection': (bytes: number) =>
		`Atenção: ${plural('pt', bytes, {one: '# byte enviado', other: '# bytes enviados'})} depois do 220 do STARTTLS, antes do TLS, ${bytes === 1 ? 'foi descartado' : 'foram descartados'} (possível injeção de resposta no STARTTLS)`,
	'probe.text.failedAt': (stage: string, message: string) => `Falhou em ${stage}: ${message}`,
	'probe.text.stage': (stage: string) => probeStages[stage] ?? stage,
	'probe.text.ok': 'Resultado: ok',
	'probe.starttls.upgraded': 'upgrade feito',
	'probe.starttls.implicit': 'TLS implícito',
	'probe.starttls.notTried': 'não tentado',
	'probe.starttls.notOffered': 'não oferecido',
	'probe.starttls.refused': 'recusado',
	'probe.starttls.failed': 'falhou',
	'probe.table.title': (domain: string, implicit: boolean) => `Hosts MX de ${domain}${implicit ? ' (não há registro MX: o MX implícito, RFC 5321 5.1)' : ''}`,
	'probe.column.certificate': 'certificado',
	'probe.column.extensions': 'extensões',
	'probe.table.failed': (message: string) => `falhou: ${message}`,
	'probe.table.none': 'nenhum',
	'probe.table.certificate': (verified: boolean, days: number) => `${verified ? 'válido' : 'NÃO verificado'}, ${days < 0 ? 'EXPIRADO' : `${days}d`}`,
	'probe.nullMx': (domain: string) => `${domain} não recebe e-mail: publica um MX nulo (RFC 7505)`,
	'probe.ext.sizeNone': 'sem limite fixo de tamanho de mensagem',
	'probe.ext.size': (megabytes: number) => `mensagens de até ${megabytes.toLocaleString('pt-BR')} MB`,
	'probe.ext.sizeBad': (limit: string) => `o limite de tamanho "${limit}" não é um número`,
	'probe.ext.auth': (mechanisms: string) => `autenticação com ${mechanisms}`,
	'probe.ext.authNone': 'oferece autenticação, mas não lista nenhum mecanismo',
	'probe.ext.local': 'uma extensão local (X-)',
	'run.error.noScript': 'nenhum script informado; veja --help',
	'run.error.unexpected': (word: string) => `"${word}" não era esperado`,
	'run.error.starttlsFlags': '--starttls, --no-starttls e --ehlo não se aplicam ao run: o script envia STARTTLS e EHLO por conta própria',
	'run.error.read': (reason: string) => `não foi possível ler o script: ${reason}`,
	'run.error.noServer': 'nenhum servidor: informe HOST[:PORTA], ou comece o script com CONNECT host:porta',
	'run.error.hostUnused': 'o script começa com CONNECT, então HOST[:PORTA] não é usado; deixe-o de fora',
	'run.note.bom': 'uma marca de ordem de bytes (BOM) UTF-8 no início do script foi descartada',
	'run.script.long': (line: number, kib: number) => `linha ${line}: mais longa que ${kib} KiB, o máximo que uma linha de script pode ter`,
	'run.script.secondExpect': (line: number, previous: number) =>
		`linha ${line}: um segundo EXPECT para a resposta que a linha ${previous} já confere; ponha entre eles o comando a que ele se refere`,
	'run.script.expect': (line: number) => `linha ${line}: o EXPECT recebe um código de resposta como 250 ou 2xx e, opcionalmente, um código estendido como 2.1.5`,
	'run.script.connect': (line: number, error: string) => `linha ${line}: CONNECT ${error}`,
	'run.script.dataOpen': (line: number) => `linha ${line}: o bloco DATA não tem a linha final só com "."`,
	'run.script.badVariable': (line: number) => `linha ${line}: um "\${" que não forma \${NOME} (um nome de letras, dígitos e "_", depois "}")`,
	'run.script.unset': (line: number, names: string, count: number) => `linha ${line}: ${names} ${count === 1 ? 'não está definida' : 'não estão definidas'} no ambiente`,
	'run.script.invalid': (line: number, message: string) => `linha ${line}: ${message}`,
	'run.connectStep': (target: string) => `(conexão a ${target})`,
	'run.where': (name: string, line: number) => `${name} linha ${line}`,
	'run.plaintextAuth': (where: string) =>
		`${where}: não enviado: AUTH sem criptografia a um host que não é esta máquina; qualquer um no caminho poderia lê-lo ou repeti-lo. Envie STARTTLS antes, ou passe --plaintext-auth para aceitar o risco`,
	'run.theMessage': (where: string, message: string) => `${where}: a mensagem: ${message}`,
	'run.xclientRefused': (where: string, reply: string) => `${where}: --xclient: XCLIENT recusado:\n    ${reply}`,
	'run.afterXclient': (where: string, greeting: string, message: string) => `${where}: ${greeting} depois do XCLIENT: ${message}`,
	'run.noFurtherReply': (where: string, wanted: string, line: number) =>
		`${where}: esperava ${wanted}, mas não veio mais nenhuma resposta à linha ${line} (uma mensagem a um servidor LMTP recebe uma por destinatário aceito; nos outros casos, só uma)`,
	'run.expectedGot': (where: string, wanted: string, got: string, after: string) => `${where}: esperava ${wanted}, veio:\n    ${got}${after}`,
	'run.noReplyYet': 'nenhuma resposta ainda',
	'run.inReplyTo': (line: number, text: string) => `\n  em resposta ${line === 0 ? 'à conexão' : `à linha ${line}`}: ${text}`,
	'run.transcriptSoFar': 'Transcrição até aqui:',
	'run.summary': (sent: number, met: number) =>
		`${plural('pt', sent, {one: '# comando enviado', other: '# comandos enviados'})}, ${plural('pt', met, {one: '# expectativa confirmada', other: '# expectativas confirmadas'})}`,
	'view.error.oneFile': 'informe um único arquivo de transcrição',
	'view.error.empty': (path: string, checked: number) =>
		`${path} não tem nenhuma linha de transcrição${checked > 0 ? ` (as primeiras ${checked} linhas não puderam ser lidas)` : ''}`,
	'view.error.terminal': 'precisa de um terminal',
	'demoServer.error.port': (value: string) => `"${value}" não é uma porta válida (0-65535)`,
	'demoServer.error.exposed': (host: string) =>
		`recusando escutar em ${host}, que outras máquinas podem alcançar: a senha de demonstração é pública e o servidor aceita e-mail de qualquer um. Use o padrão 127.0.0.1, ou acrescente --public se é isso mesmo que você quer`,
	'demoServer.error.start': (host: string, reason: string) => `não foi possível iniciar em ${host}: ${reason}`,
	'demoServer.warning.exposed': (where: string) =>
		`AVISO: o servidor de demonstração escuta em ${where}, que outras máquinas podem alcançar. A senha dele é pública: quem conseguir conectar pode fazer login e deixar e-mail aqui. Pare-o com Ctrl+C ao terminar.`,
	'send.recipientRefused': (line: string) => `destinatário recusado: ${line}`,
	'send.typeBody': 'Digite o corpo da mensagem; termine com Ctrl+D numa linha sozinha.',
	'flags.noServer': 'nenhum servidor informado: HOST[:PORTA] é obrigatório',
	'flags.lmtpMx': 'o LMTP entrega a um único servidor de caixas postais, não aos hosts MX de um domínio: informe o host ou o socket dele',
	'flags.proxySourceAlone': '--proxy-source e --proxy-destination acompanham --proxy-protocol v1|v2',
	'flags.proxyProtocol': (value: string) => `--proxy-protocol deve ser v1 ou v2, não "${value}"`,
	'flags.dnsServer': (value: string) => `--dns-server "${value}" não está no formato IP[:PORTA] (IPv6 como [endereço]:porta)`,
	'flags.xclientLong': (octets: number, most: number) => `--xclient: a linha do XCLIENT teria ${octets} octetos; uma linha de comando tem no máximo ${most} (RFC 5321 4.5.3.1.4)`,
	'flags.proxyPasswordPrompt': (user: string) => `Senha do usuário do proxy ${user}: `,
	'flags.proxyPassword': (variable: string) => `o usuário do proxy precisa de uma senha: defina ${variable} ou rode num terminal para ela ser pedida (nunca na URL nem numa opção, onde outros usuários poderiam lê-la)`,
	'flags.tlsAndStarttls': '--tls e --starttls se excluem: --tls começa o TLS de imediato, --starttls faz o upgrade de uma conexão sem criptografia',
	'flags.requireTlsNoStarttls': '--require-tls com --no-starttls não deixa nenhum jeito de criptografar: acrescente --tls ou tire --no-starttls',
	'flags.cannotRead': (flag: string, reason: string) => `não foi possível ler ${flag}: ${reason}`,
	'flags.noPem': (flag: string, path: string, key: boolean) => `${flag} ${path} não contém ${key ? 'nenhuma chave' : 'nenhum certificado'} PEM`,
	'flags.certAndKey': '--cert e --key andam juntos',
	'flags.tlsMin': '--tls-min deve ser TLSv1.2 ou TLSv1.3',
	'flags.servername': (value: string) => `--servername "${value}" não é um nome de host`,
	'flags.ehlo': (value: string) => `--ehlo "${value}" não é um domínio nem um endereço literal como [192.0.2.1] (RFC 5321 4.1.1.1)`,
	'send.error.bdatLmtp': 'o --bdat não é suportado com LMTP; tire-o para enviar com DATA',
	'send.error.from': '--from é obrigatório',
	'send.error.to': 'é preciso ao menos um --to',
	'send.error.subject': '--subject é obrigatório (pode ser vazio: --subject "")',
	'send.error.subjectControl': 'o assunto contém uma quebra de linha ou outro caractere de controle, que começaria um novo campo de cabeçalho',
	'send.error.bodyTwice': 'informe o corpo uma vez só: --body ou --body-file, não os dois',
	'send.error.chunkSizeAlone': '--chunk-size acompanha --bdat',
	'send.error.chunkSize': (value: string) => `--chunk-size "${value}" não é um número positivo de bytes`,
	'send.error.maxSize': (value: string) => `--max-size "${value}" não é um número de bytes (0 para nenhum limite)`,
	'send.error.tooLarge': (limit: string) => `o corpo da mensagem passa de ${limit} (--max-size); nada foi enviado. Aumente o --max-size ou use --max-size 0 para nenhum limite`,
	'send.error.readStdin': (reason: string) => `não foi possível ler o corpo da entrada padrão: ${reason}`,
	'send.error.readBodyFile': (reason: string) => `não foi possível ler --body-file: ${reason}`,
	'send.error.authNeedsUser': '--auth precisa de --user',
	'send.error.userName': '--user precisa de um nome de usuário sem caracteres de controle',
	'send.error.mechanism': (mechanism: string, choices: string) => `--auth ${mechanism} não é um mecanismo que o send saiba usar; escolha ${choices}`,
	'send.passwordPrompt': (user: string) => `Senha de ${user}: `,
	'send.error.noPassword': (variable: string) => `--user precisa de uma senha: defina ${variable} ou rode num terminal para ela ser pedida (senha nunca vai numa opção, onde outros usuários poderiam lê-la)`,
	'send.error.plaintext': (why: string) => `a senha não vai sem criptografia a um host que não é esta máquina: ${why}, então qualquer um no caminho poderia lê-la. Use --starttls (ou --tls para a porta 465)`,
	'send.why.noStarttlsFlag': '--no-starttls mantém a conexão sem criptografia',
	'send.why.starttlsOff': 'o STARTTLS está desligado',
	'send.why.starttlsRefused': 'o STARTTLS foi recusado',
	'send.why.notOffered': 'o servidor não oferece STARTTLS',
	'send.error.smtputf8': 'MAIL não enviado: um endereço não é ASCII, o que exige SMTPUTF8 (RFC 6531), e o servidor não o oferece',
	'send.error.chunking': 'MAIL não enviado: --bdat exige CHUNKING (RFC 3030), e o servidor não o oferece; tire o --bdat para enviar com DATA',
	'send.error.size': (size: number, limit: number) => `MAIL não enviado: a mensagem tem ${size} bytes e o servidor aceita no máximo ${limit} (SIZE, RFC 1870)`,
	'send.error.allRefused': (refused: string) => `todos os destinatários foram recusados: ${refused}`,
	'send.error.noneDelivered': (refused: string) => `a mensagem não foi entregue a nenhum destinatário: ${refused}`,
	'send.deliveredLmtp': (bytes: number | undefined, delivered: number, total: number, lines: string) => `entregue (LMTP, ${bytes} bytes) a ${delivered} de ${total}: ${lines}`,
	'send.error.noAuth': (tls: boolean) => `o servidor não oferece AUTH${tls ? '' : ' (muitos servidores só oferecem depois do STARTTLS)'}`,
	'send.error.mechanismNotOffered': (wanted: string | undefined, offered: string) => `o servidor não oferece ${wanted ? `AUTH ${wanted}` : 'PLAIN, LOGIN nem CRAM-MD5'}; oferece ${offered} (escolha com --auth)`,
	'send.sent': (reply: string, from: string, to: string, bytes: number | undefined) => `enviado: ${reply} (de <${from}> para ${to}, ${bytes} bytes)`,
	'send.noReplyTo': (what: string, why: string) => `sem resposta ao ${what}: ${why}`,
	'send.mailRefused': 'MAIL FROM recusado',
	'send.dataRefused': 'DATA recusado (a mensagem não foi enviada)',
	'send.theMessage': 'a mensagem',
	'send.noReplyToMessage': (why: string) => `sem resposta à mensagem: ${why}`,
	'send.messageRefused': 'a mensagem foi recusada',
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
