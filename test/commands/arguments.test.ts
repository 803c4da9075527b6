import {describe, expect, it} from 'vitest';
import {parseCommandLine, reportNotRun} from '../../source/commands/arguments.js';
import {fakeIo} from '../helpers/command-io.js';

const flags = {
	starttls: {type: 'boolean', default: false},
	requireTls: {type: 'boolean', default: false},
	to: {type: 'string', isMultiple: true},
	format: {type: 'string', default: 'json'},
	ca: {type: 'string'},
	verbose: {type: 'boolean', shortFlag: 'v', default: false},
} as const;

const help = '\n\tUsage\n\t  $ smtp-explorer probe HOST\n';

describe('command-line parsing for the sub-commands', () => {
	it('reads camelCase flags written in kebab-case, positionals, defaults and repeats', () => {
		const parsed = parseCommandLine(help, ['mx.example.com', '--require-tls', '--to', 'a@example.org', '--to=b@example.org', '-v'], flags);
		expect(parsed).toEqual({
			ok: true,
			cli: {flags: {starttls: false, requireTls: true, to: ['a@example.org', 'b@example.org'], format: 'json', ca: undefined, verbose: true}, input: ['mx.example.com'], help: '  Usage\n    $ smtp-explorer probe HOST\n'},
		});
	});

	it('--no-NAME turns a boolean off, and a later --NAME on again', () => {
		const off = parseCommandLine(help, ['--starttls', '--no-starttls'], flags);
		expect(off.ok && off.cli.flags.starttls).toBe(false);
		const on = parseCommandLine(help, ['--no-starttls', '--starttls'], flags);
		expect(on.ok && on.cli.flags.starttls).toBe(true);
	});

	it('--help gives the help with exit code 0', () => {
		expect(parseCommandLine(help, ['host', '--help'], flags)).toEqual({ok: false, exitCode: 0, output: '  Usage\n    $ smtp-explorer probe HOST\n'});
	});

	it('an unknown option, a missing value or a value given twice is a usage error (exit 2)', () => {
		expect(parseCommandLine(help, ['--bogus'], flags)).toEqual({ok: false, exitCode: 2, output: 'unknown option --bogus; see --help\n'});
		expect(parseCommandLine(help, ['--ca'], flags)).toMatchObject({ok: false, exitCode: 2});
		expect(parseCommandLine(help, ['--format', 'json', '--format', 'text'], flags)).toEqual({ok: false, exitCode: 2, output: '--format is given 2 times; give it once (see --help)\n'});
	});

	it('never echoes control characters from the command line', () => {
		const parsed = parseCommandLine(help, ['--bo\u001B[2Jgus'], flags);
		expect(parsed.ok ? '' : parsed.output).not.toContain('\u001B');
	});

	it('reportNotRun: the help goes to stdout as it is, a usage error to stderr after the command name', () => {
		const asked = fakeIo();
		expect(reportNotRun({ok: false, exitCode: 0, output: 'Usage\n'}, asked.io, 'probe')).toBe(0);
		expect([asked.stdout, asked.stderr]).toEqual(['Usage\n', '']);
		const wrong = fakeIo();
		expect(reportNotRun({ok: false, exitCode: 2, output: 'unknown option --bogus; see --help\n'}, wrong.io, 'probe')).toBe(2);
		expect([wrong.stdout, wrong.stderr]).toEqual(['', 'smtp-explorer probe: unknown option --bogus; see --help\n']);
		const unnamed = fakeIo();
		reportNotRun({ok: false, exitCode: 2, output: 'unknown option --bogus; see --help\n'}, unnamed.io);
		expect(unnamed.stderr).toBe('unknown option --bogus; see --help\n');
	});
});

