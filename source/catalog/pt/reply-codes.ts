import type {ReplyCodeText} from '../types.js';

/** Os códigos de resposta em português do Brasil, pelo código. */
export const replyCodes: Record<string, ReplyCodeText> = {
	211: {
		summary: 'Status do sistema ou resposta de ajuda do sistema',
		description:
			'O 211 traz informações de status do servidor, em geral em resposta ao HELP. O texto é para uma pessoa ler e o conteúdo fica a critério do servidor; nada nele é feito para programas. Vê-lo significa que o comando funcionou.',
		causes: ['Foi enviado HELP e o servidor respondeu com status em vez de ajuda', 'Foi usado um comando de status próprio do fornecedor'],
		tryNext: ['Leia o texto; nenhuma ação é necessária', 'Use HELP com o nome de um comando para ver detalhes dele'],
	},
	214: {
		summary: 'Mensagem de ajuda para leitura humana',
		description:
			'O 214 é a resposta normal ao HELP: texto livre explicando como usar o servidor ou um comando. Cada servidor escreve o seu, muitas vezes uma lista de comandos ou um link para a documentação, então não o interprete por programa. Ele não diz quais extensões estão ativas; o lugar para isso é a resposta ao EHLO.',
		causes: ['Foi enviado HELP', 'Foi enviado HELP com o nome de um comando'],
		tryNext: ['Leia o texto', 'Envie EHLO para ver as extensões realmente oferecidas'],
	},
	220: {
		summary: 'Serviço pronto (banner de saudação, ou pode começar o TLS)',
		description:
			'O 220 aparece em dois lugares. Como primeira linha depois que a conexão abre, é o banner de saudação: o servidor se identifica e fica pronto para o EHLO. Depois do STARTTLS significa "comece agora o handshake TLS" (RFC 3207 4), e o Postfix também responde a um XCLIENT bem-sucedido com uma nova saudação 220. Alguns servidores esperam alguns segundos de propósito antes do banner e derrubam clientes que falam antes, então espere sempre por ele.',
		causes: ['Uma nova conexão foi aceita', 'O STARTTLS foi aceito', 'O XCLIENT deu certo e a sessão recomeçou'],
		tryNext: ['Envie EHLO com o nome do seu host', 'Depois do STARTTLS: faça o handshake TLS e envie EHLO de novo', 'Espere o banner antes de enviar qualquer coisa'],
	},
	221: {
		summary: 'Serviço fechando a conexão',
		description:
			'O 221 é o servidor se despedindo: ele está prestes a fechar a conexão, normalmente porque o cliente enviou QUIT. Qualquer transação que não recebeu o 250 final se perde. Depois do 221 nada mais pode ser enviado nesta conexão.',
		causes: ['Foi enviado QUIT', 'O servidor encerra a sessão de forma ordenada'],
		tryNext: ['Feche a conexão do seu lado', 'Abra uma nova conexão para enviar mais mensagens'],
	},
	235: {
		summary: 'Autenticação bem-sucedida',
		description:
			'O 235 encerra uma troca AUTH bem-sucedida, em geral com o código estendido 2.7.0. A partir daí o servidor trata a sessão como sendo do usuário autenticado, o que normalmente libera o relay para qualquer domínio e pode limitar os remetentes que você pode usar no MAIL FROM. Um segundo AUTH na mesma sessão é recusado com 503.',
		causes: ['As credenciais ou o token enviados no AUTH foram aceitos'],
		tryNext: ['Siga com o MAIL FROM', 'Use um remetente que a conta tenha permissão de usar'],
	},
	250: {
		summary: 'Ação pedida concluída',
		description:
			'O 250 é o "OK" geral. Depois do EHLO ele vem como resposta de várias linhas listando as extensões; depois do MAIL ou do RCPT significa que aquele endereço foi aceito; depois do ponto final do DATA, ou do BDAT LAST, significa que o servidor assumiu a entrega da mensagem, muitas vezes citando um ID de fila que vale anotar para procurar nos logs. No ETRN (RFC 1985) significa que uma rodada de fila para o nó foi iniciada. O código estendido, quando existe, restringe o sentido (2.1.0 remetente ok, 2.1.5 destinatário ok, 2.0.0 enfileirada).',
		causes: ['O comando deu certo'],
		tryNext: ['Siga para o próximo passo da transação', 'Anote o ID de fila depois do DATA para rastrear nos logs'],
	},
	251: {
		summary: 'Usuário não é local; o servidor vai encaminhar a mensagem',
		description:
			'O 251 aceita um destinatário que o servidor não hospeda e avisa que vai encaminhar a mensagem para outro endereço, informado no texto. A RFC 5321 3.4 trata dele: é válido, mas raro hoje, porque a maioria dos servidores simplesmente responde 250 e encaminha sem avisar. O ETRN dá ao 251 outro sentido (RFC 1985): não há mensagens esperando para aquele nó.',
		causes: ['O destinatário mudou de endereço e o servidor encaminha para ele', 'Foi enviado ETRN para um nó com a fila vazia'],
		tryNext: ['Trate como sucesso e continue', 'Atualize o endereço nos seus registros se o texto trouxer um novo'],
	},
	252: {
		summary: 'Não dá para verificar o usuário, mas a entrega será tentada',
		description:
			'O 252 é a resposta usual ao VRFY em servidores que não revelam quais caixas existem. Ele não diz nem sim nem não sobre o endereço: só que uma mensagem para ele seria aceita e tentada. No ETRN (RFC 1985) significa que havia mensagens pendentes e uma rodada de entrega começou.',
		causes: ['VRFY ou EXPN desativados por privacidade', 'O endereço não é local e o servidor não tem como conferi-lo', 'O ETRN encontrou mensagens pendentes'],
		tryNext: ['Não leia isso como prova de que a caixa existe', 'Teste com MAIL FROM, RCPT TO e depois RSET'],
	},
	253: {
		summary: 'ETRN: rodada de fila iniciada para um certo número de mensagens',
		description:
			'O 253 é próprio do ETRN (RFC 1985). Ele diz que o servidor encontrou mensagens pendentes para o nó pedido, informa quantas no texto e já começou a entregá-las. A entrega acontece em conexões separadas para os hosts MX do nó, não pela sessão atual.',
		causes: ['Foi enviado ETRN para um nó com mensagens na fila'],
		tryNext: ['Garanta que o servidor de destino esteja acessível para a rodada dar certo', 'Envie QUIT; a entrega continua sem você'],
	},
	334: {
		summary: 'Desafio do AUTH: envie a próxima resposta em base64',
		description:
			'O 334 é a vez do servidor numa troca AUTH (RFC 4954 4). O texto depois do código é uma string em base64 com o desafio SASL, e pode vir vazio. O cliente responde com uma linha em base64, ou com "*" para cancelar. No LOGIN os desafios decodificados são "Username:" e "Password:"; no PLAIN um 334 vazio só pede as credenciais que não foram enviadas como resposta inicial; no XOAUTH2 e no OAUTHBEARER, um 334 depois do token traz um erro em JSON codificado em base64, que o cliente confirma (linha vazia no XOAUTH2, base64 de um único byte 0x01 no OAUTHBEARER) antes da resposta final de falha.',
		causes: ['Foi enviado AUTH sem resposta inicial', 'O mecanismo precisa de mais uma rodada', 'Um token foi recusado e o servidor manda os detalhes do erro'],
		tryNext: ['Decodifique o desafio em base64 para ver o que está sendo pedido', 'Responda com uma linha em base64', 'Envie * para cancelar a troca'],
	},
	354: {
		summary: 'Comece a enviar a mensagem; termine com uma linha só com "."',
		description:
			'O 354 é o sinal verde depois do DATA: o servidor passa a ler a mensagem em vez de comandos. Envie os cabeçalhos, uma linha vazia e o corpo, com toda linha terminando em CRLF, acrescente um ponto extra antes de qualquer linha que comece com ponto e termine com uma linha contendo só um ponto. O veredito real sobre a mensagem vem na resposta a esse ponto final.',
		causes: ['Foi enviado DATA depois de pelo menos um destinatário aceito'],
		tryNext: ['Envie a mensagem com finais de linha CRLF', 'Duplique o ponto no início de qualquer linha', 'Termine com CRLF.CRLF e espere a resposta final'],
	},
	355: {
		summary: 'Checkpoint: o servidor já tem parte desta mensagem',
		description:
			'O 355 pertence à extensão CHECKPOINT (RFC 1845), que permite a um cliente retomar uma transferência grande interrompida. Quando o cliente reabre a transação com o mesmo parâmetro TRANSID=, o servidor responde 355 com o deslocamento em octetos até onde já tem a mensagem, e o cliente continua dali em vez de recomeçar. A extensão quase não é usada hoje, então encontrar um 355 é raro.',
		causes: ['MAIL FROM com o TRANSID= de uma transferência anterior interrompida', 'Um servidor que implementa o checkpoint/restart da RFC 1845'],
		tryNext: ['Envie o resto da mensagem a partir do deslocamento informado', 'Abra uma nova transação sem TRANSID= para enviar tudo de novo'],
	},
	421: {
		summary: 'Serviço indisponível; o servidor está fechando a conexão',
		description:
			'O 421 é uma falha temporária depois da qual o servidor fecha a conexão, e pode vir em resposta a qualquer comando ou no lugar da saudação. Os motivos típicos são sobrecarga, reinício, conexões demais a partir do seu endereço, limite de taxa ou tempo ocioso esgotado. Como é um código 4xx, clientes bem-comportados guardam a mensagem e tentam de novo mais tarde; o código estendido e o texto (como 4.7.0 com uma nota de limite de taxa) costumam indicar o motivo.',
		causes: ['Conexões ou mensagens demais a partir do seu IP (limite de taxa)', 'Servidor desligando, reiniciando ou sobrecarregado', 'A sessão ficou ociosa por tempo demais', 'Bloqueio temporário por reputação ou greylisting na conexão'],
		tryNext: ['Espere e reconecte mais tarde; não tente de novo num laço apertado', 'Reduza as conexões paralelas e a taxa de envio', 'Leia o texto: pode ter o motivo ou uma URL explicando o limite'],
	},
	422: {
		summary: 'Troca de senha necessária (variante do 432 no registro)',
		description:
			'Nenhuma RFC define o 422 por conta própria: o registro de códigos de status estendidos (RFC 5248) o lista junto com o 432 como código básico do X.7.12, "é necessária uma transição de senha". Significa que a conta existe e o mecanismo serve, mas o usuário precisa antes definir uma nova senha, muitas vezes por um mecanismo de senha simples sob TLS, para que os outros mecanismos funcionem. Alguns servidores usam o 422 de forma solta para caixa cheia; leia o texto e o código estendido para saber qual é o caso.',
		causes: ['A senha expirou ou precisa ser trocada antes de usar este mecanismo', 'O servidor ainda não guarda o hash para este mecanismo (4.7.12)'],
		tryNext: ['Faça login uma vez com PLAIN sob TLS, ou troque a senha como o provedor pede', 'Para 4.7.12, tente AUTH PLAIN depois do STARTTLS e depois o mecanismo mais forte', 'Leia o texto da resposta: alguns servidores querem dizer outra coisa com 422'],
	},
	430: {
		summary: 'Falha temporária listada no registro (código incomum)',
		description:
			'O 430 não tem definição própria em nenhuma RFC: ele aparece só no registro de códigos de status estendidos (RFC 5248), como um dos códigos básicos que podem acompanhar o X.5.1, "comando inválido". Na prática, alguns servidores mandam 430 para uma recusa temporária, como um login bloqueado por pouco tempo ou um comando que não conseguem processar agora. Como todo 4xx, é passageiro: o mesmo comando pode funcionar mais tarde.',
		causes: ['Uma recusa temporária própria do servidor', 'Um comando que o servidor não consegue processar no momento (4.5.1)'],
		tryNext: ['Leia o texto da resposta e o código estendido: são as únicas pistas reais', 'Tente de novo mais tarde', 'Veja na documentação do servidor o que ele quer dizer com 430'],
	},
	432: {
		summary: 'É necessária uma transição de senha',
		description:
			'O 432 responde ao AUTH (RFC 4954 6, código estendido 4.7.12) quando a conta precisa antes passar para o mecanismo pedido, em geral porque o servidor ainda não guarda o tipo de dado de senha que esse mecanismo exige. Um único login com PLAIN sob TLS costuma permitir que o servidor o crie. É raro na prática.',
		causes: ['A conta não tem um segredo guardado adequado ao mecanismo escolhido', 'Há uma troca de senha pendente na conta'],
		tryNext: ['Faça login uma vez com PLAIN sob TLS e tente o mecanismo de novo', 'Fale com o administrador do servidor se persistir'],
	},
	450: {
		summary: 'Caixa postal indisponível no momento; tente mais tarde',
		description:
			'O 450 recusa a ação por ora, sem torná-la definitiva. A caixa pode estar ocupada ou bloqueada, ou o servidor pode estar adiando você de propósito: o greylisting devolve 450 (ou 451) a remetentes desconhecidos e aceita a mesma mensagem quando ela é reenviada alguns minutos depois. Um MTA de verdade guarda a mensagem na fila e tenta de novo; só um cliente que desiste na hora perde a mensagem.',
		causes: ['Greylisting de uma combinação desconhecida de remetente e cliente', 'A caixa postal está bloqueada ou ocupada', 'Uma falha temporária de DNS ao conferir o remetente ou o cliente', 'Um bloqueio temporário de política'],
		tryNext: ['Reenvie a mesma mensagem depois de alguns minutos', 'Veja no código estendido e no texto se há sinais de greylisting ou de DNS', 'Garanta que o seu host tenha DNS reverso funcionando'],
	},
	451: {
		summary: 'Ação abortada: erro local no processamento',
		description:
			'O 451 diz que algo deu errado do lado do servidor e o comando não foi executado, mas uma nova tentativa mais tarde pode dar certo. As origens comuns são uma consulta que falhou num banco de dados ou no DNS, um filtro de conteúdo ou milter fora do ar, o disco da fila cheio, ou greylisting em servidores que usam 451 no lugar do 450. A rigor, nunca é culpa do cliente, embora o texto muitas vezes revele um erro de configuração do servidor que vale relatar.',
		causes: ['Uma consulta a banco de dados, DNS ou política falhou temporariamente', 'Um filtro de conteúdo ou milter está inacessível', 'Greylisting em servidores que usam 451 para isso'],
		tryNext: ['Tente mais tarde; o seu MTA deve enfileirar e tentar de novo sozinho', 'Se persistir, mande o texto exato ao postmaster do servidor'],
	},
	452: {
		summary: 'Armazenamento insuficiente, ou destinatários demais',
		description:
			'O 452 é uma recusa temporária por falta de recursos. Depois do MAIL costuma significar que o disco ou a fila do servidor está cheio por ora, ou que o SIZE declarado não cabe no momento. Depois do RCPT também é a resposta certa quando se atinge o limite de destinatários por mensagem (RFC 5321 4.5.3.1.10): os destinatários aceitos até ali continuam valendo, e os demais devem ir numa nova transação.',
		causes: ['A fila ou o disco do servidor está cheio no momento', 'Comandos RCPT demais numa só transação', 'A caixa passou da cota, com uma política temporária (4.2.2)'],
		tryNext: ['Depois do RCPT: envie o DATA para os destinatários aceitos e abra outra transação para o resto', 'Para problemas de armazenamento, tente mais tarde', 'Diminua o número de destinatários por mensagem'],
	},
	453: {
		summary: 'ODMR: não há mensagens esperando por você',
		description:
			'O 453 é a resposta do On-Demand Mail Relay ao ATRN (RFC 2645) quando o provedor não guarda nenhuma mensagem para os domínios pedidos. Não é um erro de login nem de comando: a fila simplesmente está vazia, então os papéis não se invertem e a sessão continua como estava. O registro de códigos de status estendidos também lista o 453 com o X.3.2, "sistema não aceita mensagens da rede".',
		causes: ['ATRN para domínios cuja fila no provedor está vazia', 'As mensagens desses domínios já foram buscadas por outra sessão'],
		tryNext: ['Não há nada a buscar: envie QUIT, ou tente o ATRN de novo mais tarde', 'Confira se o ATRN citou os domínios certos para este login'],
	},
	454: {
		summary: 'TLS indisponível agora, ou falha temporária de autenticação',
		description:
			'O 454 tem dois usos. Em resposta ao STARTTLS (RFC 3207 4) significa que o servidor não consegue iniciar o TLS agora, por exemplo porque não consegue carregar o certificado ou a chave. Em resposta ao AUTH (RFC 4954 6, código estendido 4.7.0) significa que o login falhou por um motivo temporário do lado do servidor, como um backend de autenticação inacessível, e não por causa da sua senha. Nos dois casos, tentar de novo mais tarde é razoável.',
		causes: ['STARTTLS: problema de certificado, chave ou biblioteca TLS no servidor', 'AUTH: o banco de senhas, o LDAP ou o daemon SASL está inacessível', 'Limites de recursos do servidor'],
		tryNext: ['Tente mais tarde', 'Não caia para o envio de credenciais sem TLS', 'Avise o administrador do servidor se persistir'],
	},
	455: {
		summary: 'O servidor não consegue atender os parâmetros por ora',
		description:
			'O 455 quer dizer que o servidor entendeu os parâmetros acrescentados ao MAIL ou ao RCPT (como SIZE= ou uma opção de DSN), mas não consegue atendê-los neste momento. É o par temporário do 555. Foi introduzido na RFC 5321 e é pouco comum.',
		causes: ['Um parâmetro pede algo que o servidor não consegue oferecer agora'],
		tryNext: ['Tente mais tarde', 'Reenvie sem o parâmetro opcional, se ele não for essencial'],
	},
	458: {
		summary: 'ETRN: não foi possível enfileirar mensagens para o nó',
		description:
			'O 458 é uma resposta do ETRN (RFC 1985): o servidor aceitou o pedido em princípio, mas não conseguiu iniciar agora uma rodada de fila para aquele nó. É temporário.',
		causes: ['O gerenciador de filas está ocupado ou indisponível', 'Não foi possível iniciar uma rodada de entrega para o nó'],
		tryNext: ['Tente o ETRN de novo mais tarde', 'Verifique o gerenciador de filas do servidor, se ele for seu'],
	},
	459: {
		summary: 'ETRN: nó não permitido',
		description:
			'O 459 é uma resposta do ETRN (RFC 1985): o servidor não vai rodar a fila para o nó ou domínio pedido, em geral porque não é relay dele ou porque o seu cliente não tem permissão de pedir. Apesar do 4, costuma persistir até alguém mudar a configuração.',
		causes: ['O domínio não está entre os que o servidor atende como relay', 'O seu cliente não tem permissão de usar o ETRN'],
		tryNext: ['Confira o nome do nó e o prefixo "@" ou "#"', 'Peça ao administrador do servidor para liberar o ETRN para o domínio'],
	},
	500: {
		summary: 'Erro de sintaxe: comando não reconhecido ou linha longa demais',
		description:
			'O 500 quer dizer que o servidor não entendeu a linha de jeito nenhum: o comando é desconhecido, está escrito errado, ou a linha é maior do que o servidor aceita. Ele também aparece quando o texto da mensagem é enviado como comandos, por exemplo porque o DATA foi recusado ou o tamanho de um BDAT estava errado. No AUTH, a RFC 4954 usa 500 com o código estendido 5.5.6 para uma linha de autenticação longa demais.',
		causes: ['Comando desconhecido ou escrito errado', 'Linha longa demais', 'Conteúdo da mensagem enviado quando o servidor esperava comandos', 'Falar SMTP com uma porta de outro protocolo, ou texto puro com uma porta TLS'],
		tryNext: ['Confira a grafia do comando', 'Veja quais comandos a resposta ao EHLO anuncia', 'Garanta que está na porta certa (25, 587, ou 465 com TLS implícito)'],
	},
	501: {
		summary: 'Erro de sintaxe nos parâmetros ou argumentos',
		description:
			'O 501 quer dizer que o comando foi entendido, mas o argumento não. Exemplos frequentes são um endereço sem os sinais de menor e maior, um espaço depois de "FROM:", um EHLO sem nome ou uma linha em base64 inválida durante o AUTH. A RFC 4954 também usa 501 para confirmar que uma troca AUTH foi cancelada com "*", e a RFC 3207 para um STARTTLS enviado com argumento.',
		causes: ['Faltam os sinais < >, como em MAIL FROM:alice@example.com', 'Endereço ou nome de host malformado', 'Base64 inválido no AUTH, ou a troca foi cancelada com *', 'Argumento num comando que não aceita nenhum'],
		tryNext: ['Escreva endereços como <usuario@example.com>, sem espaço depois dos dois-pontos', 'Compare o comando com a linha de sintaxe dele', 'Codifique de novo a resposta do AUTH em base64'],
	},
	502: {
		summary: 'Comando não implementado',
		description:
			'O 502 diz que o servidor conhece o comando, mas não o oferece, seja porque nunca o implementou, seja porque foi desligado. É a resposta normal ao VRFY e ao EXPN em muitos servidores, e ao EHLO em servidores muito antigos que só falam HELO (a RFC 5321 4.2.4 explica quando preferir 502 a 500). Tentar de novo não adianta.',
		causes: ['VRFY ou EXPN desativados por política', 'Um comando de extensão que o servidor não suporta', 'EHLO enviado a um servidor que só fala o SMTP básico'],
		tryNext: ['Use só os comandos listados na resposta ao EHLO', 'Volte para o HELO se o EHLO recebeu 502'],
	},
	503: {
		summary: 'Sequência de comandos errada',
		description:
			'O 503 quer dizer que o comando em si está certo, mas não é permitido neste ponto da sessão. Os casos clássicos são MAIL antes do EHLO, um segundo MAIL sem RSET, RCPT antes do MAIL, DATA sem destinatário aceito, AUTH quando você já está autenticado ou durante uma transação (RFC 4954), e misturar DATA com BDAT. Alguns servidores também o usam para "autentique-se antes". Veja qual passo foi pulado ou repetido.',
		causes: ['MAIL antes do EHLO ou HELO', 'MAIL com uma transação já aberta', 'RCPT antes do MAIL, ou DATA sem destinatário aceito', 'AUTH repetido ou enviado durante uma transação', 'XCLIENT ou XFORWARD enviado dentro de uma transação'],
		tryNext: ['Envie RSET e refaça a transação na ordem: MAIL, RCPT, DATA', 'Envie EHLO primeiro, se ainda não enviou', 'Confira se pelo menos um RCPT recebeu 250 antes do DATA'],
	},
	504: {
		summary: 'Parâmetro do comando não implementado',
		description:
			'O 504 diz que o comando é suportado, mas o parâmetro ou a opção que você deu não é. No AUTH (RFC 4954 4) significa que o servidor não suporta aquele mecanismo SASL, então escolha um da lista depois de AUTH na resposta ao EHLO. No HELP pode significar que o servidor não tem ajuda sobre o assunto.',
		causes: ['AUTH com um mecanismo que o servidor não oferece', 'Uma opção de comando que o servidor não suporta'],
		tryNext: ['Use um mecanismo listado na linha AUTH do EHLO', 'Retire a opção não suportada'],
	},
	521: {
		summary: 'O host não aceita e-mail de forma alguma',
		description:
			'O 521 (RFC 7504) é enviado no lugar da saudação 220, ou em resposta a comandos, por um host que nunca aceita e-mail, como um servidor web que atende na porta 25 só para dizer isso. É permanente e vale para qualquer mensagem, não para um remetente ou destinatário. O motivo usual para chegar a um host assim é um registro MX errado ou um domínio que se declara sem e-mail.',
		causes: ['O host está configurado para recusar todo e-mail', 'Um registro MX ou A aponta o e-mail para uma máquina que não é servidor de e-mail'],
		tryNext: ['Confira os registros MX do domínio do destinatário', 'Fale com o dono do domínio por outro canal', 'Pare de tentar: a falha é permanente'],
	},
	523: {
		summary: 'Criptografia necessária (código do registro para 5.7.10)',
		description:
			'O 523 não é definido por uma RFC própria: o registro de códigos de status estendidos (RFC 5248) o lista como o código básico do X.7.10, "criptografia necessária". O servidor se recusa a continuar nesta conexão porque ela não está cifrada, muitas vezes para o AUTH ou para mensagens de um certo remetente. A maioria dos servidores diz o mesmo com 530 5.7.0 ("é preciso enviar STARTTLS antes").',
		causes: ['A sessão está em texto puro e o servidor exige TLS para este comando', 'Uma política que exige TLS para este remetente ou domínio'],
		tryNext: ['Envie STARTTLS, depois EHLO de novo, e tente outra vez', 'Conecte na porta 465 com TLS implícito (--tls)'],
	},
	524: {
		summary: 'Criptografia exigida para este mecanismo (variante do 538)',
		description:
			'O 524 aparece só no registro de códigos de status estendidos (RFC 5248), ao lado do 538, como código básico do X.7.11: "criptografia exigida para o mecanismo de autenticação pedido". O servidor só aceita este mecanismo SASL, tipicamente PLAIN ou LOGIN, dentro do TLS, porque do contrário a senha ficaria exposta. A própria RFC 4954 usa 538 para isso.',
		causes: ['AUTH PLAIN ou LOGIN enviado numa conexão em texto puro'],
		tryNext: ['Envie STARTTLS e EHLO, depois AUTH de novo', 'Use TLS implícito na porta 465'],
	},
	525: {
		summary: 'Conta de usuário desativada (5.7.13)',
		description:
			'O 525 vem do registro de códigos de status estendidos (RFC 5248), onde é o código básico do X.7.13, "conta de usuário desativada". As credenciais podem estar certas, mas a conta foi bloqueada ou desligada por um administrador, então fazer login de novo não adianta até alguém reativá-la.',
		causes: ['A conta foi desativada ou suspensa pelo provedor', 'Tentativas de login com falha demais bloquearam a conta'],
		tryNext: ['Fale com o provedor ou o administrador para reativar a conta', 'Não fique tentando num laço: isso pode prolongar o bloqueio'],
	},
	530: {
		summary: 'Autenticação exigida (ou STARTTLS exigido antes)',
		description:
			'O 530 (RFC 4954 6, código estendido 5.7.0) diz que a política do servidor exige login antes disto, tipicamente antes do MAIL numa porta de submissão. A RFC 3207 usa o mesmo código com o texto "Must issue a STARTTLS command first" quando o servidor exige TLS antes de qualquer coisa. O texto e o código estendido dizem qual dos dois é o caso.',
		causes: ['Envio de mensagem na porta 587 sem AUTH', 'O servidor exige TLS antes de qualquer transação', 'O AUTH não foi anunciado porque o TLS ainda não está ativo'],
		tryNext: ['Envie STARTTLS, depois EHLO de novo, depois AUTH', 'Autentique-se com AUTH antes do MAIL FROM', 'Leia o texto: ele diz se falta o login ou o TLS'],
	},
	533: {
		summary: 'Não autorizado (código do registro com 5.7.1)',
		description:
			'O 533 não tem texto próprio em nenhuma RFC: o registro de códigos de status estendidos (RFC 5248) o lista entre os códigos básicos que podem acompanhar o X.7.1, "entrega não autorizada, mensagem recusada". Quando o encontrar, leia-o como um 550 5.7.1: uma política recusou o comando, por exemplo relay sem AUTH ou um remetente que o servidor não aceita.',
		causes: ['Relay sem AUTH', 'Um remetente ou endereço de cliente que a política do servidor recusa'],
		tryNext: ['Autentique-se antes (STARTTLS e depois AUTH)', 'Leia no texto da resposta qual política recusou'],
	},
	534: {
		summary: 'Mecanismo de autenticação fraco demais',
		description:
			'O 534 (RFC 4954 6, código estendido 5.7.9) responde ao AUTH quando a política do servidor não deixa este usuário entrar com o mecanismo escolhido, por exemplo PLAIN ou LOGIN numa conexão sem criptografia, ou um mecanismo antigo que a conta deixou de usar. Alguns provedores também o mandam quando a conta exige uma senha de app ou OAuth no lugar da senha normal.',
		causes: ['Um mecanismo de senha simples numa conexão sem TLS', 'A conta exige um mecanismo mais forte ou OAuth', 'O provedor bloqueia login por senha nesta conta'],
		tryNext: ['Use STARTTLS antes, ou TLS implícito na porta 465', 'Escolha um mecanismo mais forte da lista AUTH do EHLO', 'Use uma senha de app ou um token OAuth, como o provedor pede'],
	},
	535: {
		summary: 'Credenciais de autenticação inválidas',
		description:
			'O 535 (RFC 4954 6, código estendido 5.7.8) quer dizer que o login foi recusado: usuário, senha ou token não conferem. Verifique a forma exata de usuário que o servidor espera (endereço completo ou só a parte local), a senha e a codificação em base64 do que você enviou. Grandes provedores também devolvem 535 quando o login por senha está desativado e é preciso uma senha de app ou OAuth, e falhas repetidas podem bloquear o seu endereço.',
		causes: ['Usuário ou senha errados', 'Usuário na forma errada (endereço completo versus parte local)', 'Token OAuth expirado ou com escopo errado', 'O provedor exige senha de app ou OAuth', 'Erros na codificação base64, como uma quebra de linha final codificada junto'],
		tryNext: ['Decodifique o que você enviou e compare com as credenciais reais', 'Tente o endereço de e-mail completo como usuário', 'Renove o token OAuth ou crie uma senha de app', 'Espere antes de tentar de novo para evitar bloqueios'],
	},
	538: {
		summary: 'Criptografia exigida para este mecanismo de autenticação',
		description:
			'O 538 (RFC 4954 6, código estendido 5.7.11) responde ao AUTH quando o mecanismo escolhido só pode ser usado numa conexão cifrada, que é a regra normal para PLAIN e LOGIN. Inicie o TLS antes e repita o EHLO e o AUTH.',
		causes: ['PLAIN, LOGIN ou outro mecanismo de senha simples usado sem TLS'],
		tryNext: ['Envie STARTTLS, depois EHLO, depois AUTH de novo', 'Conecte na porta 465 com TLS implícito'],
	},
	550: {
		summary: 'Ação não realizada: caixa indisponível ou recusa por política',
		description:
			'O 550 é a recusa permanente mais comum e cobre problemas bem diferentes, então leia sempre o código estendido e o texto que vêm com ele. Depois do RCPT costuma significar que a caixa não existe (5.1.1) ou que o servidor não vai fazer relay para aquele domínio em seu nome (5.7.1). Depois do MAIL ou do DATA reflete mais vezes uma política: reputação do remetente, falhas de SPF ou DMARC (5.7.23, 5.7.26), IP em lista de bloqueio, ou conteúdo considerado spam (5.7.1). Por ser permanente, não deve ser repetido sem mudanças; a mensagem deve virar bounce ou a causa deve ser corrigida.',
		causes: ['A caixa postal não existe (código estendido 5.1.1)', 'Relay negado: você não se autenticou ou o domínio não é hospedado aqui (5.7.1)', 'Recusa por política ou spam, IP em lista de bloqueio ou filtro de conteúdo (5.7.1)', 'Falha na autenticação do remetente: SPF (5.7.23), ou várias verificações como DMARC (5.7.26)', 'Caixa postal desativada ou acesso negado'],
		tryNext: ['Veja o código estendido: 5.1.1 quer dizer que a caixa não existe', 'Para 5.7.1 no RCPT: autentique-se com AUTH antes de fazer relay para domínios externos', 'Para recusas por política: confira o seu IP nas listas de bloqueio e os seus registros SPF, DKIM e DMARC', 'Confira se há erro de digitação no endereço do destinatário', 'Siga a URL do texto da resposta, se houver; ela costuma explicar o bloqueio'],
	},
	551: {
		summary: 'Usuário não é local; tente o endereço informado',
		description:
			'O 551 recusa um destinatário que não é hospedado aqui e, conforme a RFC 5321 3.4, pode informar no texto o endereço em que o usuário pode ser encontrado agora. O servidor não encaminha a mensagem por conta própria. É raro na prática, e muitos servidores dizem 550 no lugar; alguns devolvem 551 para recusas de relay.',
		causes: ['O usuário mudou de endereço e o servidor não encaminha', 'Relay recusado em servidores que usam 551 para isso'],
		tryNext: ['Reenvie para o endereço informado no texto da resposta, se houver', 'Peça ao destinatário o endereço atual'],
	},
	552: {
		summary: 'Limite de armazenamento excedido (mensagem grande ou caixa cheia)',
		description:
			'O 552 recusa de forma permanente por causa de tamanho: a mensagem é maior do que o servidor aceita (5.3.4), muitas vezes já no MAIL quando você declarou SIZE=, ou a caixa do destinatário passou da cota (5.2.2). Servidores antigos também usavam 552 para "destinatários demais"; a RFC 5321 4.5.3.1.10 diz que o cliente deve tratar esse caso como temporário, igual ao 452.',
		causes: ['Mensagem maior que o limite de tamanho do servidor (5.3.4)', 'Caixa postal do destinatário cheia (5.2.2)', 'Resposta antiga de "destinatários demais"'],
		tryNext: ['Compare o tamanho da mensagem com o valor SIZE da resposta ao EHLO', 'Envie arquivos grandes por link em vez de anexo', 'Para caixa cheia, fale com o destinatário por outro meio'],
	},
	553: {
		summary: 'Nome de caixa não permitido (endereço ruim ou remetente vetado)',
		description:
			'O 553 recusa um endereço por causa da forma dele ou porque você não pode usá-lo. Problemas de sintaxe, como domínio faltando, caracteres inválidos ou não ASCII sem SMTPUTF8, dão 5.1.3 ou 5.1.7. Servidores de submissão também devolvem 553 quando o remetente do envelope não pertence ao usuário autenticado, e o VRFY o usa para um nome ambíguo.',
		causes: ['Sintaxe de endereço malformada', 'Remetente não permitido para a conta logada', 'Endereço não ASCII sem suporte a SMTPUTF8', 'Nome de usuário ambíguo no VRFY'],
		tryNext: ['Confira se há erro de digitação e se o domínio está completo', 'Use no MAIL FROM um endereço que pertença à sua conta', 'Confira se há SMTPUTF8 na resposta ao EHLO antes de usar endereços não ASCII'],
	},
	554: {
		summary: 'Transação falhou (ou não há serviço SMTP aqui)',
		description:
			'O 554 é uma falha permanente da transação como um todo. No lugar da saudação significa que o servidor não vai falar com você, muitas vezes porque o seu IP está numa lista de bloqueio. Depois do ponto final costuma significar que o conteúdo foi recusado por um filtro de spam ou vírus, e depois de um DATA sem destinatário válido é a resposta "nenhum destinatário válido". O Postfix também manda 554 5.7.1 para "Relay access denied" no RCPT.',
		causes: ['O seu IP está numa lista de bloqueio e foi recusado na conexão', 'Mensagem recusada por filtro de spam, vírus ou conteúdo', 'Nenhum destinatário válido quando o DATA foi enviado', 'Relay negado (Postfix)'],
		tryNext: ['Confira o seu IP nas listas de bloqueio públicas e peça a remoção', 'Leia o texto e o código estendido (5.7.1 quer dizer política)', 'Autentique-se antes de fazer relay', 'Revise a mensagem em busca de conteúdo que os filtros recusam'],
	},
	555: {
		summary: 'Parâmetros do MAIL FROM ou RCPT TO não reconhecidos',
		description:
			'O 555 (introduzido na RFC 5321) diz que o servidor não reconhece ou não suporta um parâmetro que você pôs depois do endereço no MAIL ou no RCPT, como SIZE=, BODY=, SMTPUTF8 ou opções de DSN. A solução é enviar só parâmetros de extensões que aparecem na resposta ao EHLO.',
		causes: ['Um parâmetro de uma extensão que o servidor não anunciou', 'Um nome de parâmetro escrito errado'],
		tryNext: ['Compare os seus parâmetros com a lista de extensões do EHLO', 'Reenvie sem o parâmetro não suportado'],
	},
	556: {
		summary: 'O domínio não aceita e-mail',
		description:
			'O 556 (RFC 7504) informa que o domínio do destinatário declara não receber e-mail de forma alguma, normalmente por um registro "null MX" (RFC 7505), então não há para onde entregar. Um relay o envia, em geral com o código estendido 5.1.10, quando detecta isso para um endereço de destinatário. É permanente.',
		causes: ['O domínio do destinatário publica um registro null MX', 'Sabe-se que o domínio não aceita e-mail'],
		tryNext: ['Confira se há erro de digitação no domínio do destinatário', 'Consulte os registros MX dele', 'Fale com o destinatário por outro canal'],
	},
};
