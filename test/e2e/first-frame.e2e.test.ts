/**
The first frame waits for the banner (source/explorer.tsx): the built binary in a pseudo-
terminal (util-linux `script`), its output read as the terminal gets it. A prompt banner is
in the very first frame; a server that holds its banner back gets a frame showing the wait
first, then the banner. And the start through V8's code cache (source/code-cache.ts): written
after the first frame, used by the next start, a damaged one ignored.
*/
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {startFakeServer} from '../helpers/fake-smtp-server.js';
import {cli} from '../helpers/terminal.js';
import {useTerminals} from '../helpers/use-terminals.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
const e2e = useTerminals();

// Ink writes each frame between the begin and end marks of synchronized output (DEC mode 2026).
const frameEnd = '\u001B[?2026l';

const ansi = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/g;
const plain = (text: string) => text.replace(ansi, '');

/** Runs the explorer against `port` in a 100x30 pty until `done(output so far)` holds; returns the output as written. */
async function outputUntil(port: number, done: (text: string) => boolean, extraEnv: NodeJS.ProcessEnv = {}): Promise<string> {
	const env: NodeJS.ProcessEnv = {...process.env, TERM: 'xterm-256color', ...extraEnv};
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'GITHUB_ACTIONS', 'BUILD_NUMBER', 'RUN_ID', 'NO_COLOR']) delete env[name];
	const child = spawn('script', ['-qfec', `stty cols 100 rows 30; exec node ${cli} 127.0.0.1:${port}`, '/dev/null'], {env, stdio: ['pipe', 'pipe', 'pipe']});
	// Waited for after the kill: the app may be writing its code cache, which the clean-up would race.
	const closed = new Promise<void>(resolve => {
		child.once('close', () => {
			resolve();
		});
	});
	let text = '';
	try {
		await new Promise<void>((resolve, reject) => {
			const finish = (error?: Error) => {
				clearTimeout(timer);
				clearInterval(poll);
				if (error) reject(error);
				else resolve();
			};

			const timer = setTimeout(() => finish(new Error(`no expected output within 20 s; got: ${text.slice(-2000)}`)), 20_000);
			// Also asked between writes: a condition may depend on more than the output (a file appearing).
			const poll = setInterval(() => {
				if (done(text)) finish();
			}, 50);
			child.stdout.setEncoding('utf8');
			child.stdout.on('data', (chunk: string) => {
				text += chunk;
				if (done(text)) finish();
			});
			child.on('close', () => {
				finish(new Error(`the app exited early; output: ${text.slice(-2000)}`));
			});
		});
	} finally {
		child.kill('SIGTERM');
		await closed;
	}

	return text;
}

describe.runIf(hasScript)('the first frame', () => {
	it('already holds the banner when the server greets at once: no frame for "connecting"', {timeout: 30_000}, async () => {
		const server = await startFakeServer({greeting: '220 prompt.fake.test ESMTP at once\r\n'});
		e2e.afterThis(async () => server.close());
		const text = await outputUntil(server.port, current => current.includes(frameEnd));
		const firstFrame = plain(text.slice(0, text.indexOf(frameEnd)));
		expect(firstFrame).toContain('220 prompt.fake.test ESMTP at once');
		expect(firstFrame).toContain('Tab complete');
		expect(firstFrame).not.toContain('waiting for banner');
	});

	it('shows the wait when the banner is late, then the banner', {timeout: 30_000}, async () => {
		let release!: () => void;
		const released = new Promise<void>(resolve => {
			release = resolve;
		});
		// The banner is held until the test has seen a frame without it: no timing involved.
		const server = await startFakeServer({greeting: [async () => released, '220 late.fake.test ESMTP finally\r\n']});
		e2e.afterThis(async () => server.close());
		let sawFrame = false;
		const text = await outputUntil(server.port, current => {
			if (!sawFrame && current.includes(frameEnd)) {
				sawFrame = true;
				release();
			}

			return plain(current).includes('220 late.fake.test ESMTP finally');
		});
		const firstFrame = plain(text.slice(0, text.indexOf(frameEnd)));
		expect(firstFrame).not.toContain('220 late.fake.test');
		expect(firstFrame).toContain('waiting for banner');
		expect(firstFrame).toContain('Tab complete');
	});

	it('writes the code cache after the first frame, starts from it next time, and shrugs off a damaged one', {timeout: 60_000}, async () => {
		const server = await startFakeServer({greeting: '220 cached.fake.test ESMTP\r\n'});
		e2e.afterThis(async () => server.close());
		const state = e2e.scratchDirectory('smtp-explorer-state-');
		const cacheDirectory = join(state, 'smtp-explorer', 'code-cache');
		const files = () => (existsSync(cacheDirectory) ? readdirSync(cacheDirectory).filter(name => name.endsWith('.v8')) : []);
		const banner = (current: string) => plain(current).includes('220 cached.fake.test ESMTP');

		// First start: no cache; the app stays up until the cache file is there (it is written just after the first frame).
		await outputUntil(server.port, current => banner(current) && files().length === 1, {XDG_STATE_HOME: state});
		const [name] = files();
		expect(name).toMatch(new RegExp(`^explorer-[\\da-f]{16}-node${process.version.slice(1).replaceAll('.', '\\.')}-${process.arch}-[\\da-f]{8}\\.v8$`));

		// Second start, from the cache: the same first frame.
		const again = await outputUntil(server.port, current => current.includes(frameEnd), {XDG_STATE_HOME: state});
		expect(plain(again.slice(0, again.indexOf(frameEnd)))).toContain('220 cached.fake.test ESMTP');

		// A damaged cache: ignored, the app starts all the same.
		writeFileSync(join(cacheDirectory, name!), 'damaged');
		const damaged = await outputUntil(server.port, current => current.includes(frameEnd), {XDG_STATE_HOME: state});
		expect(plain(damaged.slice(0, damaged.indexOf(frameEnd)))).toContain('220 cached.fake.test ESMTP');
	});
});
