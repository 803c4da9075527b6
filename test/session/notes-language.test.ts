import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {loadLanguage, setLanguage} from '../../source/i18n/messages.js';
import {formatJsonLine, parseJsonLine} from '../../source/protocol/transcript-format.js';
import {connectingTo, tlsEstablished} from '../../source/protocol/transcript.js';
import {eventually, useFakeSessions} from '../helpers/session.js';

/**
The session controller's own notes and the wait the sidebar times speak the process's
language; what programs get (outcomes, errors) stays English, and the notes export reads
back carry a language-free event.
*/
const {session} = useFakeSessions();
beforeAll(async () => {
	await loadLanguage('pt');
});
afterEach(() => setLanguage('en'));

describe('the session notes in Portuguese', () => {
	it('writes its notes and wait labels in Portuguese, the "connecting" note with its event', async () => {
		setLanguage('pt');
		const {controller, server} = await session({greeting: [{delayMs: 300}, '220 fake.test ESMTP ready\r\n'], replies: {NOOP: [{delayMs: 300}, '250 ok\r\n']}});
		const connected = controller.connect();
		await eventually(() => controller.getSnapshot().wait !== undefined, 'the banner wait');
		expect(controller.getSnapshot().wait?.label).toBe('o banner');
		await connected;
		const where = `${server.host}:${server.port}`;
		const notes = controller.transcript.entries.filter(entry => entry.kind === 'info');
		expect(notes[0]).toMatchObject({text: `conectando a ${where}`, event: {type: 'connecting', target: where, implicitTls: false}});
		expect(notes.map(entry => entry.text).join('\n')).toContain(`conectado a ${where}`);
		expect(notes.map(entry => entry.text).join('\n')).not.toContain('connect');

		// The note read back from a saved JSON line still names the target, whatever its text says.
		const saved = parseJsonLine(formatJsonLine(notes[0]!), 1);
		expect(saved instanceof Error ? saved : connectingTo(saved)).toEqual({target: where, implicitTls: false});

		const pending = controller.command('NOOP');
		await eventually(() => controller.getSnapshot().wait?.label === 'a resposta ao NOOP', 'the NOOP wait');
		await pending;
	});

	it('keeps the outcome a program reads in English while the note is Portuguese', async () => {
		setLanguage('pt');
		const {controller} = await session({greeting: '554 go away\r\n'});
		const outcome = await controller.connect();
		expect(outcome).toMatchObject({ok: false, stage: 'greeting', message: 'banner 554 go away'});
		expect(controller.transcript.entries.map(entry => entry.text)).toContain('o servidor recusou o serviço no banner (554 go away); agora só o QUIT faz sentido');
	});

	it('words a protocol violation in Portuguese in the note, and in English in the error programs read', async () => {
		setLanguage('pt');
		const {controller} = await session({replies: {NOOP: 'nonsense\r\n'}});
		await controller.connect();
		const outcome = await controller.command('NOOP');
		expect(outcome.ok).toBe(false);
		expect(outcome.ok ? undefined : outcome.error.message).toBe('protocol violation: A reply line does not start with a three-digit code.');
		const errors = controller.transcript.entries.filter(entry => entry.kind === 'error').map(entry => entry.text);
		expect(errors.join('\n')).toContain('violação de protocolo na resposta ao NOOP: Uma linha de resposta não começa com um código de três dígitos.');
		expect(errors.join('\n')).not.toContain('three-digit');
		// The validator's out-of-step warning quotes the same words, in the session's language.
		expect(controller.sessionState.desynchronized).toBe('Uma linha de resposta não começa com um código de três dígitos.');
	});

	it('says why the session ended (a 421) in Portuguese in the protocol state the sidebar shows', async () => {
		setLanguage('pt');
		const {controller} = await session({replies: {NOOP: ['421 4.3.2 going down\r\n', {close: 'fin'}]}});
		await controller.connect();
		await controller.command('NOOP');
		expect(controller.sessionState.closedReason).toBe('o servidor está fechando a conexão (421 4.3.2 going down)');
	});

	it('reads transcripts saved before events by their English text', () => {
		const old = {id: 1, at: 0, kind: 'info' as const, tls: false, text: 'connecting to mx.example.com:25 (implicit TLS)'};
		expect(connectingTo(old)).toEqual({target: 'mx.example.com:25', implicitTls: true});
		expect(tlsEstablished({...old, text: 'TLS established (starttls): TLSv1.3, TLS_AES_128_GCM_SHA256'})).toBe('starttls');
		expect(connectingTo({...old, text: 'conectando a mx.example.com:25'})).toBeUndefined();
	});
});
