import type {sessionEn} from '../en/session.js';
import {plural} from '../plural.js';
import type {Table} from '../table.js';

/** As notas que o controlador da sessão escreve na transcrição, e as esperas que o painel lateral cronometra, em português do Brasil. */
export const sessionPt: Table<typeof sessionEn> = {
	'session.mxLookup': (domain: string, dnsServer: string | undefined) => `consultando os registros MX de ${domain}${dnsServer ? ` (servidor DNS ${dnsServer})` : ''}`,
	'session.nullMx': (domain: string) => `${domain} não aceita e-mail: publica um MX nulo ("0 .", RFC 7505)`,
	'session.cname': (domain: string, alias: string) => `${domain} é um apelido de ${alias} (CNAME)`,
	'session.implicitMx': (domain: string) => `${domain} não tem registro MX: o próprio endereço é o MX implícito (RFC 5321 5.1)`,
	'session.mxHosts': (domain: string, hosts: string) => `hosts MX de ${domain}, na ordem em que serão tentados: ${hosts}`,
	'session.mxNext': (host: string, result: string) => `${host} não aceitou a sessão (${result}); tentando o próximo host MX`,
	'session.mxNone': (domain: string, tried: string) => `nenhum host MX de ${domain} aceitou a sessão: ${tried}`,
	'session.noMxHost': 'nenhum host MX para tentar',
	'session.banner': (code: number) => `banner ${code}`,
	'session.connecting': (where: string, implicitTls: boolean, proxy: string | undefined) =>
		`conectando a ${where}${implicitTls ? ' (TLS implícito)' : ''}${proxy ? ` através do proxy ${proxy}` : ''}`,
	'session.insecure': 'a verificação de certificado está DESLIGADA (--insecure): qualquer um no caminho poderia ler e alterar esta sessão',
	'session.tlsFailedWith': (where: string, reason: string) => `o TLS com ${where} falhou: ${reason}`,
	'session.proxyCouldNotReach': (where: string, reason: string) => `o proxy não conseguiu alcançar ${where}: ${reason}`,
	'session.couldNotConnect': (where: string, reason: string) => `não foi possível conectar a ${where}: ${reason}`,
	'session.connected': (where: string, proxy: string | undefined, remote: string | undefined, local: string | undefined) =>
		`conectado a ${where}${proxy ? ` através de ${proxy}` : remote && remote !== where ? ` (${remote})` : ''}${local ? ` a partir de ${local}` : ''}`,
	'session.proxyHeader': (header: string) => `enviado antes o cabeçalho do PROXY protocol: ${header}`,
	'session.tlsEstablished': (via: string, protocol: string, cipher: string) => `TLS estabelecido (${via}): ${protocol}, ${cipher}`,
	'session.certificate': (subject: string, names: string, issuer: string, validTo: string, days: number, fingerprint: string) =>
		`certificado: ${subject}${names ? ` (nomes: ${names})` : ''}; emissor ${issuer}; válido até ${validTo} (${plural('pt', days, {one: '# dia', other: '# dias'})}); SHA-256 ${fingerprint}`,
	'session.verifiedFor': (name: string | undefined) => `certificado verificado para ${name ?? 'o servidor'}`,
	'session.notVerified': (reason: string | undefined) => `certificado NÃO verificado (--insecure)${reason ? `: ${reason}` : ''}`,
	'session.endNotSent': (reason: string) => `não foi possível enviar o fim da mensagem: ${reason}`,
	'session.couldNotSend': (verb: string, reason: string) => `não foi possível enviar ${verb || 'a linha'}: ${reason}`,
	'session.readingFailed': (reason: string) => `a mensagem NÃO foi enviada: a leitura dela falhou: ${reason}`,
	'session.notSentCompletely': (reason: string) => `a mensagem NÃO foi enviada por completo: ${reason}`,
	'session.lineCut': (bytes: number) => `(${bytes} bytes ao todo)`,
	'session.restNotShown': (bytes: number) => `o resto da mensagem (mais ${bytes} bytes) foi enviado, sem ser mostrado`,
	'session.bdatFollowed': (bytes: number) => `seguido de ${bytes} bytes da mensagem`,
	'session.leavingData': 'saindo no meio do DATA: a mensagem não foi enviada',
	'session.uploadCancelled': (done: number, total: number | undefined, data: boolean) =>
		`envio cancelado depois de ${done}${total === undefined ? '' : ` de ${total}`} bytes: a mensagem NÃO foi enviada; fechando a conexão, já que ${data
			? 'todo byte antes do ponto final é texto da mensagem, então uma mensagem interrompida não pode ser encerrada sem entregar a parte enviada (RFC 5321 4.1.1.4)'
			: 'o servidor espera o resto do bloco BDAT, e uma mensagem que nunca termina com BDAT LAST nunca é entregue (RFC 3030 2)'}`,
	'session.cancelledWaiting': (label: string) => `cancelado enquanto esperava ${label}; fechando a conexão, já que as respostas seguintes não poderiam ser associadas aos comandos`,
	'session.line.bareLf': 'LF sozinho, não CRLF',
	'session.line.unsolicited': 'não solicitada: nenhum comando esperava por ela',
	'session.line.delivery': (recipient: string) => `entrega para <${recipient}> (LMTP)`,
	'session.line.decoded': (decoded: string) => `decodificado: ${decoded === '' ? '(vazio)' : decoded}`,
	'session.line.notBase64': 'o desafio não está em base64',
	'session.bannerRefused': (reply: string, code: number) => `o servidor recusou o serviço no banner (${reply})${code === 554 ? '; agora só o QUIT faz sentido' : ''}`,
	'session.closing421': (text: string, verb: string | undefined) => `o servidor está encerrando a sessão (421): ${text}${verb === undefined ? '' : ` (em resposta ${verb ? `ao ${verb}` : 'à mensagem'})`}`,
	'session.xclientAccepted': 'XCLIENT aceito: o servidor começou uma nova sessão como o cliente informado; o que ele anunciou foi esquecido, envie EHLO de novo (XCLIENT_README)',
	'session.allRefused': 'todos os destinatários foram recusados, mas o DATA recebeu 354: encerrando a mensagem na hora com um "." sozinho (RFC 2920 3.1)',
	'session.starttlsRefused': (reply: string) => `STARTTLS recusado (${reply}): a sessão continua SEM CRIPTOGRAFIA`,
	'session.requireTlsClosing': '--require-tls está ligado: fechando em vez de continuar sem criptografia',
	'session.injected': (bytes: number, text: string) =>
		`descartados ${bytes} bytes que o servidor enviou depois do 220 ao STARTTLS, antes de o TLS começar (possível injeção de resposta no STARTTLS): ${text}`,
	'session.starttlsFailed': (reason: string) => `o STARTTLS falhou: ${reason}; a conexão foi fechada (sem voltar ao texto sem criptografia num socket meio negociado)`,
	'session.forgetAfterTls': 'tudo o que se soube antes do TLS foi esquecido; envie EHLO de novo (RFC 3207 4.2)',
	'session.violation': (verb: string | undefined, message: string, sample: string) =>
		`violação de protocolo${verb === undefined ? '' : ` na resposta ${verb ? `ao ${verb}` : 'à mensagem'}`}: ${message} Recebido: ${sample}`,
	'session.oversized': 'fechando a conexão: o servidor enviou mais do que uma resposta pode ter',
	'session.outOfStep': 'o fluxo de respostas saiu de sincronia; reconecte para ter uma sessão limpa',
	'session.cutReply': (partial: string) => `a conexão fechou no meio de uma resposta; dados parciais: ${partial}`,
	'session.who.byUs': (reason: string | undefined) => `fechada (${reason ?? 'pelo cliente'})`,
	'session.who.reset': 'reiniciada (reset) pelo servidor',
	'session.who.closed': 'fechada pelo servidor',
	'session.close.reconnecting': 'reconectando',
	'session.close.writeFailed': 'a escrita falhou',
	'session.close.sourceFailed': 'a leitura da mensagem falhou',
	'session.close.uploadCancelled': 'envio cancelado',
	'session.close.cancelled': 'cancelado',
	'session.close.byUser': 'fechada pelo usuário',
	'session.close.oversized': 'resposta grande demais',
	'session.close.timeout': (label: string) => `tempo esgotado esperando ${label}`,
	'session.closed.beforeEnd': (who: string) => `conexão ${who} antes do fim da mensagem: a mensagem NÃO foi enviada`,
	'session.closed.afterDot': (who: string, waitingFor: string) =>
		`conexão ${who} depois do ponto final, enquanto esperava ${waitingFor}: não se sabe se foi entregue, o servidor pode ter aceitado a mensagem (enviar de novo pode duplicá-la)`,
	'session.closed.afterQuit': (who: string) => `conexão ${who} depois do QUIT`,
	'session.closed.waiting': (who: string, waitingFor: string) => `conexão ${who} enquanto esperava ${waitingFor} (trate como falha temporária, RFC 5321 3.8)`,
	'session.closed.after354': (who: string) => `conexão ${who} depois do 354: a mensagem NÃO foi enviada`,
	'session.closed': (who: string) => `conexão ${who}`,
	'session.queueDropped': (count: number, reason: string) =>
		`${plural('pt', count, {one: '# linha na fila não foi enviada', other: '# linhas na fila não foram enviadas'})}: ${reason}`,
	'session.queue.closed421': 'o servidor encerrou a sessão',
	'session.queue.reset': 'a conexão foi reiniciada (reset)',
	'session.queue.closed': 'a conexão foi fechada',
	'session.queue.stopped': 'uma linha anterior da fila foi barrada',
	'session.queue.changed': 'a sessão mudou',
	'session.queuedNotSent': (line: string, reason: string) => `"${line}", que estava na fila, não foi enviado: ${reason}`,
	'session.noReplyToMessage': (waited: string, source: string) =>
		`nenhuma resposta à mensagem depois de ${waited} (${source}): não se sabe se foi entregue, o servidor pode tê-la aceitado (enviar de novo pode duplicá-la)`,
	'session.noReply': (waited: string, label: string, source: string) =>
		`sem resposta: ${label} não chegou em ${waited} (${source}); fechando a conexão, já que as respostas seguintes não poderiam ser associadas aos comandos`,
	'session.port465': 'a porta 465 costuma esperar TLS desde o primeiro byte: tente --tls',
	'session.wait.banner': 'o banner',
	'session.wait.message': 'a resposta à mensagem',
	'session.wait.reply': (verb: string) => (verb ? `a resposta ao ${verb}` : 'a resposta à resposta SASL'),
	'session.timeout.connect': 'tempo de conexão',
	'session.timeout.command': 'tempo de comando',
	'session.timeout.tlsHandshake': 'tempo do handshake TLS',
	'session.timeout.quit': 'tempo do QUIT',
	'session.dropped': (count: number, limit: number) =>
		`${count} linhas anteriores não estão mais na memória (o histórico guarda as últimas ${limit}); só um arquivo de --transcript as tem`,
};
