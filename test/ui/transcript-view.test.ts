import {describe, expect, it} from 'vitest';
import {showAll, type TranscriptEntry} from '../../source/protocol/transcript.js';
import {nextVisible, pageBy, revealEntry, scrollBy, stepVisible, visibleWindow, type ViewOptions} from '../../source/ui/transcript-view.js';

const at = Date.parse('2026-11-28T12:00:00Z');
function entries(count: number, text = (i: number) => `250 line ${i}`): TranscriptEntry[] {
	return Array.from({length: count}, (_, i) => ({id: i + 1, at, kind: i % 2 === 0 ? 'sent' : 'received', tls: false, text: text(i), code: i % 2 === 0 ? undefined : 250} as TranscriptEntry));
}

const options: ViewOptions = {width: 40, filter: showAll, showTime: false};
const texts = (list: TranscriptEntry[], position: Parameters<typeof visibleWindow>[1], height: number, view = options) =>
	visibleWindow(list, position, view, height).rows.map(row => `${row.prefix} ${row.text}`);

describe('transcript view', () => {
	it('following: new lines fill the rows below without moving the ones above', () => {
		const list = entries(4);
		const first = visibleWindow(list, {follow: true}, options, 6);
		expect(first.rows.map(row => row.text)).toEqual(['250 line 0', '250 line 1', '250 line 2', '250 line 3']);
		const grown = [...list, ...entries(6).slice(4)];
		const next = visibleWindow(grown, first.position, options, 6);
		expect(next.rows.map(row => row.text)).toEqual(['250 line 0', '250 line 1', '250 line 2', '250 line 3', '250 line 4', '250 line 5']);
		expect(next.position).toEqual(first.position);
	});

	it('following: when the pane is full the newest line is on its last row, no row left blank', () => {
		const grown = visibleWindow(entries(7), visibleWindow(entries(6), {follow: true}, options, 6).position, options, 6);
		expect(grown.rows.map(row => row.text)).toEqual(['250 line 1', '250 line 2', '250 line 3', '250 line 4', '250 line 5', '250 line 6']);
		expect(grown.position).toEqual({follow: true, top: {entry: 1, row: 0}});
	});

	it('following without an anchor (Ctrl+G, a new filter) shows the newest lines, the pane full', () => {
		expect(texts(entries(10), {follow: true}, 3)).toEqual(['<-  250 line 7', ' -> 250 line 8', '<-  250 line 9']);
	});

	it('after a resize to a taller pane, following still fills it from the newest line up', () => {
		const list = entries(60);
		const small = visibleWindow(list, {follow: true}, options, 10);
		const tall = visibleWindow(list, small.position, options, 33);
		expect(tall.rows).toHaveLength(33);
		expect(tall.rows.at(-1)?.text).toBe('250 line 59');
	});

	it('an anchored view that reaches the end of a taller pane follows again, with no blank rows', () => {
		const list = entries(60);
		const anchored = {follow: false as const, entry: 40, row: 0};
		const tall = visibleWindow(list, anchored, options, 33);
		expect(tall.rows).toHaveLength(33);
		expect(tall.position.follow).toBe(true);
	});

	it('wraps long lines by display width, wide characters counted as two columns', () => {
		const list = entries(1, () => `${'日本'.repeat(10)} end`);
		const rows = visibleWindow(list, {follow: true}, {...options, width: 24}, 5).rows.map(row => row.text);
		expect(rows).toEqual(['日本日本日本日本日本', '日本日本日本日本日本', 'end']);
	});

	it('sanitises server text before measuring it', () => {
		const list = entries(1, () => '250 \u001B[2Jok');
		expect(texts(list, {follow: true}, 1)).toEqual([String.raw` ->  250 \x1b[2Jok`.replace(' ->  ', ' -> ')]);
	});

	it('scrolls up and down by rows, and back to following at the end', () => {
		const list = entries(20);
		// Following, the window shows lines 16-19; five rows up is line 11.
		const up = scrollBy(list, {follow: true}, -5, options, 4);
		expect(up).toEqual({follow: false, entry: 11, row: 0});
		expect(texts(list, up, 4)[0]).toBe('<-  250 line 11');
		expect(scrollBy(list, up, 5, options, 4).follow).toBe(true);
		expect(scrollBy(list, up, -100, options, 4)).toEqual({follow: false, entry: 0, row: 0});
	});

	it('scrolls inside a wrapped entry', () => {
		const list = [...entries(3), ...entries(1, () => 'x'.repeat(100))];
		expect(visibleWindow(list, {follow: true}, options, 2).position).toEqual({follow: true, top: {entry: 3, row: 1}});
		expect(scrollBy(list, {follow: true}, -1, options, 2)).toEqual({follow: false, entry: 3, row: 0});
		expect(scrollBy(list, {follow: true}, -2, options, 2)).toEqual({follow: false, entry: 2, row: 0});
		// Back down by one: the end shows again, so the view follows.
		expect(scrollBy(list, {follow: false, entry: 3, row: 0}, 1, options, 2).follow).toBe(true);
	});

	it('filters hide kinds of entries without losing them', () => {
		const list = entries(10);
		expect(texts(list, {follow: false, entry: 0, row: 0}, 2, {...options, filter: {sent: false, received: true, notes: true}})).toEqual(['<-  250 line 1', '<-  250 line 3']);
		expect(nextVisible(list, 1, {sent: false, received: true, notes: true})).toBe(3);
	});

	it('reveals an entry above or below the window', () => {
		const list = entries(50);
		expect(revealEntry(list, {follow: true}, 10, options, 5)).toEqual({follow: false, entry: 10, row: 0});
		const top = {follow: false as const, entry: 0, row: 0};
		expect(revealEntry(list, top, 20, options, 5)).toEqual({follow: false, entry: 16, row: 0});
		expect(revealEntry(list, top, 2, options, 5)).toEqual(top);
	});

	it('builds only the visible rows: the window of 100,000 entries is as small as of 100', () => {
		const big = entries(100_000);
		let wrapped = 0;
		const counting = new Proxy(big, {
			get(target, property, receiver) {
				if (typeof property === 'string' && /^\d+$/.test(property)) wrapped++;
				return Reflect.get(target, property, receiver);
			},
		});
		expect(visibleWindow(counting, {follow: true}, options, 30).rows).toHaveLength(30);
		const tailReads = wrapped;
		wrapped = 0;
		visibleWindow(counting, scrollBy(counting, {follow: true}, -60, options, 30), options, 30);
		expect(tailReads).toBeLessThan(200);
		expect(wrapped).toBeLessThan(600);
	});
});

describe('line cursor and paging steps', () => {
	it('stepVisible: from no cursor, up starts at the last line and down at the first; hidden lines are skipped; -1 past either end', () => {
		const list = entries(4);
		const noSent = {sent: false, received: true, notes: true};
		expect(stepVisible(list, undefined, -1, showAll)).toBe(3);
		expect(stepVisible(list, undefined, 1, showAll)).toBe(0);
		expect(stepVisible(list, 1, 1, noSent)).toBe(3);
		expect(stepVisible(list, 3, -1, noSent)).toBe(1);
		expect(stepVisible(list, 3, 1, showAll)).toBe(-1);
		expect(stepVisible(list, 0, -1, showAll)).toBe(-1);
	});

	it('pageBy: a page is the pane less one row, up or down', () => {
		const list = entries(100);
		const top = {follow: false as const, entry: 50, row: 0};
		expect(pageBy(list, top, -1, options, 10)).toEqual(scrollBy(list, top, -9, options, 10));
		expect(pageBy(list, top, 1, options, 10)).toEqual(scrollBy(list, top, 9, options, 10));
		expect(pageBy(list, top, -1, options, 10)).toEqual({follow: false, entry: 41, row: 0});
	});
});

