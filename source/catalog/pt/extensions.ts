import type {ExtensionText} from '../types.js';

/** As palavras-chave do EHLO em português do Brasil, pela palavra-chave. */
export const extensions: Record<string, ExtensionText> = {
	SEND: {
		summary: 'Entrega no terminal de um usuário logado (histórico)',
		description: 'Veio da RFC 821: em vez de ir para a caixa postal, a mensagem ia direto para a tela do usuário, se ele estivesse logado. Ninguém mais usa e a RFC 2821 a retirou. Um servidor que a anuncie hoje é muito antigo ou incomum.',
		parameters: '',
	},
	SOML: {
		summary: 'Envia ao terminal ou, senão, à caixa postal (histórico)',
		description: 'Uma variante do SEND na RFC 821: mostra a mensagem no terminal do usuário logado e, se ele não estiver, entrega como e-mail. Retirada pela RFC 2821 e sem uso hoje.',
		parameters: '',
	},
	SAML: {
		summary: 'Envia ao terminal e à caixa postal (histórico)',
		description: 'Uma variante do SEND na RFC 821: mostra a mensagem no terminal do usuário e também a entrega como e-mail. Retirada pela RFC 2821 e sem uso hoje.',
		parameters: '',
	},
	EXPN: {
		summary: 'Expande uma lista de e-mail nos seus membros',
		description: 'Diz que o servidor responde ao EXPN, que lista os endereços por trás de uma lista ou de um alias. A maioria dos servidores públicos o desliga porque entrega listas de endereços a spammers. Útil para depurar os seus próprios aliases.',
		parameters: '',
	},
	HELP: {
		summary: 'O servidor responde ao HELP',
		description: 'Diz que o servidor responde ao HELP com algum texto para pessoas, às vezes uma lista dos comandos que conhece. O conteúdo é livre e varia muito de servidor para servidor.',
		parameters: '',
	},
	TURN: {
		summary: 'Troca os papéis de cliente e servidor (histórico, inseguro)',
		description: 'Permitia ao cliente pedir ao servidor que invertesse os papéis e lhe mandasse, na mesma conexão, as mensagens que esperavam por ele. Sem autenticação, qualquer um podia buscar as mensagens de outra pessoa, por isso a RFC 2821 o desaconselhou; ETRN e ATRN o substituem.',
		parameters: '',
	},
	'8BITMIME': {
		summary: 'O servidor aceita conteúdo MIME de 8 bits',
		description: 'O corpo da mensagem pode ter bytes acima de 127 (as linhas continuam terminando em CRLF e com menos de 1000 bytes). O cliente avisa com BODY=8BITMIME no MAIL FROM; sem essa palavra-chave, o conteúdo de 8 bits precisa antes ser codificado em quoted-printable ou base64.',
		parameters: '',
	},
	SIZE: {
		summary: 'Declaração do tamanho da mensagem e limite do servidor',
		description: 'O servidor informa o tamanho máximo de mensagem, e o cliente pode declarar o tamanho da sua com SIZE= no MAIL FROM. Uma mensagem grande demais é recusada antes de qualquer dado ser enviado, e não depois do envio inteiro.',
		parameters: 'o tamanho máximo da mensagem em bytes; 0 ou nenhum número quer dizer que não há limite fixo anunciado',
	},
	VERB: {
		summary: 'Modo verboso: mostra o andamento da entrega (Sendmail, histórico)',
		description: 'Uma palavra-chave do Sendmail: depois do VERB o servidor relata o que faz com a mensagem à medida que acontece. Consta do registro sem RFC; os administradores costumam desligá-la porque revela detalhes internos.',
		parameters: '',
	},
	ONEX: {
		summary: 'Uma só transação de mensagem (Sendmail, histórico)',
		description: 'Uma palavra-chave do Sendmail: com o ONEX o cliente avisa que só uma transação de mensagem vai acontecer nesta conexão. Consta do registro sem RFC e não tem utilidade prática hoje.',
		parameters: '',
	},
	CHUNKING: {
		summary: 'Envia a mensagem em blocos contados com BDAT',
		description: 'Em vez de DATA com um ponto no final, o cliente envia a mensagem em blocos BDAT <tamanho>, com o último marcado como LAST. Não é preciso dot-stuffing e o conteúdo binário passa a ser possível (com BINARYMIME). Cada BDAT recebe a sua própria resposta.',
		parameters: '',
	},
	BINARYMIME: {
		summary: 'O servidor aceita conteúdo MIME binário puro',
		description: 'Permite partes MIME em forma binária, sem base64, declaradas com BODY=BINARYMIME no MAIL FROM. Uma mensagem assim precisa ser enviada com BDAT, então o servidor também tem de oferecer CHUNKING.',
		parameters: '',
	},
	CHECKPOINT: {
		summary: 'Retoma uma transferência interrompida (checkpoint/restart)',
		description: 'O cliente identifica a transação com TRANSID= no MAIL FROM; se a conexão cair durante uma transferência longa, o cliente pode depois continuar do ponto que o servidor informar, em vez de recomeçar. Experimental e raro.',
		parameters: '',
	},
	DELIVERBY: {
		summary: 'Entrega dentro de um prazo, ou devolve ou avisa',
		description: 'O cliente define um prazo com BY=<segundos>;R ou ;N no MAIL FROM: se a mensagem não puder ser entregue a tempo, ela é devolvida (R) ou só vira um aviso (N). Um T acrescentado pede um registro do atraso.',
		parameters: 'opcionalmente, o menor prazo em segundos que o servidor aceita; sem número, não há mínimo anunciado',
	},
	PIPELINING: {
		summary: 'Vários comandos podem ser enviados sem esperar as respostas',
		description: 'O cliente pode enviar um grupo de comandos (como MAIL FROM, vários RCPT TO e DATA) de uma vez e depois ler as respostas em ordem. Isso economiza idas e voltas em links lentos. Comandos que mudam o estado da sessão, como EHLO, STARTTLS, AUTH ou DATA, têm de encerrar o grupo.',
		parameters: '',
	},
	DSN: {
		summary: 'Notificações de status de entrega sob pedido',
		description: 'O cliente escolhe quando quer um relatório (NOTIFY=SUCCESS,FAILURE,DELAY ou NEVER em cada RCPT TO), quanto da mensagem um bounce devolve (RET=FULL ou HDRS) e rótulos para casar os relatórios (ENVID, ORCPT).',
		parameters: '',
	},
	ETRN: {
		summary: 'Pede ao servidor que entregue a fila guardada para um domínio',
		description: 'Um host que nem sempre está online envia ETRN <domínio> para pedir ao servidor que esvazie a fila daquele domínio. As mensagens chegam depois por uma nova conexão SMTP normal até o host, não por esta sessão.',
		parameters: '',
	},
	ENHANCEDSTATUSCODES: {
		summary: 'As respostas trazem códigos de status estendidos como 5.1.1',
		description: 'As respostas das faixas 2xx, 4xx e 5xx (fora a saudação e a resposta ao EHLO) começam o texto com um código classe.assunto.detalhe, como em 550 5.1.1. Esses códigos dizem com muito mais precisão o que deu errado do que o código de três dígitos sozinho.',
		parameters: '',
	},
	STARTTLS: {
		summary: 'Passa a conexão para TLS',
		description: 'O cliente envia STARTTLS, espera o 220 e então faz o handshake TLS na mesma conexão. Depois precisa enviar o EHLO de novo, porque o servidor pode passar a oferecer outras extensões (o AUTH muitas vezes só aparece depois do TLS).',
		parameters: '',
	},
	'NO-SOLICITING': {
		summary: 'O servidor informa quais rótulos de solicitação ele recusa',
		description: 'Permite a um destinatário anunciar que não quer certas classes de mensagens não solicitadas, e a um remetente rotular a mensagem com SOLICIT= no MAIL FROM. Quase nunca implantado.',
		parameters: 'opcionalmente, as palavras-chave de classe de solicitação que o servidor considera',
	},
	MTRK: {
		summary: 'Rastreamento de mensagens',
		description: 'Permite ao remetente pedir que a mensagem possa ser rastreada depois, com MTRK= no MAIL FROM. Baseia-se no DSN e usa o ENVID da mensagem como chave. Raramente implantado.',
		parameters: '',
	},
	SUBMITTER: {
		summary: 'Remetente responsável para o Sender ID (desaconselhado)',
		description: 'Permitia ao cliente informar o remetente responsável com SUBMITTER= no MAIL FROM, para o destinatário fazer as verificações do Sender ID mais cedo. O Sender ID passou a histórico e o registro marca esta palavra-chave como desaconselhada.',
		parameters: '',
	},
	ATRN: {
		summary: 'TURN autenticado: busca a fila nesta mesma conexão',
		description: 'Usado no relay de e-mail sob demanda (ODMR): um cliente autenticado envia ATRN <domínios> e os papéis se invertem, então o servidor entrega as mensagens que esperam por esses domínios na mesma conexão. Feito para hosts com endereço dinâmico.',
		parameters: '',
	},
	AUTH: {
		summary: 'Autenticação SASL',
		description: 'O cliente faz login com AUTH <mecanismo> antes de enviar mensagens, o que os servidores de submissão costumam exigir e o que libera o relay. AUTH= no MAIL FROM pode repassar a identidade de quem enviou originalmente. Muitos servidores só listam o AUTH depois do STARTTLS.',
		parameters: 'os mecanismos SASL que o servidor aceita, separados por espaço (ex.: PLAIN LOGIN); alguns servidores também mandam a forma antiga AUTH=LOGIN PLAIN para clientes muito velhos',
	},
	BURL: {
		summary: 'Submete uma mensagem por referência a uma URL IMAP',
		description: 'Um cliente de submissão pode apontar para uma mensagem já guardada num servidor IMAP (BURL <url> LAST) em vez de enviá-la de novo, o que economiza banda ao mandar um rascunho com anexos grandes. Feito para submissão, não para relay entre servidores.',
		parameters: 'uma lista separada por espaços: "imap" quer dizer que URLs IMAP com URLAUTH podem ser buscadas; uma URL imap:// indica um servidor IMAP em que o servidor confia; sem parâmetro, o BURL existe mas nenhum tipo de URL está disponível ainda (em geral antes do AUTH)',
	},
	FUTURERELEASE: {
		summary: 'Retém a mensagem e a libera mais tarde',
		description: 'O cliente pede ao servidor que guarde a mensagem e só a entregue depois de um intervalo (HOLDFOR=<segundos>) ou num horário definido (HOLDUNTIL=<data-hora>), ambos no MAIL FROM. Útil para envios agendados.',
		parameters: 'a retenção mais longa em segundos, e depois a data-hora de liberação mais distante que o servidor aceita',
	},
	UTF8SMTP: {
		summary: 'Endereços internacionalizados experimentais (trocado pelo SMTPUTF8)',
		description: 'A primeira forma, experimental, de e-mail com endereços UTF-8, que também levava um endereço ASCII alternativo (ALT-ADDRESS). Foi substituída pelo SMTPUTF8 e o registro a marca como desaconselhada.',
		parameters: '',
	},
	CONPERM: {
		summary: 'Permissão de conversão de conteúdo',
		description: 'Permite ao remetente dizer quais conversões do conteúdo os relays podem fazer (por exemplo para mídias do tipo fax), com um parâmetro CONPERM no MAIL FROM. Faz parte do trabalho de fax pela Internet e é rara.',
		parameters: '',
	},
	CONNEG: {
		summary: 'Negociação de conversão de conteúdo',
		description: 'Permite a um cliente perguntar, por destinatário, com um parâmetro CONNEG no RCPT TO, que conteúdo o lado receptor consegue tratar, para converter antes de enviar. Faz parte do trabalho de fax pela Internet e é rara.',
		parameters: '',
	},
	SMTPUTF8: {
		summary: 'E-mail internacionalizado: endereços e cabeçalhos em UTF-8',
		description: 'O servidor aceita endereços e campos de cabeçalho em UTF-8, como joão@exemplo.com.br ou uma parte local em escrita não latina. O cliente pede isso por mensagem com SMTPUTF8 no MAIL FROM. Se algum salto não tiver a extensão, uma mensagem assim não pode ser entregue.',
		parameters: '',
	},
	'MT-PRIORITY': {
		summary: 'Prioridades de transferência de mensagens',
		description: 'O cliente informa uma prioridade de -9 a 9 com MT-PRIORITY= no MAIL FROM, e os servidores tratam primeiro as mensagens mais importantes. A palavra-chave traz o nome da política que diz quem pode usar qual prioridade.',
		parameters: 'o nome da política de atribuição de prioridades em uso, ex.: MIXER, STANAG4406 ou NSEP',
	},
	RRVS: {
		summary: 'Exige que o destinatário seja válido desde uma data',
		description: 'O cliente acrescenta RRVS=<data-hora> ao RCPT TO: entregue só se a caixa postal tem o mesmo dono desde então. Protege, por exemplo, um e-mail de redefinição de senha de chegar a quem assumiu um endereço reciclado.',
		parameters: '',
	},
	REQUIRETLS: {
		summary: 'Exige TLS com certificados válidos em todos os saltos',
		description: 'O cliente marca a mensagem com REQUIRETLS no MAIL FROM: todo servidor no caminho só pode repassá-la por TLS com certificado verificado a um próximo salto que também suporte REQUIRETLS, ou então devolvê-la. Só é oferecida numa sessão TLS.',
		parameters: '',
	},
	LIMITS: {
		summary: 'O servidor anuncia os seus limites por sessão',
		description: 'Diz ao cliente de antemão quantos destinatários por transação, transações por sessão ou domínios de destinatário por transação o servidor aceita. Assim o cliente pode dividir o trabalho para caber, em vez de esbarrar em respostas 452.',
		parameters: 'pares NOME=valor: RCPTMAX=n (destinatários por transação), MAILMAX=n (transações por sessão), RCPTDOMAINMAX=n (domínios de destinatário por transação)',
	},
	VRFY: {
		summary: 'O servidor responde ao VRFY',
		description: 'O VRFY é um comando do SMTP básico, mas alguns servidores (o Postfix, por exemplo) o listam no EHLO para mostrar que está ligado. Ele pergunta se um endereço é válido; a maioria dos servidores públicos o recusa ou responde com um vago 252 para afastar coletores de endereços.',
		parameters: '',
	},
	XCLIENT: {
		summary: 'Passa ao servidor os dados reais do cliente (Postfix)',
		description: 'Um proxy ou filtro de confiança usa o XCLIENT para dizer ao Postfix quem era o cliente original (endereço, nome de host, HELO, login), para que as regras de acesso e os logs se apliquem a esse cliente e não ao proxy. Só hosts liberados em smtpd_authorized_xclient_hosts podem usá-lo.',
		parameters: 'os nomes de atributo que o servidor aceita, ex.: NAME ADDR PORT PROTO HELO LOGIN DESTADDR DESTPORT',
	},
	XFORWARD: {
		summary: 'Repassa os dados do cliente original para os logs (Postfix)',
		description: 'Um filtro de conteúdo que devolve mensagens ao Postfix usa o XFORWARD para repassar o nome, o endereço e o HELO do cliente original, de modo que os logs mostrem a origem real. Diferente do XCLIENT, não muda as decisões de acesso. Só liberado para hosts em smtpd_authorized_xforward_hosts.',
		parameters: 'os nomes de atributo que o servidor aceita, ex.: NAME ADDR PORT PROTO HELO IDENT SOURCE',
	},
	XVERP: {
		summary: 'Caminhos de retorno variáveis no envelope (Postfix)',
		description: 'Com XVERP no MAIL FROM, o Postfix dá a cada destinatário um endereço de bounce próprio que codifica o destinatário, o que permite ao software de listas saber exatamente qual endereço voltou. Oferecido só a clientes liberados em smtpd_authorized_verp_clients.',
		parameters: '',
	},
	'X-EXPS': {
		summary: 'Autenticação entre servidores Exchange (Microsoft Exchange)',
		description: 'Servidores Exchange se autenticam entre si com o comando X-EXPS, em geral com GSSAPI (Kerberos) ou NTLM, antes de trocar dados internos. Fora de uma organização Exchange, pode ser ignorado.',
		parameters: 'os mecanismos aceitos, ex.: GSSAPI NTLM; versões antigas também mandam uma forma com sinal de igual, como X-EXPS=LOGIN',
	},
	'X-LINK2STATE': {
		summary: 'Atualizações de roteamento link state (Microsoft Exchange 2000/2003)',
		description: 'Servidores Exchange 2000 e 2003 o usavam para trocar informações de roteamento (link state) entre grupos de roteamento. Só faz sentido entre esses servidores Exchange.',
		parameters: '',
	},
	XEXCH50: {
		summary: 'Repassa propriedades de mensagens do Exchange (Microsoft Exchange)',
		description: 'Servidores Exchange usam o comando XEXCH50 para mandar a outro servidor Exchange propriedades extras da mensagem que não cabem nela, como dados MAPI. Outros servidores simplesmente não o oferecem.',
		parameters: '',
	},
	'X-ANONYMOUSTLS': {
		summary: 'TLS entre servidores Exchange (Microsoft Exchange)',
		description: 'O Exchange 2007 e posteriores usam o X-ANONYMOUSTLS para cifrar o tráfego entre os seus próprios servidores de transporte com certificados autoassinados. Clientes comuns devem usar STARTTLS.',
		parameters: '',
	},
	XSHADOW: {
		summary: 'Redundância de sombra entre servidores de transporte (Exchange)',
		description: 'Servidores Exchange 2010 o usam para manter uma cópia de sombra da mensagem até o próximo salto confirmar a entrega, para que um servidor com falha não perca mensagens. Só faz sentido entre servidores Exchange.',
		parameters: '',
	},
	XSHADOWREQUEST: {
		summary: 'Pede uma cópia de sombra da mensagem (Microsoft Exchange)',
		description: 'A forma mais nova da redundância de sombra, do Exchange 2013 em diante: um servidor de transporte pede a outro que guarde uma cópia de sombra da mensagem até a entrega ser confirmada. Só faz sentido entre servidores Exchange.',
		parameters: '',
	},
	XOORG: {
		summary: 'Organização de origem da mensagem (Microsoft Exchange)',
		description: 'O Exchange e o Exchange Online marcam a mensagem com a organização de onde ela veio usando XOORG= no MAIL FROM, para rotear e aplicar as regras certas em ambientes híbridos.',
		parameters: '',
	},
	XRDST: {
		summary: 'Palavra-chave interna de transporte (Microsoft Exchange)',
		description: 'Listada pelo Exchange 2013 e posteriores entre os seus próprios componentes de transporte. A Microsoft não a documenta publicamente, e ela não significa nada para outros clientes.',
		parameters: '',
	},
	PRDR: {
		summary: 'Respostas por destinatário depois do DATA (Exim e outros)',
		description: 'Com PRDR no MAIL FROM, o servidor responde ao fim do DATA separadamente para cada destinatário, então um destinatário pode recusar o conteúdo (por uma configuração de filtro de spam, digamos) enquanto os outros aceitam. Vem de um Internet-Draft que nunca virou RFC.',
		parameters: '',
	},
	X_PIPE_CONNECT: {
		summary: 'Pipelining desde o início da conexão (Exim)',
		description: 'Um cliente que lembra a resposta anterior deste servidor ao EHLO pode enviar o EHLO e os comandos seguintes antes de a saudação chegar, economizando idas e voltas. Se as capacidades mudaram, o cliente precisa voltar à ordem normal.',
		parameters: '',
	},
};
