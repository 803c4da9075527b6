/**
The explorer's router as a pure function: keys in, state and effects out, with no socket,
no terminal and no sleep. Each case feeds the keys of one terminal read (as the key reader
splits it) through routeKey, each against the state the previous key left.
*/
import {messages} from '../../source/i18n/messages.js';
import {describe, expect, it} from 'vitest';
import type {SessionState} from '../../source/protocol/session.js';
import type {TranscriptEntry} from '../../source/protocol/transcript.js';
import {validateLine} from '../../source/protocol/validate.js';
import {helpLines} from '../../source/ui/help-lines.js';
import {readAll} from '../../source/ui/key-reader.js';
import {keymap} from '../../source/ui/keymap.js';
import {panelHeight} from '../../source/ui/layout.js';
import {wrapToWidth} from '../../source/ui/text-width.js';
import {helpRowsShown, routeKey} from '../../source/ui/router.js';
import {exportChoices, routeEvent} from '../../source/ui/router-flows.js';
import type {Effect, RouteContext, RouterEvent} from '../../source/ui/router-types.js';
import {initialUiState, type UiState} from '../../source/ui/ui-state.js';
import {greetedState, testTls} from '../helpers/session-state.js';

const at = Date.parse('2026-11-28T12:00:00Z');
const lines = (count: number): TranscriptEntry[] =>
	Array.from({length: count}, (_, index) => ({id: index + 1, at, kind: index % 2 === 0 ? 'sent' : 'received', tls: false, text: `250 line ${index}`, ...(index % 2 === 0 ? {} : {code: 250})}) as TranscriptEntry);

function contextFor(session: SessionState = greetedState(), entries: TranscriptEntry[] = [], overrides: Partial<RouteContext> = {}): RouteContext {
	return {
		session,
		entries,
		validate: line => validateLine(line, {state: session, loopback: true}),
		width: 80,
		height: 24,
		plan: {ehloName: 'client.example.com'},
		canSave: true,
		canEditFiles: true,
		transcriptFile: false,
		defaultSavePath: 'session.txt',
		newMessage: () => 'Subject: hi\r\n\r\nbody',
		target: {kind: 'tcp', host: 'mx.example.com', port: 25},
		implicitTls: false,
		...overrides,
	};
}

/** One terminal read: its keys routed in order; the effects of all of them. */
function read(state: UiState, chunk: string, context: RouteContext): {state: UiState; effects: Effect[]} {
	const {keys} = readAll([chunk]);
	let current = state;
	const effects: Effect[] = [];
	for (const key of keys) {
		const routed = routeKey(current, key, context);
		current = routed.state;
		effects.push(...routed.effects);
	}

	return {state: current, effects};
}

const event = (state: UiState, happened: RouterEvent, context: RouteContext) => routeEvent(state, happened, context);

const up = '\u001B[A';
const pageUp = '\u001B[5~';
const left = '\u001B[D';

describe('router: many keys in one read', () => {
	it('eight Up arrows in one read move the transcript cursor eight lines', () => {
		const context = contextFor(greetedState(), lines(40));
		const focused = read(initialUiState(), '\u001B[Z', context).state;
		expect([focused.focus, focused.cursor]).toEqual(['transcript', 39]);
		expect(read(focused, up.repeat(8), context).state.cursor).toBe(31);
	});

	it('three PgUp in one read scroll three pages, as three reads do', () => {
		const context = contextFor(greetedState(), lines(200));
		// 80x24: a 16-row pane following lines 184-199; a page is 15 rows.
		const one = read(initialUiState(), pageUp, context).state;
		expect(one.scroll).toEqual({follow: false, entry: 169, row: 0});
		const three = read(initialUiState(), pageUp.repeat(3), context).state;
		expect(three.scroll).toEqual({follow: false, entry: 139, row: 0});
		expect(read(read(one, pageUp, context).state, pageUp, context).state.scroll).toEqual(three.scroll);
	});

	it('`noop` and Enter in one read send NOOP; no paste preview', () => {
		const {state, effects} = read(initialUiState(), 'noop\r', contextFor());
		expect(effects).toContainEqual({type: 'send', line: 'noop', confirmed: true});
		expect(state.overlay.kind).toBe('none');
		expect(state.editor.text).toBe('');
	});

	it('abc, Left, d in one read leave abdc in the composer', () => {
		expect(read(initialUiState(), `abc${left}d`, contextFor()).state.editor).toEqual({text: 'abdc', cursor: 3});
	});

	it('a bracketed paste of four lines opens the preview and sends nothing', () => {
		const {state, effects} = read(initialUiState(), '\u001B[200~EHLO a\rMAIL FROM:<a@b>\rRCPT TO:<c@d>\rDATA\r\u001B[201~', contextFor());
		expect(state.overlay).toMatchObject({kind: 'batch', lines: ['EHLO a', 'MAIL FROM:<a@b>', 'RCPT TO:<c@d>', 'DATA']});
		expect(effects).toEqual([]);
		const sent = read(state, '\r', contextFor());
		expect(sent.effects).toEqual([{type: 'send-batch', lines: ['EHLO a', 'MAIL FROM:<a@b>', 'RCPT TO:<c@d>', 'DATA']}]);
	});

	it('several lines typed in one read, without paste markers, are typing: each line is sent as Enter comes', () => {
		const {state, effects} = read(initialUiState(), 'NOOP\rRSET\rVRFY', contextFor());
		expect(effects.filter(effect => effect.type === 'send')).toEqual([
			{type: 'send', line: 'NOOP', confirmed: true},
			{type: 'send', line: 'RSET', confirmed: true},
		]);
		expect([state.overlay.kind, state.editor.text]).toEqual(['none', 'VRFY']);
	});

	it('a paste spread over several reads is one paste', () => {
		const {state, keys} = readAll(['\u001B[200~', 'NOOP\r', 'RSET', '\u001B[201~']);
		expect(state).toEqual({});
		expect(keys).toEqual([{name: 'paste', ctrl: false, shift: false, meta: false, text: 'NOOP\rRSET'}]);
	});
});

describe('router: the AUTH helper', () => {
	const withUser = {...initialUiState(), user: 'alice'};

	it('AUTH LOGIN with a known user asks for the password, masked; the keys typed after Enter in the same read go there, not to the composer', () => {
		const {state, effects} = read(withUser, 'AUTH LOGIN\rs3cret', contextFor());
		expect(state.overlay).toMatchObject({kind: 'secret', mechanism: 'LOGIN', user: 'alice', editor: {text: 's3cret'}});
		expect(state.editor.text).toBe('');
		expect(effects).toEqual([{type: 'remember', line: 'AUTH LOGIN'}]);
		const submitted = read(state, '\r', contextFor());
		expect(submitted.effects).toEqual([{type: 'authenticate', mechanism: 'LOGIN', user: 'alice', secret: 's3cret'}]);
		expect(submitted.state.overlay.kind).toBe('none');
		expect(submitted.state.history.items).not.toContain('s3cret');
	});

	it.each([535, 534, 454])('after %i the password is forgotten and the next AUTH asks again', code => {
		const context = contextFor();
		const kept = {...withUser, password: 'wrong'};
		expect(read(kept, 'AUTH PLAIN\r', context).effects).toContainEqual({type: 'authenticate', mechanism: 'PLAIN', user: 'alice', secret: 'wrong'});
		const rejected = event(kept, {type: 'auth-done', ok: false, user: 'alice', error: `AUTH PLAIN failed: ${code}`, code}, context).state;
		expect(rejected.password).toBeUndefined();
		const again = read(rejected, 'AUTH PLAIN\r', context);
		expect(again.state.overlay.kind).toBe('secret');
		expect(again.effects.some(effect => effect.type === 'authenticate')).toBe(false);
	});

	it('a failure that is not about the secret (a lost connection) keeps it', () => {
		const kept = {...withUser, password: 'right'};
		expect(event(kept, {type: 'auth-done', ok: false, user: 'alice', error: 'connection closed'}, contextFor()).state.password).toBe('right');
	});

	it('Esc or Ctrl+C on the secret prompt cancels: nothing is sent, and nothing falls back to the composer', () => {
		const asking = read(withUser, 'AUTH LOGIN\rhalf', contextFor()).state;
		for (const cancel of ['\u001B', '\u0003']) {
			const {state, effects} = read(asking, cancel, contextFor());
			expect([state.overlay.kind, state.editor.text, effects]).toEqual(['none', '', []]);
		}
	});
});

describe('router: the AUTH helper from the palette (moved here from the App tests: routing, no socket)', () => {
	const offering = greetedState(['AUTH PLAIN LOGIN CRAM-MD5'], {tls: testTls});

	it('Ctrl+P, "auth", Enter opens the chooser; the user name prompt holds the name as typed; a password typed in one read arrives whole', () => {
		const context = contextFor(offering);
		const chooser = read(initialUiState(), '\u0010auth\r', context).state;
		expect(chooser.overlay).toEqual({kind: 'auth', selected: 0});
		const asking = read(chooser, '\r', context).state;
		expect(asking.overlay).toMatchObject({kind: 'prompt', prompt: 'auth-user', title: 'AUTH PLAIN: user name'});
		const named = read(asking, 'demo', context).state;
		expect(named.overlay).toMatchObject({kind: 'prompt', editor: {text: 'demo', cursor: 4}});
		const secret = read(named, '\rdemo-password', context);
		expect(secret.state.overlay).toMatchObject({kind: 'secret', mechanism: 'PLAIN', user: 'demo', editor: {text: 'demo-password'}});
		expect(secret.effects).toEqual([]);
		expect(read(secret.state, '\r', context).effects).toEqual([{type: 'authenticate', mechanism: 'PLAIN', user: 'demo', secret: 'demo-password'}]);
	});

	it('two Down presses in one read move the chooser two rows: Enter then takes CRAM-MD5', () => {
		const context = contextFor(offering);
		const chooser = read(initialUiState(), '\u0010auth\r', context).state;
		const moved = read(chooser, '\u001B[B\u001B[B', context).state;
		expect(moved.overlay).toEqual({kind: 'auth', selected: 2});
		expect(read(moved, '\r', context).state.overlay).toMatchObject({kind: 'prompt', title: 'AUTH CRAM-MD5: user name'});
	});

	it('Esc at the password prompt cancels before anything is sent, and says so', () => {
		const context = contextFor(offering);
		const asking = read(initialUiState(), '\u0010auth\r\rdemo\rdemo', context).state;
		expect(asking.overlay.kind).toBe('secret');
		const {state, effects} = read(asking, '\u001B', context);
		expect(effects).toEqual([]);
		expect([state.overlay.kind, state.editor.text, state.flash]).toEqual(['none', '', {text: 'AUTH cancelled before anything was sent', tone: 'info'}]);
	});
});

describe('router: the palette fills XCLIENT and XFORWARD from the EHLO advertisement', () => {
	const postfix = greetedState(['PIPELINING', 'XCLIENT NAME ADDR PROTO HELO LOGIN', 'XFORWARD NAME ADDR']);

	it('Enter on XCLIENT puts every advertised attribute in the composer, with example values the validator accepts', () => {
		const context = contextFor(postfix);
		const {state, effects} = read(initialUiState(), '\u0010xclient\r', context);
		expect(effects).toEqual([]);
		expect(state.editor.text).toBe('XCLIENT NAME=client.example.com ADDR=192.0.2.10 PROTO=ESMTP HELO=client.example.com LOGIN=alice');
		expect(context.validate(state.editor.text).diagnostics.filter(diagnostic => diagnostic.severity !== 'info')).toEqual([]);
		expect(state.step?.title).toBe('XCLIENT helper');
		expect(state.step?.text).toContain('listed after XCLIENT in its EHLO reply: NAME ADDR PROTO HELO LOGIN.');
		expect(state.step?.text).toContain('send EHLO again');
	});

	it('XFORWARD too; with no list from the server, the attributes Postfix defines, and it says so', () => {
		expect(read(initialUiState(), '\u0010xforward\r', contextFor(postfix)).state.editor.text).toBe('XFORWARD NAME=client.example.com ADDR=192.0.2.10');
		const unlisted = read(initialUiState(), '\u0010xclient\r', contextFor(greetedState()));
		expect(unlisted.state.editor.text).toBe('XCLIENT NAME=client.example.com REVERSE_NAME=client.example.com ADDR=192.0.2.10 PORT=54321 PROTO=ESMTP HELO=client.example.com LOGIN=alice DESTADDR=198.51.100.25 DESTPORT=25');
		expect(unlisted.state.step?.text).toMatch(/has not listed XCLIENT/);
	});

	it('a name the server lists that Postfix does not document gets [UNAVAILABLE]', () => {
		const odd = greetedState(['XCLIENT NAME TTL']);
		expect(read(initialUiState(), '\u0010xclient\r', contextFor(odd)).state.editor.text).toBe('XCLIENT NAME=client.example.com TTL=[UNAVAILABLE]');
	});
});

describe('router: quitting', () => {
	const session = greetedState();

	it('Ctrl+C first cancels what is pending; with nothing pending and an unsaved transcript, it asks once, offering to save', () => {
		const context = contextFor(session, lines(4));
		expect(read(initialUiState(), '\u0003', context).effects).toEqual([{type: 'cancel'}]);
		const asked = event(initialUiState(), {type: 'nothing-to-cancel'}, context);
		expect(asked.state.overlay).toMatchObject({kind: 'prompt', prompt: 'quit-save', editor: {text: 'session.txt'}});
		expect(asked.effects).toEqual([]);
		// Enter (the default) saves, then quits.
		const saving = read(asked.state, '\r', context);
		expect(saving.effects).toEqual([{type: 'save', path: 'session.txt', overwrite: false, what: 'transcript', thenQuit: true}]);
		const saved = event(saving.state, {type: 'saved', ok: true, message: 'saved session.txt', path: 'session.txt', overwrite: false, what: 'transcript', thenQuit: true, entryCount: 4}, context);
		expect(saved.effects).toEqual([{type: 'quit'}]);
	});

	it('at the question, Ctrl+C quits without saving and Esc stays', () => {
		const context = contextFor(session, lines(4));
		const asked = event(initialUiState(), {type: 'nothing-to-cancel'}, context).state;
		expect(read(asked, '\u0003', context).effects).toEqual([{type: 'quit'}]);
		const stayed = read(asked, '\u001B', context);
		expect([stayed.state.overlay.kind, stayed.effects]).toEqual(['none', []]);
	});

	it('no question with --transcript, after a save, or with nothing sent or received', () => {
		const entries = lines(4);
		expect(event(initialUiState(), {type: 'nothing-to-cancel'}, contextFor(session, entries, {transcriptFile: true})).effects).toEqual([{type: 'quit'}]);
		expect(event({...initialUiState(), savedThrough: 4}, {type: 'nothing-to-cancel'}, contextFor(session, entries)).effects).toEqual([{type: 'quit'}]);
		expect(event(initialUiState(), {type: 'nothing-to-cancel'}, contextFor(session, [])).effects).toEqual([{type: 'quit'}]);
	});
});

describe('router: small terminals', () => {
	it('at 80x24 the help scrolls to its last line, and every binding of the keymap is on one of its pages', () => {
		const context = contextFor();
		const all = helpLines('explorer');
		const rows = helpRowsShown(context);
		expect(all.length).toBeGreaterThan(rows);
		let state = read(initialUiState(), '\u001BOP', context).state;
		const seen = new Set<string>();
		for (let page = 0; page < 20; page++) {
			if (state.overlay.kind !== 'help') throw new Error('help closed');
			for (const line of all.slice(state.overlay.offset, state.overlay.offset + rows)) seen.add(`${line.label}:${line.text}`);
			state = read(state, '\u001B[6~', context).state;
		}

		if (state.overlay.kind !== 'help') throw new Error('help closed');
		expect(state.overlay.offset).toBe(all.length - rows);
		for (const binding of keymap.filter(item => item.scope !== 'viewer')) expect([...seen].some(line => line.startsWith(`${binding.label}:${messages('en')[binding.description]}`))).toBe(true);
	});

	it('the palette detail pages with PgDn and back with PgUp; moving the selection starts it over', () => {
		const context = contextFor();
		const open = read(initialUiState(), '\u0010EHLO', context).state;
		const down = read(open, '\u001B[6~', context).state;
		expect(down.overlay).toMatchObject({kind: 'palette', detail: expect.any(Number)});
		if (down.overlay.kind !== 'palette') throw new Error('palette closed');
		expect(down.overlay.detail).toBeGreaterThan(0);
		expect(read(down, '\u001B[5~', context).state.overlay).toMatchObject({detail: 0});
		expect(read(down, '\u001B[B', context).state.overlay).toMatchObject({detail: 0});
	});
});

describe('router: keys that survive multiplexers', () => {
	it.each([
		['F4 toggles the sidebar', '\u001BOS', (state: UiState) => state.sidebar === 'shown'],
		['F5 opens the palette', '\u001B[15~', (state: UiState) => state.overlay.kind === 'palette'],
		['F6 moves the focus', '\u001B[17~', (state: UiState) => state.focus === 'transcript'],
		['F7 suggests the next step', '\u001B[18~', (state: UiState) => state.editor.text !== ''],
		['F9 asks where to save', '\u001B[20~', (state: UiState) => state.overlay.kind === 'prompt'],
	])('%s', (_name, chunk, check) => {
		expect(check(read(initialUiState(), chunk, contextFor(greetedState(), lines(3))).state)).toBe(true);
	});

	it('Ctrl+B and Ctrl+A do nothing (tmux and GNU screen take them)', () => {
		for (const chunk of ['\u0002', '\u0001']) expect(read(initialUiState(), chunk, contextFor())).toEqual({state: initialUiState(), effects: []});
	});
});

describe('router: the walk (Ctrl+N)', () => {
	const ctrlN = '\u000E';
	const greeted = greetedState(['PIPELINING', 'VRFY'], {tls: testTls});

	it('Ctrl+N offers the main step; again, each side step in turn; then the main step again', () => {
		const context = contextFor(greeted);
		const offered: string[] = [];
		let state = initialUiState();
		for (let press = 0; press < 5; press++) {
			state = read(state, ctrlN, context).state;
			offered.push(state.editor.text);
		}

		expect(offered).toEqual(['MAIL FROM:<me@example.com>', 'NOOP', 'VRFY alice@example.org', 'EXPN alice', 'MAIL FROM:<me@example.com>']);
	});

	it('the main step lists the side steps and the key that offers them; a side step says what comes after it', () => {
		const context = contextFor(greeted);
		const main = read(initialUiState(), ctrlN, context).state;
		expect(main.step?.title).toBe('next: MAIL');
		expect(main.step?.text).toContain('Also possible (Ctrl+N again): NOOP, VRFY, EXPN.');
		const side = read(main, ctrlN, context).state;
		expect(side.step?.title).toBe('side step: NOOP');
		expect(side.step?.text).toMatch(/RFC 5321 4\.1\.1\.9.* Ctrl\+N again: VRFY\.$/);
	});

	it('after the user edits the offered line, Ctrl+N starts over at the main step', () => {
		const context = contextFor(greeted);
		const side = read(read(initialUiState(), ctrlN, context).state, ctrlN, context).state;
		expect(side.editor.text).toBe('NOOP');
		const edited = read(side, 'x', context).state;
		expect(read(edited, ctrlN, context).state.editor.text).toBe('MAIL FROM:<me@example.com>');
	});

	it('inside a transaction the side steps are RSET, NOOP, VRFY', () => {
		const context = contextFor({...greeted, phase: 'mail', envelope: {from: {address: 'a@example.com', status: 'accepted'}, recipients: [], body: 'none'}});
		let state = read(initialUiState(), ctrlN, context).state;
		expect(state.editor.text).toBe('RCPT TO:<alice@example.org>');
		state = read(state, ctrlN, context).state;
		expect([state.editor.text, state.step?.title]).toEqual(['RSET', 'side step: RSET']);
	});

	it('after an AUTH cancelled with "*" (501) the next step is AUTH again, not MAIL', () => {
		const context = contextFor({...greetedState(['AUTH PLAIN LOGIN'], {tls: testTls}), authFailure: {mechanism: 'LOGIN', code: 501, cancelled: true}});
		const {state} = read(initialUiState(), ctrlN, context);
		expect(state.editor.text).toBe('AUTH LOGIN');
		expect(state.step?.text).toMatch(/cancelled/);
	});

	it('at 80 columns every offer of the walk, side steps included, fits the step panel', () => {
		const sessions: SessionState[] = [
			{...greetedState(), phase: 'connected', hello: undefined, ehlo: undefined},
			greetedState(),
			greetedState(['AUTH PLAIN LOGIN'], {tls: testTls}),
			{...greetedState(['AUTH PLAIN LOGIN'], {tls: testTls}), authFailure: {mechanism: 'PLAIN', code: 535, cancelled: false}},
			{...greetedState(['AUTH LOGIN'], {tls: testTls}), authFailure: {mechanism: 'LOGIN', code: 534, cancelled: false}},
			{...greeted, phase: 'mail', envelope: {from: {address: 'a@example.com', status: 'accepted'}, recipients: [], body: 'none'}},
			{...greeted, phase: 'rcpt', envelope: {from: {address: 'a@example.com', status: 'accepted'}, recipients: [{address: 'b@example.org', status: 'accepted'}], body: 'none'}},
		];
		// The panel's frame and title take two of its rows; the text wraps in the width less two.
		const rows = panelHeight - 2;
		for (const session of sessions) {
			const context = contextFor(session, [], {plan: {ehloName: 'client.example.com', user: 'demo'}});
			let state = initialUiState();
			for (let press = 0; press < 5; press++) {
				state = read(state, ctrlN, context).state;
				expect(wrapToWidth(state.step!.text, 78).length, state.step!.text).toBeLessThanOrEqual(rows);
			}
		}
	});

	it('a closed session: the composer keeps its text and the panel names the reconnect key from the keymap', () => {
		const reconnect = keymap.find(binding => binding.action === 'reconnect' && binding.scope === 'global')!.label.split(', ')[0]!;
		const {state} = read({...initialUiState(), editor: {text: 'NOOP', cursor: 4}}, ctrlN, contextFor({...greetedState(), phase: 'closed'}));
		expect(state.editor.text).toBe('NOOP');
		expect(state.step?.text).toContain(`press ${reconnect} to connect again`);
	});
});

describe('router: Ctrl+X exports the session as code', () => {
	const entry = (index: number, kind: TranscriptEntry['kind'], text: string): TranscriptEntry =>
		({id: index + 1, at, kind, tls: false, text, ...(kind === 'received' ? {code: Number(text.slice(0, 3)), final: true} : {})}) as TranscriptEntry;
	const sentMessage = [
		['info', 'connecting to mx.example.com:25'],
		['received', '220 mx ESMTP'],
		['sent', 'EHLO client.example.com'],
		['received', '250 mx'],
		['sent', 'MAIL FROM:<alice@example.com>'],
		['received', '250 ok'],
		['sent', 'RCPT TO:<bob@example.org>'],
		['received', '250 ok'],
		['sent', 'DATA'],
		['received', '354 go'],
		['sent', 'Subject: hi'],
		['sent', ''],
		['sent', 'hello'],
		['sent', '.'],
		['received', '250 queued'],
	].map(([kind, text], index) => entry(index, kind as TranscriptEntry['kind'], text!));
	const down = '\u001B[B';

	it('offers the run script, swaks, Python, Node and curl', () => {
		const state = read(initialUiState(), '\u0018', contextFor(greetedState(), sentMessage)).state;
		expect(state.overlay.kind).toBe('export');
		expect(exportChoices().map(choice => choice.value)).toEqual(['script', 'swaks', 'python', 'node', 'curl']);
	});

	it('asks where to write the Python code, then saves exactly that form', () => {
		const context = contextFor(greetedState(), sentMessage);
		// Script, swaks, then Python: two steps down.
		const asked = read(initialUiState(), `\u0018${down}${down}\r`, context);
		expect(asked.state.overlay).toMatchObject({kind: 'prompt', prompt: 'export-path', editor: {text: 'session.py'}});
		expect(asked.effects).toEqual([]);
		const saved = read(asked.state, '\r', context);
		expect(saved.effects).toEqual([{type: 'save', path: 'session.py', overwrite: false, what: 'python', thenQuit: false}]);
	});

	it('names Node and curl files by their kind', () => {
		const context = contextFor(greetedState(), sentMessage);
		expect(read(initialUiState(), `\u0018${down}${down}${down}\r`, context).state.overlay).toMatchObject({editor: {text: 'session.mjs'}});
		expect(read(initialUiState(), `\u0018${down}${down}${down}${down}\r`, context).state.overlay).toMatchObject({editor: {text: 'session.sh'}});
	});

	it('says why a session without a sent message cannot become code, and asks for no file', () => {
		const routed = read(initialUiState(), `\u0018${down}${down}\r`, contextFor(greetedState(), sentMessage.slice(0, 8)));
		expect(routed.state.overlay.kind).toBe('none');
		expect(routed.state.flash).toMatchObject({tone: 'error', text: expect.stringContaining('no message sent with DATA') as string});
		expect(routed.effects).toEqual([]);
	});

	it('still exports the run script with its own question', () => {
		const context = contextFor(greetedState(), sentMessage);
		const asked = read(initialUiState(), '\u0018\r', context);
		expect(asked.state.overlay).toMatchObject({prompt: 'export-path', editor: {text: 'session.smtp'}});
		expect(read(asked.state, '\r', context).effects).toEqual([{type: 'save', path: 'session.smtp', overwrite: false, what: 'script', thenQuit: false}]);
	});
});
