/**
The AUTH helper inside the App: from the palette to the mechanism chooser, the user name,
the masked password and the exchange, against the demo server (AUTH only after STARTTLS).
Every mechanism must log in, show the 334 challenges decoded, and leave no secret on
screen, in the transcript (as kept, as saved) or in what the history remembers.
In plaintext to a host that is not this machine, it asks before anything is sent.
*/
import net from 'node:net';
import {networkInterfaces} from 'node:os';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {type DemoServer, startDemoServer} from '../../source/demo/server.js';
import {cramMd5Response, loginResponses, plainResponse} from '../../source/protocol/sasl.js';
import {formatJsonLines, formatText} from '../../source/protocol/transcript-format.js';
import {SessionController} from '../../source/session/controller.js';
import {OverlayView} from '../../source/ui/components/overlay-view.js';
import {overlayRows} from '../../source/ui/screen-layout.js';
import {ThemeProvider} from '../../source/ui/theme.js';
import {type FakeServer, startFakeServer} from '../helpers/fake-smtp-server.js';
import {keys, renderAt} from '../helpers/ink.js';
import {renderApp as drawApp} from '../helpers/render-app.js';
import {greetedState, testTls} from '../helpers/session-state.js';

const clock = () => Date.parse('2026-11-28T12:00:00.000Z');
const toBase64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

let demo: DemoServer;
beforeAll(async () => {
	demo = await startDemoServer();
});
afterAll(async () => {
	await demo.close();
});

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	while (cleanups.length > 0) await cleanups.pop()!();
});

type Ui = ReturnType<typeof renderAt>;

/** Renders the App for a controller; `remembered` collects what onRemember got. */
function renderApp(controller: SessionController, options: {width?: number; height?: number; user?: string} = {}) {
	const width = options.width ?? 100;
	const onRemember = vi.fn<(line: string) => void>();
	const ui = drawApp({controller, width, height: options.height ?? 30, plan: {ehloName: 'client.example.com', ...(options.user ? {user: options.user} : {})}, onRemember, onExit: () => {}, clock});
	cleanups.push(() => ui.unmount());
	return {ui, onRemember};
}

/** A controller on the demo server after EHLO, STARTTLS and EHLO again: AUTH is offered now. */
async function demoAfterTls() {
	const controller = new SessionController({target: {kind: 'tcp', host: demo.host, port: demo.port}, tls: {ca: demo.caCert}, clock});
	cleanups.push(() => controller.close());
	await controller.connect();
	await controller.command('EHLO client.example.com');
	const upgraded = await controller.command('STARTTLS');
	expect(upgraded.ok && upgraded.tls?.verified).toBe(true);
	await controller.command('EHLO client.example.com');
	expect(controller.sessionState.ehlo?.auth).toEqual(['PLAIN', 'LOGIN', 'CRAM-MD5']);
	return controller;
}

/**
Every key goes through one router against the state the previous key left, so no key
needs a moment after a render: the helpers below wait for what is drawn, never a fixed time.
*/

/** Ctrl+P, search "auth", Enter on the AUTH command: the mechanism chooser. */
async function openAuthChooser(ui: Ui): Promise<string> {
	await ui.press(keys.ctrl('p'));
	await ui.waitFor(frame => frame.includes('search'), 'the palette');
	await ui.type('auth');
	await ui.waitFor(frame => /› AUTH\s+command/.test(frame), 'the AUTH command selected');
	await ui.press(keys.enter);
	const frame = await ui.waitFor(current => current.includes('AUTH: the server offers'), 'the mechanism chooser');
	return frame;
}

/** Moves the chooser's highlight to the mechanism and presses Enter. */
async function chooseMechanism(ui: Ui, mechanism: string): Promise<void> {
	const order = ['PLAIN', 'LOGIN', 'CRAM-MD5'];
	for (let index = 1; index <= order.indexOf(mechanism); index++) {
		await ui.press(keys.down);
		await ui.waitFor(frame => new RegExp(`› ?${order[index]} `).test(frame), `${order[index]} highlighted`);
		}

	expect(ui.frame()).toMatch(new RegExp(`› ?${mechanism} `));
	await ui.press(keys.enter);
	// The chooser goes away: let its key handler go with it before the next key.
}

/** Types into the masked prompt one key at a time, waiting for each bullet to be drawn. */
async function typeMasked(ui: Ui, secret: string): Promise<void> {
	for (const [index, char] of [...secret].entries()) {
		ui.stdin.write(char);
		await ui.waitFor(frame => frame.includes(`> ${'•'.repeat(index + 1)}`), `${index + 1} masked characters`);
	}

	// Exactly that many: the prompt's row ends after the bullets (and the cursor).
	expect(ui.frame()).toMatch(new RegExp(`^> ${'•'.repeat([...secret].length)} ?$`, 'm'));
}

/** Answers the user name prompt; the password prompt's title names the user, so the name arrived whole. */
async function answerUserName(ui: Ui, mechanism: string, user: string): Promise<void> {
	await ui.waitFor(frame => frame.includes(`AUTH ${mechanism}: user name`), 'the user name prompt');
	await ui.type(user);
	// The user name prompt shows the name as it is typed.
	await ui.waitFor(frame => new RegExp(`^> ${user}`, 'm').test(frame), 'the name in the prompt');
	await ui.press(keys.enter);
	await ui.waitFor(frame => frame.includes(`AUTH ${mechanism} as ${user}: password (hidden`), 'the password prompt');
}

/** Every text a transcript holds: shown text, notes, and wire bytes. */
function transcriptTexts(controller: SessionController): string[] {
	return controller.transcript.entries.flatMap(entry => [entry.text, entry.note ?? '', entry.bytes ? Buffer.from(entry.bytes).toString('latin1') : '']);
}

const credentials = {user: 'demo', password: 'demo-password'};
const commonSecrets = [credentials.password, toBase64(credentials.password), plainResponse(credentials), loginResponses(credentials)[1]];

describe('the AUTH helper against the demo server', () => {
	/**
	One real login per mechanism, over verified STARTTLS, and everything it must show and
	must not leave behind checked on it. The flows' key routing (the chooser, a password in
	one read, Esc at the prompt) is table-tested without a socket in router.test.ts.
	*/
	describe.each(['PLAIN', 'LOGIN', 'CRAM-MD5'])('AUTH %s', mechanism => {
		/** The CRAM-MD5 answer the helper computed for the challenge the server sent (absent for other mechanisms). */
		function cramSecrets(controller: SessionController): string[] {
			const challenge = controller.transcript.entries.find(entry => entry.kind === 'received' && entry.code === 334)?.text.replace(/^334 /, '');
			if (mechanism !== 'CRAM-MD5' || !challenge) return [];
			const response = cramMd5Response(challenge, credentials)!;
			const digest = Buffer.from(response, 'base64').toString('utf8').split(' ')[1]!;
			return [response, digest];
		}

		it('logs in through the palette: the chooser, the header, the 235; no secret on any frame, in the transcript or in history', async () => {
			const controller = await demoAfterTls();
			const {ui, onRemember} = renderApp(controller);
			const chooser = await openAuthChooser(ui);
			// The chooser lists the mechanisms the server offers, each computed for the user.
			expect(chooser).toContain('AUTH: the server offers PLAIN, LOGIN, CRAM-MD5');
			expect(chooser).toMatch(/› PLAIN\s+computed for you/);
			expect(chooser).toMatch(/ {2}LOGIN\s+computed for you/);
			expect(chooser).toMatch(/ {2}CRAM-MD5\s+computed for you/);
			expect(chooser).not.toMatch(/XOAUTH2|OAUTHBEARER/);
			await chooseMechanism(ui, mechanism);
			await answerUserName(ui, mechanism, credentials.user);
			await typeMasked(ui, credentials.password);
			await ui.press(keys.enter);
			const frame = await ui.waitFor(current => current.split('\n')[0]!.includes('auth: demo'), 'auth: demo in the header');

			// Logged in: the header shows auth: demo and the server said 235.
			expect(controller.sessionState.auth).toEqual({mechanism, identity: 'demo'});
			expect(frame).toMatch(/<~ {2}235 2\.7\.0 Authentication successful/);

			// No frame ever shows the typed password (every frame drawn, each one while it was typed too).
			const secrets = [...commonSecrets, ...cramSecrets(controller)];
			expect(ui.frames.filter(drawn => drawn.includes('password (hidden')).length).toBeGreaterThanOrEqual(credentials.password.length);
			for (const drawn of ui.frames) {
				for (const secret of [...secrets, 'demo-p']) expect(drawn).not.toContain(secret);
			}

			// The transcript, kept and formatted, never holds the password, its base64 or the computed response.
			if (mechanism === 'CRAM-MD5') expect(secrets).toHaveLength(6);
			const texts = transcriptTexts(controller);
			const saved = formatText(controller.transcript.entries);
			const savedJson = formatJsonLines(controller.transcript.entries);
			for (const secret of secrets) {
				expect(texts.filter(text => text.includes(secret))).toEqual([]);
				expect(saved).not.toContain(secret);
				expect(savedJson).not.toContain(secret);
			}

			// What the client sent is there, with the secret parts redacted.
			const sent = controller.transcript.entries.filter(entry => entry.kind === 'sent').map(entry => entry.text);
			expect(sent).toContain(mechanism === 'PLAIN' ? 'AUTH PLAIN <redacted>' : `AUTH ${mechanism}`);
			expect(saved).toContain(mechanism === 'PLAIN' ? '~> AUTH PLAIN <redacted>' : `~> AUTH ${mechanism}`);

			if (mechanism === 'LOGIN') {
				// Both 334 challenges are shown decoded (Username:, Password:), on screen and in the notes.
				const notes = controller.transcript.entries.filter(entry => entry.code === 334).map(entry => entry.note);
				expect(notes).toEqual(['decoded: Username:', 'decoded: Password:']);
				expect(frame).toMatch(/<~ {2}334 VXNlcm5hbWU6 {2}\(decoded: Username:\)/);
				expect(frame).toMatch(/<~ {2}334 UGFzc3dvcmQ6 {2}\(decoded: Password:\)/);
				// The two answers went out redacted.
				expect(saved).toMatch(/ ~> <redacted>\n<~ {2}334 UGFzc3dvcmQ6 {2}\(decoded: Password:\)\n ~> <redacted>\n<~ {2}235/);
			}

			if (mechanism === 'CRAM-MD5') {
				// The challenge is shown decoded in the notes.
				const challenge = controller.transcript.entries.find(entry => entry.code === 334)!;
				const decoded = Buffer.from(challenge.text.replace(/^334 /, ''), 'base64').toString('utf8');
				expect(decoded).toMatch(/^<.+>$/);
				expect(challenge.note).toBe(`decoded: ${decoded}`);
				// A long challenge wraps in the transcript pane: read the rows joined.
				expect(frame.replaceAll(/ *\n */g, '')).toContain(`(decoded: ${decoded})`);
			}

			// onRemember never receives a line with a secret; a plain command afterwards shows the history is listening.
			await ui.type('NOOP');
			await ui.press(keys.enter);
			await ui.waitFor(current => /~> NOOP/.test(current), 'NOOP sent');
			expect(onRemember.mock.calls.flat()).toContain('NOOP');
			for (const [line] of onRemember.mock.calls) {
				for (const secret of secrets) expect(line).not.toContain(secret);
				expect(line).not.toContain('<redacted>');
			}
		});
	});

	it('with the user in the plan, AUTH typed in the composer asks only for the password; history keeps only "AUTH LOGIN"', async () => {
		const controller = await demoAfterTls();
		const {ui, onRemember} = renderApp(controller, {user: 'demo'});
		await ui.type('AUTH LOGIN');
		await ui.press(keys.enter);
		await ui.waitFor(frame => frame.includes('AUTH LOGIN as demo: password (hidden'), 'the password prompt');
		expect(ui.frame()).not.toContain('user name');
		// Typed in one write, as a fast typist over SSH does: it arrives whole, masked.
		await ui.type(credentials.password);
		await ui.waitFor(frame => new RegExp(`^> ${'•'.repeat(credentials.password.length)} ?$`, 'm').test(frame), `all ${credentials.password.length} characters of the password`);
		await ui.press(keys.enter);
		await ui.waitFor(frame => frame.split('\n')[0]!.includes('auth: demo'), 'auth: demo in the header');
		expect(onRemember.mock.calls).toEqual([['AUTH LOGIN']]);
		// Up in the composer recalls the command, never an answer to a 334.
		await ui.press(keys.up);
		await ui.waitFor(frame => frame.includes('> AUTH LOGIN'), 'the history entry');
		await ui.press(keys.up);
		expect(ui.frame()).toContain('> AUTH LOGIN');
	});

	it('AUTH PLAIN typed by hand with its initial response is sent redacted and never remembered', async () => {
		const controller = await demoAfterTls();
		const {ui, onRemember} = renderApp(controller);
		const line = `AUTH PLAIN ${plainResponse(credentials)}`;
		ui.stdin.write(line);
		await ui.waitFor(frame => frame.includes('> AUTH PLAIN'), 'the line in the composer');
		await ui.press(keys.enter);
		await ui.waitFor(frame => frame.split('\n')[0]!.includes('auth: demo'), 'auth: demo in the header');
		expect(onRemember).not.toHaveBeenCalled();
		expect(formatText(controller.transcript.entries)).toContain('~> AUTH PLAIN <redacted>');
		expect(ui.frame()).not.toContain(plainResponse(credentials));
		await ui.press(keys.up);
		expect(ui.frame()).not.toContain(plainResponse(credentials));
	});
});

describe('the mechanism chooser, drawn', () => {
	it('at 80 columns the chooser shows each offered mechanism on one row', () => {
		const state = greetedState(['AUTH PLAIN LOGIN CRAM-MD5'], {tls: testTls});
		const ui = renderAt(
			<ThemeProvider theme={{color: false}}>
				<OverlayView overlay={{kind: 'auth', selected: 0}} width={80} height={overlayRows(80, 24)} state={state} paletteResults={[]} mailbox={[]} dataMode={false} />
			</ThemeProvider>,
			80,
		);
		cleanups.push(() => ui.unmount());
		const rows = ui.frame().split('\n');
		const title = rows.findIndex(row => row.includes('AUTH: the server offers'));
		const bottom = rows.findIndex((row, index) => index > title && row.startsWith('╰'));
		const items = rows
			.slice(title + 1, bottom)
			.map(row => row.slice(1, -1).trim())
			.filter(row => row !== '');
		expect(items.map(row => row.split(/\s+/).slice(0, 2).join(' '))).toEqual(['› PLAIN', 'LOGIN computed', 'CRAM-MD5 computed']);
		expect(rows.every(row => row.length <= 80)).toBe(true);
	});
});

/** This machine's first IPv4 address that is not loopback, if it has one. */
const outsideAddress = Object.values(networkInterfaces())
	.flat()
	.find(address => address && address.family === 'IPv4' && !address.internal)?.address;

/**
A TCP relay on a non-loopback address of this machine to a fake server on 127.0.0.1, so the
controller's target is "another host" as far as the app can tell, with AUTH offered in plaintext.
*/
async function plaintextServer(via: 'outside' | 'loopback') {
	const server: FakeServer = await startFakeServer({replies: {EHLO: '250-fake.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n'}});
	cleanups.push(() => server.close());
	let host = '127.0.0.1';
	let port = server.port;
	if (via === 'outside') {
		const sockets = new Set<net.Socket>();
		const relay = net.createServer(client => {
			const upstream = net.connect(server.port, '127.0.0.1');
			sockets.add(client).add(upstream);
			client.on('error', () => upstream.destroy());
			upstream.on('error', () => client.destroy());
			client.pipe(upstream).pipe(client);
		});
		await new Promise<void>(resolve => relay.listen(0, outsideAddress, resolve));
		cleanups.push(
			() =>
				new Promise<void>(resolve => {
					for (const socket of sockets) socket.destroy();
					relay.close(() => resolve());
				}),
		);
		host = outsideAddress!;
		port = (relay.address() as net.AddressInfo).port;
	}

	const controller = new SessionController({target: {kind: 'tcp', host, port}, clock});
	cleanups.push(() => controller.close());
	await controller.connect();
	await controller.command('EHLO client.example.com');
	return {server, controller};
}

describe.runIf(outsideAddress)('the AUTH helper in plaintext', () => {
	it('to a host that is not this machine it asks for confirmation before anything is sent', async () => {
		const {server, controller} = await plaintextServer('outside');
		const {ui} = renderApp(controller);
		await openAuthChooser(ui);
		await chooseMechanism(ui, 'PLAIN');
		const frame = await ui.waitFor(current => current.includes('readable by anyone on the path'), 'the confirmation');
		expect(frame).toContain('Enter confirms · Esc cancels');
		expect(frame).not.toContain('user name');
		expect(server.lines).toEqual(['EHLO client.example.com']);
		expect(controller.sessionState.auth).toBeUndefined();
	});

	it('the confirmation explains why in an 80x24 terminal: not encrypted, and the server is not on this machine', async () => {
		const {controller} = await plaintextServer('outside');
		const {ui} = renderApp(controller, {width: 80, height: 24});
		await openAuthChooser(ui);
		await chooseMechanism(ui, 'PLAIN');
		const frame = await ui.waitFor(current => current.includes('readable by anyone'), 'the confirmation');
		const flat = frame.replaceAll(/\s*│\s*/g, ' ').replaceAll(/\s+/g, ' ');
		expect(flat).toContain('this session is not encrypted and the server is not on this machine');
	});

	it('Esc at the confirmation stops there: nothing is sent', async () => {
		const {server, controller} = await plaintextServer('outside');
		const {ui} = renderApp(controller);
		await openAuthChooser(ui);
		await chooseMechanism(ui, 'PLAIN');
		await ui.waitFor(current => current.includes('readable by anyone on the path'), 'the confirmation');
		await ui.press(keys.escape);
		await ui.waitFor(current => !current.includes('readable by anyone on the path'), 'the confirmation closed');
		expect(ui.frame()).not.toContain('user name');
		expect(server.lines).toEqual(['EHLO client.example.com']);
	});

	it('Enter at the confirmation goes on: user name, masked password, and the login', async () => {
		const {server, controller} = await plaintextServer('outside');
		const {ui} = renderApp(controller);
		await openAuthChooser(ui);
		await chooseMechanism(ui, 'PLAIN');
		await ui.waitFor(current => current.includes('readable by anyone on the path'), 'the confirmation');
		await ui.press(keys.enter);
		await answerUserName(ui, 'PLAIN', 'bob');
		await typeMasked(ui, 'hunter22');
		await ui.press(keys.enter);
		await ui.waitFor(current => current.split('\n')[0]!.includes('auth: bob'), 'auth: bob in the header');
		expect(server.lines).toEqual(['EHLO client.example.com', `AUTH PLAIN ${plainResponse({user: 'bob', password: 'hunter22'})}`]);
		expect(formatText(controller.transcript.entries)).not.toContain('hunter22');
	});

	it('Enter pressed as soon as the confirmation shows answers it (the closed chooser does not choose again)', async () => {
		const {server, controller} = await plaintextServer('outside');
		const {ui} = renderApp(controller);
		await openAuthChooser(ui);
		await ui.press(keys.enter);
		await ui.waitFor(current => current.includes('readable by anyone on the path'), 'the confirmation');
		await ui.press(keys.enter);
		await ui.waitFor(current => current.includes('AUTH PLAIN: user name'), 'the user name prompt');
		expect(server.lines).toEqual(['EHLO client.example.com']);
	});

	it('to this machine (loopback) plaintext needs no confirmation: the user name is asked at once', async () => {
		const {server, controller} = await plaintextServer('loopback');
		const {ui} = renderApp(controller);
		await openAuthChooser(ui);
		await chooseMechanism(ui, 'PLAIN');
		const frame = await ui.waitFor(current => current.includes('AUTH PLAIN: user name'), 'the user name prompt');
		expect(frame).not.toContain('readable by anyone');
		expect(server.lines).toEqual(['EHLO client.example.com']);
	});
});
