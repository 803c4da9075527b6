/**
The in-process UI benchmarks (keypress latency, memory, bytes on the wire). Renders the real
App, wrapped in ThemeProvider, with Ink's render() to a fake terminal (a 120x40 stdout that
records every write with its time, and a stdin that feeds one key at a time), against a
SessionController connected to a tiny SMTP server on 127.0.0.1 in this process. The
transcript is filled through the controller's TranscriptStore and the controller is told
to notify with annotate().

bench/run.mjs bundles this file with esbuild and runs it as a child, one JSON object in
argv[2] saying what to do; the result is one JSON line on stdout.
*/
import {EventEmitter} from 'node:events';
import {appendFileSync, writeSync} from 'node:fs';
import {createServer, type Socket} from 'node:net';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import xterm from '@xterm/headless';
import {render} from 'ink';
import {createReplyParser} from '../source/protocol/reply-parser.js';
import {formatReplyLine} from '../source/protocol/reply.js';
import {encodeUtf8} from '../source/protocol/text.js';
import type {NewEntry} from '../source/protocol/transcript.js';
import {SessionController} from '../source/session/controller.js';
import {App} from '../source/ui/app.js';
import {queryLeftRightMargins} from '../source/ui/terminal-margins.js';
import {ThemeProvider} from '../source/ui/theme.js';
import {Libvterm} from '../test/helpers/libvterm.js';

export type HarnessOptions = {
	mode: 'keypress' | 'memory' | 'bytes';
	/** Transcript entries before measuring (memory: the small count; it then grows to `bigLines`). */
	lines: number;
	bigLines?: number;
	samples?: number;
	/** keypress: rounds of each kind of key pressed before the samples are taken (default 20). */
	warmUp?: number;
	incremental?: boolean;
	maxFps?: number;
	/** 'full': the App is as tall as the terminal (as explorer.tsx mounts it); 'minus-one': one row less. */
	appHeight?: 'full' | 'minus-one';
	/** A frame has settled when nothing was written for this long. */
	quietMs?: number;
	columns?: number;
	rows?: number;
	/** 'hidden': F4 is pressed after the first frame, so the transcript has the whole width. */
	sidebar?: 'auto' | 'hidden';
	/**
	How the fake terminal answers the explorer's question about left/right margins (DECRQM ?69):
	'silent' (default, as most terminals and the explorer's fallback), or 'margins': it answers
	"supported" after the first frame, as xterm does, and the screen is then shown by libvterm
	(xterm.js has no left/right margins).
	*/
	terminal?: 'silent' | 'margins';
};

type Write = {t: number; bytes: number; text: string};

/** A terminal that records what is written to it and when, and (with `screen`) shows it on a terminal emulator. */
class FakeStdout extends EventEmitter {
	readonly isTTY = true;
	log: Write[] = [];
	keepText = true;
	/** xterm.js, headless, as big as this terminal: what a user would see. convertEol stands for the tty's ONLCR. */
	screen?: InstanceType<typeof xterm.Terminal>;
	/** Written but not yet shown on `screen`: it is fed only when read, outside the timed part of a sample. */
	private unshown: string[] = [];
	/** Instead of `screen`: libvterm, given everything written so far (it has left/right margins). */
	vterm?: Libvterm;
	private written: string[] = [];
	/** Whether the app asked about left/right margins. */
	asked = false;

	constructor(
		readonly columns: number,
		readonly rows: number,
	) {
		super();
	}

	/** The text on the screen, row by row, once everything written so far is parsed. */
	async screenText(): Promise<string> {
		if (this.vterm) {
			// The tty's ONLCR, as convertEol does for xterm.js.
			const shown = await this.vterm.screen(this.columns, this.rows, this.written.join('').replaceAll('\n', '\r\n'));
			return shown.rows.map(row => row.map(([char]) => char).join('').trimEnd()).join('\n');
		}

		const screen = this.screen;
		if (!screen) return '';
		const text = this.unshown.join('');
		this.unshown = [];
		await new Promise<void>(resolve => {
			screen.write(text, resolve);
		});
		const rows = [];
		for (let y = 0; y < screen.rows; y++) rows.push(screen.buffer.active.getLine(y)?.translateToString(true) ?? '');
		return rows.join('\n');
	}

	write = (chunk: string | Uint8Array, encoding?: unknown, callback?: unknown): boolean => {
		const t = performance.now();
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		this.log.push({t, bytes: Buffer.byteLength(text), text: this.keepText ? text : ''});
		if (this.screen) this.unshown.push(text);
		if (this.vterm) this.written.push(text);
		if (text.includes(queryLeftRightMargins)) this.asked = true;
		const done = typeof encoding === 'function' ? encoding : callback;
		if (typeof done === 'function') (done as () => void)();
		return true;
	};
}

/** A raw-mode keyboard: each press() is one 'readable' event carrying one key. */
class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	private readonly pending: string[] = [];
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
	read = (): string | null => this.pending.shift() ?? null;
	press(data: string) {
		this.pending.push(data);
		this.emit('readable');
	}
}

/** A minimal SMTP server: banner, EHLO with common extensions, 250 to the rest; NOOP replies can be held back. */
async function startFakeServer() {
	const held: Socket[] = [];
	let holdNoop = false;
	const server = createServer(socket => {
		socket.setNoDelay(true);
		socket.write('220 demo.smtp-explorer.test ESMTP bench server\r\n');
		let buffer = '';
		socket.on('data', chunk => {
			buffer += chunk.toString('latin1');
			let end: number;
			while ((end = buffer.indexOf('\r\n')) !== -1) {
				const line = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const verb = line.split(' ')[0]!.toUpperCase();
				if (verb === 'EHLO') {
					socket.write('250-demo.smtp-explorer.test greets you\r\n250-PIPELINING\r\n250-SIZE 67108864\r\n250-8BITMIME\r\n250-ENHANCEDSTATUSCODES\r\n250-STARTTLS\r\n250 SMTPUTF8\r\n');
				} else if (verb === 'NOOP' && holdNoop) {
					held.push(socket);
				} else if (verb === 'QUIT') {
					socket.end('221 2.0.0 bye\r\n');
				} else {
					socket.write('250 2.0.0 OK\r\n');
				}
			}
		});
		socket.on('error', () => {});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (address === null || typeof address === 'string') throw new Error('no port');
	return {
		port: address.port,
		hold(value: boolean) {
			holdNoop = value;
		},
		/** Sends the reply to the oldest held NOOP. */
		release() {
			held.shift()?.write('250 2.0.0 OK\r\n');
		},
		close() {
			server.close();
		},
	};
}

/** A small deterministic random source (mulberry32), so every run fills the same transcript. */
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

const words = ['mail', 'relay', 'example', 'recipient', 'accepted', 'queued', 'message', 'delivery', 'status', 'server', 'client', 'domain', 'policy', 'quota', 'mailbox', 'deferred', 'greylisted', 'verified', 'sender', 'ok', 'spf=pass', 'dkim=pass', 'id=4f2a9c'];
const decoder = new TextDecoder();

/**
Makes transcript entries the way a real session does: a sent command (its text and the
bytes validate() would put on the wire), then the server's reply of one to four lines of
40-120 characters, parsed by the app's own reply parser and turned into entries as
SessionController.handleEvent does (text from formatReplyLine, bytes from the parser).
*/
function makeFiller(seed: number) {
	const rand = random(seed);
	const parser = createReplyParser();
	let exchange = 0;
	const pad = (head: string, length: number) => {
		let text = head;
		while (text.length < length) text += ` ${words[Math.floor(rand() * words.length)]!}`;
		// Typed lines reach the controller as flat strings; so do these.
		return decoder.decode(encodeUtf8(text.slice(0, length)));
	};

	const length = () => 40 + Math.floor(rand() * 81);
	return (at: number): NewEntry[] => {
		const index = exchange++;
		const tls = index % 2 === 0;
		const user = `user${index % 997}@example${index % 13}.org`;
		const kind = index % 3;
		const [verb, head] = kind === 0 ? ['RCPT', `RCPT TO:<${user}> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;${user}`] : kind === 1 ? ['MAIL', `MAIL FROM:<sender${index % 31}@example.com> SIZE=${1000 + index} BODY=8BITMIME`] : ['EHLO', `EHLO client${index % 50}.example.net`];
		const sent = pad(head, length());
		const entries: NewEntry[] = [{kind: 'sent', tls, text: sent, bytes: encodeUtf8(`${sent}\r\n`), at}];
		const failed = kind === 0 && index % 20 === 0;
		const code = failed ? 550 : 250;
		const enhanced = failed ? '5.7.1' : kind === 0 ? '2.1.5' : '2.1.0';
		const lineCount = kind === 2 ? 2 + Math.floor(rand() * 3) : 1;
		let raw = '';
		for (let line = 0; line < lineCount; line++) {
			raw += `${pad(`${code}${line === lineCount - 1 ? ' ' : '-'}${enhanced} ${failed ? 'relay access denied for' : 'ok'} <${user}>`, length())}\r\n`;
		}

		const latencyMs = 1 + Math.floor(rand() * 40);
		for (const event of parser.push(encodeUtf8(raw))) {
			if (event.type !== 'reply') continue;
			for (const line of event.reply.lines) {
				entries.push({
					kind: 'received',
					tls,
					text: formatReplyLine(line),
					bytes: line.raw,
					code: line.code,
					...(line.enhanced ? {enhanced: line.enhanced.code} : {}),
					final: line.final,
					...(line.final ? {latencyMs} : {}),
					inReplyTo: verb,
					at,
				});
			}
		}

		return entries;
	};
}

const sleep = async (ms: number) =>
	new Promise<void>(resolve => {
		setTimeout(resolve, ms);
	});

const ansi = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/g;
const plain = (text: string) => text.replace(ansi, '');

function memory() {
	const usage = process.memoryUsage();
	const mb = (bytes: number) => bytes / (1024 * 1024);
	return {rss: mb(usage.rss), heapUsed: mb(usage.heapUsed), heapTotal: mb(usage.heapTotal), external: mb(usage.external), arrayBuffers: mb(usage.arrayBuffers)};
}

function collectGarbage() {
	const gc = (globalThis as {gc?: () => void}).gc;
	if (gc) {
		gc();
		gc();
	}
}

async function main() {
	const options = JSON.parse(process.argv[2] ?? '{}') as HarnessOptions;
	const {mode, lines, samples = 30, warmUp = 20, incremental = true, maxFps = 1000, appHeight = 'full', columns = 120, rows = 40} = options;
	const quietMs = options.quietMs ?? (maxFps >= 200 ? 20 : Math.ceil(1000 / maxFps) * 3);

	const server = await startFakeServer();
	const controller = new SessionController({target: {kind: 'tcp', host: '127.0.0.1', port: server.port}});
	const connected = await controller.connect();
	if (!connected.ok) throw new Error(`connect: ${connected.message}`);
	const ehlo = await controller.command('EHLO bench.local');
	if (!ehlo.ok) throw new Error(`EHLO: ${ehlo.error}`);

	const next = makeFiller(42);
	/** Adds entries until the transcript holds `count - 1`; annotate() adds the last one and makes the controller notify. */
	const fill = (count: number) => {
		const store = controller.transcript;
		const at = Date.now() - count * 5;
		while (store.entries.length < count - 1) {
			const entries = next(at + store.entries.length * 5);
			for (const entry of entries.slice(0, count - 1 - store.entries.length)) store.add(entry);
		}
	};

	fill(lines);
	controller.annotate('info', `bench: transcript filled to ${lines} entries`);

	const stdout = new FakeStdout(columns, rows);
	// Updates write only what changed: whether a key or a reply shows is read off a screen.
	if (mode !== 'memory' && options.terminal === 'margins') stdout.vterm = new Libvterm(join(process.cwd(), 'test', 'helpers', 'libvterm_screen.py'));
	else if (mode !== 'memory') stdout.screen = new xterm.Terminal({cols: columns, rows, convertEol: true, allowProposedApi: true});
	const stderr = new FakeStdout(columns, rows);
	const stdin = new FakeStdin();
	const mountedAt = performance.now();
	// As the explorer does on a terminal (source/explorer.tsx): the question, then the first frame without waiting.
	stdout.write(queryLeftRightMargins);
	const instance = render(
		<ThemeProvider theme={{color: true}}>
			<App controller={controller} width={columns} height={appHeight === 'full' ? rows : rows - 1} plan={{ehloName: 'bench.local'}} onExit={() => {}} />
		</ThemeProvider>,
		{
			stdout: stdout as unknown as NodeJS.WriteStream,
			stderr: stderr as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			exitOnCtrlC: false,
			patchConsole: false,
			incrementalRendering: incremental,
			maxFps,
		},
	);

	/** Resolves once nothing was written for `quiet` ms. */
	const settle = async (quiet = quietMs) => {
		let count = -1;
		while (count !== stdout.log.length) {
			count = stdout.log.length;
			await sleep(quiet);
		}
	};

	/** Writes since `from`: bytes, times of the first and the last write after `t0`, and whether `expect` holds for the screen. */
	const measureSince = async (from: number, t0: number, expect?: (text: string) => boolean, before?: string) => {
		const writes = stdout.log.slice(from);
		const text = plain(writes.map(write => write.text).join(''));
		const raw = writes.map(write => write.text).join('');
		const screen = await stdout.screenText();
		// A file to look at what was written and what the screen showed after it.
		if (process.env.BENCH_DEBUG_WRITES) appendFileSync(process.env.BENCH_DEBUG_WRITES, `${JSON.stringify({raw, screen})}\n`);
		const beforeRows = before?.split('\n');
		return {
			// Rows of the screen that changed (the writer may write only some of their cells).
			rowsChanged: beforeRows === undefined ? Number.NaN : screen.split('\n').filter((row, index) => row !== beforeRows[index]).length,
			largestWrite: writes.reduce((largest, write) => Math.max(largest, write.bytes), 0),
			...(process.env.BENCH_DEBUG_TEXT ? {text} : {}),
			first: writes.length > 0 ? writes[0]!.t - t0 : Number.NaN,
			last: writes.length > 0 ? writes.at(-1)!.t - t0 : Number.NaN,
			bytes: writes.reduce((sum, write) => sum + write.bytes, 0),
			writes: writes.length,
			seen: expect ? expect(screen) : true,
		};
	};

	/**
	One key: from handing it to Ink until the frame settles. `cpu` is the process's CPU time
	over the same span (user + system, ms): what the frame cost, less swayed by other load.
	*/
	const press = async (key: string, expect?: (text: string) => boolean) => {
		const before = await stdout.screenText();
		const from = stdout.log.length;
		const cpu0 = process.cpuUsage();
		const t0 = performance.now();
		stdin.press(key);
		const sync = performance.now() - t0;
		await settle();
		const cpu = process.cpuUsage(cpu0);
		return {...(await measureSince(from, t0, expect, before)), sync, cpu: (cpu.user + cpu.system) / 1000};
	};

	await settle(Math.max(quietMs, 100));
	const firstFrame = await measureSince(0, mountedAt, text => text.includes('^C quit'));
	if (options.terminal === 'margins') {
		if (!stdout.asked) throw new Error('the app did not ask about left/right margins');
		// The answer arrives after the first frame (nothing waits for it), as xterm's DECRPM: mode 69 reset, but known.
		stdin.press('\u001B[?69;2$y');
		await settle();
	}

	if (options.sidebar === 'hidden') {
		const shown = await stdout.screenText();
		await press('\u001BOS');
		const hidden = await stdout.screenText();
		if (hidden === shown) throw new Error('F4 changed nothing on the screen');
	}

	const typed = (text: string) => (screen: string) => screen.includes(`> ${text}`);
	// Following: the transcript's last two rows (above the composer's rule) are the NOOP and its new reply.
	const replyShown = (screen: string) => {
		const screenRows = screen.split('\n');
		const rule = screenRows.findIndex(row => /^─{40,}/.test(row));
		return rule > 2 && /-> +NOOP/.test(screenRows[rule - 2]!) && /<- +250 2\.0\.0 OK/.test(screenRows[rule - 1]!);
	};
	const scrolled = (screen: string) => screen.includes('scrolled');
	const backspace = '\u007F';
	const pageUp = '\u001B[5~';
	const pageDown = '\u001B[6~';

	let result: Record<string, unknown>;
	if (mode === 'keypress') {
		// Both kinds of key get the same warm-up before their samples: each runs code the
		// other does not (PgUp builds every transcript row anew), and V8 needs some 20 presses
		// to optimise it; without this the first PgUp samples measured the JIT, not a frame.
		// The very first press of each kind, cold, is kept apart.
		const coldKey = await press('N', typed('N'));
		await press(backspace);
		const coldPage = await press(pageUp, scrolled);
		await press(pageDown);
		for (let i = 0; i < warmUp; i++) {
			await press('N');
			await press(backspace);
			await press(pageUp);
			await press(pageDown);
		}

		stdout.log = [];
		const keys = [];
		for (let i = 0; i < samples; i++) {
			keys.push(await press('N', typed('N')));
			await press(backspace);
			stdout.log = [];
		}

		const pages = [];
		for (let i = 0; i < samples; i++) {
			pages.push(await press(pageUp, scrolled));
			await press(pageDown);
			stdout.log = [];
		}

		result = {entries: controller.transcript.entries.length, firstFrame, coldKey, coldPage, keys, pages};
	} else if (mode === 'memory') {
		stdout.keepText = false;
		const exercise = async () => {
			for (let i = 0; i < 5; i++) {
				await press('N');
				await press(backspace);
			}

			for (let i = 0; i < 3; i++) await press(pageUp);
			for (let i = 0; i < 3; i++) await press(pageDown);
			stdout.log = [];
		};

		await exercise();
		collectGarbage();
		const small = {entries: controller.transcript.entries.length, ...memory()};
		const bigLines = options.bigLines ?? 100_000;
		const fillStart = performance.now();
		const store = controller.transcript;
		fill(bigLines);
		const fillMs = performance.now() - fillStart;
		collectGarbage();
		const storeOnly = {entries: store.entries.length, ...memory()};
		controller.annotate('info', `bench: transcript filled to ${bigLines} entries`);
		await settle();
		await exercise();
		// As a user has it: no forced collection (the figure the budget is about), then after one.
		const bigNoGc = {entries: store.entries.length, ...memory()};
		collectGarbage();
		const big = {entries: store.entries.length, ...memory()};
		result = {small, storeOnly, bigNoGc, big, fillMs, gcExposed: typeof (globalThis as {gc?: unknown}).gc === 'function'};
	} else {
		const keys = [];
		const erases = [];
		for (let i = 0; i < samples; i++) {
			keys.push(await press('N', typed('N')));
			erases.push(await press(backspace));
		}

		server.hold(true);
		const noop = async () => {
			const sent = controller.send('NOOP');
			if (sent.status !== 'sent') throw new Error(`NOOP ${sent.status}`);
			await settle();
			const before = await stdout.screenText();
			const from = stdout.log.length;
			const t0 = performance.now();
			server.release();
			await sent.outcome;
			await settle();
			return measureSince(from, t0, replyShown, before);
		};

		const replies = [];
		for (let i = 0; i < samples; i++) replies.push(await noop());
		await press(pageUp);
		const scrolledReplies = [];
		for (let i = 0; i < samples; i++) scrolledReplies.push(await noop());
		result = {entries: controller.transcript.entries.length, firstFrame, keys, erases, replies, scrolledReplies};
	}

	instance.unmount();
	stdout.vterm?.close();
	controller.close();
	server.close();
	writeSync(1, `${JSON.stringify({options, ...result})}\n`);
	process.exit(0);
}

main().catch((error: unknown) => {
	writeSync(2, `ui-harness: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
