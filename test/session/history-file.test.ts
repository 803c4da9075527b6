import {mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {appendHistory, defaultHistoryPath, loadHistory} from '../../source/session/history-file.js';

const directories: string[] = [];
afterEach(() => {
	for (const directory of directories.splice(0)) rmSync(directory, {recursive: true, force: true});
});

function historyPath(): string {
	const directory = mkdtempSync(join(tmpdir(), 'smtp-explorer-history-'));
	directories.push(directory);
	return join(directory, 'state', 'smtp-explorer', 'history');
}

describe('the history file', () => {
	it('lives in the user state directory', () => {
		expect(defaultHistoryPath({XDG_STATE_HOME: '/state'})).toBe('/state/smtp-explorer/history');
		expect(defaultHistoryPath({})).toMatch(/\/\.local\/state\/smtp-explorer\/history$/);
	});

	it('keeps lines across sessions, oldest first, private to the user', () => {
		const path = historyPath();
		expect(loadHistory(path)).toEqual([]);
		expect(appendHistory(path, 'EHLO client.example.com')).toBe(true);
		expect(appendHistory(path, 'MAIL FROM:<a@example.com>')).toBe(true);
		expect(loadHistory(path)).toEqual(['EHLO client.example.com', 'MAIL FROM:<a@example.com>']);
		expect(statSync(path).mode & 0o777).toBe(0o600);
		expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
	});

	it('never stores a line holding a line break or another control character', () => {
		const path = historyPath();
		expect(appendHistory(path, 'NOOP\r\nRSET')).toBe(false);
		expect(appendHistory(path, 'NOOP\u001B[2J')).toBe(false);
		expect(loadHistory(path)).toEqual([]);
	});

	it('gives back at most the last lines asked for', () => {
		const path = historyPath();
		for (let index = 0; index < 10; index++) appendHistory(path, `NOOP ${index}`);
		expect(loadHistory(path, 3)).toEqual(['NOOP 7', 'NOOP 8', 'NOOP 9']);
		expect(readFileSync(path, 'utf8').split('\n').filter(Boolean)).toHaveLength(10);
	});

	it('a history that cannot be written is skipped quietly: the session goes on', () => {
		expect(appendHistory('/proc/version/nope/history', 'NOOP')).toBe(false);
		expect(loadHistory('/proc/version/nope/history')).toEqual([]);
	});
});
