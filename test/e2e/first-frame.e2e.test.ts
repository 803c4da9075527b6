/**
The first frame waits for the banner (source/explorer.tsx): the built binary in a pseudo-
terminal (util-linux `script`), its output read as the terminal gets it. A prompt banner is
in the very first frame; a server that holds its banner back gets a frame showing the wait
first, then the banner.
*/
import {spawn, spawnSync} from 'node:child_process';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {type FakeServer, startFakeServer} from '../helpers/fake-smtp-server.js';
import {cli, ensureBuilt} from '../helpers/terminal.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
const servers: FakeServer[] = [];
afterEach(async () => {
	for (const server of servers.splice(0)) await server.close();
});

beforeAll(() => {
	ensureBuilt();
});

// Ink writes each frame between the begin and end marks of synchronized output (DEC mode 2026).
const frameEnd = '\u001B[?2026l';

const ansi = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/g;
const plain = (text: string) => text.replace(ansi, '');

/** Runs the explorer against `port` in a 100x30 pty until `done(output so far)` holds; returns the output as written. */
async function outputUntil(port: number, done: (text: string) => boolean): Promise<string> {
	const env: NodeJS.ProcessEnv = {...process.env, TERM: 'xterm-256color'};
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'GITHUB_ACTIONS', 'BUILD_NUMBER', 'RUN_ID', 'NO_COLOR']) delete env[name];
	const child = spawn('script', ['-qfec', `stty cols 100 rows 30; exec node ${cli} 127.0.0.1:${port}`, '/dev/null'], {env, stdio: ['pipe', 'pipe', 'pipe']});
	let text = '';
	try {
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no expected output within 20 s; got: ${text.slice(-2000)}`)), 20_000);
			child.stdout.setEncoding('utf8');
			child.stdout.on('data', (chunk: string) => {
				text += chunk;
				if (done(text)) {
					clearTimeout(timer);
					resolve();
				}
			});
			child.on('close', () => {
				clearTimeout(timer);
				reject(new Error(`the app exited early; output: ${text.slice(-2000)}`));
			});
		});
	} finally {
		child.kill('SIGTERM');
	}

	return text;
}

describe.runIf(hasScript)('the first frame', () => {
	it('already holds the banner when the server greets at once: no frame for "connecting"', {timeout: 30_000}, async () => {
		const server = await startFakeServer({greeting: '220 prompt.fake.test ESMTP at once\r\n'});
		servers.push(server);
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
		servers.push(server);
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
});
