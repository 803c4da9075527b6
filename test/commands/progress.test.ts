import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {progressLine, progressReporter} from '../../source/commands/progress.js';
import {loadLanguage, setLanguage} from '../../source/i18n/messages.js';

function terminal(isTTY: boolean) {
	const stream = new PassThrough() as PassThrough & {isTTY?: boolean};
	if (isTTY) stream.isTTY = true;
	let written = '';
	stream.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
	return {stream, written: () => written};
}

describe('progress', () => {
	it('formats the line (the figures are protocol/progress.ts\'s, tested there)', () => {
		expect(progressLine(12_500_000, 50_000_000, 500)).toBe('sending 12.5 MB of 50.0 MB (25%), 25.0 MB/s, 2s left');
		expect(progressLine(50_000_000, 50_000_000, 2000)).toBe('sending 50.0 MB of 50.0 MB (100%), 25.0 MB/s');
	});

	it('speaks the process\'s language', async () => {
		await loadLanguage('pt');
		setLanguage('pt');
		try {
			expect(progressLine(12_500_000, 50_000_000, 500)).toBe('enviando 12.5 MB de 50.0 MB (25%), 25.0 MB/s, faltam 2s');
		} finally {
			setLanguage('en');
		}
	});

	it('on a terminal: silent at first, then at most one redraw per interval, in place, erased at the end', () => {
		const {stream, written} = terminal(true);
		let time = 0;
		const progress = progressReporter(stream, 1000, {intervalMs: 250, delayMs: 500, now: () => time});
		for (time = 0; time <= 2000; time += 10) progress.update(time / 2);
		progress.finish();
		const draws = written().split('\r\u001B[2K').filter(Boolean);
		// From 500 ms to 2000 ms, every 250 ms: 7 draws, not 150.
		expect(draws).toHaveLength(7);
		expect(draws[0]).toBe('sending 250 B of 1.0 kB (25%), 500 B/s, 2s left');
		expect(written().endsWith('\r\u001B[2K')).toBe(true);
		expect(written()).not.toContain('\n');
	});

	it('work shorter than the delay draws nothing, not even the erase', () => {
		const {stream, written} = terminal(true);
		let time = 0;
		const progress = progressReporter(stream, 1000, {now: () => time});
		// The default delay is about a second: 990 ms of work draws nothing.
		for (time = 0; time < 1000; time += 10) progress.update(time);
		progress.finish();
		expect(written()).toBe('');
	});

	it('writes nothing when the stream is not a terminal', () => {
		const {stream, written} = terminal(false);
		let time = 0;
		const progress = progressReporter(stream, 1000, {now: () => time});
		for (time = 0; time <= 5000; time += 100) progress.update(time / 5);
		progress.finish();
		expect(written()).toBe('');
	});
});
