import type {Messages, SharedMessages} from './messages-en.js';
import {commandsPt} from './pt/commands.js';
import {protocolPt} from './pt/protocol.js';
import {sessionPt} from './pt/session.js';
import {uiPt} from './pt/ui.js';
import {plural} from './plural.js';
import {joinTables} from './table.js';

/** As mensagens em português do Brasil: as mesmas chaves e parâmetros de messages-en.ts. */
const sharedPt: SharedMessages = {
	'lang.bad': (value: string) => `--lang aceita pt ou en, não "${value}"`,

	'catalog.kind.command': 'comando',
	'catalog.kind.reply': 'código de resposta',
	'catalog.kind.enhanced': 'código de status estendido',
	'catalog.kind.extension': 'extensão EHLO',
	'catalog.kind.mechanism': 'mecanismo SASL',
	'catalog.kind.topic': 'tópico',
	'catalog.flag.obsolete': 'obsoleto',
	'catalog.flag.historic': 'histórico',
	'catalog.category.session': 'sessão',
	'catalog.category.auth': 'autenticação',
	'catalog.category.message': 'mensagem',
	'catalog.category.info': 'informação',
	'catalog.label.syntax': 'Sintaxe:',
	'catalog.label.example': 'Exemplo:',
	'catalog.label.needs': 'Requer:',
	'catalog.label.rfc': 'RFC:',
	'catalog.label.source': 'Fonte:',
	'catalog.label.meaning': 'Sentido:',
	'catalog.label.params': 'Parâm.:',
	'catalog.label.adds': 'Inclui:',
	'catalog.label.vendor': 'Origem:',
	'catalog.label.read': 'Leia:',
	'catalog.needs': (keyword: string) => `${keyword} na resposta ao EHLO`,
	'catalog.adds.command': (verb: string) => `comando ${verb}`,
	'catalog.adds.mail': (key: string) => `${key}= no MAIL`,
	'catalog.adds.rcpt': (key: string) => `${key}= no RCPT`,
	'catalog.group.commands': 'Comandos',
	'catalog.group.replyCodes': 'Códigos de resposta',
	'catalog.group.enhancedCodes': 'Códigos de status estendidos',
	'catalog.group.extensions': 'Extensões EHLO',
	'catalog.group.mechanisms': 'Mecanismos SASL',
	'catalog.group.topics': 'Tópicos',
	'catalog.topicsHint': 'Leia um tópico com: smtp-explorer explain NOME',
	'catalog.noMatch': (query: string) => `Nenhuma entrada do catálogo corresponde a "${query}".`,
	'catalog.showing': (shown: number, total: number) =>
		`Mostrando ${shown} de ${plural('pt', total, {one: '# resultado', other: '# resultados'})}; acrescente palavras para refinar a busca.`,
	'catalog.help': `
	Uso
	  $ smtp-explorer catalog [BUSCA] [--json] [--lang pt|en]

	Pesquisa o catálogo de referência: comandos SMTP, códigos de resposta, códigos de
	status estendidos, extensões EHLO, mecanismos SASL e tópicos (portas, TLS, bounces,
	greylisting...). A busca pode ser um nome, um código, um número de porta ou uma
	pergunta. Sem busca, lista tudo; com --json e sem busca, imprime o catálogo inteiro
	como um único documento JSON.

	Opções
	  --json            imprime JSON em vez de texto
	  --lang pt|en      idioma do texto (padrão: de LC_ALL, LC_MESSAGES ou LANG)

	Exemplos
	  $ smtp-explorer catalog rcpt
	  $ smtp-explorer catalog 550 5.7
	  $ smtp-explorer catalog 587
	  $ smtp-explorer catalog "por que meu e-mail foi rejeitado"
	  $ smtp-explorer catalog --json > catalogo.json
`,

	'explain.usage': 'Uso: smtp-explorer explain <código-de-resposta> [<código-estendido>] | <tópico>   ex.: explain 550 5.7.1',
	'explain.causes': 'Causas prováveis:',
	'explain.tryNext': 'O que tentar:',
	'explain.see': 'Veja:',
	'explain.related': 'Relacionados:',
	'explain.questions': 'Responde a perguntas como:',
	'explain.help': `
	Uso
	  $ smtp-explorer explain CÓDIGO [ESTENDIDO] [--json] [--lang pt|en]
	  $ smtp-explorer explain TÓPICO [--json] [--lang pt|en]

	Explica uma resposta: o que ela significa, o que costuma causá-la e o que tentar. Ou
	mostra a página de um tópico: smtp, session-flow, ports, starttls-vs-implicit-tls, auth-needs-tls,
	by-hand, reading-bounces, greylisting, policy-rejections, vrfy-expn,
	pipelining-explained, eight-bit-and-utf8, delivery-notifications, faq.

	Opções
	  --json            imprime JSON em vez de texto
	  --lang pt|en      idioma do texto (padrão: de LC_ALL, LC_MESSAGES ou LANG)

	Exemplos
	  $ smtp-explorer explain 550 5.7.1
	  $ smtp-explorer explain 5.1.1
	  $ smtp-explorer explain 334
	  $ smtp-explorer explain ports
`,
	'explain.class.success': 'sucesso',
	'explain.class.success.meaning': 'a ação pedida foi concluída.',
	'explain.class.intermediate': 'intermediária',
	'explain.class.intermediate.meaning':
		'o comando foi aceito, mas o servidor precisa de mais alguma coisa do cliente antes de agir, como a mensagem depois do DATA ou a próxima resposta de uma troca AUTH.',
	'explain.class.transient': 'falha temporária',
	'explain.class.transient.meaning': 'o comando não foi aceito, mas a condição é passageira: o mesmo comando pode dar certo mais tarde.',
	'explain.class.permanent': 'falha permanente',
	'explain.class.permanent.meaning': 'o comando não foi aceito, e reenviá-lo sem mudanças vai falhar do mesmo jeito.',
	'explain.second.0': 'um problema de sintaxe ou um comando que não se encaixa em outra categoria',
	'explain.second.1': 'uma resposta a um pedido de informação, como status ou ajuda',
	'explain.second.2': 'o canal de transmissão (a conexão)',
	'explain.second.5': 'o estado do sistema de e-mail',
	'explain.notReplyCode': (code: number) => `${code} não é um código de resposta SMTP: os códigos têm três dígitos e começam com 2, 3, 4 ou 5.`,
	'explain.secondDigit': (digit: number, meaning: string) => ` O segundo dígito, ${digit}, aponta para ${meaning}.`,
	'explain.unregistered': (first: number, className: string, code: number, meaning: string) =>
		`${first}xx: ${className}. O próprio ${code} não é um código registrado, então só os dígitos dizem algo: ${meaning}`,
	'explain.subjectOf': (subject: number, summary: string) => ` O dígito de assunto ${subject} o coloca em "${summary}".`,
	'explain.enhancedUnregistered': (code: string, classSummary: string, subjectSentence: string, classDescription: string) =>
		`${code} não está no registro de códigos de status estendidos, então só a classe diz algo: ${classSummary}.${subjectSentence} ${classDescription}`,
	'explain.notEnhanced': (text: string) => `"${text}" não é um código de status estendido; ele tem a forma classe.assunto.detalhe, como 5.7.1.`,
	'explain.mismatch3xx': (code: number, enhanced: string) =>
		`Uma resposta ${code} nem deveria trazer código de status estendido: respostas 3xx nunca trazem (RFC 2034 3). O ${enhanced} provavelmente é só texto da resposta.`,
	'explain.mismatch': (enhancedClass: number, replyClass: number) =>
		`A classe do código estendido (${enhancedClass}) não bate com o primeiro dígito do código de resposta (${replyClass}). A RFC 2034 3 exige que coincidam; ou o servidor está fora da norma, ou o texto só parece um código estendido.`,
	'explain.nothing': 'Nada para explicar: informe um código de resposta, um código de status estendido ou os dois.',
	'explain.retryLater': 'Tente de novo mais tarde; a falha é temporária',
	'explain.readText': 'Leia o texto da resposta: para um código não registrado, é a única pista',
	'explain.error.none': 'informe um código de resposta (como 550), um código de status estendido (como 5.7.1) ou os dois, ou um tópico (como ports)',
	'explain.error.tooMany': (text: string) => `argumentos demais em "${text}": informe no máximo um código de resposta e um código estendido`,
	'explain.error.notCode': (token: string) => `"${token}" não é um código de resposta SMTP: os códigos têm três dígitos e começam com 2, 3, 4 ou 5`,
	'explain.error.oneCode': 'informe só um código de resposta',
	'explain.error.incomplete': (token: string) => `"${token}" não é um código de status estendido completo: escreva classe.assunto.detalhe, como 5.7.1`,
	'explain.error.notEnhanced': (token: string) => `"${token}" não é um código de status estendido: ele é classe.assunto.detalhe, com classe 2, 4 ou 5, como 5.7.1`,
	'explain.error.oneEnhanced': 'informe só um código de status estendido',
	'explain.error.neither': (token: string, topics: string) =>
		`"${token}" não é código de resposta (como 550), nem código de status estendido (como 5.7.1), nem tópico (${topics})`,

	'export.help': `
	Uso
	  $ smtp-explorer export ARQUIVO.jsonl --as python|node|swaks|curl|script [--lang pt|en]

	Transforma uma sessão salva (uma transcrição em JSON lines, com Ctrl+S ou
	--transcript ARQUIVO.jsonl) em código que envia a mesma mensagem de novo: o mesmo
	servidor, modo de TLS, nome no EHLO, mecanismo de AUTH, envelope e mensagem
	(cabeçalhos e corpo como foram enviados).

	  python   um script Python 3 com smtplib (EHLO, STARTTLS, EHLO, login, sendmail)
	  node     um script Node.js com nodemailer (npm install nodemailer)
	  swaks    uma linha de comando do swaks, com a mensagem na entrada padrão
	  curl     uma linha de comando do curl, com a mensagem na entrada padrão
	  script   um script para o smtp-explorer run, com as respostas esperadas

	Opções
	  --as FORMA        a forma do código: python, node, swaks, curl ou script
	  --lang pt|en      idioma do texto (padrão: de LC_ALL, LC_MESSAGES ou LANG)

	Segredos nunca aparecem na saída: o código os lê do ambiente.
	  SMTP_USER, SMTP_PASSWORD   usuário e senha do AUTH
	  SMTP_CA_FILE               um certificado de CA (PEM) a confiar além dos do sistema

	Exemplos
	  $ smtp-explorer export sessao.jsonl --as python > enviar_email.py
	  $ SMTP_USER=alice SMTP_PASSWORD=... python3 enviar_email.py
	  $ smtp-explorer export sessao.jsonl --as swaks | sh
`,
	'export.error.noFile': 'informe o arquivo de transcrição a exportar (um .jsonl salvo com Ctrl+S ou --transcript)',
	'export.error.tooMany': 'informe um único arquivo de transcrição',
	'export.error.as': (value: string) => `--as aceita python, node, swaks, curl ou script, não "${value}"`,
	'export.error.noAs': 'diga que código gerar com --as python|node|swaks|curl|script',
	'export.error.read': (file: string, reason: string) => `não foi possível ler ${file}: ${reason}`,
	'export.error.badLines': (count: number, first: number) =>
		`${plural('pt', count, {one: '# linha', other: '# linhas'})} da transcrição não puderam ser lidas (a primeira é a linha ${first}); é mesmo uma transcrição em JSON lines?`,
	'export.error.notJsonl': 'só transcrições em JSON lines guardam os bytes exatos da mensagem: salve a sessão como .jsonl',
	'export.reason.no-connection': 'a transcrição não mostra nenhuma conexão (nenhuma linha "connecting to")',
	'export.reason.no-message': 'a transcrição não tem nenhuma mensagem enviada com DATA até o ponto final',
	'export.reason.message-cut': 'a transcrição guardou só as primeiras linhas da mensagem, então o código enviaria outra coisa',
	'export.reason.bdat': 'a mensagem foi enviada com BDAT, e a transcrição não guarda os bytes dos blocos',
	'export.reason.lmtp': 'a sessão falou LMTP (LHLO), e estas formas falam SMTP',
	'export.problem.unix-socket': (form: string, path: string) => `o servidor era um socket Unix (${path}), que o ${form} não alcança`,
	'export.problem.auth-mechanism': (form: string, mechanism: string) => `a sessão usou AUTH ${mechanism}; a forma ${form} só faz login com senha (PLAIN, LOGIN ou CRAM-MD5)`,
	'export.problem.control-characters': (form: string, detail: string) => `a mensagem contém ${detail}, que uma linha de comando do ${form} num terminal não deve levar; use --as python ou --as node`,
	'export.problem.swaks-tokens': (form: string, token: string) => `a mensagem contém ${token}, que o ${form} substituiria; use --as python, node ou curl`,
	'export.error.session': (reason: string) => `nada para exportar: ${reason}`,
};

/** Todas as mensagens em português: as compartilhadas, as do explorador, do validador e do passo a passo, e as dos subcomandos. */
export const pt: Messages = joinTables(sharedPt, uiPt, protocolPt, sessionPt, commandsPt);
