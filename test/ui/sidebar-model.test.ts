import {afterEach, describe, expect, it} from 'vitest';
import {loadCatalogLanguage} from '../../source/catalog/localize.js';
import {setLanguage} from '../../source/i18n/messages.js';
import {parseEhlo} from '../../source/protocol/ehlo.js';
import {initialSessionState, type SessionState, type TlsState} from '../../source/protocol/session.js';
import type {Target} from '../../source/protocol/target.js';
import {daysLeft, describeExtension, formatBytes, type SidebarInput, sidebarSections} from '../../source/ui/sidebar-model.js';
import {ehloReply, greetedState, testTls} from '../helpers/session-state.js';

const now = Date.parse('2026-11-28T12:00:00Z');
const target: Target = {kind: 'tcp', host: 'mx.example.com', port: 587};
const plan = {ehloName: 'client.example.com'};
const input = (state: SessionState, extra: Partial<SidebarInput> = {}): SidebarInput => ({state, target, insecure: false, queued: 0, now, plan, ...extra});
const section = (state: SessionState, title: string, extra: Partial<SidebarInput> = {}) => sidebarSections(input(state, extra)).find(item => item.title === title);
const ext = (keyword: string, ...params: string[]) => ({keyword, params, line: [keyword, ...params].join(' ')});

const certificate = (validTo: string) => ({
	subject: 'mx.example.com',
	altNames: ['mx.example.com'],
	issuer: 'Example CA',
	validFrom: '2026-01-01T00:00:00Z',
	validTo,
	fingerprint256: 'AA:BB',
	selfSigned: false,
});

describe('formatBytes', () => {
	it.each([
		[0, '0 bytes'],
		[1, '1 byte'],
		[1023, '1023 bytes'],
		[1024, '1 KB'],
		[1536, '1.5 KB'],
		[10_239, '10 KB'],
		[10_240, '10 KB'],
		[1_000_000, '977 KB'],
		[1_048_575, '1 MB'],
		[1_048_576, '1 MB'],
		[1_572_864, '1.5 MB'],
		[10_485_760, '10 MB'],
		[26_214_400, '25 MB'],
		[35_882_577, '34 MB'],
		[52_428_800, '50 MB'],
		[157_286_400, '150 MB'],
	])('%i -> %j', (bytes, text) => {
		expect(formatBytes(bytes)).toBe(text);
	});
});

describe('describeExtension', () => {
	it.each([
		['SIZE with a limit', ext('SIZE', '26214400'), 'up to 25 MB'],
		['SIZE without a number', ext('SIZE'), 'no fixed limit'],
		['SIZE 0 (no fixed limit, RFC 1870)', ext('SIZE', '0'), 'no fixed limit'],
		['AUTH: the mechanisms', ext('AUTH', 'PLAIN', 'LOGIN', 'CRAM-MD5'), 'PLAIN LOGIN CRAM-MD5'],
		['PIPELINING', ext('PIPELINING'), 'batches of commands'],
		['DELIVERBY with a minimum', ext('DELIVERBY', '240'), 'deliver within 240s'],
		['DELIVERBY without one', ext('DELIVERBY'), 'deliver-by deadlines'],
		['MT-PRIORITY with a profile', ext('MT-PRIORITY', 'MIXER'), 'priorities (MIXER)'],
		['LIMITS', ext('LIMITS', 'RCPTMAX=100', 'MAILMAX=10'), 'RCPTMAX=100 MAILMAX=10'],
		['a catalog keyword: its summary', ext('BURL', 'imap'), 'Submit a message by reference to an IMAP URL (imap)'],
		['a vendor keyword: the summary, naming the vendor once', ext('XCLIENT', 'NAME', 'ADDR'), 'Pass the real client details to the server (Postfix) (NAME ADDR)'],
		['a vendor keyword without params', ext('PRDR'), 'Per-recipient replies after DATA (Exim and others)'],
		['an unknown keyword with params: the params', ext('X-ACME-FOO', 'bar'), 'bar'],
		['an unknown keyword alone', ext('X-ACME-FOO'), 'not in the catalog'],
	])('%s', (_name, extension, text) => {
		expect(describeExtension(extension)).toBe(text);
	});
});

describe('describeExtension in a Portuguese session', () => {
	afterEach(() => {
		setLanguage('en');
	});

	it('takes the catalog summary from the Portuguese catalog, as the rest of the sidebar speaks', async () => {
		await loadCatalogLanguage('pt');
		setLanguage('pt');
		expect(describeExtension(ext('BURL', 'imap'))).toBe('Submete uma mensagem por referência a uma URL IMAP (imap)');
		expect(describeExtension(ext('PRDR'))).toBe('Respostas por destinatário depois do DATA (Exim e outros)');
		expect(describeExtension(ext('SIZE', '26214400'))).toBe('até 25 MB');
	});
});

describe('daysLeft', () => {
	it('counts whole days until the certificate expires', () => {
		expect(daysLeft({...testTls, peer: certificate('2027-02-26T12:00:00Z')}, now)).toBe(90);
	});

	it('rounds a part day down', () => {
		expect(daysLeft({...testTls, peer: certificate('2026-11-29T11:00:00Z')}, now)).toBe(0);
	});

	it('is negative for an expired certificate', () => {
		expect(daysLeft({...testTls, peer: certificate('2026-11-26T12:00:00Z')}, now)).toBe(-2);
	});

	it('is undefined without a certificate', () => {
		expect(daysLeft(testTls, now)).toBeUndefined();
	});
});

describe('sidebarSections: a plaintext greeted session', () => {
	const state = greetedState();

	it('has the sections in order: session, tls, identity, extensions, next', () => {
		expect(sidebarSections(input(state)).map(item => item.title)).toEqual(['session', 'tls', 'identity', 'extensions (5)', 'next']);
	});

	it('names the server and the phase, and keeps a row for the wait even when there is none', () => {
		expect(section(state, 'session')?.lines).toEqual([
			{label: 'server', value: 'mx.example.com:587', tone: 'normal'},
			{label: 'phase', value: 'greeted', tone: 'normal'},
			{label: 'waiting', value: '–', tone: 'dim'},
		]);
	});

	it('says PLAINTEXT as a warning', () => {
		expect(section(state, 'tls')?.lines).toEqual([{label: 'tls', value: 'none: PLAINTEXT', tone: 'warning'}]);
	});

	it('shows the greeting name', () => {
		expect(section(state, 'identity')?.lines).toEqual([{label: 'ehlo', value: 'client.example.com', tone: 'normal'}]);
	});

	it('lists the extensions in words, in the server\'s order', () => {
		expect(section(state, 'extensions (5)')?.lines).toEqual([
			{label: 'PIPELINING', value: 'batches of commands', tone: 'normal'},
			{label: 'SIZE', value: 'up to 977 KB', tone: 'normal'},
			{label: '8BITMIME', value: '8-bit message bodies', tone: 'normal'},
			{label: 'STARTTLS', value: 'TLS upgrade offered', tone: 'normal'},
			{label: 'AUTH', value: 'PLAIN LOGIN', tone: 'normal'},
		]);
	});

	it('suggests STARTTLS next', () => {
		expect(section(state, 'next')?.lines).toEqual([{label: 'try', value: 'STARTTLS', tone: 'normal'}]);
	});

	it('shows the resolved address only when it differs from the target', () => {
		expect(section(state, 'session', {remote: '203.0.113.5:587'})?.lines[1]).toEqual({label: 'address', value: '203.0.113.5:587', tone: 'dim'});
		expect(section(state, 'session', {remote: 'mx.example.com:587'})?.lines.map(line => line.label)).toEqual(['server', 'phase', 'waiting']);
	});

	it('says nothing about TLS when disconnected', () => {
		expect(section(initialSessionState(), 'tls')).toBeUndefined();
	});
});

describe('sidebarSections: TLS', () => {
	const tls: TlsState = {...testTls, servername: 'mx.example.com', peer: certificate('2027-02-26T12:00:00Z')};
	const state = greetedState(['PIPELINING', 'AUTH PLAIN'], {tls});

	it('a verified session: protocol, cipher, certificate with days left, and the name it was checked against', () => {
		expect(section(state, 'tls')?.lines).toEqual([
			{label: 'tls', value: 'TLSv1.3 (starttls)', tone: 'ok'},
			{label: 'cipher', value: 'TLS_AES_256_GCM_SHA384', tone: 'dim'},
			{label: 'cert', value: 'mx.example.com, 90d left', tone: 'normal'},
			{label: 'verified', value: 'mx.example.com', tone: 'ok'},
		]);
	});

	it('a certificate expiring within two weeks is a warning', () => {
		const soon = greetedState([], {tls: {...tls, peer: certificate('2026-12-08T12:00:00Z')}});
		expect(section(soon, 'tls')?.lines[2]).toEqual({label: 'cert', value: 'mx.example.com, 10d left', tone: 'warning'});
	});

	it('an insecure session: not verified and checks OFF, both as errors', () => {
		const insecure = greetedState([], {tls: {...testTls, via: 'implicit', verified: false, insecure: true, verifyError: 'self-signed certificate'}});
		expect(section(insecure, 'tls', {insecure: true})?.lines).toEqual([
			{label: 'tls', value: 'TLSv1.3 (implicit)', tone: 'error'},
			{label: 'cipher', value: 'TLS_AES_256_GCM_SHA384', tone: 'dim'},
			{label: 'verified', value: 'NO: self-signed certificate', tone: 'error'},
			{label: 'checks', value: 'certificate checks OFF', tone: 'error'},
		]);
	});

	it('checks OFF is shown even before TLS', () => {
		expect(section(greetedState(), 'tls', {insecure: true})?.lines.at(-1)).toEqual({label: 'checks', value: 'certificate checks OFF', tone: 'error'});
	});
});

describe('sidebarSections: identity', () => {
	it('shows who is logged in, and how', () => {
		const state = greetedState([], {auth: {mechanism: 'PLAIN', identity: 'alice'}});
		expect(section(state, 'identity')?.lines[1]).toEqual({label: 'auth', value: 'alice via PLAIN', tone: 'ok'});
	});

	it('shows an exchange in progress as a warning', () => {
		const state = greetedState([], {sasl: {mechanism: 'LOGIN', rounds: 1}});
		expect(section(state, 'identity')?.lines[1]).toEqual({label: 'auth', value: 'LOGIN in progress', tone: 'warning'});
	});
});

describe('sidebarSections: the envelope', () => {
	const ok = {code: 250, text: 'ok'};
	const state = greetedState([], {
		phase: 'rcpt',
		envelope: {
			from: {address: 'a@example.com', status: 'accepted', reply: ok},
			recipients: [
				{address: 'b@example.org', status: 'accepted', reply: ok},
				{address: 'c@example.org', status: 'rejected', reply: {code: 550, enhanced: '5.1.1', text: 'no such user'}},
				{address: 'd@example.org', status: 'pending'},
			],
			body: 'none',
		},
	});

	it('lists the sender and each recipient, the verdict before the address, toned by outcome', () => {
		expect(section(state, 'envelope')?.lines).toEqual([
			{label: 'from', value: '✓250 <a@example.com>', tone: 'ok'},
			{label: 'rcpt', value: '✓250 <b@example.org>', tone: 'ok'},
			{label: 'rcpt', value: '✗550 <c@example.org>', tone: 'error'},
			{label: 'rcpt', value: '… <d@example.org>', tone: 'dim'},
		]);
	});

	it('suggests DATA once a recipient is accepted', () => {
		expect(section(state, 'next')?.lines).toEqual([{label: 'try', value: 'DATA', tone: 'normal'}]);
	});

	it('after the transaction, shows how the last one ended', () => {
		const done = greetedState([], {lastTransaction: {from: 'a@example.com', recipients: [], reply: {code: 250, text: '2.0.0 queued as ABC'}, accepted: true}});
		expect(section(done, 'envelope')?.lines).toEqual([{label: 'last', value: 'accepted: 250 2.0.0 queued as ABC', tone: 'ok'}]);
	});

	it('a refused transaction is an error', () => {
		const refused = greetedState([], {lastTransaction: {from: 'a@example.com', recipients: [], reply: {code: 554, text: 'rejected'}, accepted: false}});
		expect(section(refused, 'envelope')?.lines).toEqual([{label: 'last', value: 'refused: 554 rejected', tone: 'error'}]);
	});

	it('has no envelope section before MAIL', () => {
		expect(section(greetedState(), 'envelope')).toBeUndefined();
	});
});

describe('sidebarSections: after STARTTLS', () => {
	const before = parseEhlo(ehloReply('PIPELINING', 'SIZE 10485760', 'STARTTLS'));
	const state = greetedState(['PIPELINING', 'SIZE 52428800', 'AUTH PLAIN LOGIN'], {tls: testTls, ehloBeforeTls: before});

	it('lists what TLS added, changed and removed', () => {
		expect(section(state, 'after STARTTLS')?.lines).toEqual([
			{label: '+', value: 'AUTH PLAIN LOGIN', tone: 'ok'},
			{label: '~', value: 'SIZE 52428800', tone: 'normal'},
			{label: '-', value: 'STARTTLS', tone: 'dim'},
		]);
	});

	it('comes right after the extensions', () => {
		const titles = sidebarSections(input(state)).map(item => item.title);
		expect(titles.slice(titles.indexOf('extensions (3)'))).toEqual(['extensions (3)', 'after STARTTLS', 'next']);
	});

	it('is left out when nothing changed', () => {
		const same = greetedState(['PIPELINING'], {tls: testTls, ehloBeforeTls: parseEhlo(ehloReply('PIPELINING'))});
		expect(section(same, 'after STARTTLS')).toBeUndefined();
	});

	it('is left out until the new EHLO is answered', () => {
		const waiting = {...initialSessionState(), phase: 'connected' as const, tls: testTls, needsEhlo: true, ehloBeforeTls: before};
		expect(section(waiting, 'after STARTTLS')).toBeUndefined();
	});
});

describe('sidebarSections: waiting, queued, trouble', () => {
	const state = greetedState();

	it('shows what it waits for and for how long, against the timeout', () => {
		const lines = section(state, 'session', {wait: {label: 'MAIL', since: now - 12_000, timeoutMs: 300_000}})?.lines;
		expect(lines?.at(-1)).toEqual({label: 'waiting', value: 'MAIL: 12s of 5m00s', tone: 'normal'});
	});

	it('turns the wait into a warning past half the timeout', () => {
		const lines = section(state, 'session', {wait: {label: 'the banner', since: now - 200_000, timeoutMs: 300_000}})?.lines;
		expect(lines?.at(-1)).toEqual({label: 'waiting', value: 'the banner: 3m20s of 5m00s', tone: 'warning'});
	});

	it('never shows a negative wait', () => {
		const lines = section(state, 'session', {wait: {label: 'DATA', since: now + 5000, timeoutMs: 120_000}})?.lines;
		expect(lines?.at(-1)?.value).toBe('DATA: 0s of 2m00s');
	});

	it.each([
		[1, '1 line'],
		[3, '3 lines'],
	])('shows %i queued as %j', (queued, text) => {
		expect(section(state, 'session', {queued})?.lines.at(-1)).toEqual({label: 'queued', value: text, tone: 'warning'});
	});

	it('says when the replies are out of step', () => {
		expect(section({...state, desynchronized: 'bad reply'}, 'session')?.lines.at(-1)).toEqual({label: 'replies', value: 'out of step: reconnect', tone: 'error'});
	});

	it('says why a closed session ended, and the next line says how to reconnect', () => {
		const closed = {...state, phase: 'closed' as const, closedReason: 'server closed the connection'};
		expect(section(closed, 'session')?.lines.at(-1)).toEqual({label: 'ended', value: 'server closed the connection', tone: 'dim'});
		expect(section(closed, 'next')?.lines).toEqual([{label: 'try', value: 'The session is closed; press Ctrl+R to connect again.', tone: 'dim'}]);
	});
});

describe('sidebarSections: the next step', () => {
	it.each([
		['before EHLO', {...initialSessionState(), phase: 'connected' as const}, 'EHLO client.example.com'],
		['greeted over TLS', greetedState(['PIPELINING'], {tls: testTls}), 'MAIL FROM:<me@example.com>'],
		['in a transaction', greetedState([], {phase: 'mail'}), 'RCPT TO:<alice@example.org>'],
	])('%s: %j', (_name, state, next) => {
		expect(section(state, 'next')?.lines).toEqual([{label: 'try', value: next, tone: 'normal'}]);
	});
});
