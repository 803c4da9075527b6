import {describe, expect, it} from 'vitest';
import {formatBytes, formatSeconds, progressFigures, progressTiming, redrawDue} from '../../source/protocol/progress.js';

describe('progress figures', () => {
	it.each([
		[0, '0 B'],
		[999, '999 B'],
		[1000, '1.0 kB'],
		[52_428_800, '52.4 MB'],
		[1_500_000_000, '1.5 GB'],
		[2_000_000_000_000_000, '2000.0 TB'],
	])('%d bytes are "%s"', (bytes, text) => {
		expect(formatBytes(bytes)).toBe(text);
	});

	it.each([
		[0.2, '1s'],
		[0, '1s'],
		[4.2, '5s'],
		[59.5, '1m00s'],
		[75, '1m15s'],
		[3600, '60m00s'],
	])('%d seconds are "%s"', (seconds, text) => {
		expect(formatSeconds(seconds)).toBe(text);
	});

	it('gives sizes, percentage, rate and time left at the rate so far', () => {
		expect(progressFigures(12_500_000, 50_000_000, 500)).toEqual({done: '12.5 MB', total: '50.0 MB', percent: 25, rate: '25.0 MB', left: '2s'});
	});

	it('says no time left once done, and no rate before any time has passed', () => {
		expect(progressFigures(50_000_000, 50_000_000, 2000)).toEqual({done: '50.0 MB', total: '50.0 MB', percent: 100, rate: '25.0 MB'});
		expect(progressFigures(0, 50_000_000, 0)).toEqual({done: '0 B', total: '50.0 MB', percent: 0});
	});

	it('never says more than the total, nor divides by an empty total', () => {
		expect(progressFigures(60, 50, 1000)).toEqual({done: '50 B', total: '50 B', percent: 100, rate: '50 B'});
		expect(progressFigures(0, 0, 1000)).toEqual({done: '0 B', total: '0 B', percent: 100});
	});

	it('rounds the percentage down: 100% only when all is through', () => {
		expect(progressFigures(999_999, 1_000_000, 1000).percent).toBe(99);
	});
});

describe('redraw pace', () => {
	it('draws nothing during the first second, then at most once per interval', () => {
		expect(progressTiming).toEqual({delayMs: 1000, intervalMs: 250});
		expect(redrawDue(0, undefined, 999)).toBe(false);
		expect(redrawDue(0, undefined, 1000)).toBe(true);
		expect(redrawDue(0, 1000, 1249)).toBe(false);
		expect(redrawDue(0, 1000, 1250)).toBe(true);
	});

	it('counts the draws over a long run: four a second, not one per update', () => {
		let drawnAt: number | undefined;
		let draws = 0;
		for (let now = 0; now <= 5000; now += 10) {
			if (!redrawDue(0, drawnAt, now)) continue;
			drawnAt = now;
			draws++;
		}

		// From 1000 ms to 5000 ms, every 250 ms: 17 draws out of 501 updates.
		expect(draws).toBe(17);
	});

	it('takes other timings', () => {
		expect(redrawDue(0, undefined, 0, {delayMs: 0, intervalMs: 100})).toBe(true);
		expect(redrawDue(0, 0, 50, {delayMs: 0, intervalMs: 100})).toBe(false);
	});
});
