import {afterEach, describe, expect, it} from 'vitest';
import {loadLanguage, setLanguage} from '../../source/i18n/messages.js';
import {readingStatus, uploadStatus} from '../../source/ui/progress-status.js';

afterEach(() => setLanguage('en'));

const upload = {kind: 'data' as const, done: 12_500_000, total: 50_000_000, since: 10_000, at: 11_000};

describe('the status line during long work', () => {
	it('an upload past its first second: figures, and the cancel key from the keymap', () => {
		expect(uploadStatus(upload, 11_000)).toEqual({text: 'sending 12.5 MB of 50.0 MB (25%), 12.5 MB/s, 3s left', hint: '^C cancel'});
	});

	it('nothing for an upload younger than a second, one of unknown size, or none', () => {
		expect(uploadStatus({...upload, at: 10_900}, 10_950)).toBeUndefined();
		const {total: _total, ...unknown} = upload;
		expect(uploadStatus(unknown, 20_000)).toBeUndefined();
		expect(uploadStatus(undefined, 20_000)).toBeUndefined();
	});

	it('the clock moving between counts lowers the rate of a stalled upload', () => {
		expect(uploadStatus(upload, 15_000)?.text).toBe('sending 12.5 MB of 50.0 MB (25%), 2.5 MB/s, 15s left');
	});

	it('reading a file: after a second, while not all is read', () => {
		expect(readingStatus(4_000_000_000, 1_099_511_627_776, 2000)).toEqual({text: 'reading 4.0 GB of 1.1 TB (0%), 2.0 GB/s, 9m08s left'});
		expect(readingStatus(4_000_000_000, 1_099_511_627_776, 900)).toBeUndefined();
		expect(readingStatus(100, 100, 5000)).toBeUndefined();
	});

	it('in Portuguese', async () => {
		await loadLanguage('pt');
		setLanguage('pt');
		expect(uploadStatus(upload, 11_000)).toEqual({text: 'enviando 12.5 MB de 50.0 MB (25%), 12.5 MB/s, faltam 3s', hint: '^C cancelar'});
		expect(readingStatus(500_000, 1_000_000, 1000)?.text).toBe('lendo 500.0 kB de 1.0 MB (50%), 500.0 kB/s, faltam 1s');
	});
});
