import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll} from 'vitest';
import {ensureBuilt, startTerminal, type Terminal} from './terminal.js';

/**
The set-up every end-to-end file shares: the bundle built before the first test, and what a
test opened (tmux terminals, scratch directories, servers) closed after it, whatever its
outcome. Terminals go first, so nothing still runs in a directory when it is removed; the
other clean-ups run last-registered first.
*/
export function useTerminals(): {
	/** startTerminal(), closed after the test. */
	start(command: string, options: Parameters<typeof startTerminal>[1]): Terminal;
	/** A fresh directory under the system's temporary one, removed after the test. */
	scratchDirectory(prefix: string): string;
	/** Runs `cleanup` after the test (after its terminals are closed). */
	afterThis(cleanup: () => unknown): void;
} {
	const terminals: Terminal[] = [];
	const cleanups: Array<() => unknown> = [];
	beforeAll(() => {
		ensureBuilt();
	});
	afterEach(async () => {
		for (const terminal of terminals.splice(0)) terminal.kill();
		while (cleanups.length > 0) await cleanups.pop()!();
	});
	return {
		start(command, options) {
			const terminal = startTerminal(command, options);
			terminals.push(terminal);
			return terminal;
		},
		scratchDirectory(prefix) {
			const directory = mkdtempSync(join(tmpdir(), prefix));
			cleanups.push(() => rmSync(directory, {recursive: true, force: true}));
			return directory;
		},
		afterThis(cleanup) {
			cleanups.push(cleanup);
		},
	};
}
