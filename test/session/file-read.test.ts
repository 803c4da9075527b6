import {afterAll, describe, expect, it} from 'vitest';
import {tlsOptionsFrom} from '../../source/commands/connection-flags.js';
import {main as explore} from '../../source/explorer.js';
import {describeReadError, maxCertificateBytes, maxDataBytes, maxHistoryBytes, readBounded, readBoundedSync} from '../../source/session/file-read.js';
import {loadHistory} from '../../source/session/history-file.js';
import {fakeIo, tempDir} from '../helpers/command-io.js';

const dir = tempDir();
afterAll(() => dir.remove());

/** A file of `bytes` bytes, made without holding it in a string twice. */
function fileOf(name: string, bytes: number, fill = 'a'): string {
	return dir.file(name, fill.repeat(bytes));
}

describe('every reader has a cap, named in its message', () => {
	it('reads a file of exactly the cap, refuses one byte more, and stops /dev/zero there', async () => {
		const exact = fileOf('exact.txt', 4096);
		expect((await readBounded(exact, 4096, 'a test file')).length).toBe(4096);
		expect(readBoundedSync(exact, 4096, 'a test file').length).toBe(4096);
		const over = fileOf('over.txt', 4097);
		await expect(readBounded(over, 4096, 'a test file')).rejects.toThrow(`"${over}" is larger than 4 KiB, the most a test file may hold; nothing was read from it`);
		expect(() => readBoundedSync(over, 4096, 'a test file')).toThrow('is larger than 4 KiB');
		await expect(readBounded('/dev/zero', 1024 * 1024, 'a script')).rejects.toThrow('"/dev/zero" is larger than 1 MiB, the most a script may hold');
	});

	it('says "file not found" for a missing file (not that its directory does not exist)', () => {
		expect(describeReadError('/tmp/nope.txt', Object.assign(new Error('x'), {code: 'ENOENT'}))).toBe('"/tmp/nope.txt": file not found');
	});

	it('the history file: over its cap it is left alone and the composer starts empty', () => {
		const history = fileOf('history', maxHistoryBytes + 1, 'x\n');
		expect(loadHistory(history)).toEqual([]);
		expect(loadHistory(dir.file('small-history', 'EHLO a\nNOOP\n'))).toEqual(['EHLO a', 'NOOP']);
	});

	it('--ca and --cert: over the cap, or missing, is a clear error before connecting', () => {
		const big = fileOf('big-ca.pem', maxCertificateBytes + 1);
		expect(tlsOptionsFrom({ca: big})).toEqual({ok: false, error: `cannot read --ca: "${big}" is larger than 4 MiB, the most --ca may hold; nothing was read from it`});
		expect(tlsOptionsFrom({cert: `${dir.path}/none.pem`})).toEqual({ok: false, error: `cannot read --cert: "${dir.path}/none.pem": file not found`});
	});

	it('the explorer\'s --data: /dev/zero and a missing file are usage errors that say why', async () => {
		expect(maxDataBytes).toBe(64 * 1024 * 1024);
		for (const [path, reason] of [
			['/dev/zero', '"/dev/zero" is larger than 64 MiB, the most a message file may hold; nothing was read from it'],
			[`${dir.path}/nope.eml`, `"${dir.path}/nope.eml": file not found`],
		]) {
			const run = fakeIo();
			expect(await explore(['127.0.0.1', '--data', path!], run.io)).toBe(2);
			expect(run.stderr).toContain(`cannot read the message file: ${reason}`);
		}
	});
});
