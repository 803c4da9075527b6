import type {CommandText} from '../types.js';

/** Os comandos em português do Brasil, por verbo. Sintaxe e exemplos ficam como no protocolo. */
export const commands: Record<string, CommandText> = {
	EHLO: {
		summary: 'Cumprimenta o servidor e pergunta quais extensões ESMTP ele tem',
		description:
			'O EHLO abre a conversa: o cliente se identifica e o servidor responde com um 250 de várias linhas, em que cada linha depois da primeira é uma extensão suportada (SIZE, PIPELINING, STARTTLS, AUTH e assim por diante). Prefira sempre o EHLO ao HELO, porque sem ele o cliente não pode usar nenhuma extensão. Informe o nome de host completo (FQDN) da máquina que envia, ou um endereço literal como [192.0.2.10] se ela não tiver nome; muitos servidores conferem esse nome e recusam ou pontuam mal valores falsos como "localhost". Um novo EHLO reinicia a transação em aberto, e depois do STARTTLS ou do XCLIENT ele precisa ser enviado de novo, porque a lista de extensões pode mudar.',
	},
	HELO: {
		summary: 'Cumprimenta o servidor no SMTP básico, sem extensões',
		description:
			'O HELO é o cumprimento original da RFC 821: o cliente informa o nome do host e o servidor responde com uma única linha 250. Ao contrário do EHLO, ele não pede a lista de extensões, então depois de um HELO o cliente só deve usar os comandos básicos; STARTTLS, AUTH, SIZE e as demais ficam de fora. Use-o apenas quando o servidor recusar o EHLO com 500 ou 502, o que hoje indica software muito antigo ou propositalmente mínimo. Vale o mesmo conselho do EHLO sobre o nome: informe o FQDN real, não um endereço nem "localhost".',
	},
	LHLO: {
		summary: 'Cumprimenta um servidor LMTP; o equivalente LMTP do EHLO',
		description:
			'O LHLO substitui o EHLO e o HELO no LMTP, o protocolo de entrega local usado entre o MTA e o servidor de caixas postais, como Dovecot ou Cyrus. Ele funciona como o EHLO: o cliente se identifica e recebe um 250 com a lista de extensões. O LMTP não tem EHLO nem HELO, e um servidor SMTP comum não conhece o LHLO, então um 500 geralmente significa que você conectou na porta errada. Lembre que, depois do DATA, o servidor LMTP manda uma resposta por destinatário aceito, e não uma só para a mensagem inteira.',
	},
	STARTTLS: {
		summary: 'Passa a conexão em texto puro para TLS antes de enviar segredos',
		description:
			'O STARTTLS pede ao servidor que converta a conexão atual, em texto puro, para TLS. Depois do 220 o cliente começa o handshake TLS no mesmo socket; quando ele termina, os dois lados esquecem tudo o que foi combinado antes, então o cliente precisa enviar o EHLO de novo e ler outra vez a lista de extensões (o AUTH muitas vezes só aparece agora). O comando não tem argumento e só vale quando a resposta ao EHLO listou STARTTLS. Um 454 quer dizer que o servidor não consegue fazer TLS agora, por exemplo por falta de certificado; nesse caso, nunca caia para o envio da senha em texto puro. O STARTTLS tem de ser o último comando de um grupo em pipelining: um servidor que guarda comandos enviados em texto puro depois dele e os executa dentro do TLS tem a conhecida falha de injeção de comandos.',
	},
	AUTH: {
		summary: 'Faz login com um mecanismo SASL, como PLAIN ou LOGIN',
		description:
			'O AUTH inicia um login SASL com um dos mecanismos que o servidor listou depois da palavra AUTH na resposta ao EHLO. O servidor então manda respostas 334 com desafios em base64, o cliente responde cada uma com uma linha em base64, e a troca termina com 235 em caso de sucesso ou com um erro como 535 para credenciais erradas. Uma resposta inicial opcional depois do nome do mecanismo economiza uma ida e volta ("=" representa uma resposta vazia); para abortar no meio, envie uma linha só com "*", que o servidor responde com 501. Só um AUTH bem-sucedido é permitido por sessão, e nunca durante uma transação (os dois casos dão 503). Muitos servidores só anunciam o AUTH depois do STARTTLS, e base64 é codificação, não criptografia: não mande senha por uma conexão sem TLS.',
	},
	MAIL: {
		summary: 'Abre uma transação e informa o remetente do envelope',
		description:
			'O MAIL começa uma nova transação de e-mail e indica o remetente do envelope, o endereço para onde voltam bounces e relatórios de entrega. Ele não precisa coincidir com o cabeçalho From: da mensagem. O caminho vazio MAIL FROM:<> é usado em bounces e outras notificações automáticas, para que elas nunca provoquem um laço de bounces. Parâmetros de extensões, como SIZE=, BODY=8BITMIME ou SMTPUTF8, vêm depois do endereço, separados por espaço, e só valem se o servidor os anunciou. Um 503 significa que você pulou o EHLO ou já tem uma transação aberta (mande RSET), um 530 que o servidor exige AUTH antes, e um código estendido 5.7.x costuma apontar para SPF ou para a política de remetentes.',
	},
	RCPT: {
		summary: 'Acrescenta um destinatário do envelope à transação aberta',
		description:
			'O RCPT informa um destinatário do envelope; envie-o uma vez por endereço, depois do MAIL e antes do DATA. O servidor avalia cada destinatário separadamente, então alguns podem ser aceitos e outros recusados na mesma transação, e o DATA vai só para os que receberam 250 ou 251. É aqui que aparece a maioria dos problemas de entrega: caixa inexistente (550 5.1.1), relay negado porque você não se autenticou ou o domínio não é local (5.7.1), ou destinatários demais (452). Todo servidor deve aceitar RCPT TO:<postmaster>, mesmo sem domínio, e por isso ele é um bom jeito de falar com uma pessoa sobre um problema. Parâmetros como NOTIFY= e ORCPT= do DSN só valem se anunciados.',
	},
	DATA: {
		summary: 'Envia a mensagem em si, terminada por uma linha com um ponto',
		description:
			'O DATA pede para transferir o conteúdo da mensagem, depois de pelo menos um destinatário aceito. O servidor responde 354, e então o cliente envia os cabeçalhos, uma linha em branco e o corpo, e termina com uma linha contendo só "." (CRLF.CRLF). Toda linha da mensagem que começa com ponto ganha um ponto extra na frente (dot-stuffing), e cada linha termina em CRLF e tem no máximo 1000 octetos, CRLF incluído. O que vale é a resposta final depois do ponto: 250 quer dizer que o servidor assumiu a responsabilidade pela mensagem, e uma recusa aqui (muitas vezes 550 ou 554 com 5.7.1) costuma vir do filtro de conteúdo. Sem destinatário aceito, a resposta é 503 ou 554.',
	},
	BDAT: {
		summary: 'Envia a mensagem em blocos contados, no lugar do DATA',
		description:
			'O BDAT, da extensão CHUNKING, envia a mensagem em um ou mais blocos cujo tamanho exato em octetos é informado antes, então não há dot-stuffing nem marcador de fim, e conteúdo binário é possível. Logo depois da linha de comando o cliente envia exatamente esse número de octetos, sem resposta no meio; o servidor responde uma vez por bloco, e o bloco com LAST encerra a mensagem (BDAT 0 LAST serve como bloco final vazio; no smtp-explorer o editor de mensagens conta os bytes e envia os blocos). Errar o tamanho é o engano clássico: o servidor passa a ler parte do próximo comando como dado da mensagem e a sessão sai de sincronia. DATA e BDAT não se misturam numa transação, e depois de um bloco recusado a transação inteira deve ser dada como perdida e reiniciada com RSET.',
	},
	RSET: {
		summary: 'Cancela a transação atual e mantém a conexão',
		description:
			'O RSET descarta o remetente, os destinatários e qualquer parte da mensagem da transação atual e devolve a sessão ao estado logo depois do EHLO. A conexão, o estado do TLS e um AUTH bem-sucedido continuam como estão. Use-o para se recuperar depois de um MAIL ou RCPT recusado, depois de um bloco BDAT com falha ou antes da próxima mensagem numa conexão reaproveitada. Ele não tem argumento e o servidor sempre precisa aceitá-lo com 250, então também é um jeito seguro de conferir se a sessão continua em sincronia.',
	},
	VRFY: {
		summary: 'Pergunta se um nome de usuário ou caixa postal existe',
		description:
			'O VRFY pede ao servidor que confirme um nome de usuário ou caixa postal e, idealmente, devolva o endereço completo. Como spammers o usavam para colher endereços válidos, a maioria dos servidores públicos o desativa ou responde 252, que significa "não posso conferir isso, mas tentaria entregar" e não diz nada sobre a caixa. Um 550 diz que o nome é desconhecido e um 553 que ele é ambíguo. Muitos servidores aceitam também um endereço completo como argumento, embora a gramática só prometa um nome simples. Para testar um destinatário de verdade, MAIL seguido de RCPT e depois RSET é mais confiável.',
	},
	EXPN: {
		summary: 'Pede ao servidor os membros de uma lista de e-mail',
		description:
			'O EXPN pede ao servidor que expanda uma lista de e-mail ou um alias e devolva os membros, um por linha de um 250 de várias linhas. Ele expõe endereços internos, por isso quase todo servidor na Internet o desliga e responde 502 ou 252. Ainda pode ser útil no seu próprio servidor para conferir como um alias é resolvido. O argumento é o nome da lista, por exemplo um alias local.',
	},
	HELP: {
		summary: 'Pede ao servidor um texto de ajuda para leitura humana',
		description:
			'O HELP pede um texto de ajuda feito para uma pessoa no terminal, em geral ou sobre o comando informado no argumento. A resposta é um 214 (texto de ajuda) ou 211 (status do sistema), muitas vezes de várias linhas. O conteúdo é texto livre, diferente de servidor para servidor, e nunca deve ser interpretado por programas. Muitos servidores devolvem uma lista curta de comandos ou um link para a documentação, e alguns desativam o HELP com 502.',
	},
	NOOP: {
		summary: 'Não faz nada; confere se o servidor está vivo e em sincronia',
		description:
			'O NOOP não faz nada além de obrigar o servidor a responder 250. Ele não mexe na transação, então é seguro em qualquer ponto entre comandos. Use-o para evitar que uma conexão ociosa expire, para medir o tempo de ida e volta ou para ter certeza de que leu todas as respostas pendentes antes de seguir. Qualquer argumento é ignorado.',
	},
	QUIT: {
		summary: 'Encerra a sessão educadamente; o servidor fecha com 221',
		description:
			'O QUIT pede ao servidor que feche a conexão; ele responde 221 e desliga. Uma transação que não chegou ao 250 final é descartada, então a mensagem só está garantida quando chega a resposta ao ponto final (ou ao bloco LAST). Envie QUIT em vez de simplesmente derrubar a conexão: servidores registram desconexões abruptas como conexões perdidas e alguns as contam contra o cliente. O comando não tem argumento.',
	},
	ETRN: {
		summary: 'Pede ao servidor que esvazie a fila de um domínio',
		description:
			'O ETRN pede ao servidor que comece a entregar a mensagem que ele guarda para o domínio informado, normalmente para um site que só fica online parte do tempo e tem um MX de reserva. Diferente do antigo TURN, a mensagem não volta por esta conexão: o servidor apenas inicia uma rodada de entrega separada para o MX normal do domínio. Um "@" no início inclui os subdomínios, e um "#" no início indica uma fila específica do servidor em vez de um domínio. As respostas 25x dizem se havia algo esperando (251 quer dizer que não havia), enquanto 458 e 459 dizem que o pedido não pôde ou não pode ser atendido. Servidores normalmente só aceitam ETRN para domínios para os quais estão configurados como relay.',
	},
	XCLIENT: {
		summary: 'Postfix: substitui nome, endereço e outros dados do cliente',
		description:
			'O XCLIENT não é um comando de RFC: ele é definido no XCLIENT_README do Postfix e permite que um cliente de confiança, como um proxy, um filtro de conteúdo ou uma ferramenta de teste, diga ao servidor com qual cliente remoto ele deve fingir estar falando. Os atributos incluem NAME, ADDR, PORT, PROTO, HELO, LOGIN, DESTADDR e DESTPORT, com valores em xtext; o servidor então aplica suas regras de acesso e seus logs como se aquele cliente tivesse conectado. Em caso de sucesso o Postfix responde 220 com uma nova saudação, então o cliente precisa enviar o EHLO de novo. Ele é recusado com 550 se o endereço do cliente não estiver autorizado (smtpd_authorized_xclient_hosts no Postfix), e com 503 dentro de uma transação.',
	},
	XFORWARD: {
		summary: 'Postfix: repassa os dados do cliente original para os logs',
		description:
			'O XFORWARD não é um comando de RFC: ele é definido no XFORWARD_README do Postfix e permite que um filtro de conteúdo informe quem enviou a mensagem originalmente, para que o MTA final registre o cliente real e não o filtro. Os atributos são NAME, ADDR, PORT, PROTO, HELO, IDENT e SOURCE, em xtext, com [UNAVAILABLE] para valores desconhecidos. Diferente do XCLIENT, ele muda só os logs e parte do tratamento de cabeçalhos, não o controle de acesso, e seus valores valem por uma transação apenas. Ele deve vir antes do MAIL, recebe 250 em caso de sucesso e é recusado com 550 para clientes não autorizados (smtpd_authorized_xforward_hosts no Postfix).',
	},
	BURL: {
		summary: 'Submissão: acrescenta conteúdo buscado de uma URL IMAP',
		description:
			'O BURL permite que um cliente de submissão envie uma mensagem que já está guardada num servidor IMAP (tipicamente um rascunho com anexos grandes) sem precisar subi-la de novo. O argumento é uma URL IMAP com um token URLAUTH (RFC 4467) que o servidor de submissão usa para buscar o conteúdo por conta própria; LAST depois da URL encerra a mensagem, e sem ele outros blocos BURL ou BDAT podem vir em seguida. Ele vem depois de pelo menos um RCPT aceito, como o BDAT, e os servidores só o aceitam depois do AUTH. O parâmetro da palavra-chave no EHLO diz se o servidor já consegue buscar URLs: BURL sem "imap" costuma significar "faça login primeiro". Um 554 com 5.6.6 quer dizer que o servidor não conseguiu buscar o conteúdo da URL.',
	},
	ATRN: {
		summary: 'ODMR: depois do AUTH, inverte os papéis e recebe a fila',
		description:
			'O ATRN (TURN autenticado) é o comando do On-Demand Mail Relay, usado na porta 366 por um host de endereço variável que busca as mensagens que um provedor guarda para os seus domínios. O cliente primeiro faz login com AUTH e depois envia ATRN com os domínios desejados (ou nenhum, para todos os domínios daquele login). Com 250 os papéis se invertem na mesma conexão: o provedor vira o cliente SMTP e entrega as mensagens em espera, e o cliente original passa a ter de agir como servidor. Um 453 quer dizer que não há nada esperando, 450 que o domínio está sendo atendido por outra conexão, e 530 que é preciso fazer AUTH antes. O smtp-explorer consegue enviar o ATRN, mas não faz o papel de servidor depois da inversão.',
	},
	SEND: {
		summary: 'Histórico: mensagem para o terminal do usuário, não a caixa',
		description:
			'O SEND veio da RFC 821: abria uma transação como o MAIL, mas a mensagem era escrita na tela de cada destinatário que estivesse logado, em vez de ir para a caixa postal. A entrega em terminal deixou de fazer sentido há muito tempo, a RFC 2821 retirou o comando e a RFC 5321 F.6 o lista entre os recursos removidos; servidores de hoje respondem 500 ou 502. O smtp-explorer ainda o envia quando você pede, com um aviso de que é histórico, porque ver a recusa faz parte de aprender o protocolo.',
	},
	SOML: {
		summary: 'Histórico: envia ao terminal ou, senão, à caixa postal',
		description:
			'O SOML ("send or mail") era uma variante do SEND na RFC 821: a mensagem ia para o terminal do destinatário logado e para a caixa postal de quem não estivesse. Como o SEND, saiu na RFC 2821 (veja a RFC 5321 F.6), e servidores de hoje o recusam com 500 ou 502. O smtp-explorer o envia com um aviso de que é histórico.',
	},
	SAML: {
		summary: 'Histórico: envia ao terminal e também à caixa postal',
		description:
			'O SAML ("send and mail") era a variante da RFC 821 que fazia as duas coisas: mostrava a mensagem no terminal de cada destinatário logado e também a guardava na caixa postal. Saiu junto com o SEND e o SOML (RFC 5321 F.6); um servidor moderno responde 500 ou 502. O smtp-explorer o envia com um aviso de que é histórico.',
	},
	TURN: {
		summary: 'Histórico e inseguro: troca os papéis de cliente e servidor',
		description:
			'O TURN pedia ao servidor que trocasse de papel na conexão aberta, para poder entregar as mensagens que guardava para o cliente. Ele não conferia quem estava pedindo, então qualquer um que declarasse um domínio no HELO podia buscar as mensagens daquele domínio; a RFC 2821 o removeu (RFC 5321 F.1) e o ATRN (RFC 2645) e o ETRN (RFC 1985) tomaram o seu lugar. Um servidor de hoje responde 502. O smtp-explorer o envia com um aviso de que é histórico, e de qualquer forma não faria o papel de servidor depois da troca.',
	},
	VERB: {
		summary: 'Sendmail histórico: relata o andamento da entrega na conexão',
		description:
			'O VERB é um comando do Sendmail, nunca especificado em RFC: ele ligava o modo verboso, em que o servidor relatava ao cliente cada passo da entrega da mensagem em linhas extras de resposta. Como essas linhas expunham o roteamento interno e nomes de hosts, os administradores o desligaram, e outros servidores nunca o implementaram; a palavra-chave VERB do EHLO consta do registro da IANA sem documento. Espere um 502 hoje. O smtp-explorer o envia com um aviso de que é histórico.',
	},
	ONEX: {
		summary: 'Sendmail histórico: promete uma só transação nesta conexão',
		description:
			'O ONEX é um comando do Sendmail, nunca especificado em RFC: o cliente prometia enviar uma única mensagem na conexão, o que deixava versões antigas do Sendmail evitar um processo por transação. Ele não muda nada visível no protocolo; a palavra-chave ONEX do EHLO está no registro da IANA sem documento, e servidores que não sejam um Sendmail antigo respondem 500 ou 502. O smtp-explorer o envia com um aviso de que é histórico.',
	},
};
