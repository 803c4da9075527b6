/**
Values checked at the door, on the built binary: an argument echoed in a message never
brings its escape sequences to the terminal (they are shown as visible escapes), and a
duration longer than a timer can hold is a usage error, not Node's TimeoutOverflowWarning
and an instant failure.
*/
import {spawnSync} from 'node:child_process';
import {beforeAll, describe, expect, it} from 'vitest';
import {cli, ensureBuilt} from '../helpers/terminal.js';

beforeAll(() => {
	ensureBuilt();
});

function run(...args: string[]) {
	const result = spawnSync(process.execPath, [cli, ...args], {encoding: 'utf8', input: '', timeout: 20_000, env: {...process.env, NO_COLOR: '1'}});
	return {code: result.status, output: `${result.stdout}${result.stderr}`};
}

const clear = '\u001B[2J';
const message = ['--from', 'a@example.com', '--to', 'b@example.org', '--subject', 's', '--body', 'b'];

describe('every argument echoed in a message is made safe to print', () => {
	it.each([
		[['explain', '550\u001B]0;T\u0007'], String.raw`"550\x1b]0;T\x07"`],
		[['explain', '550', `5.1.1${clear}`], String.raw`"5.1.1\x1b[2J"`],
		[['probe', `${clear}x.example`], String.raw`"\x1b[2Jx.example"`],
		[['send', `${clear}x.example`, ...message], String.raw`"\x1b[2Jx.example"`],
		[['run', '/dev/null', `${clear}x.example`], String.raw`"\x1b[2Jx.example"`],
		[[`${clear}x.example`], String.raw`"\x1b[2Jx.example"`],
		[['x.example', `${clear}`], String.raw`\x1b[2J`],
		[['x.example', '--connect-timeout', clear], String.raw`--connect-timeout "\x1b[2J"`],
		[['probe', 'x.example', '--timeout', clear], String.raw`--timeout "\x1b[2J"`],
		[['demo-server', '--host', clear], String.raw`"\x1b[2J"`],
	])('%j', (args, shown) => {
		const {code, output} = run(...args);
		expect(code).not.toBe(0);
		expect(output).toContain(shown);
		expect(output).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
	});
});

describe('durations longer than a timer can hold are usage errors', () => {
	it.each([
		[['probe', '127.0.0.1', '--timeout', '40000m'], 'smtp-explorer probe: --timeout "40000m" is longer than a timer can wait (at most 2147483647 ms, about 24.8 days)'],
		[['127.0.0.1', '--greeting-timeout', '99999999m'], 'smtp-explorer: --greeting-timeout "99999999m" is longer than a timer can wait (at most 2147483647 ms, about 24.8 days)'],
		[['send', '127.0.0.1', '--timeout', '2147484s', ...message], 'smtp-explorer send: --timeout "2147484s" is longer than a timer can wait'],
	])('%j', (args, error) => {
		const {code, output} = run(...args);
		expect(code).toBe(2);
		expect(output).toContain(error);
		expect(output).not.toContain('TimeoutOverflowWarning');
	});

	it('the longest a timer holds is still taken', () => {
		// 2147483647 ms is accepted: the run goes on to connect (and fails there, exit 3), not a usage error.
		const {code, output} = run('probe', '127.0.0.1:1', '--timeout', '2147483647ms');
		expect(output).not.toContain('longer than a timer');
		expect(code).toBe(3);
	});
});
