import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {tempDir} from '../helpers/command-io.js';
import {cli, ensureBuilt, root} from '../helpers/terminal.js';

/**
The completion scripts, run by the shells themselves, against what --help says: every
sub-command and flag a help text lists must be completed, and every flag completed must be
in the help, so neither can drift from the flags the commands parse with.
*/

const dir = tempDir();
const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;
// `smtp-explorer` on PATH, as after npm link: the scripts complete that name, and ask it for profile names.
const bin = join(dir.path, 'bin');
const env = {...process.env, PATH: `${bin}:${process.env.PATH}`, XDG_CONFIG_HOME: join(dir.path, 'config')};

beforeAll(() => {
	ensureBuilt();
	mkdirSync(bin);
	symlinkSync(cli, join(bin, 'smtp-explorer'));
	mkdirSync(join(dir.path, 'config', 'smtp-explorer'), {recursive: true});
	writeFileSync(bashScript, execFileSync(process.execPath, [cli, 'completion', 'bash'], {encoding: 'utf8'}));
	writeFileSync(join(dir.path, 'config', 'smtp-explorer', 'config.toml'), '[profiles.work]\nhost = "smtp.example.com"\n[profiles.lab]\nmx = "example.org"\n');
});

afterAll(() => {
	dir.remove();
});

const bashScript = join(dir.path, 'completion.bash');
const help = (...args: string[]) => execFileSync(process.execPath, [cli, ...args, '--help'], {encoding: 'utf8', env});

/** What bash offers for the words typed so far (the last one is being completed). */
function bashComplete(...words: string[]): string[] {
	const script = `source ${bashScript}
COMP_WORDS=(${words.map(word => `'${word}'`).join(' ')}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1))
_smtp_explorer
printf '%s\\n' "\${COMPREPLY[@]}"`;
	return execFileSync('bash', ['-c', script], {encoding: 'utf8', env, cwd: root}).split('\n').filter(Boolean);
}

/**
Every flag a help text lists as an option: the flags on lines that start with one (prose
may name other programs' flags, such as swaks's, or another command's).
*/
function helpFlags(text: string): Set<string> {
	const optionLines = text.split('\n').filter(line => /^\s+-/.test(line));
	return new Set(optionLines.flatMap(line => [...line.matchAll(/(?<![\w-])(--[a-z][a-z\d-]*|-[a-zA-Z])(?![\w-])/g)].map(match => match[1]!)));
}

/** Every command takes these; a help text need not list them. */
const universal = new Set(['--help', '--version']);

const subcommands = ['catalog', 'explain', 'export', 'demo-server', 'probe', 'send', 'run', 'view', 'profiles', 'completion'];

describe('smtp-explorer completion', () => {
	it('bash: sourcing the script registers the completion', () => {
		const output = execFileSync('bash', ['-c', 'source <(smtp-explorer completion bash); complete -p smtp-explorer'], {encoding: 'utf8', env});
		expect(output).toBe('complete -F _smtp_explorer smtp-explorer\n');
	});

	it('completes every sub-command the top-level help lists, and no other', () => {
		const commands = /\n {2}Commands\n([\s\S]*?)\n {4}Each command/.exec(help())![1]!;
		const listed = [...commands.matchAll(/^ {4}([a-z-]+)/gm)].map(match => match[1]);
		expect(listed.toSorted()).toEqual(subcommands.toSorted());
		expect(bashComplete('smtp-explorer', '').toSorted()).toEqual(subcommands.toSorted());
		expect(bashComplete('smtp-explorer', 'pr')).toEqual(['probe', 'profiles']);
	});

	for (const command of ['', ...subcommands]) {
		it(`completes every flag of ${command || 'the explorer'} that its --help lists, and lists every flag it completes`, () => {
			const words = command ? ['smtp-explorer', command] : ['smtp-explorer'];
			// The top-level help also names sub-commands' flags in its Commands section: those are theirs.
			const documented = helpFlags(command ? help(command) : help().split('\n  Commands\n')[0]!);
			const offered = new Set([...bashComplete(...words, '-'), ...bashComplete(...words, '--no-')]);
			const missing = [...documented].filter(flag => !offered.has(flag));
			expect(missing, 'in --help but not completed').toEqual([]);
			// --no-X of a flag that is off by default is completed but needs no line of help.
			const undocumented = [...offered].filter(flag => !documented.has(flag) && !universal.has(flag) && !(flag.startsWith('--no-') && documented.has(`--${flag.slice(5)}`)));
			expect(undocumented, 'completed but not in --help').toEqual([]);
		});
	}

	it('completes profile names after @ where a server goes, values and file names after their flags', () => {
		expect(bashComplete('smtp-explorer', '@').toSorted()).toEqual(['@lab', '@work']);
		expect(bashComplete('smtp-explorer', 'probe', '@w')).toEqual(['@work']);
		expect(bashComplete('smtp-explorer', 'run', 'script.smtp', '@l')).toEqual(['@lab']);
		expect(bashComplete('smtp-explorer', 'catalog', '@')).toEqual([]);
		expect(bashComplete('smtp-explorer', 'probe', '--format', '')).toEqual(['json', 'text']);
		expect(bashComplete('smtp-explorer', 'send', '--auth', 'CR')).toEqual(['CRAM-MD5']);
		expect(bashComplete('smtp-explorer', '--tls-min', '')).toEqual(['TLSv1.2', 'TLSv1.3']);
		expect(bashComplete('smtp-explorer', 'send', '--body-file', 'package.j')).toEqual(['package.json']);
		expect(bashComplete('smtp-explorer', '--ca', 'package.j')).toEqual(['package.json']);
		expect(bashComplete('smtp-explorer', 'view', 'package.j')).toEqual(['package.json']);
		// After a flag that takes some other value, no flag or file is offered.
		expect(bashComplete('smtp-explorer', 'send', '--subject', '')).toEqual([]);
		expect(bashComplete('smtp-explorer', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
	});

	it('refuses a shell it does not know', () => {
		const result = spawnSync(process.execPath, [cli, 'completion', 'tcsh'], {encoding: 'utf8', env});
		expect(result.status).toBe(2);
		expect(result.stderr).toBe('smtp-explorer completion: name one shell: bash, zsh or fish\n');
		expect(result.stdout).toBe('');
	});

	it.runIf(has('zsh'))('zsh: the script parses and registers itself with compinit', () => {
		const script = `autoload -Uz compinit && compinit -u -d ${dir.path}/zcompdump; source <(smtp-explorer completion zsh); print -r -- $_comps[smtp-explorer]`;
		expect(execFileSync('zsh', ['-c', script], {encoding: 'utf8', env})).toBe('_smtp_explorer\n');
		const file = join(dir.path, '_smtp-explorer');
		writeFileSync(file, execFileSync(process.execPath, [cli, 'completion', 'zsh'], {encoding: 'utf8', env}));
		expect(spawnSync('zsh', ['-n', file]).status).toBe(0);
	});

	it.runIf(has('fish'))('fish: completes sub-commands, flags and profile names', () => {
		const complete = (line: string) =>
			execFileSync('fish', ['-c', `smtp-explorer completion fish | source; complete -C '${line}'`], {encoding: 'utf8', env})
				.split('\n')
				.filter(Boolean)
				.map(row => row.split('\t')[0]);
		expect(complete('smtp-explorer pro')).toEqual(expect.arrayContaining(['probe', 'profiles']));
		expect(complete('smtp-explorer send --body-')).toEqual(['--body-file']);
		expect(complete('smtp-explorer probe @').toSorted()).toEqual(['@lab', '@work']);
		expect(complete('smtp-explorer probe --format ')).toEqual(['json', 'text']);
	});
});
