import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {showAll, type TranscriptEntry} from '../../source/protocol/transcript.js';
import {readAll} from '../../source/ui/key-reader.js';
import {findMatch, scanForMatch, type SearchScan, startScan} from '../../source/ui/transcript-view.js';
import {initialUiState, type UiState} from '../../source/ui/ui-state.js';
import {continueSearch, routeViewerKey, searchSlice} from '../../source/ui/viewer-router.js';

/**
A search through a large file looks a slice at a time (viewer-router.ts), so the keys that
stop it are read in between: sliced, it finds exactly what one pass finds; while it looks,
Esc or Ctrl+C stop it where it is and other keys do nothing.
*/

const at = Date.parse('2026-12-06T12:00:00Z');
const entry = (id: number, text: string): TranscriptEntry => ({id, at, kind: id % 2 === 0 ? 'sent' : 'received', tls: false, text});

/** `count` lines, `needle` in the lines listed. */
function lines(count: number, needleAt: readonly number[] = [], needle = 'needle'): TranscriptEntry[] {
	return Array.from({length: count}, (_, index) => entry(index + 1, needleAt.includes(index) ? `250 ok ${needle}` : `250 line ${index}`));
}

/** Runs a scan to its end, `limit` entries per call; the result and how many calls it took. */
function scanToEnd(list: readonly TranscriptEntry[], scan: SearchScan, limit: number): {found: number; calls: number} {
	let result: number | SearchScan = scan;
	let calls = 0;
	while (typeof result !== 'number') {
		result = scanForMatch(list, result, showAll, limit);
		calls++;
	}

	return {found: result, calls};
}

describe('a search in slices', () => {
	it('finds what one pass finds, for any lines, start, direction and slice size', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('250 ok', '550 NO', 'EHLO x', 'Needle here', ''), {maxLength: 40}), fc.integer({min: -1, max: 40}), fc.constantFrom(1 as const, -1 as const), fc.integer({min: 1, max: 50}), fc.constantFrom('needle', 'no', 'ok', 'zzz'), (texts, start, direction, limit, query) => {
				const list = texts.map((text, index) => entry(index + 1, text));
				const from = Math.min(start, list.length);
				expect(scanToEnd(list, startScan(list, from, query, direction), limit).found).toBe(findMatch(list, from, query, direction, showAll));
			}),
		);
	});

	it('looks at no more than its limit of lines per call, and at each line once', () => {
		const list = lines(1000);
		const reads: number[] = [];
		const counted = new Proxy(list, {
			get(target, property, receiver) {
				if (typeof property === 'string' && /^\d+$/.test(property)) reads.push(Number(property));
				return Reflect.get(target, property, receiver) as unknown;
			},
		});
		const {found, calls} = scanToEnd(counted, startScan(counted, -1, 'absent', 1), 64);
		expect(found).toBe(-1);
		expect(calls).toBe(Math.ceil(1000 / 64));
		expect(reads.toSorted((a, b) => a - b)).toEqual(list.map((_, index) => index));
	});
});

describe('the viewer searching a large file', () => {
	const width = 100;
	const height = 30;
	const key = (bytes: string) => readAll([bytes]).keys[0]!;
	const typed = (state: UiState, list: readonly TranscriptEntry[], bytes: string) => {
		let current = state;
		for (const each of readAll([bytes]).keys) current = routeViewerKey(current, each, list, width, height).state;
		return current;
	};

	const opened = initialUiState([], {follow: false, entry: 0, row: 0});

	it('finds a match in the first slice at once, as before', () => {
		const list = lines(100, [70]);
		const state = typed(opened, list, '/needle\r');
		expect(state.searching).toBeUndefined();
		expect(state.cursor).toBe(70);
	});

	it('goes on a slice at a time until the match, the cursor left alone meanwhile', () => {
		const list = lines(3 * searchSlice + 10, [3 * searchSlice + 5]);
		let state = typed(opened, list, '/needle\r');
		expect(state.searching).toMatchObject({query: 'needle', looked: searchSlice});
		expect(state.cursor).toBeUndefined();
		let slices = 1;
		while (state.searching) {
			state = continueSearch(state, list, width, height);
			slices++;
		}

		expect(slices).toBe(4);
		expect(state.cursor).toBe(3 * searchSlice + 5);
		// n goes on from there, wrapping: the only match again, found in the same way.
		state = typed(state, list, 'n');
		while (state.searching) state = continueSearch(state, list, width, height);
		expect(state.cursor).toBe(3 * searchSlice + 5);
	});

	it('says so when nothing matches', () => {
		const list = lines(2 * searchSlice);
		let state = typed(opened, list, '/absent\r');
		while (state.searching) state = continueSearch(state, list, width, height);
		expect(state.flash?.text).toBe('no line matches "absent"');
	});

	for (const [name, bytes] of [
		['Esc', '\u001B'],
		['Ctrl+C', '\u0003'],
		['q', 'q'],
	] as const) {
		it(`${name} stops it where it is: the cursor stays, the viewer stays open, no match is shown later`, () => {
			const list = lines(4 * searchSlice, [4 * searchSlice - 1]);
			const searching = continueSearch(typed(opened, list, '/needle\r'), list, width, height);
			const routed = routeViewerKey(searching, key(bytes), list, width, height);
			expect(routed.exit).toBe(false);
			expect(routed.state.searching).toBeUndefined();
			expect(routed.state.cursor).toBeUndefined();
			expect(routed.state.flash?.text).toBe('stopped searching for "needle" after 50% of the lines');
			// Nothing left to go on with.
			expect(continueSearch(routed.state, list, width, height)).toBe(routed.state);
		});
	}

	it('other keys wait: they neither move nor quit while it looks', () => {
		const list = lines(4 * searchSlice, [4 * searchSlice - 1]);
		const searching = typed(opened, list, '/needle\r');
		for (const bytes of ['\u001B[B', '\u001B[6~', 'n', '/', '?', '\r']) {
			const routed = routeViewerKey(searching, key(bytes), list, width, height);
			expect(routed).toEqual({state: searching, exit: false});
		}
	});
});
