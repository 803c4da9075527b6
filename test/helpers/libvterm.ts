import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process';
import {join} from 'node:path';
import {createInterface} from 'node:readline';

/**
libvterm (Debian libvterm0, installed with libvterm-bin by .ci/run), a terminal emulator that
supports left/right margins (DECSLRM) as xterm does and answers DECRQM, driven through small
Python scripts (ctypes) in this folder.
*/

export type VtermScreen = {rows: Array<Array<[string, string]>>; cursor: [number, number]};

/** A Python script that answers each JSON line on its stdin with one JSON line. */
class JsonLines {
	private readonly child: ChildProcessWithoutNullStreams;
	private readonly waiting: Array<(line: string) => void> = [];
	private exited: string | undefined;

	constructor(args: string[], env?: NodeJS.ProcessEnv) {
		this.child = spawn('python3', ['-B', ...args], {stdio: ['pipe', 'pipe', 'pipe'], ...(env ? {env} : {})});
		createInterface({input: this.child.stdout}).on('line', line => this.waiting.shift()?.(line));
		let errors = '';
		this.child.stderr.on('data', (chunk: Buffer) => {
			errors += chunk.toString();
		});
		this.child.on('exit', code => {
			this.exited = `${args[0]} exited (${code}): ${errors}`;
			for (const waiter of this.waiting.splice(0)) waiter(JSON.stringify({error: this.exited}));
		});
	}

	async request<T>(value: object): Promise<T> {
		if (this.exited) throw new Error(this.exited);
		const line = await new Promise<string>(resolve => {
			this.waiting.push(resolve);
			this.child.stdin.write(`${JSON.stringify(value)}\n`);
		});
		const parsed = JSON.parse(line) as T & {error?: string};
		if (parsed.error) throw new Error(parsed.error);
		return parsed;
	}

	close() {
		this.child.stdin.end();
	}
}

/** Fresh libvterm screens: the screen of a `columns` x `rows` terminal after some bytes. */
export class Libvterm {
	private readonly lines: JsonLines;

	/** `script`: where libvterm_screen.py is (the bench runs this file bundled elsewhere). */
	constructor(script = join(import.meta.dirname, 'libvterm_screen.py')) {
		this.lines = new JsonLines([script]);
	}

	async screen(columns: number, rows: number, data: string): Promise<VtermScreen> {
		return this.lines.request<VtermScreen>({columns, rows, data});
	}

	close() {
		this.lines.close();
	}
}

/** A command in a pseudo-terminal shown by libvterm, which answers the command's queries as a terminal with left/right margins does. */
export class VtermTerminal {
	private readonly lines: JsonLines;

	constructor(columns: number, rows: number, command: string[], env: NodeJS.ProcessEnv) {
		this.lines = new JsonLines([join(import.meta.dirname, 'pty_libvterm.py'), String(columns), String(rows), '--', ...command], env);
	}

	async keys(data: string): Promise<void> {
		await this.lines.request({op: 'keys', data});
	}

	async screen(): Promise<VtermScreen> {
		return this.lines.request<VtermScreen>({op: 'screen'});
	}

	/** The screen's text, one string per row, trailing blanks trimmed. */
	async text(): Promise<string> {
		const {rows} = await this.screen();
		return rows.map(row => row.map(([char]) => char).join('').trimEnd()).join('\n');
	}

	/** Everything the command wrote to its terminal. */
	async output(): Promise<string> {
		return (await this.lines.request<{output: string}>({op: 'output'})).output;
	}

	async resize(columns: number, rows: number): Promise<void> {
		await this.lines.request({op: 'resize', columns, rows});
	}

	async waitFor(match: (text: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
		const start = Date.now();
		for (;;) {
			const text = await this.text();
			if (match(text)) return text;
			if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; screen:\n${text}`);
			await new Promise(resolve => setTimeout(resolve, 50));
		}
	}

	/** Waits until the screen (every cell and its attributes) stays the same for `quietMs`. */
	async settled(quietMs: number): Promise<VtermScreen> {
		let last = JSON.stringify(await this.screen());
		let since = Date.now();
		for (;;) {
			await new Promise(resolve => setTimeout(resolve, 50));
			const now = JSON.stringify(await this.screen());
			if (now !== last) {
				last = now;
				since = Date.now();
			} else if (Date.now() - since >= quietMs) {
				return JSON.parse(now) as VtermScreen;
			}
		}
	}

	async stop(): Promise<void> {
		await this.lines.request({op: 'stop'}).catch(() => undefined);
		this.lines.close();
	}
}
