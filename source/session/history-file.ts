import {appendFileSync, chmodSync, mkdirSync} from 'node:fs';
import {homedir} from 'node:os';
import {dirname, join} from 'node:path';
import {maxHistoryBytes, readBoundedSync} from './file-read.js';

/**
The composer's history across sessions, one line per command, in the user's state
directory ($XDG_STATE_HOME/smtp-explorer/history, or ~/.local/state/...). It is private
(0600), and the caller never hands it a line that carries a secret.
*/

export function defaultHistoryPath(env: NodeJS.ProcessEnv = process.env): string {
	const base = env.XDG_STATE_HOME && env.XDG_STATE_HOME !== '' ? env.XDG_STATE_HOME : join(homedir(), '.local', 'state');
	return join(base, 'smtp-explorer', 'history');
}

/** The last `limit` lines, oldest first; nothing when the file does not exist, cannot be read, or is over maxHistoryBytes. */
export function loadHistory(path: string, limit = 500): string[] {
	try {
		return readBoundedSync(path, maxHistoryBytes, 'a history file').toString('utf8').split('\n').filter(line => line !== '').slice(-limit);
	} catch {
		return [];
	}
}

/** Appends one line. Returns false (and stays quiet) when the file cannot be written. */
export function appendHistory(path: string, line: string): boolean {
	// A history line is one line: anything with a line break or control byte is not stored.
	if (/[\u0000-\u001F\u007F]/.test(line)) return false;
	try {
		mkdirSync(dirname(path), {recursive: true, mode: 0o700});
		appendFileSync(path, `${line}\n`, {mode: 0o600});
		chmodSync(path, 0o600);
		return true;
	} catch {
		return false;
	}
}
