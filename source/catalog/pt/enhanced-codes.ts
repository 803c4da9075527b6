import type {EnhancedCodeText} from '../types.js';

/**
Os códigos de status estendidos em português do Brasil, pela chave do registro. As dicas
que citam um código concreto ("para 4.1.1, espere") mantêm o código, porque a explicação
escolhe as dicas que servem ao código explicado por ele.
*/
export const enhancedCodes: Record<string, EnhancedCodeText> = {
	'2.X.X': {
		summary: 'Sucesso: a ação foi realizada',
		description: 'Um primeiro dígito 2 informa um resultado positivo: o comando ou a mensagem foi aceito, entregue ou repassado. Os dígitos de assunto e detalhe podem acrescentar uma observação, por exemplo que o conteúdo precisou ser convertido no caminho. Não há nada a corrigir.',
		tryNext: [],
	},
	'4.X.X': {
		summary: 'Falha temporária persistente: tente de novo mais tarde',
		description: 'Um primeiro dígito 4 quer dizer que a mensagem em si parecia aceitável, mas alguma condição passageira a barrou por ora. Um servidor remetente mantém essa mensagem na fila e tenta de novo; num aviso de atraso, significa que as tentativas continuam. A mesma mensagem pode muito bem passar mais tarde sem mudanças.',
		tryNext: ['espere e envie de novo mais tarde; um servidor de e-mail normal tenta de novo sozinho', 'leia os dígitos de assunto e detalhe para ver o que estava errado no momento', 'se continuar falhando por horas, fale com o postmaster do site destinatário'],
	},
	'5.X.X': {
		summary: 'Falha permanente: reenviar sem mudanças não adianta',
		description: 'Um primeiro dígito 5 quer dizer que a mensagem ou o comando falhou e que tentar de novo do mesmo jeito vai falhar igual. Algo precisa mudar antes: o endereço, o conteúdo, a forma de envio ou a política do destinatário. O remetente normalmente recebe um bounce.',
		tryNext: ['leia os dígitos de assunto e detalhe e o texto da resposta para saber o motivo', 'corrija o endereço, a mensagem ou a configuração de envio antes de reenviar', 'se a recusa parecer errada, fale com o destinatário por outro canal'],
	},
	'X.0.0': {
		summary: 'Status indefinido: só a classe é conhecida',
		description: 'O código genérico: o servidor só diz se é sucesso, falha temporária ou falha permanente. É comum em respostas sem um código melhor, como 250 2.0.0 depois do DATA ou 221 2.0.0 depois do QUIT. Quando vem com uma falha, o texto da resposta é a única pista da causa.',
		tryNext: ['leia o texto depois do código para saber o motivo real', 'guie-se pelo dígito de classe: 4 quer dizer tente mais tarde, 5 quer dizer mude algo antes', 'consulte os logs do servidor destinatário, se tiver acesso'],
	},
	'X.1.0': {
		summary: 'Outro status de endereço',
		description: 'A resposta trata de um endereço da transação, remetente ou destinatário, sem mais detalhes. Os servidores também o usam no sucesso, como em 250 2.1.0 depois de um MAIL FROM aceito. Numa falha, compare o endereço citado no texto com o que você enviou.',
		tryNext: ['veja qual endereço o texto da resposta cita', 'confira se há erros nos endereços do MAIL FROM e do RCPT TO'],
	},
	'X.1.1': {
		summary: 'Caixa de destino inválida: o destinatário não existe',
		description: 'O domínio está certo, mas a parte antes do @ não corresponde a nenhuma caixa postal lá: o clássico bounce de "usuário desconhecido". É pensado como falha permanente. Um 4.1.1 em geral quer dizer que o servidor não conseguiu conferir a caixa naquele momento.',
		tryNext: ['confira se há erro de digitação no endereço do destinatário', 'peça ao destinatário um endereço atual', 'para 4.1.1, espere: o servidor não conseguiu consultar a caixa e pode aceitá-la mais tarde'],
	},
	'X.1.2': {
		summary: 'Sistema de destino inválido: o domínio não recebe e-mail',
		description: 'A parte depois do @ não existe ou não pode receber e-mail, por exemplo porque o domínio não tem registros MX ou de endereço utilizáveis. É uma falha permanente.',
		tryNext: ['confira se há erro de digitação no domínio do endereço', 'consulte os registros MX do domínio (dig MX example.com)', 'peça ao destinatário um endereço que funcione'],
	},
	'X.1.3': {
		summary: 'Sintaxe inválida no endereço de destino',
		description: 'O endereço do destinatário está malformado, então o servidor nem conseguiu interpretá-lo. As causas usuais são sinais < > faltando, espaços sobrando, dois @ ou caracteres não permitidos. É uma falha permanente.',
		tryNext: ['escreva o endereço como RCPT TO:<usuario@example.com>, com < > e sem espaços', 'retire aspas, vírgulas ou outros caracteres que não pertencem ao endereço', 'para caracteres não ASCII, confira se o servidor oferece SMTPUTF8'],
	},
	'X.1.4': {
		summary: 'Endereço de destino ambíguo',
		description: 'O endereço corresponde a mais de uma caixa postal no sistema destinatário, muitas vezes porque o servidor associa nomes de forma frouxa (pelo sobrenome, digamos) e achou várias pessoas. Ele não vai adivinhar qual você quis dizer.',
		tryNext: ['use o endereço completo e exato da caixa', 'peça ao destinatário o endereço preciso'],
	},
	'X.1.5': {
		summary: 'Endereço de destino válido',
		description: 'O endereço do destinatário foi aceito. É o acompanhante usual do 250 depois do RCPT TO, como em 250 2.1.5 Ok, e aparece em relatórios de entrega bem-sucedida.',
		tryNext: [],
	},
	'X.1.6': {
		summary: 'A caixa mudou, sem endereço de encaminhamento',
		description: 'O endereço funcionava, mas não recebe mais mensagens, e o servidor não tem um endereço novo para informar. Típico de alguém que saiu de uma organização. É uma falha permanente.',
		tryNext: ['peça o endereço novo à pessoa por outro caminho', 'retire o endereço das suas listas'],
	},
	'X.1.7': {
		summary: 'Sintaxe inválida no endereço do remetente',
		description: 'O reverse-path do MAIL FROM não é um endereço válido, então o servidor o recusou. Confira os sinais < >, espaços e caracteres. O caminho vazio <> é válido; é o que os bounces usam.',
		tryNext: ['escreva como MAIL FROM:<voce@example.com>', 'confira o remetente configurado no seu cliente de e-mail ou script'],
	},
	'X.1.8': {
		summary: 'Sistema do remetente inválido: o domínio não recebe e-mail',
		description: 'O domínio do remetente não existe ou não pode receber e-mail, então respostas e bounces não chegariam a ele. Muitos servidores recusam remetentes assim. Um 4.1.8 muitas vezes quer dizer que a consulta de DNS do domínio do remetente falhou por ora.',
		tryNext: ['envie de um endereço cujo domínio tenha registros MX ou de endereço', 'confira o domínio do remetente no DNS', 'para 4.1.8, tente mais tarde: a consulta de DNS pode ter expirado'],
	},
	'X.1.9': {
		summary: 'Mensagem repassada a um sistema que não informa mais nada',
		description: 'O endereço era válido, mas a mensagem foi entregue a um sistema que não fala o protocolo de relatórios em uso, então não há como dizer o que aconteceu com ela. Aparece em relatórios de entrega e rastreamento, não como recusa.',
		tryNext: ['trate a mensagem como repassada, mas sem mais rastreamento', 'peça ao destinatário que confirme o recebimento, se isso importar'],
	},
	'X.1.10': {
		summary: 'O domínio do destinatário tem null MX e não recebe e-mail',
		description: 'O domínio do destinatário publica um registro null MX (MX 0 .), uma declaração explícita de que nunca aceita e-mail. Tentar de novo ou tentar outro servidor não vai adiantar.',
		tryNext: ['confira se há erro de digitação no domínio do destinatário', 'peça ao destinatário um endereço num domínio que receba e-mail'],
	},
	'X.2.0': {
		summary: 'Outro status de caixa postal',
		description: 'A caixa existe, mas algo nela causou esta resposta e o servidor não deu um motivo mais preciso. O texto da resposta deve dizer mais.',
		tryNext: ['leia o texto da resposta', 'tente mais tarde se a classe for 4', 'fale com o destinatário por outro meio se continuar'],
	},
	'X.2.1': {
		summary: 'Caixa desativada, não aceita mensagens',
		description: 'A caixa existe, mas foi desligada para mensagens de entrada, por exemplo uma conta suspensa ou bloqueada. Pode ser temporário (4.2.1) ou definitivo (5.2.1).',
		tryNext: ['para 4.2.1, tente mais tarde', 'fale com o destinatário por outro canal', 'pergunte ao postmaster do site destinatário se a conta foi encerrada'],
	},
	'X.2.2': {
		summary: 'Caixa postal cheia',
		description: 'O destinatário esgotou a cota de armazenamento. Como ele pode abrir espaço apagando mensagens, o código foi pensado como falha temporária, embora muitos servidores o mandem como 5.2.2.',
		tryNext: ['espere e envie de novo mais tarde', 'avise o destinatário por outro caminho que a caixa dele está cheia', 'envie uma mensagem menor, ou um link no lugar dos anexos'],
	},
	'X.2.3': {
		summary: 'Mensagem grande demais para esta caixa',
		description: 'A mensagem é maior que um limite de tamanho definido só para esta caixa, menor que o limite geral do servidor. Esta mensagem vai continuar falhando.',
		tryNext: ['diminua a mensagem: compacte ou retire anexos', 'compartilhe arquivos grandes por link', 'pergunte ao destinatário se o limite da caixa pode ser aumentado'],
	},
	'X.2.4': {
		summary: 'Problema ao expandir a lista de e-mail',
		description: 'O endereço é uma lista de e-mail e o servidor não conseguiu expandi-la nos seus membros. Pode ser uma falha passageira (o banco da lista estava inacessível, digamos) ou duradoura.',
		tryNext: ['tente mais tarde se a classe for 4', 'avise o dono da lista'],
	},
	'X.3.0': {
		summary: 'Outro status do sistema de e-mail',
		description: 'O sistema destinatário normalmente aceita e-mail, mas algo nele causou esta resposta, sem mais detalhes. Vem com muitos códigos de resposta, de 221 e 250 a 421 e 554.',
		tryNext: ['leia o texto da resposta', 'tente mais tarde se a classe for 4', 'relate uma falha duradoura ao postmaster do site destinatário'],
	},
	'X.3.1': {
		summary: 'Sistema de e-mail cheio',
		description: 'O sistema destinatário ficou sem armazenamento, como um disco de fila cheio. Diferente de uma caixa cheia, o destinatário não resolve isso apagando mensagens; quem resolve são os operadores. É uma falha temporária.',
		tryNext: ['tente mais tarde', 'avise o administrador do site destinatário se persistir'],
	},
	'X.3.2': {
		summary: 'O sistema não aceita mensagens da rede',
		description: 'O host recusa e-mail, por ora ou de vez: pode estar desligando, sobrecarregado ou em manutenção, ou pode nem ser um host de e-mail (521).',
		tryNext: ['para 4.3.2, tente mais tarde', 'para 5.3.2, confira se você está falando com o host certo (um MX do domínio)'],
	},
	'X.3.3': {
		summary: 'O sistema não suporta os recursos pedidos',
		description: 'A mensagem pede um recurso que o destino não consegue oferecer. Isso acontece sobretudo em gateways que não conseguem mapear um recurso de um sistema de e-mail para outro.',
		tryNext: ['envie sem a opção especial (um pedido de DSN ou de prioridade, por exemplo)', 'veja quais extensões o servidor lista na resposta ao EHLO'],
	},
	'X.3.4': {
		summary: 'Mensagem grande demais para o sistema',
		description: 'A mensagem é maior que o limite por mensagem do servidor, seja ele físico ou de política. A mesma mensagem vai ser recusada de novo.',
		tryNext: ['veja o limite no valor SIZE da resposta ao EHLO', 'diminua a mensagem ou envie arquivos por link', 'divida os anexos em várias mensagens'],
	},
	'X.3.5': {
		summary: 'Sistema configurado de forma incorreta',
		description: 'O sistema destinatário está configurado de um jeito que o impede de aceitar esta mensagem, como um roteamento quebrado ou um domínio local faltando. A falha é do lado do servidor, não da sua mensagem.',
		tryNext: ['relate ao postmaster do site destinatário', 'tente mais tarde: falhas assim costumam ser corrigidas rápido'],
	},
	'X.3.6': {
		summary: 'A prioridade pedida foi alterada',
		description: 'Com a extensão MT-PRIORITY: a mensagem foi aceita, mas não com a prioridade pedida (ou a padrão). A prioridade realmente usada é a primeira palavra do texto da resposta.',
		tryNext: ['leia a prioridade realmente usada no começo do texto da resposta', 'consulte a política de MT-PRIORITY do servidor se a prioridade importar para você'],
	},
	'X.4.0': {
		summary: 'Outro status de rede ou roteamento',
		description: 'Algo deu errado na rede ou no roteamento, mas o servidor não conseguiu enquadrar o problema em um dos códigos mais precisos.',
		tryNext: ['tente mais tarde', 'confira o DNS e o caminho de rede até o destino'],
	},
	'X.4.1': {
		summary: 'Sem resposta do host',
		description: 'Um servidor tentou conectar ao próximo host e não teve resposta: o host estava fora do ar, ocupado ou inacessível, ou um firewall descartou a tentativa. É uma falha temporária.',
		tryNext: ['tente mais tarde; uma fila de e-mail faz isso sozinha', 'confira se os hosts MX do destino aceitam conexões na porta 25', 'verifique os firewalls entre os dois servidores'],
	},
	'X.4.2': {
		summary: 'Conexão ruim',
		description: 'Uma conexão foi feita, mas caiu antes de a transação terminar, por tempo esgotado ou link ruim. Servidores também o usam quando derrubam clientes que consideram lentos demais ou numerosos demais.',
		tryNext: ['tente mais tarde', 'abra menos conexões paralelas com este servidor', 'procure problemas de rede ou de tempo esgotado do seu lado'],
	},
	'X.4.3': {
		summary: 'Falha no serviço de diretório (em geral DNS)',
		description: 'Um serviço de consulta necessário para rotear a mensagem, quase sempre o DNS, não pôde ser alcançado. É pensado como temporário; um 5.4.3 aponta para uma falha de DNS que não vai passar.',
		tryNext: ['confira se o seu resolvedor de DNS funciona', 'consulte os registros MX do destino', 'tente mais tarde'],
	},
	'X.4.4': {
		summary: 'Não foi possível rotear',
		description: 'O sistema não encontrou o próximo salto porque faltavam os dados de roteamento, por exemplo um domínio sem registro MX nem de endereço, para o qual o DNS devolve só um SOA. Pode ser temporário ou duradouro.',
		tryNext: ['confira se há erro de digitação no domínio do destinatário', 'consulte os registros MX e A/AAAA do domínio', 'se o domínio for seu, publique registros MX corretos'],
	},
	'X.4.5': {
		summary: 'Congestionamento do sistema de e-mail',
		description: 'O sistema de e-mail está ocupado demais para aceitar a mensagem agora; servidores também o usam quando um limite de taxa é atingido. É uma falha temporária.',
		tryNext: ['tente mais tarde', 'envie mais devagar ou por menos conexões'],
	},
	'X.4.6': {
		summary: 'Laço de roteamento detectado',
		description: 'A mensagem rodou entre sistemas vezes demais, por um roteamento errado ou um laço de encaminhamento (duas caixas encaminhando uma para a outra, digamos). Os servidores percebem isso contando os campos de cabeçalho Received.',
		tryNext: ['confira as regras de encaminhamento e os aliases nas duas pontas', 'confira as configurações de MX e relay em busca de um servidor que aponta para si mesmo', 'leia os campos Received da mensagem devolvida para ver o laço'],
	},
	'X.4.7': {
		summary: 'Prazo de entrega esgotado',
		description: 'A mensagem ficou tempo demais numa fila, ou passou de um limite definido pelo remetente (por exemplo com DELIVERBY), e foi abandonada. A causa real é o que impediu a entrega; avisos de atraso anteriores costumam dizê-la.',
		tryNext: ['procure o erro de fundo em avisos de atraso anteriores ou nos logs', 'confira se o destino está acessível e envie de novo'],
	},
	'X.5.0': {
		summary: 'Outro status de protocolo',
		description: 'A resposta trata da própria troca SMTP, sem mais detalhes. Aparece tanto em respostas comuns de sucesso quanto em falhas.',
		tryNext: ['leia o texto da resposta', 'compare os comandos enviados com o que o servidor ofereceu na resposta ao EHLO'],
	},
	'X.5.1': {
		summary: 'Comando inválido',
		description: 'O comando não é suportado ou veio fora de ordem, por exemplo RCPT antes do MAIL, DATA sem destinatário aceito, ou um comando que exige TLS ou autenticação antes.',
		tryNext: ['confira a ordem: EHLO, MAIL FROM, RCPT TO, DATA', 'envie o EHLO de novo e veja quais comandos o servidor oferece', 'se o texto citar STARTTLS ou AUTH, faça isso primeiro'],
	},
	'X.5.2': {
		summary: 'Erro de sintaxe',
		description: 'O servidor não entendeu a linha de comando: a sintaxe está errada ou o verbo é desconhecido. Mandar a mesma linha de novo vai falhar de novo.',
		tryNext: ['confira a grafia e os espaços do comando', 'confira os dois-pontos e os sinais < >, como em MAIL FROM:<endereço>', 'garanta que cada linha termine com CRLF'],
	},
	'X.5.3': {
		summary: 'Destinatários demais',
		description: 'Foram informados mais destinatários do que o servidor aceita numa transação. Espera-se que o remetente entregue aos demais numa nova transação, o que a maioria dos clientes faz sozinha.',
		tryNext: ['envie aos destinatários restantes numa nova transação', 'procure um valor LIMITS RCPTMAX na resposta ao EHLO', 'divida listas longas de destinatários em lotes'],
	},
	'X.5.4': {
		summary: 'Argumentos de comando inválidos',
		description: 'O comando é válido, mas um argumento está fora do intervalo ou cita algo que o servidor não conhece, como um parâmetro do MAIL FROM de uma extensão que ele não oferece.',
		tryNext: ['retire parâmetros que o servidor não anunciou no EHLO', 'confira os valores dos parâmetros (o número do SIZE, o valor do BODY e assim por diante)'],
	},
	'X.5.5': {
		summary: 'Versão de protocolo errada',
		description: 'Cliente e servidor usam versões de protocolo que não batem, e não conseguiram resolver a diferença entre si.',
		tryNext: ['confira as versões do software do cliente e do servidor', 'tente de novo sem extensões opcionais'],
	},
	'X.5.6': {
		summary: 'Linha da troca de autenticação longa demais',
		description: 'Durante o AUTH, o cliente enviou uma resposta em base64 maior que o buffer que o servidor reserva para aquele mecanismo SASL. Pode ser uma falha permanente ou temporária.',
		tryNext: ['envie a resposta inicial numa linha própria depois do 334, em vez de na linha do AUTH', 'use um mecanismo com respostas mais curtas', 'verifique se há um token anormalmente longo (por exemplo com XOAUTH2 ou OAUTHBEARER)'],
	},
	'X.6.0': {
		summary: 'Outro erro de mídia',
		description: 'Algo no conteúdo da mensagem a tornou impossível de entregar, e nenhum dos códigos mais precisos se aplica.',
		tryNext: ['leia no texto da resposta qual é o problema de conteúdo', 'tente uma versão só em texto puro da mensagem'],
	},
	'X.6.1': {
		summary: 'Mídia não suportada',
		description: 'A mensagem contém um tipo de conteúdo que o protocolo de entrega ou o próximo sistema do caminho não consegue transportar. É uma falha permanente.',
		tryNext: ['envie o conteúdo num formato mais comum', 'retire ou converta o anexo recusado'],
	},
	'X.6.2': {
		summary: 'Conversão necessária, mas proibida',
		description: 'O conteúdo precisaria ser convertido antes da entrega, mas a conversão está proibida, seja pelo remetente dentro da mensagem, seja pela política do host remetente.',
		tryNext: ['permita a conversão, ou envie conteúdo que o próximo salto aceite como está', 'codifique texto de 8 bits em quoted-printable ou base64'],
	},
	'X.6.3': {
		summary: 'Conversão necessária, mas não suportada',
		description: 'O conteúdo precisa ser convertido para seguir adiante, mas um host do caminho não consegue fazê-lo. O caso usual é conteúdo de 8 bits que precisaria ser rebaixado para 7 bits para um servidor sem 8BITMIME.',
		tryNext: ['codifique a mensagem em 7 bits (quoted-printable ou base64)', 'confira se o próximo salto oferece 8BITMIME ou BINARYMIME'],
	},
	'X.6.4': {
		summary: 'Conversão feita com perda',
		description: 'A mensagem foi entregue, mas uma conversão no caminho perdeu parte dos dados. Se o remetente tivesse proibido conversões com perda, o mesmo código viria como falha permanente.',
		tryNext: ['confirme com o destinatário que o conteúdo chegou legível', 'envie num formato que não precise de conversão'],
	},
	'X.6.5': {
		summary: 'A conversão falhou',
		description: 'Uma conversão do conteúdo era necessária e foi tentada, mas não funcionou. Pode ser permanente ou temporária.',
		tryNext: ['envie o conteúdo num formato mais simples', 'tente mais tarde se a classe for 4'],
	},
	'X.6.6': {
		summary: 'Conteúdo da mensagem indisponível',
		description: 'O servidor não conseguiu buscar o conteúdo da mensagem em outro sistema, como no BURL, em que um servidor de submissão puxa a mensagem de um servidor IMAP por URL. Pode ser permanente ou temporário.',
		tryNext: ['confira se a URL dada ao BURL está certa e ainda é válida', 'confira se o servidor IMAP está acessível', 'envie a mensagem com DATA ou BDAT'],
	},
	'X.6.7': {
		summary: 'Endereço não ASCII não permitido para este remetente ou destinatário',
		description: 'Um MAIL FROM ou RCPT TO trouxe um endereço com caracteres não ASCII que o servidor não aceita, por exemplo porque o SMTPUTF8 não foi pedido para a transação ou não é suportado.',
		tryNext: ['acrescente o parâmetro SMTPUTF8 ao MAIL FROM se o servidor anunciar SMTPUTF8', 'use um endereço só em ASCII da mesma pessoa, se existir'],
	},
	'X.6.8': {
		summary: 'Resposta em UTF-8 necessária, mas o cliente não a permitiu',
		description: 'Para mostrar o nome de uma caixa (numa resposta ao VRFY ou ao EXPN, por exemplo) o servidor teria de usar UTF-8, mas o cliente não disse que aceita UTF-8 nas respostas.',
		tryNext: ['repita o comando com a opção SMTPUTF8, ex.: VRFY nome SMTPUTF8', 'use um cliente que suporte SMTPUTF8'],
	},
	'X.6.9': {
		summary: 'Cabeçalhos em UTF-8 não podem seguir até um destinatário',
		description: 'A mensagem tem UTF-8 nos campos de cabeçalho e pelo menos um destinatário não pode ser alcançado por um caminho que os transporte, então a mensagem inteira é recusada depois do ponto final do DATA.',
		tryNext: ['confira se os próximos saltos anunciam SMTPUTF8', 'envie com cabeçalhos só em ASCII (encoded words para nomes e assuntos)'],
	},
	'X.6.10': {
		summary: 'Duplicata desaconselhada do X.6.8',
		description: 'Este código foi registrado como cópia do X.6.8 e está desaconselhado. Se um servidor ainda o enviar, leia-o como X.6.8: uma resposta precisaria de UTF-8, mas o cliente não permitiu.',
		tryNext: ['trate-o como X.6.8 e repita o comando com a opção SMTPUTF8'],
	},
	'X.7.0': {
		summary: 'Outro status de segurança ou política',
		description: 'O motivo é de segurança ou de política, sem mais detalhes, às vezes porque o servidor não quer revelar as suas regras. Também é comum no sucesso, como em 220 2.7.0 antes do TLS ou 235 2.7.0 depois do AUTH.',
		tryNext: ['leia no texto da resposta qual política está envolvida', 'se pedir TLS ou autenticação, faça STARTTLS e AUTH antes', 'para 4.7.0, tente mais tarde; o greylisting o usa com frequência'],
	},
	'X.7.1': {
		summary: 'Entrega não autorizada, mensagem recusada',
		description: 'O remetente não pode enviar para este destino por causa de filtros por host ou por destinatário: relay negado, IP em lista de bloqueio, remetente bloqueado ou veredito de spam. O registro o pensou como permanente, mas 4.7.1 é comum em bloqueios temporários, como o greylisting.',
		tryNext: ['se o texto disser relay negado, autentique-se com AUTH ou envie pelo seu próprio provedor', 'confira se o seu endereço IP está numa lista de bloqueio', 'confira o SPF, o DKIM e o DMARC do seu domínio', 'para 4.7.1, espere e tente de novo'],
	},
	'X.7.2': {
		summary: 'Expansão da lista de e-mail proibida',
		description: 'O remetente não pode postar na lista de e-mail deste endereço, muitas vezes porque só membros podem postar. É uma falha permanente.',
		tryNext: ['poste a partir do endereço inscrito', 'peça permissão ao dono da lista'],
	},
	'X.7.3': {
		summary: 'Conversão de segurança necessária, mas impossível',
		description: 'A entrega exigia converter a mensagem de um formato de mensagem segura para outro, e isso não foi possível. É uma falha permanente.',
		tryNext: ['envie num formato de segurança que o destinatário suporte', 'pergunte ao destinatário qual formato de e-mail seguro ele usa'],
	},
	'X.7.4': {
		summary: 'Recursos de segurança não suportados',
		description: 'A mensagem pediu recursos de segurança, como um tipo de autenticação, que o protocolo de entrega não consegue oferecer. É uma falha permanente.',
		tryNext: ['envie sem a opção de segurança recusada', 'veja o que o servidor oferece na resposta ao EHLO'],
	},
	'X.7.5': {
		summary: 'Falha criptográfica',
		description: 'Um sistema com direito de verificar ou decifrar a mensagem não conseguiu, porque uma chave ou outra informação estava faltando ou era inválida.',
		tryNext: ['confira as chaves ou os certificados usados para assinar ou cifrar', 'para uma falha de TLS, confira o certificado do servidor e a cadeia dele'],
	},
	'X.7.6': {
		summary: 'Algoritmo criptográfico não suportado',
		description: 'Um sistema com direito de verificar ou decifrar a mensagem não conseguiu, porque não suporta o algoritmo usado.',
		tryNext: ['use um algoritmo mais amplamente suportado', 'confira as configurações de assinatura ou criptografia do remetente'],
	},
	'X.7.7': {
		summary: 'Falha de integridade da mensagem',
		description: 'Um sistema com direito de conferir a mensagem a encontrou corrompida ou alterada, então não pôde validá-la. O código pode marcar uma falha permanente, uma temporária ou um aviso numa mensagem entregue.',
		tryNext: ['procure no caminho um software que altere mensagens (rodapés, filtros)', 'envie de novo a mensagem original, sem alterações'],
	},
	'X.7.8': {
		summary: 'Credenciais de autenticação inválidas',
		description: 'A troca AUTH falhou porque o usuário, a senha ou o token estavam errados ou não bastavam. O cliente deve pedir novas credenciais ao usuário em vez de tentar às cegas.',
		tryNext: ['confira usuário e senha; muitos servidores querem o endereço completo como usuário', 'use uma senha de app se a conta tiver verificação em duas etapas', 'confira a codificação do mecanismo (no PLAIN: base64 de NUL usuário NUL senha)'],
	},
	'X.7.9': {
		summary: 'Mecanismo de autenticação fraco demais',
		description: 'O mecanismo SASL escolhido é mais fraco do que a política do servidor permite para este usuário. O cliente deve tentar um mais forte.',
		tryNext: ['escolha um mecanismo mais forte da lista AUTH na resposta ao EHLO', 'faça STARTTLS antes; alguns servidores aceitam mecanismos mais simples sob TLS'],
	},
	'X.7.10': {
		summary: 'Criptografia necessária',
		description: 'O mecanismo de autenticação pedido só pode ser usado numa conexão cifrada; isso vale sobretudo para mecanismos que mandam a senha às claras. Inicie o TLS e autentique-se de novo, ou escolha um mecanismo mais forte.',
		tryNext: ['envie STARTTLS, depois EHLO e AUTH de novo', 'conecte na porta 465 com TLS implícito', 'escolha um mecanismo que não mande a senha às claras'],
	},
	'X.7.11': {
		summary: 'Criptografia exigida para este mecanismo de autenticação',
		description: 'O servidor só permite o mecanismo escolhido numa conexão cifrada. O código existe mais por razões históricas: os servidores não deveriam oferecer esses mecanismos antes de o TLS estar ativo.',
		tryNext: ['faça STARTTLS antes, depois EHLO e AUTH de novo', 'use a porta 465 com TLS implícito'],
	},
	'X.7.12': {
		summary: 'É necessária uma transição de senha',
		description: 'O usuário precisa passar para o mecanismo escolhido, em geral fazendo login uma vez com PLAIN para que o servidor guarde o que o novo mecanismo exige. Depois disso o mecanismo deve funcionar nas sessões seguintes.',
		tryNext: ['autentique-se uma vez com PLAIN, sob TLS', 'depois use de novo o mecanismo original'],
	},
	'X.7.13': {
		summary: 'Conta de usuário desativada',
		description: 'O login em si deu certo, mas um administrador desativou a conta (por abuso ou falta de pagamento, por exemplo). Digitar a senha de novo não adianta; isso dura até o administrador reativar a conta.',
		tryNext: ['fale com o provedor ou o administrador para reativar a conta', 'pare as tentativas automáticas; elas podem piorar a situação'],
	},
	'X.7.14': {
		summary: 'Relação de confiança necessária',
		description: 'Um servidor de submissão precisa de uma relação de confiança configurada com outro servidor, como o servidor IMAP por trás de um BURL, para buscar o conteúdo da mensagem, e ela não existe. Assume este caso no lugar do X.7.8.',
		tryNext: ['envie o conteúdo da mensagem diretamente com DATA ou BDAT', 'peça ao administrador que configure a confiança entre os dois servidores'],
	},
	'X.7.15': {
		summary: 'Nível de prioridade baixo demais',
		description: 'Com MT-PRIORITY: a prioridade da mensagem está abaixo da menor que o servidor aceita. Pode ser temporário, por exemplo enquanto o servidor só aceita tráfego de prioridade mais alta.',
		tryNext: ['tente mais tarde', 'envie com um MT-PRIORITY mais alto, se tiver permissão'],
	},
	'X.7.16': {
		summary: 'Mensagem grande demais para a prioridade indicada',
		description: 'Com MT-PRIORITY: nesta prioridade o servidor só aceita mensagens até um tamanho menor. Pode ser temporário.',
		tryNext: ['diminua a mensagem', 'envie com outra prioridade', 'tente mais tarde'],
	},
	'X.7.17': {
		summary: 'O dono da caixa postal mudou',
		description: 'A mensagem pediu uma verificação Require-Recipient-Valid-Since (parâmetro ou campo de cabeçalho RRVS), e o destinatário sabe que a caixa não teve o mesmo dono o tempo todo desde a data informada. Ele recusa para que a mensagem não chegue a um novo dono.',
		tryNext: ['confirme o endereço atual do destinatário por outro meio', 'atualize os seus registros: a pessoa que você conhecia não tem mais esta caixa'],
	},
	'X.7.18': {
		summary: 'O dono do domínio mudou',
		description: 'A mensagem pediu uma verificação Require-Recipient-Valid-Since, e o destinatário escolhe informar que o domínio do destinatário mudou de mãos desde a data informada.',
		tryNext: ['confirme o endereço atual do destinatário por outro meio', 'atualize os seus registros antes de enviar de novo'],
	},
	'X.7.19': {
		summary: 'O teste RRVS não pode ser concluído',
		description: 'A mensagem pediu uma verificação Require-Recipient-Valid-Since, mas o destinatário não consegue fazê-la porque nunca registrou a data de que precisaria. O remetente tem de decidir se envia de novo sem essa proteção.',
		tryNext: ['envie de novo sem o parâmetro RRVS, se o risco for aceitável', 'confirme o destinatário por outro meio antes'],
	},
	'X.7.20': {
		summary: 'Nenhuma assinatura DKIM válida encontrada',
		description: 'A política do destinatário exige uma assinatura DKIM válida, e a mensagem não tinha nenhuma que fosse verificada.',
		tryNext: ['garanta que as suas mensagens de saída sejam assinadas com DKIM', 'confira a chave pública no DNS (seletor._domainkey.example.com)', 'confira se nada altera a mensagem depois de assinada'],
	},
	'X.7.21': {
		summary: 'Nenhuma assinatura DKIM aceitável encontrada',
		description: 'Pelo menos uma assinatura DKIM foi verificada, mas nenhuma atendeu aos requisitos do destinatário, por exemplo por causa do domínio que assinou ou do algoritmo.',
		tryNext: ['assine com o seu próprio domínio, o do endereço From', 'use um algoritmo atual, como rsa-sha256 com chave de 2048 bits'],
	},
	'X.7.22': {
		summary: 'Nenhuma assinatura DKIM válida do domínio do autor',
		description: 'Houve assinaturas verificadas, mas nenhuma feita por um domínio que corresponda ao endereço do autor no cabeçalho From. É um caso particular do X.7.21.',
		tryNext: ['assine com d= igual ao domínio do endereço From', 'se um serviço envia por você, configure o DKIM do seu domínio nele'],
	},
	'X.7.23': {
		summary: 'A validação SPF falhou',
		description: 'A verificação SPF deu "fail": o IP remetente não está autorizado para o domínio do remetente do envelope, e a política local recusa esse tipo de mensagem. Substitui o 5.7.1 neste caso.',
		tryNext: ['acrescente o IP do servidor remetente (ou um include) ao registro SPF do seu domínio', 'veja qual IP o destinatário enxergou, muitas vezes citado no texto da resposta', 'se a mensagem foi encaminhada, peça ao encaminhador que reescreva o remetente (SRS)'],
	},
	'X.7.24': {
		summary: 'Erro na validação SPF',
		description: 'A avaliação do SPF esbarrou num erro, como um tempo esgotado no DNS (temporário) ou um registro SPF quebrado (permanente). Substitui o 4.4.3 e o 5.5.2 nesses casos.',
		tryNext: ['confira a sintaxe do registro SPF com um validador', 'mantenha o registro abaixo de 10 consultas de DNS', 'para 4.7.24, tente mais tarde: o DNS pode ter expirado'],
	},
	'X.7.25': {
		summary: 'A validação do DNS reverso falhou',
		description: 'O IP do cliente que conectou falhou numa verificação de DNS reverso: não tem registro PTR, ou o nome não leva de volta ao mesmo endereço.',
		tryNext: ['defina um registro PTR para o IP remetente (peça ao seu provedor de hospedagem)', 'faça esse nome resolver de volta para o mesmo endereço', 'use um nome no HELO igual ao nome do PTR'],
	},
	'X.7.26': {
		summary: 'Várias verificações de autenticação falharam',
		description: 'A mensagem falhou em mais de uma das verificações de autenticação do destinatário, como SPF e DKIM; a resposta não diz quais.',
		tryNext: ['confira SPF, DKIM e DMARC do domínio remetente', 'envie um teste para uma caixa que mostre o campo de cabeçalho Authentication-Results'],
	},
	'X.7.27': {
		summary: 'O domínio do remetente tem null MX',
		description: 'O domínio do remetente publica um null MX, declarando que não recebe e-mail, então não poderia receber um bounce. O destinatário recusa mensagens desses remetentes.',
		tryNext: ['envie de um endereço num domínio que receba e-mail', 'se o domínio for seu, troque o null MX por registros MX de verdade'],
	},
	'X.7.28': {
		summary: 'Enxurrada de mensagens detectada',
		description: 'A mensagem parece fazer parte de uma enxurrada de mensagens abusivas parecidas, um mail bomb, então o destinatário a recusa. O código foi registrado a partir de um Internet-Draft (draft-levine-mailbomb-header), não de uma RFC.',
		tryNext: ['confira se o seu sistema não está mandando rajadas de mensagens idênticas, ex.: um formulário web usado para mail bombing', 'acrescente limites de taxa e envie mais devagar', 'fale com o site destinatário se o tráfego for legítimo'],
	},
	'X.7.29': {
		summary: 'Falha na validação ARC',
		description: 'A mensagem trazia campos de cabeçalho ARC, que preservam resultados de autenticação através de encaminhadores e listas, e a verificação deles falhou.',
		tryNext: ['confira os encaminhadores ou listas do caminho que acrescentam conjuntos ARC', 'confira se nada altera a mensagem depois de selada'],
	},
	'X.7.30': {
		summary: 'Suporte a REQUIRETLS exigido',
		description: 'A mensagem foi enviada com REQUIRETLS, e nenhum próximo salto oferece REQUIRETLS, então ela não pôde seguir com a proteção que o remetente exigiu. Ela é devolvida em vez de seguir sem proteção.',
		tryNext: ['envie sem REQUIRETLS, se o repasse sem essa garantia for aceitável', 'peça ao provedor do destinatário que suporte REQUIRETLS', 'confira se os saltos do caminho oferecem STARTTLS com certificados válidos'],
	},
};
