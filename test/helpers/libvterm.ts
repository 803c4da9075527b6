import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process';
import {join} from 'node:path';
import {createInterface} from 'node:readline';

/**
libvterm (Debian libvterm0, installed with libvterm-bin by .ci/run), a terminal emulator that
supports left/right margins (DECSLRM) as xterm does, through test/helpers/libvterm-screen.py:
write bytes to a fresh screen and read back every cell and the cursor.
*/

export type VtermScreen = {rows: Array<Array<[string, string]>>; cursor: [number, number]};

export class Libvterm {
	private readonly child: ChildProcessWithoutNullStreams;
	private readonly waiting: Array<(line: string) => void> = [];

	/** `script`: where libvterm-screen.py is (the bench runs this file bundled elsewhere). */
	constructor(script = join(import.meta.dirname, 'libvterm-screen.py')) {
		this.child = spawn('python3', [script], {stdio: ['pipe', 'pipe', 'pipe']});
		createInterface({input: this.child.stdout}).on('line', line => this.waiting.shift()?.(line));
		let errors = '';
		this.child.stderr.on('data', (chunk: Buffer) => {
			errors += chunk.toString();
		});
		this.child.on('exit', code => {
			for (const waiter of this.waiting.splice(0)) waiter(JSON.stringify({error: `libvterm-screen.py exited (${code}): ${errors}`}));
		});
	}

	/** The screen of a `columns` x `rows` terminal after `data`. */
	async screen(columns: number, rows: number, data: string): Promise<VtermScreen> {
		const line = await new Promise<string>(resolve => {
			this.waiting.push(resolve);
			this.child.stdin.write(`${JSON.stringify({columns, rows, data})}\n`);
		});
		const parsed = JSON.parse(line) as VtermScreen & {error?: string};
		if (parsed.error) throw new Error(parsed.error);
		return parsed;
	}

	close() {
		this.child.stdin.end();
	}
}
