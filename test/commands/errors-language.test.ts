import {describe, expect, it} from 'vitest';
import {main as probe} from '../../source/commands/probe.js';
import {main as run} from '../../source/commands/run.js';
import {main as send} from '../../source/commands/send.js';
import {fakeIo, useCommandServers} from '../helpers/command-io.js';

/**
The typed errors of a session carry their words as a wording, not as English text: send,
run and probe print them for a person in the reader's language, while send --json and
probe's JSON keep the English message programs read.
*/

const servers = useCommandServers();
const {dir, fake} = servers;
const pt = {LANG: 'pt_BR.UTF-8'};

async function sendTo(port: number, env: NodeJS.ProcessEnv, ...extra: string[]) {
	const io = fakeIo({env});
	const code = await send([`127.0.0.1:${port}`, '--from', 'a@example.com', '--to', 'b@example.org', '--subject', 'Oi', '--body', 'corpo', '--ehlo', 'client.example.com', ...extra], io.io);
	return {code, stdout: io.stdout, stderr: io.stderr};
}

let scripts = 0;
async function runScript(script: string, port: number, env: NodeJS.ProcessEnv) {
	const path = dir.file(`errors-${++scripts}.smtp`, script);
	const io = fakeIo({env});
	const code = await run([path, `127.0.0.1:${port}`], io.io);
	return {code, stdout: io.stdout, stderr: io.stderr};
}

/** The parts of send --json that differ from run to run. */
const steady = (json: string, port: number) => json.replaceAll(String(port), 'PORT');

describe('send: a session error for a person in Portuguese, in English for programs', () => {
	it('a 421 to MAIL: "MAIL FROM recusado" on stderr; JSON the same as an English run', async () => {
		const server = await fake({replies: {MAIL: ['421 4.3.2 shutting down\r\n', {close: 'fin'}]}});
		const {code, stderr, stdout} = await sendTo(server.port, pt);
		expect(code).toBe(12);
		expect(stdout).toBe('');
		expect(stderr).toBe('smtp-explorer send: MAIL FROM recusado: 421 4.3.2 shutting down\n');

		const english = await sendTo(server.port, {});
		expect(english.stderr).toBe('smtp-explorer send: MAIL FROM refused: 421 4.3.2 shutting down\n');

		const json = await sendTo(server.port, pt, '--json');
		const englishJson = await sendTo(server.port, {}, '--json');
		expect(json.code).toBe(12);
		expect(steady(json.stdout, server.port)).toBe(steady(englishJson.stdout, server.port));
		expect(JSON.parse(json.stdout)).toMatchObject({sent: false, error: {stage: 'mail', type: 'reply', message: '421 4.3.2 shutting down'}});
		expect(json.stderr).toBe('smtp-explorer send: MAIL FROM recusado: 421 4.3.2 shutting down\n');
	});

	it('the connection closed by the server: no reply to RCPT, in Portuguese; the JSON message in English', async () => {
		const server = await fake({replies: {RCPT: {close: 'fin'}}});
		const {code, stderr} = await sendTo(server.port, pt);
		expect(code).toBe(12);
		expect(stderr).toMatch(/^smtp-explorer send: sem resposta ao RCPT: conexão fechada pelo servidor /);
		expect(stderr).not.toMatch(/closed by the server|no reply to/);
		const json = await sendTo(server.port, pt, '--json');
		expect(JSON.parse(json.stdout)).toMatchObject({error: {stage: 'rcpt', type: 'transport', kind: 'closed', message: 'connection closed by the server'}});
	});

	it('a refused message: "a mensagem foi recusada", with the server\'s reply as it came', async () => {
		const server = await fake({replies: {'DATA-END': '554 5.6.0 rejected as spam\r\n'}});
		const {code, stderr} = await sendTo(server.port, pt);
		expect(code).toBe(11);
		expect(stderr).toBe('smtp-explorer send: a mensagem foi recusada: 554 5.6.0 rejected as spam\n');
	});
});

describe('run and probe: the same errors in Portuguese', () => {
	it('run: a 421 that ends the session is said in Portuguese', async () => {
		const server = await fake({replies: {NOOP: ['421 4.3.2 going away\r\n', {close: 'fin'}]}});
		const {code, stderr} = await runScript('EHLO client.example.com\nEXPECT 250\nNOOP\nNOOP\n', server.port, pt);
		expect(code).toBe(12);
		expect(stderr).toMatch(/^smtp-explorer run: \S+ linha 3: o servidor encerrou a sessão: 421 4\.3\.2 going away\n/);
		const english = await runScript('EHLO client.example.com\nEXPECT 250\nNOOP\nNOOP\n', server.port, {});
		expect(english.stderr).toMatch(/^smtp-explorer run: \S+ line 3: the server closed the session: 421 4\.3\.2 going away\n/);
	});

	it('run: the server closing the connection mid-session', async () => {
		const server = await fake({replies: {NOOP: {close: 'fin'}}});
		const {code, stderr} = await runScript('EHLO client.example.com\nEXPECT 250\nNOOP\n', server.port, pt);
		expect(code).toBe(12);
		expect(stderr).toMatch(/^smtp-explorer run: \S+ linha 3: NOOP: conexão fechada pelo servidor\n/);
	});

	it('probe: a refused banner on stderr in Portuguese, the JSON message in English', async () => {
		const server = await fake({greeting: ['421 4.3.2 too busy, try later\r\n', {close: 'fin'}]});
		const io = fakeIo({env: pt});
		const code = await probe([`127.0.0.1:${server.port}`, '--ehlo', 'probe.example.com'], io.io);
		expect(code).toBe(5);
		expect(io.stderr).toBe('smtp-explorer probe: falha em banner do servidor: o servidor recusou o serviço no banner: 421 4.3.2 too busy, try later\n');
		expect(JSON.parse(io.stdout)).toMatchObject({error: {message: 'the server refused service in its banner: 421 4.3.2 too busy, try later'}});
	});
});

describe('the shared flags\' errors and send\'s own, in Portuguese', () => {
	it('a flag error of the shared connection flags, in send, probe and run; nothing is sent', async () => {
		const server = await fake({});
		const sent = await sendTo(server.port, pt, '--tls', '--starttls');
		expect(sent.code).toBe(2);
		expect(sent.stderr).toBe('smtp-explorer send: --tls e --starttls se excluem: --tls começa o TLS de imediato, --starttls faz o upgrade de uma conexão sem criptografia\n');

		const io = fakeIo({env: pt});
		expect(await probe([`127.0.0.1:${server.port}`, '--ehlo', 'not a name'], io.io)).toBe(2);
		expect(io.stderr).toBe('smtp-explorer probe: --ehlo "not a name" não é um domínio nem um endereço literal como [192.0.2.1] (RFC 5321 4.1.1.1)\n');

		const script = dir.file('flags.smtp', 'EHLO client.example.com\nEXPECT 250\n');
		const runIo = fakeIo({env: pt});
		expect(await run([script, `127.0.0.1:${server.port}`, '--servername', 'bad name'], runIo.io)).toBe(2);
		expect(runIo.stderr).toBe('smtp-explorer run: --servername "bad name" não é um nome de host\n');

		const english = await sendTo(server.port, {}, '--tls', '--starttls');
		expect(english.stderr).toBe('smtp-explorer send: --tls and --starttls exclude each other: --tls starts TLS at once, --starttls upgrades a plaintext connection\n');
		expect(server.connections).toBe(0);
	});

	it('send\'s usage errors: a missing --from, a bad --chunk-size', async () => {
		const server = await fake({});
		const io = fakeIo({env: pt});
		expect(await send([`127.0.0.1:${server.port}`, '--to', 'b@example.org', '--subject', 'Oi', '--body', 'x'], io.io)).toBe(2);
		expect(io.stderr).toBe('smtp-explorer send: --from é obrigatório\n');
		const chunk = await sendTo(server.port, pt, '--bdat', '--chunk-size', 'big');
		expect(chunk.stderr).toBe('smtp-explorer send: --chunk-size "big" não é um número positivo de bytes\n');
		expect(server.connections).toBe(0);
	});

	it('--bdat without CHUNKING: said in Portuguese on stderr, in English in send --json; MAIL never sent', async () => {
		const server = await fake({replies: {EHLO: '250-fake.test\r\n250 8BITMIME\r\n'}});
		const {code, stderr, stdout} = await sendTo(server.port, pt, '--bdat', '--json');
		expect(code).toBe(11);
		expect(stderr).toBe('smtp-explorer send: MAIL não enviado: --bdat exige CHUNKING (RFC 3030), e o servidor não o oferece; tire o --bdat para enviar com DATA\n');
		expect(JSON.parse(stdout)).toMatchObject({sent: false, error: {stage: 'send', type: 'not-sent', message: 'MAIL not sent: --bdat needs CHUNKING (RFC 3030), and the server does not offer it; leave --bdat out to send with DATA'}});
		expect(server.received.toString()).not.toContain('MAIL FROM');
	});

	it('a sent message\'s summary line, in Portuguese', async () => {
		const server = await fake({});
		const {code, stdout} = await sendTo(server.port, pt);
		expect(code).toBe(0);
		expect(stdout).toMatch(/^enviado: 250 .* \(de <a@example\.com> para <b@example\.org>, \d+ bytes\)\n$/);
	});
});
