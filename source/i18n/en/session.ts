import {plural} from '../plural.js';

/**
What the session controller writes in the transcript as its own notes, and the waits the
sidebar times, in English. Errors handed to programs (send --json's `message`, run's
report) are built from this table too, always in English: only the notes follow the
session's language.
*/
export const sessionEn = {
	'session.mxLookup': (domain: string, dnsServer: string | undefined) => `looking up the MX records of ${domain}${dnsServer ? ` (DNS server ${dnsServer})` : ''}`,
	'session.nullMx': (domain: string) => `${domain} accepts no mail: it publishes a null MX ("0 .", RFC 7505)`,
	'session.cname': (domain: string, alias: string) => `${domain} is an alias of ${alias} (CNAME)`,
	'session.implicitMx': (domain: string) => `${domain} has no MX record: its own address is the implicit MX (RFC 5321 5.1)`,
	'session.mxHosts': (domain: string, hosts: string) => `MX hosts of ${domain}, in the order to try: ${hosts}`,
	'session.mxNext': (host: string, result: string) => `${host} did not take the session (${result}); trying the next MX host`,
	'session.mxNone': (domain: string, tried: string) => `no MX host of ${domain} took the session: ${tried}`,
	'session.noMxHost': 'no MX host to try',
	'session.banner': (code: number) => `banner ${code}`,
	'session.connecting': (where: string, implicitTls: boolean, proxy: string | undefined) =>
		`connecting to ${where}${implicitTls ? ' (implicit TLS)' : ''}${proxy ? ` through the proxy ${proxy}` : ''}`,
	'session.insecure': 'certificate verification is OFF (--insecure): anyone on the path could read and change this session',
	'session.tlsFailedWith': (where: string, reason: string) => `TLS failed with ${where}: ${reason}`,
	'session.proxyCouldNotReach': (where: string, reason: string) => `the proxy could not reach ${where}: ${reason}`,
	'session.couldNotConnect': (where: string, reason: string) => `could not connect to ${where}: ${reason}`,
	'session.connected': (where: string, proxy: string | undefined, remote: string | undefined, local: string | undefined) =>
		`connected to ${where}${proxy ? ` through ${proxy}` : remote && remote !== where ? ` (${remote})` : ''}${local ? ` from ${local}` : ''}`,
	'session.proxyHeader': (header: string) => `sent the PROXY protocol header first: ${header}`,
	'session.tlsEstablished': (via: string, protocol: string, cipher: string) => `TLS established (${via}): ${protocol}, ${cipher}`,
	'session.certificate': (subject: string, names: string, issuer: string, validTo: string, days: number, fingerprint: string) =>
		`certificate: ${subject}${names ? ` (names: ${names})` : ''}; issuer ${issuer}; valid until ${validTo} (${days} days); SHA-256 ${fingerprint}`,
	'session.verifiedFor': (name: string | undefined) => `certificate verified for ${name ?? 'the server'}`,
	'session.notVerified': (reason: string | undefined) => `certificate NOT verified (--insecure)${reason ? `: ${reason}` : ''}`,
	'session.endNotSent': (reason: string) => `could not send the end of the message: ${reason}`,
	'session.couldNotSend': (verb: string, reason: string) => `could not send ${verb || 'the line'}: ${reason}`,
	'session.readingFailed': (reason: string) => `the message was NOT sent: reading it failed: ${reason}`,
	'session.notSentCompletely': (reason: string) => `the message was NOT sent completely: ${reason}`,
	'session.lineCut': (bytes: number) => `(${bytes} bytes in all)`,
	'session.restNotShown': (bytes: number) => `the rest of the message (${bytes} more bytes) sent, not shown`,
	'session.bdatFollowed': (bytes: number) => `followed by ${bytes} bytes of message`,
	'session.leavingData': 'leaving in the middle of DATA: the message was not sent',
	'session.uploadCancelled': (done: number, total: number | undefined, data: boolean) =>
		`upload cancelled after ${done}${total === undefined ? '' : ` of ${total}`} bytes: the message was NOT sent; closing the connection, since ${data
			? 'every byte before the final dot is message text, so a message cut short cannot be ended without delivering the part sent (RFC 5321 4.1.1.4)'
			: 'the server is owed the rest of the BDAT chunk, and a message never ended by BDAT LAST is never delivered (RFC 3030 2)'}`,
	'session.cancelledWaiting': (label: string) => `cancelled while waiting for ${label}; closing the connection, since later replies could not be matched to commands`,
	'session.line.bareLf': 'bare LF, not CRLF',
	'session.line.unsolicited': 'unsolicited: no command was waiting for it',
	'session.line.delivery': (recipient: string) => `delivery to <${recipient}> (LMTP)`,
	'session.line.decoded': (decoded: string) => `decoded: ${decoded === '' ? '(empty)' : decoded}`,
	'session.line.notBase64': 'challenge is not base64',
	'session.bannerRefused': (reply: string, code: number) => `the server refused service in its banner (${reply})${code === 554 ? '; only QUIT makes sense now' : ''}`,
	'session.closing421': (text: string, verb: string | undefined) => `the server is closing the session (421): ${text}${verb === undefined ? '' : ` (in reply to ${verb || 'the message'})`}`,
	'session.xclientAccepted': 'XCLIENT accepted: the server started a new session as the client it was told about; what it advertised is forgotten, send EHLO again (XCLIENT_README)',
	'session.allRefused': 'every recipient was refused, yet DATA got 354: ending the message at once with a lone "." (RFC 2920 3.1)',
	'session.starttlsRefused': (reply: string) => `STARTTLS refused (${reply}): the session stays in PLAINTEXT`,
	'session.requireTlsClosing': '--require-tls is on: closing rather than going on in plaintext',
	'session.injected': (bytes: number, text: string) => `discarded ${bytes} bytes the server sent after its 220 to STARTTLS, before TLS started (possible STARTTLS response injection): ${text}`,
	'session.starttlsFailed': (reason: string) => `STARTTLS failed: ${reason}; the connection is closed (no plaintext fallback on a half-negotiated socket)`,
	'session.forgetAfterTls': 'everything learned before TLS is forgotten; send EHLO again (RFC 3207 4.2)',
	'session.violation': (verb: string | undefined, message: string, sample: string) =>
		`protocol violation${verb === undefined ? '' : ` in the reply to ${verb || 'the message'}`}: ${message} Received: ${sample}`,
	'session.oversized': 'closing the connection: the server sent more than a reply may hold',
	'session.outOfStep': 'the reply stream is out of step; reconnect for a clean session',
	'session.cutReply': (partial: string) => `the connection closed in the middle of a reply; partial data: ${partial}`,
	'session.who.byUs': (reason: string | undefined) => `closed (${reason ?? 'by the client'})`,
	'session.who.reset': 'reset by the server',
	'session.who.closed': 'closed by the server',
	'session.close.reconnecting': 'reconnecting',
	'session.close.writeFailed': 'write failed',
	'session.close.sourceFailed': 'message source failed',
	'session.close.uploadCancelled': 'upload cancelled',
	'session.close.cancelled': 'cancelled',
	'session.close.byUser': 'closed by the user',
	'session.close.oversized': 'oversized reply',
	'session.close.timeout': (label: string) => `timeout waiting for ${label}`,
	'session.closed.beforeEnd': (who: string) => `connection ${who} before the end of the message: the message was NOT sent`,
	'session.closed.afterDot': (who: string, waitingFor: string) =>
		`connection ${who} after the final dot, before ${waitingFor}: delivery status unknown, the server may have accepted the message (sending it again risks a duplicate)`,
	'session.closed.afterQuit': (who: string) => `connection ${who} after QUIT`,
	'session.closed.waiting': (who: string, waitingFor: string) => `connection ${who} while waiting for ${waitingFor} (treat as a temporary failure, RFC 5321 3.8)`,
	'session.closed.after354': (who: string) => `connection ${who} after 354: the message was NOT sent`,
	'session.closed': (who: string) => `connection ${who}`,
	'session.queueDropped': (count: number, reason: string) => `${plural('en', count, {one: '# queued line', other: '# queued lines'})} not sent: ${reason}`,
	'session.queue.closed421': 'the server closed the session',
	'session.queue.reset': 'the connection was reset',
	'session.queue.closed': 'the connection closed',
	'session.queue.stopped': 'an earlier queued line was stopped',
	'session.queue.changed': 'the session changed',
	'session.queuedNotSent': (line: string, reason: string) => `queued "${line}" not sent: ${reason}`,
	'session.noReplyToMessage': (waited: string, source: string) =>
		`no reply to the message after ${waited} (${source}): delivery status unknown, the server may have accepted it (sending it again risks a duplicate)`,
	'session.noReply': (waited: string, label: string, source: string) =>
		`no reply: waited ${waited} for ${label} (${source}); closing the connection, since later replies could not be matched to commands`,
	'session.port465': 'port 465 usually expects TLS from the first byte: try --tls',
	'session.wait.banner': 'the banner',
	'session.wait.message': 'the reply to the message',
	'session.wait.reply': (verb: string) => `the reply to ${verb || 'the SASL response'}`,
	'session.timeout.connect': 'connect timeout',
	'session.timeout.command': 'command timeout',
	'session.timeout.tlsHandshake': 'TLS handshake timeout',
	'session.timeout.quit': 'QUIT timeout',
	'session.dropped': (count: number, limit: number) => `${count} earlier lines are no longer in memory (the scrollback keeps the last ${limit}); only a --transcript file has them`,
} as const;
