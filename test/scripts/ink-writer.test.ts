import {Terminal} from '@xterm/headless';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
// @ts-expect-error: a plain .mjs script, without type declarations
import {differingSpans, moveCursor, rowCells, updateFrame} from '../../scripts/ink-writer.mjs';
import {type Cell, line, styles} from '../helpers/styled-row.js';

/**
The terminal writer that replaces Ink's incremental one (scripts/ink-writer.mjs), checked on
a terminal emulator (xterm.js, headless): the previous frame is drawn, then the update, and
the screen must be the one the next frame draws on a fresh terminal, cell by cell with
every attribute, and the cursor where Ink expects it.
*/

type Frame = {lines: string[]; columns: number; rows: number};

async function write(terminal: Terminal, data: string) {
	await new Promise<void>(resolve => {
		terminal.write(data, resolve);
	});
}

/**
Every cell of the screen with all its attributes (those a blank does not show as well: a
screen that only looks the same can still differ, e.g. in tmux's capture-pane -e), and the
cursor.
*/
function screen(terminal: Terminal) {
	const buffer = terminal.buffer.active;
	const rows: string[] = [];
	for (let y = 0; y < terminal.rows; y++) {
		const row = buffer.getLine(y)!;
		const cells: string[] = [];
		for (let x = 0; x < terminal.cols; x++) {
			const cell = row.getCell(x)!;
			cells.push([cell.getChars() || ' ', cell.getWidth(), cell.getFgColorMode(), cell.getFgColor(), cell.getBgColorMode(), cell.getBgColor(), cell.isBold(), cell.isDim(), cell.isInverse(), cell.isUnderline(), cell.isStrikethrough()].join(','));
		}

		rows.push(cells.join('|'));
	}

	return {rows, cursor: [buffer.cursorX, buffer.cursorY]};
}

/** The frame as Ink's first write draws it: each row, then a newline (the tty's ONLCR made explicit). */
const draw = (lines: string[]) => lines.join('\r\n');

async function terminalShowing(frame: Frame) {
	const terminal = new Terminal({cols: frame.columns, rows: frame.rows, allowProposedApi: true});
	await write(terminal, draw(frame.lines));
	return terminal;
}

/** Draws `previous`, applies the update, and returns that screen with the one `next` draws directly. */
async function apply(previous: Frame, next: Frame) {
	const update = updateFrame(previous.lines, next.lines, {columns: previous.columns}) as string;
	const terminal = await terminalShowing(previous);
	await write(terminal, update);
	const expected = screen(await terminalShowing(next));
	const actual = screen(terminal);
	// Without a trailing newline the cursor stays on the last row, at a column Ink never relies on.
	if (next.lines.at(-1) !== '') expected.cursor[0] = actual.cursor[0] = 0;
	return {update, actual, expected};
}

const cellArbitrary = (chars: string[]) => fc.record({char: fc.constantFrom(...chars), style: fc.nat({max: styles.length - 1})});
const rowArbitrary = (width: number, chars = ['a', 'b', 'x', ' ', '─', '│', '.']) => fc.array(cellArbitrary(chars), {minLength: 0, maxLength: width});
const pad = (cells: Cell[], width: number) => [...cells, ...Array.from({length: Math.max(0, width - cells.length)}, () => ({char: ' ', style: 0}))].slice(0, width);

/**
Frames as the app has them: a pane that moves up by `shift` rows inside a block (new rows
come in at its bottom) beside a column (the sidebar) that mostly stays, with some of its
cells changed, and a few other rows changed anywhere.
*/
const scene = fc
	.record({
		columns: fc.integer({min: 12, max: 40}),
		visible: fc.integer({min: 3, max: 14}),
		extraRows: fc.integer({min: 0, max: 3}),
		trailing: fc.boolean(),
		seed: fc.integer(),
	})
	.chain(({columns, visible, extraRows, trailing}) => {
		const split = fc.integer({min: 0, max: columns});
		return fc.record({
			columns: fc.constant(columns),
			rows: fc.constant(visible + (trailing ? 1 : 0) + extraRows),
			trailing: fc.constant(trailing),
			split,
			left: fc.array(rowArbitrary(columns), {minLength: visible, maxLength: visible}),
			right: fc.array(rowArbitrary(columns), {minLength: visible, maxLength: visible}),
			fresh: fc.array(rowArbitrary(columns), {minLength: visible, maxLength: visible}),
			shift: fc.integer({min: 0, max: visible - 1}),
			top: fc.nat({max: visible - 1}),
			bottom: fc.nat({max: visible - 1}),
			touched: fc.array(fc.record({row: fc.nat({max: visible - 1}), cells: rowArbitrary(columns)}), {maxLength: 3}),
			sidebarEdits: fc.array(fc.record({row: fc.nat({max: visible - 1}), cells: rowArbitrary(columns)}), {maxLength: 4}),
		});
	})
	.map(({columns, rows, trailing, split, left, right, fresh, shift, top: a, bottom: b, touched, sidebarEdits}) => {
		const visible = left.length;
		const [top, bottom] = a <= b ? [a, b] : [b, a];
		const moved = Math.min(shift, bottom - top);
		const leftAfter = left.map((cells, row) => (row < top || row > bottom ? cells : row + moved <= bottom ? left[row + moved]! : fresh[row]!));
		const rightAfter = right.map(cells => [...cells]);
		for (const edit of sidebarEdits) rightAfter[edit.row] = edit.cells;
		const compose = (leftRows: Cell[][], rightRows: Cell[][]) => leftRows.map((cells, row) => line([...pad(cells, split), ...rightRows[row]!].slice(0, columns)));
		const before = compose(left, right);
		const after = compose(leftAfter, rightAfter);
		for (const edit of touched) after[edit.row] = line(edit.cells);
		// Without a trailing newline, an empty last row would read as one.
		const frame = (lines: string[]): Frame => ({lines: trailing ? [...lines, ''] : [...lines.slice(0, -1), lines.at(-1) || ' '], columns, rows});
		return {previous: frame(before), next: frame(after), visible};
	});

describe('the incremental terminal writer', () => {
	it('leaves the screen as the next frame draws it, over random frames, shifts and sidebars', async () => {
		await fc.assert(
			fc.asyncProperty(scene, async ({previous, next}) => {
				const {actual, expected} = await apply(previous, next);
				expect(actual).toEqual(expected);
			}),
			{numRuns: 400},
		);
	});

	it('keeps wide characters and full-width rows whole', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({min: 8, max: 24}).chain(columns =>
					fc.record({
						columns: fc.constant(columns),
						before: fc.array(rowArbitrary(columns, ['界', 'a', ' ', '─']), {minLength: 4, maxLength: 4}),
						after: fc.array(rowArbitrary(columns, ['界', 'b', ' ', '─']), {minLength: 4, maxLength: 4}),
					}),
				),
				async ({columns, before, after}) => {
					// Wide characters take two columns: keep each row within the width.
					const fit = (cells: Cell[]) => {
						const kept: Cell[] = [];
						let width = 0;
						for (const cell of cells) {
							const cellWidth = cell.char === '界' ? 2 : 1;
							if (width + cellWidth > columns) break;
							kept.push(cell);
							width += cellWidth;
						}

						return line(kept);
					};

					const previous = {lines: [...before.map(fit), ''], columns, rows: 5};
					const next = {lines: [...after.map(fit), ''], columns, rows: 5};
					const {actual, expected} = await apply(previous, next);
					expect(actual).toEqual(expected);
				},
			),
			{numRuns: 300},
		);
	});

	it('moves a pane that follows its newest line with one block move and writes only the new row', async () => {
		const columns = 60;
		const rows = Array.from({length: 30}, (_, index) => `\u001B[32m>\u001B[39m line ${index} of the transcript`);
		const frame = (first: number) => [...rows.slice(first, first + 20).map(text => text.padEnd(columns)), '\u001B[7m status \u001B[27m', ''];
		const previous = {lines: frame(0), columns, rows: 22};
		const next = {lines: frame(1), columns, rows: 22};
		const {update, actual, expected} = await apply(previous, next);
		expect(actual).toEqual(expected);
		// Delete one line at the top, insert one above the block's last row, then the new row.
		expect(update).toMatch(/\u001B\[M/);
		expect(update).toMatch(/\u001B\[L/);
		expect(update).toContain('line 20 of the transcript');
		expect(update).not.toContain('line 19 of the transcript');
		expect(Buffer.byteLength(update)).toBeLessThan(80);
	});

	it('repairs only the sidebar cells a block move displaced, not whole rows', async () => {
		const columns = 60;
		// Rows of different text, as a transcript has them.
		const pane = Array.from({length: 30}, (_, index) => `> ${(index * 7919 + 104_729).toString(36).repeat(6).slice(0, 26)} ${index}`.padEnd(40));
		const sidebar = ['│ Session', '│ host example.org', '│ port 25', '│', '│ TLS none', '│ Replies', ...Array.from({length: 14}, (_, index) => `│ ${index}`)].map(text => text.padEnd(20));
		const frame = (first: number) => [...pane.slice(first, first + 20).map((text, row) => text + sidebar[row]!), ''];
		const previous = {lines: frame(0), columns, rows: 21};
		const next = {lines: frame(1), columns, rows: 21};
		const {update, actual, expected} = await apply(previous, next);
		expect(actual).toEqual(expected);
		expect(update).toMatch(/\u001B\[M/);
		// Whole rows would write each row's 40 transcript cells again.
		expect(update).not.toContain(pane[5]!.slice(2, 28));
		expect(Buffer.byteLength(update)).toBeLessThan(Buffer.byteLength(next.lines.join('\n')) / 4);
	});

	it('writes nothing for an unchanged frame and only the changed span of a typed character', () => {
		const lines = ['one two three', '> hello', ''];
		expect(updateFrame(lines, lines)).toBe('');
		const update = updateFrame(lines, ['one two three', '> hellox', ''], {columns: 40}) as string;
		// Up one row, to column 8 (1-based), the character, back to column 1 of the row below.
		expect(update).toBe('\u001B[F\u001B[8Gx\r\n');
	});

	it('leaves frames of another height to the caller (erase and draw whole)', () => {
		expect(updateFrame(['a', 'b', ''], ['a', ''])).toBeUndefined();
		expect(updateFrame(['a', 'b', ''], ['a', 'b'])).toBeUndefined();
	});

	it('finds differing spans: gaps of a few equal cells are written over, the rest of a shorter row erased', () => {
		const spans = (from: string, to: string) => differingSpans(rowCells(from), rowCells(to));
		expect(spans('abcdefghij', 'abXdeYghij')).toEqual([{start: 2, end: 6, erase: false}]);
		expect(spans('abcdefghijklmn', 'Xbcdefghijklmn'.replace('n', 'N'))).toEqual([
			{start: 0, end: 1, erase: false},
			{start: 13, end: 14, erase: false},
		]);
		expect(spans('abcdefgh', 'abcd')).toEqual([{start: 4, end: 4, erase: true}]);
		expect(spans('ab界d', 'ab界e')).toEqual([{start: 4, end: 5, erase: false}]);
		expect(spans('ab界d', 'abc界')).toEqual([{start: 2, end: 5, erase: false}]);
		expect(spans('ab界de', 'abc界')).toEqual([{start: 2, end: 5, erase: true}]);
	});

	it('moves the cursor with the fewest bytes', () => {
		expect(moveCursor(5, null, 5, 0)).toBe('\r');
		expect(moveCursor(5, 3, 5, 3)).toBe('');
		expect(moveCursor(5, 0, 6, 0)).toBe('\r\n');
		expect(moveCursor(5, 10, 3, 10)).toBe('\u001B[2A');
		expect(moveCursor(5, null, 9, 0)).toBe('\u001B[4E');
		expect(moveCursor(5, null, 2, 7)).toBe('\u001B[3F\u001B[8G');
	});
});
