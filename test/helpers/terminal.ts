import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {join} from 'node:path';

/**
A real terminal for end-to-end tests: a tmux server of our own (its own socket, so
parallel tests never meet), a window of an exact size, keys sent one at a time, and the
screen read back with capture-pane.
*/

export const root = join(import.meta.dirname, '..', '..');
export const cli = join(root, 'dist', 'cli.js');

/** Builds the bundle if a test runs without `npm run build` first. */
export function ensureBuilt(): void {
	if (!existsSync(cli)) execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs')], {cwd: root, stdio: 'inherit'});
}

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

// Ink draws nothing until exit when it thinks it runs in CI (is-in-ci), so the app's
// environment must not say so (design.md, Known pitfalls).
const ciVariables = ['CI', 'CONTINUOUS_INTEGRATION', 'BUILD_NUMBER', 'RUN_ID', 'GITHUB_ACTIONS', 'GITLAB_CI', 'TRAVIS', 'CIRCLECI', 'JENKINS_URL', 'BUILDKITE', 'TEAMCITY_VERSION', 'TF_BUILD'];

let counter = 0;

export type Terminal = {
	/** The visible screen, one string per row (trailing spaces trimmed unless `spaces`); with escapes, the SGR styling too. */
	screen(options?: {escapes?: boolean; spaces?: boolean}): string;
	waitFor(match: RegExp | string | ((screen: string) => boolean), what?: string, timeoutMs?: number): Promise<string>;
	/** tmux key names ('Enter', 'C-n', 'PageUp') or literal text, each sent on its own. */
	keys(...names: string[]): Promise<void>;
	/** Types text literally, then waits for it to be drawn. */
	type(text: string): Promise<void>;
	/** Writes these exact bytes to the app in ONE write, as a fast typist or an SSH link delivers a burst of keys. */
	write(bytes: string): void;
	/** Resizes the window, as a user dragging the terminal would. */
	resize(width: number, height: number): void;
	/** The pid of the pane's first process (the shell that runs the command). */
	panePid(): number;
	/** Appends every byte the pane's program writes from now on to `file` (tmux pipe-pane): what the terminal received. */
	pipeOutput(file: string): void;
	kill(): void;
};

export function startTerminal(command: string, options: {width: number; height: number; env?: Record<string, string>}): Terminal {
	const socket = `smtp-explorer-test-${process.pid}-${counter++}`;
	const unset = ciVariables.flatMap(name => ['-u', name]);
	const extra = Object.entries({TERM: 'xterm-256color', LANG: 'C.UTF-8', ...options.env}).map(([key, value]) => `${key}=${value}`);
	const wrapped = ['env', ...unset, ...extra, 'sh', '-c', command].map(word => `'${word.replaceAll("'", String.raw`'\''`)}'`).join(' ');
	const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
	tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'main', '-x', String(options.width), '-y', String(options.height), wrapped);
	tmux('set-option', '-t', 'main', 'remain-on-exit', 'on');

	const screen = (screenOptions: {escapes?: boolean; spaces?: boolean} = {}) => {
		try {
			// -N keeps each row's trailing spaces: without it, a trailing inverse space (a cursor block) is dropped.
			return tmux('capture-pane', '-p', ...(screenOptions.escapes ? ['-e'] : []), ...(screenOptions.spaces ? ['-N'] : []), '-t', 'main').replace(/\n+$/, '');
		} catch {
			return '';
		}
	};

	const matches = (current: string, match: RegExp | string | ((screen: string) => boolean)) =>
		typeof match === 'string' ? current.includes(match) : match instanceof RegExp ? match.test(current) : match(current);

	return {
		screen,
		async waitFor(match, what = String(match), timeoutMs = 15_000) {
			const start = Date.now();
			for (;;) {
				const current = screen();
				if (matches(current, match)) return current;
				if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; screen:\n${current}`);
				await new Promise(resolve => setTimeout(resolve, 50));
			}
		},
		async keys(...names) {
			for (const name of names) {
				tmux('send-keys', '-t', 'main', name);
				// Separate reads: Ink takes several keys in one read as a paste.
				await new Promise(resolve => setTimeout(resolve, 60));
			}
		},
		async type(text) {
			tmux('send-keys', '-t', 'main', '-l', text);
			// Let the app draw the text before the next key, so Enter is read on its own, not as part of a paste.
			const start = Date.now();
			while (!screen().includes(text) && Date.now() - start < 3000) await new Promise(resolve => setTimeout(resolve, 20));
			await new Promise(resolve => setTimeout(resolve, 40));
		},
		write(bytes) {
			const hex = [...Buffer.from(bytes, 'utf8')].map(byte => byte.toString(16).padStart(2, '0'));
			tmux('send-keys', '-t', 'main', '-H', ...hex);
		},
		resize(width, height) {
			tmux('resize-window', '-t', 'main', '-x', String(width), '-y', String(height));
		},
		panePid() {
			return Number(tmux('display-message', '-p', '-t', 'main', '#{pane_pid}').trim());
		},
		pipeOutput(file) {
			tmux('pipe-pane', '-t', 'main', `cat >> '${file.replaceAll("'", String.raw`'\''`)}'`);
		},
		kill() {
			try {
				tmux('kill-server');
			} catch {}
		},
	};
}

/**
Waits until the screen, styling included (a cursor drawn inverse counts), stays the same for
`quietMs`: the app has drawn everything it was given. Returns that screen.
*/
export async function settledScreen(term: Terminal, quietMs: number): Promise<string> {
	let last = term.screen({escapes: true});
	for (;;) {
		const changed = await term.waitFor(() => term.screen({escapes: true}) !== last, 'a change', quietMs).then(
			() => true,
			() => false,
		);
		if (!changed) return last;
		last = term.screen({escapes: true});
	}
}
