import type {TopicText} from '../types.js';

/** Os tópicos em português do Brasil, pelo nome. Os exemplos (linhas com dois espaços) seguem o protocolo. */
export const topics: Record<string, TopicText> = {
	smtp: {
		title: 'O que é SMTP e onde ele fica',
		summary: 'Como uma mensagem viaja: submissão, relay, entrega',
		description: [
			'O SMTP (Simple Mail Transfer Protocol) só empurra mensagens de uma máquina para a próxima; ler e-mail é trabalho do IMAP ou do POP. Uma mensagem costuma fazer três tipos de salto SMTP, e saber em qual deles você está explica quase tudo o que o servidor espera de você.',
			'Submissão: o seu programa de e-mail ou a sua aplicação entrega a mensagem ao servidor de submissão do provedor (o MSA), normalmente na porta 587 com STARTTLS ou na 465 com TLS implícito, e sempre depois de fazer login com AUTH (RFC 6409). É aqui que o smtplib, o nodemailer ou o app de e-mail do celular falam SMTP.',
			'Relay: o servidor do provedor (o MTA) consulta no DNS os registros MX do domínio de cada destinatário (RFC 5321 5.1) e conecta ao servidor daquele domínio na porta 25. Aqui não há login; o servidor destinatário decide pela reputação do IP, pelo SPF, pelo DKIM e pelo DMARC se confia na mensagem.',
			'Entrega: o MTA destinatário passa a mensagem ao armazenamento de caixas postais, muitas vezes com LMTP (RFC 2033, saudação LHLO), e o usuário a lê depois pelo IMAP. O caminho inteiro é descrito na RFC 5598.',
			'  MUA --587/465, AUTH--> MSA --25, consulta MX--> MX --LMTP--> caixa <--IMAP-- MUA',
		].join('\n\n'),
		questions: ['o que é smtp', 'como funciona o e-mail', 'como o e-mail é entregue', 'o que é um mta', 'qual a diferença entre smtp e imap'],
		keywords: ['visão geral', 'introdução', 'mua', 'msa', 'mta', 'mda', 'mx', 'relay', 'submissão', 'entrega', 'imap', 'pop', 'arquitetura', 'básico', 'e-mail', 'email'],
	},
	'session-flow': {
		title: 'Uma sessão do connect ao QUIT, e as respostas de cada passo',
		summary: 'A ordem dos comandos numa sessão e o que cada um deve receber',
		description: [
			'Toda sessão SMTP segue o mesmo caminho. O cliente só fala depois do banner do servidor, envia um comando por vez (a não ser que o servidor ofereça PIPELINING) e lê uma resposta de três dígitos para cada um: 2xx feito, 3xx continue, 4xx tente mais tarde, 5xx recusado (RFC 5321 4.2.1).',
			'  connect                      <- 220 banner (espere por ele)\n  EHLO client.example.com      <- 250 e a lista de extensões\n  STARTTLS                     <- 220, depois o handshake TLS\n  EHLO client.example.com      <- 250 de novo: sob TLS a lista pode mudar\n  AUTH PLAIN ...               <- desafios 334, depois 235 (ou 535)\n  MAIL FROM:<a@example.com>    <- 250 (começa uma transação)\n  RCPT TO:<b@example.org>      <- 250 ou 251 por destinatário; 550 recusa um\n  DATA                         <- 354, depois a mensagem, terminada por uma linha "."\n  .                            <- 250 enfileirada: agora a mensagem é do servidor\n  QUIT                         <- 221 e o servidor fecha',
			'STARTTLS e AUTH são opcionais no protocolo, mas exigidos por quase todo servidor de submissão. O RSET abandona uma transação e volta ao estado depois do EHLO; o NOOP confere se o servidor está vivo. Um 421 pode chegar depois de qualquer comando e quer dizer que o servidor está fechando a conexão.',
			'No smtp-explorer, o Ctrl+N preenche o compositor com o próximo passo exatamente deste roteiro, e a barra lateral mostra em que fase a sessão está.',
		].join('\n\n'),
		questions: ['qual a ordem dos comandos smtp', 'o que o servidor responde a cada comando', 'como é uma conversa smtp', 'o que vem depois do ehlo'],
		keywords: ['fluxo', 'sequência', 'passos', 'roteiro', 'transação', 'conversa', 'visão geral', 'diálogo', 'ordem', 'sessão'],
	},
	ports: {
		title: 'Portas 25, 587 e 465: qual usar',
		summary: 'A 25 faz relay entre servidores; 587 e 465 são para envio',
		description: [
			'A porta 25 é para servidores falando com servidores: fazer relay da mensagem até o MX do domínio do destinatário (RFC 5321). Ela só aceita mensagens para os domínios que atende, não tem login, e a maioria das redes domésticas e de nuvem bloqueia conexões de saída para ela, para conter o spam de máquinas infectadas.',
			'A porta 587 é a de "submission" (RFC 6409): onde um programa de e-mail ou uma aplicação entrega mensagens para envio. A sessão começa em texto puro, o cliente a protege com STARTTLS e depois faz login com AUTH; um bom servidor recusa o AUTH até o TLS estar ativo.',
			'A porta 465 é a de "submissions", a submissão com TLS implícito (RFC 8314 3.3): o TLS começa no primeiro byte, antes do banner, então nada trafega em texto puro. Ela já foi registrada para SMTPS, foi retirada e voltou para a submissão pela RFC 8314, que hoje a recomenda no lugar do STARTTLS na 587. A porta 2525 é uma cópia não oficial da 587 que alguns provedores oferecem onde a 587 é bloqueada.',
			'Para enviar de uma aplicação: use a 465 com TLS implícito, ou a 587 com STARTTLS, e sempre AUTH. Para testar o recebimento de um domínio: porta 25 no MX dele. No smtp-explorer: `smtp-explorer mx.example.org` (25), `--submission` ou `HOST:587 --starttls` (587), `--tls` (465).',
		].join('\n\n'),
		questions: ['qual porta devo usar', 'qual a porta do smtp', 'qual a diferença entre a porta 587 e a 465', 'por que a porta 25 está bloqueada', 'o que é smtps'],
		keywords: ['porta', '25', '587', '465', '2525', 'smtps', 'submissions', 'submissão', 'msa', 'relay', 'bloqueada', 'firewall', 'tls implícito', 'ssl'],
	},
	'starttls-vs-implicit-tls': {
		title: 'STARTTLS versus TLS implícito, e o que cada um protege',
		summary: 'Proteger uma conexão aberta ou já começar em TLS: a diferença',
		description: [
			'O STARTTLS (RFC 3207) protege uma conexão que começou em texto puro: o cliente vê STARTTLS na resposta ao EHLO, envia o comando, recebe 220 e começa o handshake TLS no mesmo socket. Tudo o que foi combinado antes é esquecido, então o EHLO tem de ser enviado de novo (RFC 3207 4.2). O ponto fraco é o início em texto puro: um atacante no caminho pode apagar o STARTTLS da resposta ao EHLO, e um cliente que não exige TLS segue sem criptografia (um "downgrade"). O --require-tls do smtp-explorer se recusa a enviar AUTH ou mensagem nesse caso.',
			'O TLS implícito (RFC 8314) começa o handshake assim que a conexão TCP abre, na porta 465 para submissão: não existe fase em texto puro para adulterar. É por isso que a RFC 8314 o prefere para programas de e-mail.',
			'Em qualquer dos casos, o TLS protege o salto em que está, não a mensagem de ponta a ponta: o conteúdo vai cifrado só entre o seu cliente e este servidor, e cada relay decide de novo para o próximo salto. É a verificação do certificado que impede alguém de se passar pelo servidor; entre MTAs, o MTA-STS (RFC 8461) e o DANE (RFC 7672) tornam isso obrigatório. Para sigilo de ponta a ponta, cifre a própria mensagem (S/MIME ou OpenPGP).',
		].join('\n\n'),
		questions: ['qual a diferença entre starttls e ssl', 'starttls ou ssl/tls', 'meu e-mail é criptografado', 'o que o tls protege', 'o que é um ataque de downgrade'],
		keywords: ['tls', 'ssl', 'starttls', 'tls implícito', 'smtps', 'criptografia', 'downgrade', 'stripping', 'certificado', 'mta-sts', 'dane', '465', '587', 'segurança'],
	},
	'auth-needs-tls': {
		title: 'Por que os servidores recusam AUTH (e mensagens) sem STARTTLS',
		summary: 'Senhas em base64 são legíveis; os servidores querem TLS antes',
		description: [
			'Os mecanismos comuns PLAIN e LOGIN mandam o usuário e a senha codificados em base64, e base64 é codificação, não criptografia: quem vê a sessão decodifica em um segundo. Por isso a RFC 4954 4 orienta os servidores a não permitir mecanismos de senha simples numa conexão desprotegida, e a RFC 8314 pede que a submissão rode sob TLS do começo ao fim.',
			'Assim, um servidor de submissão moderno muitas vezes nem lista o AUTH na primeira resposta ao EHLO; ele só aparece depois do STARTTLS e do segundo EHLO. Se você tentar mesmo assim, recebe 530 5.7.0 ("é preciso enviar STARTTLS antes"), 538 ou 524 ("criptografia exigida para este mecanismo") ou 523 ("criptografia necessária"). Muitos servidores também recusam o MAIL de um cliente não autenticado na 587 com 530 5.7.0.',
			'A solução é sempre a mesma: envie STARTTLS, depois EHLO de novo, depois AUTH; ou conecte na porta 465 com TLS implícito. O smtp-explorer avisa antes de mandar um segredo reutilizável em texto puro para outra máquina, e o --require-tls transforma isso num bloqueio.',
		].join('\n\n'),
		questions: ['por que o servidor recusa o auth', 'por que o auth não aparece', 'por que recebo must issue a starttls command first', 'por que meu login foi recusado', 'base64 é criptografia'],
		keywords: ['auth', 'login', 'senha', 'texto puro', 'base64', 'starttls', 'tls', '530', '538', '5.7.0', 'segurança', 'credenciais', 'recusado', 'autenticação'],
	},
	'by-hand': {
		title: 'Uma sessão na mão com telnet e openssl s_client',
		summary: 'Falar SMTP você mesmo, e como cada passo vira esta ferramenta',
		description: [
			'O jeito clássico de testar um servidor é digitar o protocolo você mesmo. Para uma sessão em texto puro na porta 25 ou 587:',
			'  telnet mx.example.org 25\n  nc -C mx.example.org 25          (o nc manda finais de linha CRLF com -C)',
			'Para STARTTLS na 587, o OpenSSL faz a troca para você e depois entrega a sessão cifrada; para TLS implícito na 465, tire o -starttls:',
			'  openssl s_client -starttls smtp -connect smtp.example.com:587 -crlf -quiet\n  openssl s_client -connect smtp.example.com:465 -crlf -quiet',
			'Depois digite EHLO, MAIL FROM, RCPT TO, DATA, a mensagem, uma linha só com um ponto e QUIT. Duas armadilhas: o SMTP quer finais de linha CRLF (daí o -crlf e o -C), e sem o -quiet o s_client trata uma linha que começa com R como "renegociar" e com Q como "sair", então o RCPT e o QUIT nunca chegam ao servidor. O AUTH PLAIN precisa do base64 de "\\0usuario\\0senha", que você mesmo tem de calcular (printf \'\\0usuario\\0senha\' | base64).',
			'O smtp-explorer faz a mesma coisa com ajuda em cada passo: `smtp-explorer HOST:25` é a sessão do telnet, `--starttls` (ou o comando STARTTLS) é o s_client -starttls smtp, `--tls` é o s_client na 465. Ele confere cada linha antes de enviar, calcula as respostas do AUTH, faz o dot-stuffing da mensagem, explica cada resposta e salva a transcrição (Ctrl+S) para um chamado.',
		].join('\n\n'),
		questions: ['como testar smtp com telnet', 'como testar starttls com openssl', 'como enviar um e-mail na mão', 'como testar um servidor smtp', 'como saber se um servidor de e-mail funciona'],
		keywords: ['telnet', 'openssl', 's_client', 'netcat', 'nc', 'manual', 'teste', 'testar', 'depurar', 'diagnóstico', 'linha de comando', 'crlf', 'tutorial'],
	},
	'reading-bounces': {
		title: 'Lendo um bounce: o código de resposta e o código estendido',
		summary: 'Como ler "550 5.1.1" e uma notificação de status de entrega',
		description: [
			'Uma recusa traz dois códigos. O código de resposta básico diz o que aconteceu com o comando: o primeiro dígito é 4 para "temporário, tente de novo" e 5 para "permanente, não repita sem mudar nada" (RFC 5321 4.2.1). O código de status estendido que vem depois, como 5.1.1, diz por quê (RFC 3463): o primeiro dígito repete a classe, o segundo é o assunto e o terceiro o detalhe.',
			'  X.1.x  endereçamento: a caixa ou o domínio (5.1.1 usuário desconhecido)\n  X.2.x  a própria caixa postal (5.2.2 caixa cheia)\n  X.3.x  o sistema de e-mail destinatário\n  X.4.x  rede e roteamento (4.4.1 sem resposta, 5.4.4 sem rota)\n  X.5.x  o protocolo (5.5.1 comando inválido)\n  X.6.x  o conteúdo e o formato da mensagem\n  X.7.x  segurança e política (5.7.1 recusada, 5.7.26 autenticação falhou)',
			'Quando a falha acontece depois que o seu servidor aceitou a mensagem, você recebe um bounce: uma notificação de status de entrega (RFC 3464) com uma parte para pessoas e outra para máquinas, cujos campos Status:, Action: e Diagnostic-Code: trazem os mesmos códigos e o texto exato do servidor remoto (o Remote-MTA: diz qual servidor recusou). Leia primeiro o Diagnostic-Code: é o que o outro lado disse de fato.',
			'`smtp-explorer explain 550 5.1.1` explica qualquer par de códigos; no explorador, ponha o cursor numa linha de resposta.',
		].join('\n\n'),
		questions: ['por que meu e-mail foi rejeitado', 'por que meu e-mail voltou', 'o que significa 550 5.1.1', 'como ler um bounce', 'o que é um ndr', 'o que significa este código de erro'],
		keywords: ['bounce', 'ndr', 'dsn', 'rejeitado', 'rejeitada', 'rejeição', 'recusado', 'devolvido', 'erro', 'código de erro', 'código estendido', 'diagnostic-code', 'falha', 'não entregue'],
	},
	greylisting: {
		title: 'Greylisting: o 450 ou 451 4.7.x que passa sozinho',
		summary: 'Uma recusa temporária proposital que um servidor de verdade repete',
		description: [
			'O greylisting (RFC 6647) é uma defesa contra spam: na primeira vez que um servidor vê uma combinação de endereço do cliente, remetente e destinatário, ele recusa com um erro temporário, tipicamente 450 4.7.1 ou 451 4.7.1 "greylisted, try again later". Um MTA de verdade mantém a mensagem na fila e tenta de novo, como a RFC 5321 4.5.4.1 exige, e a nova tentativa depois de alguns minutos é aceita; muito software de spam nunca volta.',
			'Então uma resposta de greylisting não é problema da sua mensagem: espere e tente de novo. Ela só atrapalha quando o remetente não tenta de novo (um script que trata todo 4xx como fatal), ou quando tenta de um endereço diferente a cada vez (os pools dos grandes provedores), o que zera o relógio. No explorador, envie o mesmo MAIL e RCPT de novo depois do intervalo que o texto pede, em geral de um a cinco minutos.',
		].join('\n\n'),
		questions: ['por que recebo 451 try again later', 'o que é greylisting', 'por que meu e-mail atrasou', 'falha temporária 450'],
		keywords: ['greylist', 'greylisted', 'graylisting', 'lista cinza', 'cinza', 'temporário', 'adiado', 'atrasado', 'tentar de novo', '450', '451', '4.7.1', 'postgrey', 'spam'],
	},
	'policy-rejections': {
		title: 'Recusas 5.7.x comuns: SPF, DKIM, DMARC e reputação',
		summary: 'O que as recusas de política usuais significam para o remetente',
		description: [
			'A maioria das recusas permanentes que não são de caixa inexistente traz um código 5.7.x: a política do servidor destinatário não confia na mensagem ou no remetente. O texto da resposta em geral cita a verificação que falhou.',
			'SPF (RFC 7208): o IP que conectou não está entre os que o domínio do remetente publica como autorizados (5.7.23, muitas vezes só 5.7.1). Correção: envie pelos servidores do próprio domínio, ou inclua o serviço que você usa no registro SPF do domínio. DKIM (RFC 6376): a assinatura falta, foi quebrada por uma alteração no caminho ou é do domínio errado (5.7.20 a 5.7.22). Correção: assine com uma chave publicada no DNS e não altere a mensagem depois de assinar. DMARC (RFC 7489): nem o SPF nem o DKIM passaram para o domínio do cabeçalho From:, e esse domínio pede aos destinatários que rejeitem (muitas vezes 5.7.1 ou 5.7.26 com "DMARC" no texto). Correção: alinhe o SPF ou o DKIM com o domínio do From:.',
			'Reputação: o IP remetente está numa lista de bloqueio (DNSBL, RFC 5782) ou não tem DNS reverso correspondente (5.7.25), tipicamente "554 5.7.1 client host blocked" logo na conexão ou depois do RCPT. Correção: descubra qual lista (o texto costuma dizer), resolva a causa e peça a remoção; envie de um endereço com DNS reverso correto. Relay negado (5.7.1 depois de um RCPT para um domínio externo) quer dizer que você não está autenticado: use a porta 587 ou 465 com AUTH.',
		].join('\n\n'),
		questions: ['por que meu e-mail foi rejeitado', 'por que meu e-mail foi bloqueado', 'o que significa 550 5.7.1', 'por que meu e-mail cai no spam', 'por que o gmail recusa meu e-mail', 'relay access denied'],
		keywords: ['rejeitado', 'rejeitada', 'recusado', 'bloqueado', 'spam', 'política', 'spf', 'dkim', 'dmarc', 'reputação', 'lista de bloqueio', 'blacklist', 'blocklist', 'dnsbl', 'rbl', 'dns reverso', 'ptr', '5.7.1', '5.7.26', 'relay negado', 'autenticação'],
	},
	'vrfy-expn': {
		title: 'VRFY e EXPN, e por que os servidores os desligam',
		summary: 'Comandos de conferir endereço que os spammers abusaram',
		description: [
			'O VRFY pergunta se uma caixa postal existe, e o EXPN lista os membros de uma lista de e-mail (RFC 5321 3.5). Os dois foram feitos para administradores, e os dois entregam endereços válidos a quem perguntar, que é exatamente o que os coletores de endereços querem. Por isso a RFC 5321 7.3 permite que os servidores os desativem, e quase todo servidor público faz isso.',
			'Um VRFY desativado em geral responde 252 ("não consigo verificar, mas vou tentar entregar"), que não diz nada sobre a caixa, ou 502. O EXPN responde 502 ou 550. Para conferir um destinatário de verdade, abra uma transação e veja a resposta ao RCPT, depois mande RSET antes do DATA: o servidor confere a caixa na hora do RCPT (e ainda pode aceitar tudo e devolver depois).',
		].join('\n\n'),
		questions: ['por que o vrfy responde 252', 'como saber se um endereço de e-mail existe', 'por que o vrfy está desativado', 'como verificar um endereço de e-mail'],
		keywords: ['vrfy', 'expn', 'verificar', 'expandir', 'coleta de endereços', 'conferir endereço', 'e-mail existe', 'lista de e-mail', '252', 'desativado'],
	},
	'pipelining-explained': {
		title: 'PIPELINING: enviar comandos sem esperar',
		summary: 'Agrupar comandos para economizar idas e voltas, e o seu único risco',
		description: [
			'Sem PIPELINING, o cliente espera cada resposta antes do próximo comando, o que custa uma ida e volta na rede por comando. Quando o servidor lista PIPELINING (RFC 2920), o cliente pode enviar o MAIL, todos os RCPT e o DATA de uma vez e depois ler as respostas, que sempre voltam na mesma ordem dos comandos.',
			'Comandos cujo resultado muda o que pode vir depois encerram um grupo: EHLO, DATA, VRFY, EXPN, TURN, QUIT, NOOP, AUTH e STARTTLS têm de ser os últimos do seu grupo (RFC 2920 3.1). O STARTTLS é o que mais importa: um servidor que guarda comandos em texto puro enviados depois do STARTTLS e os executa depois do handshake deixa um atacante injetar comandos na sessão cifrada (as falhas de injeção no STARTTLS de 2011), então os dois lados precisam descartar esses bytes. O smtp-explorer descarta e avisa sobre qualquer coisa que o servidor mande depois do 220 ao STARTTLS.',
			'Alguns servidores punem clientes que falam antes da vez ("early talkers"), por exemplo mandando um comando antes do banner; o pipelining só vale depois que o EHLO mostrou a palavra-chave.',
		].join('\n\n'),
		questions: ['o que é pipelining no smtp', 'posso enviar comandos sem esperar', 'o que é injeção de comandos no starttls'],
		keywords: ['pipelining', 'pipeline', 'lote', 'ida e volta', 'latência', 'desempenho', 'early talker', 'injeção', 'rfc 2920'],
	},
	'eight-bit-and-utf8': {
		title: '8BITMIME e SMTPUTF8: acentos, escritas não latinas e endereços',
		summary: 'Quando uma mensagem ou um endereço pode ter bytes não ASCII',
		description: [
			'O SMTP clássico só transporta ASCII de 7 bits. O 8BITMIME (RFC 6152) permite que o corpo tenha bytes acima de 127, anunciado com BODY=8BITMIME no MAIL FROM; as linhas continuam terminando em CRLF e com menos de 1000 octetos. Sem ele, texto com acentos (ç, ã, é) precisa antes ser codificado em quoted-printable ou base64 (RFC 2045), e os campos de cabeçalho usam encoded words como =?UTF-8?Q?Jo=C3=A3o?= (RFC 2047).',
			'O SMTPUTF8 (RFC 6531) vai além: os próprios endereços e campos de cabeçalho podem ser UTF-8 (joão@exemplo.com.br, RFC 6532), anunciado com o parâmetro SMTPUTF8 no MAIL FROM. Se algum servidor do caminho não o tiver, a mensagem não pode ser entregue como está e volta. Nomes de domínio internacionalizados sozinhos sempre podem viajar na forma ASCII (xn--..., RFC 5891), então só a parte local exige mesmo o SMTPUTF8.',
		].join('\n\n'),
		questions: ['como enviar acentos no e-mail', 'um endereço de e-mail pode ter acento', 'o que é 8bitmime', 'o que é smtputf8', 'por que meus acentos saem errados'],
		keywords: ['8bitmime', 'smtputf8', 'utf-8', 'utf8', 'unicode', 'acentos', 'acentuação', 'charset', 'codificação', 'quoted-printable', 'base64', 'internacional', 'eai', 'idn', 'não ascii', 'mime', 'cedilha'],
	},
	'delivery-notifications': {
		title: 'DSN: pedindo notificações de entrega (ou de falha)',
		summary: 'NOTIFY, RET e ENVID: controlando o que volta para você',
		description: [
			'Quando um servidor oferece DSN (RFC 3461), o cliente decide, por destinatário, quais notificações de status de entrega quer: RCPT TO:<b@example.org> NOTIFY=SUCCESS,FAILURE,DELAY, ou NOTIFY=NEVER para nenhuma. No MAIL FROM, RET=HDRS ou RET=FULL escolhe se um relatório de falha traz só os cabeçalhos ou a mensagem inteira, e ENVID= anexa um identificador seu para casar o relatório com o que você enviou; ORCPT= preserva o endereço original do destinatário através de encaminhamentos.',
			'Os relatórios seguem o formato da RFC 3464 e são enviados ao remetente do envelope com um reverse-path vazio (MAIL FROM:<>), para que um relatório nunca provoque outro relatório (RFC 5321 4.5.5). Sem DSN, os servidores mandam relatórios de falha mesmo assim, mas nunca de sucesso.',
		].join('\n\n'),
		questions: ['como receber uma confirmação de entrega', 'como saber se meu e-mail foi entregue', 'o que é notify success', 'o que é um dsn'],
		keywords: ['dsn', 'notify', 'ret', 'envid', 'orcpt', 'confirmação de entrega', 'relatório de entrega', 'confirmação de leitura', 'notificação', 'sucesso', 'atraso', 'bounce'],
	},
	faq: {
		title: 'Perguntas frequentes',
		summary: 'Respostas curtas às perguntas de sempre, e onde continuar lendo',
		description: [
			'Qual porta devo usar? 465 com TLS implícito ou 587 com STARTTLS para enviar de um programa, sempre com AUTH; a 25 só entre servidores. Leia: explain ports.',
			'Por que meu e-mail foi rejeitado? Leia o código estendido: 5.1.x é o endereço, 5.7.x uma política (SPF, DKIM, DMARC, listas de bloqueio, relay sem AUTH). Leia: explain reading-bounces, explain policy-rejections.',
			'Por que o servidor não oferece o AUTH, ou o recusa? Ele quer TLS antes: STARTTLS, EHLO de novo, depois AUTH. Leia: explain auth-needs-tls.',
			'Por que recebo 450/451 "try again later"? Em geral é greylisting: tente de novo em alguns minutos. Leia: explain greylisting.',
			'STARTTLS ou SSL/TLS? O TLS implícito (465) não tem fase em texto puro; o STARTTLS (587) protege uma conexão que começou aberta. Os dois protegem só o salto. Leia: explain starttls-vs-implicit-tls.',
			'Como testo um servidor na mão? telnet, ou openssl s_client -starttls smtp -crlf -quiet, ou esta ferramenta. Leia: explain by-hand.',
			'O VRFY diz se um endereço existe? Raramente: a maioria dos servidores responde 252. Leia: explain vrfy-expn.',
			'Como transformo uma sessão em código? smtp-explorer export ARQUIVO.jsonl --as python (ou node, swaks, curl, script).',
		].join('\n\n'),
		questions: ['perguntas frequentes', 'dúvidas comuns', 'ajuda', 'por onde começo'],
		keywords: ['faq', 'perguntas', 'dúvidas', 'ajuda', 'problemas comuns', 'solução de problemas', 'como fazer', 'começar', 'iniciante'],
	},
};
