import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
// @ts-expect-error: a plain .mjs script, without type declarations
import {leftRightMarginsKey, rectanglesFor, resetMargins, rowCells, updateFrame} from '../../scripts/ink-writer.mjs';
import {leftRightMarginsKey as appKey, markLeftRightMargins, resetMarginsIfUsed} from '../../source/ui/terminal-margins.js';
import {Libvterm} from '../helpers/libvterm.js';
import {type Cell, line} from '../helpers/styled-row.js';

/**
The writer's rectangle moves (DECSLRM left/right margins), checked on libvterm, a terminal
emulator that has them (xterm.js, used by ink-writer.test.ts, has not): the previous frame is
drawn, then the update, and every cell (character, width, attributes, colours) and the
cursor must be what the next frame drawn on a fresh screen shows.
*/

// The first six styles of the shared palette (bold, colours, dim, inverse): underline and strike-through are left to ink-writer.test.ts.
const styleCount = 6;

const draw = (lines: string[]) => lines.join('\r\n');
const vterm = new Libvterm();
afterAll(() => {
	vterm.close();
});

type Frame = {lines: string[]; columns: number; rows: number};

async function apply(previous: Frame, next: Frame, screenRows: number | undefined = previous.rows) {
	const update = updateFrame(previous.lines, next.lines, {columns: previous.columns, screenRows}) as string;
	const actual = await vterm.screen(previous.columns, previous.rows, draw(previous.lines) + update);
	const expected = await vterm.screen(next.columns, next.rows, draw(next.lines));
	if (next.lines.at(-1) !== '') expected.cursor[0] = actual.cursor[0] = 0;
	return {update, actual, expected};
}

const cellArbitrary = fc.record({char: fc.constantFrom('a', 'b', 'x', ' ', '─', '│', '.'), style: fc.nat({max: styleCount - 1})});
const rowArbitrary = (width: number) => fc.array(cellArbitrary, {minLength: 0, maxLength: width});
const pad = (cells: Cell[], width: number) => [...cells, ...Array.from({length: Math.max(0, width - cells.length)}, () => ({char: ' ', style: 0}))].slice(0, width);

/**
Frames that fill the screen, as the explorer's do: a pane whose block of rows moves up by
`shift` beside a sidebar (on its right or its left) that stays, with some sidebar cells and
some whole rows changed.
*/
const scene = fc
	.record({columns: fc.integer({min: 6, max: 40}), visible: fc.integer({min: 3, max: 14}), trailing: fc.boolean()})
	.chain(({columns, visible, trailing}) =>
		fc.record({
			columns: fc.constant(columns),
			trailing: fc.constant(trailing),
			split: fc.integer({min: 0, max: columns}),
			sidebarLeft: fc.boolean(),
			pane: fc.array(rowArbitrary(columns), {minLength: visible, maxLength: visible}),
			sidebar: fc.array(rowArbitrary(columns), {minLength: visible, maxLength: visible}),
			fresh: fc.array(rowArbitrary(columns), {minLength: visible, maxLength: visible}),
			shift: fc.integer({min: 1, max: visible - 1}),
			top: fc.nat({max: visible - 1}),
			bottom: fc.nat({max: visible - 1}),
			touched: fc.array(fc.record({row: fc.nat({max: visible - 1}), cells: rowArbitrary(columns)}), {maxLength: 2}),
			sidebarEdits: fc.array(fc.record({row: fc.nat({max: visible - 1}), cells: rowArbitrary(columns)}), {maxLength: 3}),
		}),
	)
	.map(({columns, trailing, split, sidebarLeft, pane, sidebar, fresh, shift, top: a, bottom: b, touched, sidebarEdits}) => {
		const [top, bottom] = a <= b ? [a, b] : [b, a];
		const moved = Math.min(shift, bottom - top);
		const paneAfter = pane.map((cells, row) => (row < top || row > bottom ? cells : row + moved <= bottom ? pane[row + moved]! : fresh[row]!));
		const sidebarAfter = sidebar.map(cells => [...cells]);
		for (const edit of sidebarEdits) sidebarAfter[edit.row] = edit.cells;
		const paneWidth = sidebarLeft ? columns - split : split;
		const compose = (paneRows: Cell[][], sidebarRows: Cell[][]) =>
			paneRows.map((cells, row) => line((sidebarLeft ? [...pad(sidebarRows[row]!, columns - paneWidth), ...pad(cells, paneWidth)] : [...pad(cells, paneWidth), ...sidebarRows[row]!]).slice(0, columns)));
		const before = compose(pane, sidebar);
		const after = compose(paneAfter, sidebarAfter);
		for (const edit of touched) after[edit.row] = line(edit.cells);
		const frame = (lines: string[]): Frame => {
			const all = trailing ? [...lines, ''] : [...lines.slice(0, -1), lines.at(-1) || ' '];
			return {lines: all, columns, rows: all.length};
		};

		return {previous: frame(before), next: frame(after)};
	});

/** Any byte of the margin sequences: DECLRMM, DECSTBM or DECSLRM (CSI with parameters, then 's'). */
const marginBytes = /\u001B\[\?69[hl]|\u001B\[[\d;]*[rs]/;

describe('rectangle moves with left/right margins (DECSLRM)', () => {
	it('leave the screen as the next frame draws it on libvterm, over random panes, sidebars and shifts', async () => {
		let rectangles = 0;
		await fc.assert(
			fc.asyncProperty(scene, async ({previous, next}) => {
				const {update, actual, expected} = await apply(previous, next);
				if (update.includes('\u001B[?69h')) rectangles++;
				expect(actual).toEqual(expected);
			}),
			{numRuns: 300},
		);
		// The frames are ones where a rectangle often wins: the property is about rectangle moves.
		expect(rectangles).toBeGreaterThan(20);
	});

	it('keep wide characters whole beside and across the margins', async () => {
		let rectangles = 0;
		const wideCell = fc.record({char: fc.constantFrom('界', 'a', ' ', '─'), style: fc.nat({max: styleCount - 1})});
		/** Cells that fit `width` columns (a wide character takes two), padded with spaces. */
		const fit = (cells: Cell[], width: number) => {
			const kept: Cell[] = [];
			let used = 0;
			for (const cell of cells) {
				const cellWidth = cell.char === '界' ? 2 : 1;
				if (used + cellWidth > width) break;
				kept.push(cell);
				used += cellWidth;
			}

			return [...kept, ...Array.from({length: width - used}, () => ({char: ' ', style: 0}))];
		};

		await fc.assert(
			fc.asyncProperty(
				fc.integer({min: 6, max: 24}).chain(columns =>
					fc.record({
						columns: fc.constant(columns),
						split: fc.integer({min: 2, max: columns - 2}),
						pane: fc.array(fc.array(wideCell, {maxLength: columns}), {minLength: 6, maxLength: 6}),
						sidebar: fc.array(fc.array(wideCell, {maxLength: columns}), {minLength: 5, maxLength: 5}),
						shift: fc.integer({min: 1, max: 3}),
					}),
				),
				async ({columns, split, pane, sidebar, shift}) => {
					// Five rows on screen: the pane shows rows [0, 5) and then [shift, shift + 5) of its six (blank below).
					const paneRow = (index: number) => fit(pane[index] ?? [], split);
					const frame = (first: number) => sidebar.map((side, row) => line([...paneRow(first + row), ...fit(side, columns - split)]));
					const previous = {lines: frame(0), columns, rows: 5};
					const next = {lines: frame(shift), columns, rows: 5};
					const {update, actual, expected} = await apply(previous, next);
					if (update.includes('\u001B[?69h')) rectangles++;
					expect(actual).toEqual(expected);
				},
			),
			{numRuns: 200},
		);
		expect(rectangles).toBeGreaterThan(20);
	});

	it('set and reset the margins in the same update, the reset last of the margin bytes', async () => {
		await fc.assert(
			fc.asyncProperty(scene, ({previous, next}) => {
				const update = updateFrame(previous.lines, next.lines, {columns: previous.columns, screenRows: previous.rows}) as string;
				if (!update.includes('\u001B[?69h')) return;
				const afterReset = update.slice(update.lastIndexOf(resetMargins) + resetMargins.length);
				expect(update).toContain(resetMargins);
				expect(afterReset).not.toMatch(marginBytes);
			}),
			{numRuns: 300},
		);
	});

	it('are never written without the terminal saying it has margins, nor when the frame does not fill the screen', async () => {
		await fc.assert(
			fc.asyncProperty(scene, ({previous, next}) => {
				const without = updateFrame(previous.lines, next.lines, {columns: previous.columns}) as string;
				expect(without).not.toMatch(marginBytes);
				// A frame one row shorter than the screen: its first row is not the screen's first.
				const shorter = updateFrame(previous.lines, next.lines, {columns: previous.columns, screenRows: previous.rows + 1}) as string;
				expect(shorter).not.toMatch(marginBytes);
			}),
			{numRuns: 300},
		);
	});

	it('move a transcript beside a sidebar as a rectangle: the sidebar is not written again', async () => {
		const columns = 60;
		const pane = Array.from({length: 30}, (_, index) => `> ${(index * 7919 + 104_729).toString(36).repeat(6).slice(0, 26)} ${index}`.padEnd(39) + '│');
		const sidebar = ['\u001B[2m─ session ─────────\u001B[22m', 'host example.org', 'port 25', '', '\u001B[2m─ tls ─────────────\u001B[22m', 'none', ...Array.from({length: 14}, (_, index) => `extension ${index}`)].map(text => text.padEnd(20));
		const frame = (first: number) => [...pane.slice(first, first + 20).map((text, row) => text + sidebar[row]!), '\u001B[7m status \u001B[27m'];
		const previous = {lines: frame(0), columns, rows: 21};
		const next = {lines: frame(1), columns, rows: 21};
		const {update, actual, expected} = await apply(previous, next);
		expect(actual).toEqual(expected);
		// Margins on, rows (from the first that gains by it) to 20 and the pane's columns (at most 1-39: the border in 40 stays) fenced, scrolled up one.
		const fence = /^\u001B\[\?69h\u001B\[[12];20r\u001B\[1;(\d+)s\u001B\[S/.exec(update);
		expect(Number(fence?.[1])).toBeLessThanOrEqual(39);
		expect(update).toContain(resetMargins);
		expect(update).not.toContain('extension');
		expect(update).not.toContain('session');
		expect(update).toContain(pane[20]!.slice(0, 28));
		const fullWidth = updateFrame(previous.lines, next.lines, {columns}) as string;
		expect(fullWidth).toContain('extension');
		expect(Buffer.byteLength(update)).toBeLessThan(Buffer.byteLength(fullWidth) / 3);
	});

	it('never puts a margin through a wide character', () => {
		// A pane of 4 columns moving up beside a sidebar of 2: the edge is column 4...
		const next = ['bbbb12', 'cccc34', 'dddd56', 'eeee78'];
		const plain = rectanglesFor({shift: 1, top: 0, bottom: 3}, ['aaaa12', 'bbbb34', 'cccc56', 'dddd78'], next, rowCells, 6) as Array<{left: number; right: number}>;
		expect(plain).toContainEqual({left: 0, right: 4});
		// ...but not when a wide character in the block spans columns 4 and 5.
		const wide = rectanglesFor({shift: 1, top: 0, bottom: 3}, ['aaaa12', 'bbbb34', 'cccc56', 'ddd界7'], next, rowCells, 6) as Array<{left: number; right: number}>;
		expect(wide.filter(({left, right}) => left === 4 || right === 4)).toEqual([]);
	});

	it('the app and the writer mark the terminal with the same key, and the app leaves the screen with the same reset', () => {
		expect(appKey).toBe(leftRightMarginsKey);
		const stream = {};
		expect(resetMarginsIfUsed(stream)).toBe('');
		markLeftRightMargins(stream, false);
		expect(resetMarginsIfUsed(stream)).toBe('');
		markLeftRightMargins(stream, true);
		expect(resetMarginsIfUsed(stream)).toBe(resetMargins);
	});
});
