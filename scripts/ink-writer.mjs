// The terminal writer for Ink's incremental mode (it replaces createIncremental of Ink 6.8's
// build/log-update.js as the app is bundled, see scripts/ink-fixes.mjs).
//
// Ink rewrites every row whose text changed, whole. While the transcript follows its newest
// line, each received line moves every row of the pane up, so a line cost a whole screen.
// This writer compares frames cell by cell instead:
// - a row that changed gets only its differing spans of cells (a cursor move, the SGR
//   state of the span, the cells), or is rewritten whole when that is shorter;
// - when a block of rows of the new frame is a block of the previous one moved up by k rows,
//   the terminal moves it: DL (delete k lines, ECMA-48 8.3.32) at the block's top pulls
//   everything below up by k, then IL (insert k lines, 8.3.67) above the block's bottom
//   pushes the rows under the block back where they were. Both are VT102 and work on any
//   row without knowing where the frame sits on the screen (DECSTBM margins would need
//   absolute rows, move the cursor home, and stay set if the program dies half-way). A
//   full-width move also moves what shares those rows (the sidebar); the span repair then
//   writes only the cells that differ.
// - on a terminal that has said it supports left/right margins (see leftRightMarginsKey), a
//   block that moves in some columns only (the transcript beside the sidebar) is moved as a
//   rectangle: DECLRMM on (DEC private mode 69, VT510 "DECLRMM"), DECSTBM (set top and bottom
//   margins, VT510; ECMA-48 has no equivalent) and DECSLRM (CSI Pl;Pr s, VT510 "DECSLRM")
//   fence it, SU (scroll up, ECMA-48 8.3.147) moves what is inside, and the margins and the
//   mode are reset at once, in the same write: a process that dies never leaves them set.
//   DECSTBM needs absolute rows, so this is done only when the frame fills the screen (its
//   first row is the screen's first); DECSTBM and DECSLRM put the cursor home (VT510).
// The update with the fewest bytes wins: rows only, or one block move plus rows.
//
// The core, updateFrame(), is pure: previous rows and next rows in, bytes out.
import {reduceAnsiCodesIncremental, styledCharsToString, tokenize} from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';
import {isSimple} from './simple-width.mjs';

const csi = '\u001B[';
/**
Set to true on the output stream (process.stdout) once the terminal has reported that it
supports left/right margins (source/ui/terminal-margins.ts asks it); the writer reads it on
every frame, so frames drawn before the reply simply use the full-width moves.
*/
export const leftRightMarginsKey = Symbol.for('smtp-explorer.terminal.left-right-margins');
/** Resets every margin and mode a rectangle move sets: left/right margins (while DECLRMM is still on), DECLRMM, top/bottom margins. */
export const resetMargins = `${csi}s${csi}?69l${csi}r`;
const eraseToEnd = `${csi}K`;
const blankKey = '\0 ';
const continuation = {key: '\0wide', value: '', width: 0};

/** A row as one cell per column: {key (style + text), value, width, styles}; a wide character's second column is `continuation`. */
export function rowCells(line) {
	return simpleCells(line) ?? tokenizedCells(line);
}

const sgrSequence = /\u001B\[[\d;]*m/y;
const sgrTokens = new Map();
// One cell object for each styled character seen lately (by style, then character): rows
// share them instead of making 120 a row.
let simpleCellCache = new Map();
function cellsStyledBy(styleKey) {
	let styled = simpleCellCache.get(styleKey);
	if (!styled) {
		if (simpleCellCache.size >= 256) simpleCellCache = new Map();
		styled = new Map();
		simpleCellCache.set(styleKey, styled);
	}

	return styled;
}

/**
The cells of a row of simple text (scripts/simple-width.mjs: one column a character, none
joining) styled by SGR alone, read without ansi-tokenize's grapheme segmentation (most of
the writer's time otherwise); undefined for any other row. Same cells as tokenizedCells().
*/
export function simpleCells(line) {
	const cells = [];
	let styles = [];
	let styleKey = '';
	let styled = cellsStyledBy('');
	let index = 0;
	while (index < line.length) {
		const code = line.charCodeAt(index);
		if (code === 0x1b) {
			sgrSequence.lastIndex = index;
			const sequence = sgrSequence.exec(line)?.[0];
			if (sequence === undefined) return undefined;
			let tokens = sgrTokens.get(sequence);
			if (!tokens) {
				tokens = tokenize(sequence);
				if (sgrTokens.size < 1000) sgrTokens.set(sequence, tokens);
			}

			styles = reduceAnsiCodesIncremental(styles, tokens);
			styleKey = styles.map(style => style.code).join('');
			styled = cellsStyledBy(styleKey);

			index += sequence.length;
			continue;
		}

		if (!isSimple(code)) return undefined;
		const value = line[index++];
		let cell = styled.get(value);
		if (!cell) {
			cell = {key: `${styleKey}\0${value}`, value, width: 1, styles};
			styled.set(value, cell);
		}

		cells.push(cell);
	}

	return cells;
}

/** The cells of any row, by ansi-tokenize (graphemes, wide characters, links). */
export function tokenizedCells(line) {
	const cells = [];
	// Cells between two style changes share one list of codes and one key prefix.
	let styles = [];
	let styleKey = '';
	for (const token of tokenize(line)) {
		if (token.type === 'ansi') {
			styles = reduceAnsiCodesIncremental(styles, [token]);
			styleKey = styles.map(style => style.code).join('');
			continue;
		}

		const {value} = token;
		const width = value.length === 1 && value.charCodeAt(0) < 0x3_00 ? 1 : stringWidth(value);
		if (width === 0) {
			// A mark that joins the previous character: part of its cell.
			const last = cells.findLast(cell => cell !== continuation);
			if (last) {
				last.value += value;
				last.key += value;
			}

			continue;
		}

		cells.push({key: `${styleKey}\0${value}`, value, width, styles});
		if (width === 2) cells.push(continuation);
	}

	return cells;
}

const keyAt = (cells, column) => cells[column]?.key ?? blankKey;
const byteLength = text => Buffer.byteLength(text);

/**
The spans of `to` that differ from `from`: [{start, end, erase}], columns [start, end) written,
then the rest of the row erased when `erase`. Gaps of a few equal cells are written over
rather than jumped (a jump costs about as much). Never splits a wide character.
*/
export function differingSpans(from, to) {
	const length = Math.max(from.length, to.length);
	let contentEnd = to.length;
	while (contentEnd > 0 && to[contentEnd - 1].key === blankKey) contentEnd--;
	const differs = column => keyAt(from, column) !== keyAt(to, column);
	const spans = [];
	let column = 0;
	while (column < length) {
		if (!differs(column)) {
			column++;
			continue;
		}

		const start = from[column] === continuation || to[column] === continuation ? column - 1 : column;
		let lastDiff = column;
		for (let next = column + 1; next < length && next - lastDiff <= 4; next++) if (differs(next)) lastDiff = next;
		if (lastDiff >= contentEnd) {
			// Past the new row's text everything is blank: write up to it, then erase the rest.
			spans.push({start, end: Math.max(start, contentEnd), erase: true});
			break;
		}

		const end = to[lastDiff + 1] === continuation || from[lastDiff + 1] === continuation ? lastDiff + 2 : lastDiff + 1;
		spans.push({start, end, erase: false});
		column = end;
	}

	return spans;
}

/** The text of columns [start, end) of a row, with its styles opened and closed. */
function spanText(cells, start, end) {
	const chars = [];
	for (let column = start; column < end; column++) {
		const cell = cells[column];
		if (cell === continuation) continue;
		chars.push(cell ? {type: 'char', value: cell.value, fullWidth: cell.width === 2, styles: cell.styles} : {type: 'char', value: ' ', fullWidth: false, styles: []});
	}

	return styledCharsToString(chars);
}

/** The cheapest sequence from (row, column) to (toRow, toColumn); `column` null when unknown (after the last column or a line operation). */
export function moveCursor(row, column, toRow, toColumn) {
	const rows = toRow - row;
	const toZero = rows === 0 ? '\r' : rows === 1 ? '\r\n' : rows > 0 ? `${csi}${rows}E` : `${csi}${rows === -1 ? '' : -rows}F`;
	const fromZero = toColumn === 0 ? '' : `${csi}${toColumn + 1}G`;
	let best = (rows === 0 && column === 0 ? '' : toZero) + fromZero;
	if (column !== null) {
		const vertical = rows === 0 ? '' : rows > 0 ? `${csi}${rows === 1 ? '' : rows}B` : `${csi}${-rows === 1 ? '' : -rows}A`;
		const across = toColumn - column;
		const horizontal = across === 0 ? '' : toColumn === 0 ? '\r' : across > 0 ? `${csi}${across === 1 ? '' : across}C` : `${csi}${toColumn + 1}G`;
		if (vertical.length + horizontal.length < best.length) best = vertical + horizontal;
	}

	return best;
}

/** Writes rows and line operations, keeping track of the cursor. */
class Writer {
	text = '';
	constructor(row, columns) {
		this.row = row;
		// Not known for sure: without ONLCR a newline keeps the column, and a frame without one ends after its text.
		this.column = null;
		this.columns = columns;
	}

	moveTo(row, column) {
		this.text += moveCursor(this.row, this.column, row, column);
		this.row = row;
		this.column = column;
	}

	/** Writes `text` (cells [start, end)) at `row`. */
	put(row, start, end, text) {
		this.moveTo(row, start);
		this.text += text;
		this.column = end >= this.columns ? null : end;
	}

	/** Line operation at `row`: the column after it is left unknown (terminals differ). */
	lines(row, code) {
		this.moveTo(row, this.column ?? 0);
		this.text += code;
		this.column = null;
	}
}

/**
Estimated bytes to turn row `from` into row `to`, from the text alone (no cells): what lies
between their common start and common end, plus a cursor move and style codes. Enough to
choose a plan; the plan's rows are then written exactly.
*/
export function estimateRepair(from, to) {
	if (from === to) return 0;
	if (from === undefined) return to.length + 1;
	const shorter = Math.min(from.length, to.length);
	let start = 0;
	while (start < shorter && from.charCodeAt(start) === to.charCodeAt(start)) start++;
	let end = 0;
	while (end < shorter - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++;
	return Math.min(to.length + 4, to.length - start - end + 8);
}

/**
The bytes that turn the previous frame into the next one. Both are Ink's rows (the text
split at \n, a last '' when it ends with a newline); the cursor starts and ends at column 1
of the last entry, as Ink's writer has it. `cells(line)` gives a row's cells (memoised by
the caller); `columns` is the terminal's width. `screenRows`, given only when the terminal
supports left/right margins, is the terminal's height: a frame of exactly that many entries
starts on the screen's first row, and may have a block moved as a rectangle.
*/
export function updateFrame(previous, next, {columns = Number.POSITIVE_INFINITY, cells = rowCells, screenRows} = {}) {
	const count = next.length;
	const visible = next.at(-1) === '' ? count - 1 : count;
	if (previous.length !== count || (previous.at(-1) === '') !== (next.at(-1) === '')) return undefined;

	const changed = [];
	for (let row = 0; row < visible; row++) if (previous[row] !== next[row]) changed.push(row);
	const end = count - 1;
	if (changed.length === 0) return '';

	const whole = row => byteLength(next[row]) + 4;
	// A row as wide as the terminal leaves the cursor on its last column: EL there would erase that column (VT100, libvterm, xterm).
	const wholeRow = row => (cells(next[row]).length >= columns ? next[row] : next[row] + eraseToEnd);
	const repairCost = (source, row) => estimateRepair(source, next[row]);

	const plainCosts = next.map((_, row) => (row < visible ? repairCost(previous[row], row) : 0));
	const plan = {shift: 0, top: 0, bottom: -1};
	// The block with the largest saving even when it saves nothing full width: a rectangle may.
	const rectangleBlock = {shift: 0, top: 0, bottom: -1, saving: Number.NEGATIVE_INFINITY};
	const rectangles = screenRows === count && Number.isFinite(columns);
	// A block move pays only when several rows change (a typed character changes one or two).
	if (changed.length >= 3) {
		let bestSaving = 0;
		// blank[row]: bytes saved on `row` when it comes in blank (the last rows of a moved block).
		const blank = next.map((_, row) => (row < visible ? plainCosts[row] - repairCost(undefined, row) : 0));
		for (let shift = 1; shift < visible; shift++) {
			// prefix[row]: bytes saved on rows [0, row) when each shows the row `shift` below it.
			const prefix = [0];
			for (let row = 0; row + shift < visible; row++) prefix.push(prefix[row] + plainCosts[row] - repairCost(previous[row + shift], row));
			let blankSaving = 0;
			for (let row = 0; row < shift; row++) blankSaving += blank[row];
			let lowestPrefix = Number.POSITIVE_INFINITY;
			let lowestTop = 0;
			for (let bottom = shift; bottom < visible; bottom++) {
				// The block is [top, bottom]: rows [top, bottom - shift] move, the last `shift` come in blank.
				blankSaving += blank[bottom] - blank[bottom - shift];
				const top = bottom - shift;
				if (prefix[top] < lowestPrefix) {
					lowestPrefix = prefix[top];
					lowestTop = top;
				}

				// About 16 bytes for the two line operations and their moves.
				const total = prefix[bottom - shift + 1] - lowestPrefix + blankSaving - 16;
				if (total > bestSaving) {
					bestSaving = total;
					Object.assign(plan, {shift, top: lowestTop, bottom});
				}

				if (rectangles && total > rectangleBlock.saving) Object.assign(rectangleBlock, {shift, top: lowestTop, bottom, saving: total});
			}
		}
	}

	/** What `row` shows once the plan's move is done: a row of text, or cells when a rectangle mixed two rows. */
	const sourceOf = ({shift, top, bottom, left, right}, row) => {
		if (shift === 0 || row < top || row > bottom) return {text: previous[row]};
		const moved = row + shift <= bottom ? previous[row + shift] : undefined;
		if (left === undefined) return {text: moved};
		const stays = cells(previous[row]);
		const inside = moved === undefined ? [] : cells(moved);
		const mixed = [];
		for (let column = 0; column < Math.max(stays.length, right); column++) mixed.push(column >= left && column < right ? inside[column] : stays[column]);
		return {cells: mixed};
	};

	const write = move => {
		const {shift, top, bottom, left, right} = move;
		const writer = new Writer(end, columns);
		if (shift > 0 && left !== undefined) {
			// Rows and columns are 1-based; the frame's row 0 is the screen's first row.
			const count = shift === 1 ? '' : shift;
			writer.text += `${csi}?69h${csi}${top + 1};${bottom + 1}r${csi}${left + 1};${right}s${csi}${count}S${resetMargins}`;
			writer.row = 0;
			writer.column = 0;
		} else if (shift > 0) {
			const count = shift === 1 ? '' : shift;
			writer.lines(top, `${csi}${count}M`);
			writer.lines(bottom - shift + 1, `${csi}${count}L`);
		}

		for (let row = 0; row < visible; row++) {
			const source = sourceOf(move, row);
			const from = source.text;
			if (source.cells === undefined && from === next[row]) continue;
			// Rows with little in common with what is there are written whole, without looking at their cells.
			if (source.cells === undefined && estimateRepair(from, next[row]) >= next[row].length + 4) {
				writer.put(row, 0, columns, wholeRow(row));
				continue;
			}

			const to = cells(next[row]);
			const spans = differingSpans(source.cells ?? (from === undefined ? [] : cells(from)), to);
			if (spans.length === 0) continue;
			const pieces = spans.map(span => ({...span, text: spanText(to, span.start, span.end) + (span.erase ? eraseToEnd : '')}));
			const spanBytes = pieces.reduce((sum, piece) => sum + byteLength(piece.text) + (piece.start === 0 ? 1 : 5), 0);
			if (whole(row) <= spanBytes) {
				writer.put(row, 0, to.length, wholeRow(row));
				continue;
			}

			for (const piece of pieces) writer.put(row, piece.start, piece.end, piece.text);
		}

		writer.moveTo(end, 0);
		return writer.text;
	};

	const candidates = rectangles && rectangleBlock.shift > 0 ? rectanglesFor(rectangleBlock, previous, next, cells, columns).map(rectangle => write({...rectangleBlock, ...rectangle})) : [];
	const cheapest = texts => texts.reduce((best, text) => (best === undefined || byteLength(text) < byteLength(best) ? text : best), undefined);
	if (plan.shift === 0) return cheapest([write(plan), ...candidates]);
	const moved = write(plan);
	// The estimate chose the block move; when it was a close call, the exact bytes decide.
	const rowsOnlyEstimate = plainCosts.reduce((sum, cost) => sum + cost, 0);
	if (candidates.length === 0 && byteLength(moved) < rowsOnlyEstimate / 2) return moved;
	return cheapest([moved, write({shift: 0, top: 0, bottom: -1}), ...candidates]);
}

/**
The rectangles worth trying for a block move: columns [0, right) (a pane left of a sidebar)
and [left, columns) (a pane right of one), each edge where the most moved rows have their
moved part on one side and their unchanged part on the other. Never an edge through a wide
character, never fewer than two columns (DECSLRM's least).
*/
export function rectanglesFor({shift, top, bottom}, previous, next, cells, columns) {
	const rightEdges = [];
	const leftEdges = [];
	for (let row = top; row + shift <= bottom; row++) {
		const was = cells(previous[row]);
		const moved = cells(previous[row + shift]);
		const now = cells(next[row]);
		const width = Math.min(columns, Math.max(was.length, moved.length, now.length));
		// Columns from `stays` on are unchanged; columns before `movedUpTo` show the moved row.
		let stays = width;
		while (stays > 0 && keyAt(now, stays - 1) === keyAt(was, stays - 1)) stays--;
		let movedUpTo = 0;
		while (movedUpTo < width && keyAt(now, movedUpTo) === keyAt(moved, movedUpTo)) movedUpTo++;
		if (stays <= movedUpTo) rightEdges.push([stays, movedUpTo]);
		// Mirrored: columns before `staysUpTo` are unchanged, from `movedFrom` on they show the moved row.
		let staysUpTo = 0;
		while (staysUpTo < width && keyAt(now, staysUpTo) === keyAt(was, staysUpTo)) staysUpTo++;
		let movedFrom = width;
		while (movedFrom > 0 && keyAt(now, movedFrom - 1) === keyAt(moved, movedFrom - 1)) movedFrom--;
		if (movedFrom <= staysUpTo) leftEdges.push([movedFrom, staysUpTo]);
	}

	const splitsWide = edge => {
		for (let row = top; row <= bottom; row++) if ([previous[row], next[row]].some(line => cells(line)[edge] === continuation)) return true;
		return false;
	};

	// On a tie both the narrowest and the widest rectangle are tried: columns that are the same either way (the pane's border) may stay put.
	const rights = mostCovered(rightEdges, edge => edge >= 2 && edge < columns && !splitsWide(edge));
	const lefts = mostCovered(leftEdges, edge => edge > 0 && columns - edge >= 2 && !splitsWide(edge));
	return [...new Set([rights[0], rights.at(-1)])].filter(right => right !== undefined).map(right => ({left: 0, right})).concat([...new Set([lefts[0], lefts.at(-1)])].filter(left => left !== undefined).map(left => ({left, right: columns})));
}

/** The values (ascending) that lie in the most of the closed ranges [low, high] and pass `allowed`. */
function mostCovered(ranges, allowed) {
	const points = [...new Set(ranges.flat())].sort((a, b) => a - b);
	let best = [];
	let bestCount = 0;
	for (const point of points) {
		if (!allowed(point)) continue;
		const covered = ranges.filter(([low, high]) => low <= point && point <= high).length;
		if (covered > bestCount) {
			best = [point];
			bestCount = covered;
		} else if (covered === bestCount && covered > 0) {
			best.push(point);
		}
	}

	return best;
}

/**
Ink's createIncremental (log-update.js), with updateFrame() for the rows. `ink` passes the
helpers of log-update.js (cli-cursor, ansi-escapes, cursor-helpers.js), so the cursor
handling (setCursorPosition) stays Ink's own.
*/
export function createScrollingIncremental(stream, {showCursor = false} = {}, ink) {
	const {ansiEscapes, cliCursor, buildCursorOnlySequence, buildCursorSuffix, buildReturnToBottomPrefix} = ink;
	const visibleLineCount = (lines, text) => (text.endsWith('\n') ? lines.length - 1 : lines.length);
	let previousLines = [];
	let previousOutput = '';
	let hasHiddenCursor = false;
	let cursorPosition;
	let cursorDirty = false;
	let previousCursorPosition;
	let cursorWasShown = false;
	// The cells of the rows on screen and of the rows being written; nothing older.
	let knownCells = new Map();
	const getActiveCursor = () => (cursorDirty ? cursorPosition : undefined);
	const hasChanges = (text, activeCursor) => text !== previousOutput || cursorPositionChanged(activeCursor, previousCursorPosition);
	const cursorPositionChanged = (a, b) => a?.x !== b?.x || a?.y !== b?.y;
	const remember = (text, lines, activeCursor) => {
		cursorWasShown = activeCursor !== undefined;
		previousCursorPosition = activeCursor ? {...activeCursor} : undefined;
		previousOutput = text;
		previousLines = lines;
	};

	const render = text => {
		if (!showCursor && !hasHiddenCursor) {
			cliCursor.hide(stream);
			hasHiddenCursor = true;
		}

		const activeCursor = getActiveCursor();
		cursorDirty = false;
		const cursorChanged = cursorPositionChanged(activeCursor, previousCursorPosition);
		if (!hasChanges(text, activeCursor)) return false;
		const nextLines = text.split('\n');
		const visibleCount = visibleLineCount(nextLines, text);
		if (text === previousOutput && cursorChanged) {
			stream.write(buildCursorOnlySequence({cursorWasShown, previousLineCount: previousLines.length, previousCursorPosition, visibleLineCount: visibleCount, cursorPosition: activeCursor}));
			previousCursorPosition = activeCursor ? {...activeCursor} : undefined;
			cursorWasShown = activeCursor !== undefined;
			return true;
		}

		const returnPrefix = buildReturnToBottomPrefix(cursorWasShown, previousLines.length, previousCursorPosition);
		const cellsNow = new Map();
		const cells = line => {
			let found = cellsNow.get(line) ?? knownCells.get(line);
			if (!found) found = rowCells(line);
			cellsNow.set(line, found);
			return found;
		};

		const screenRows = stream[leftRightMarginsKey] === true ? stream.rows : undefined;
		const update = text === '\n' || previousOutput.length === 0 ? undefined : updateFrame(previousLines, nextLines, {columns: stream.columns || undefined, cells, screenRows});
		// A first frame, or one of another height: erased and written whole, as Ink's standard writer does.
		const body = update ?? ansiEscapes.eraseLines(previousLines.length) + text;
		stream.write(returnPrefix + body + buildCursorSuffix(visibleCount, activeCursor));
		knownCells = new Map(nextLines.map(line => [line, cellsNow.get(line)]).filter(([, found]) => found));
		remember(text, nextLines, activeCursor);
		return true;
	};

	render.clear = () => {
		const prefix = buildReturnToBottomPrefix(cursorWasShown, previousLines.length, previousCursorPosition);
		stream.write(prefix + ansiEscapes.eraseLines(previousLines.length));
		previousOutput = '';
		previousLines = [];
		previousCursorPosition = undefined;
		cursorWasShown = false;
	};

	render.done = () => {
		previousOutput = '';
		previousLines = [];
		previousCursorPosition = undefined;
		cursorWasShown = false;
		if (!showCursor) {
			cliCursor.show(stream);
			hasHiddenCursor = false;
		}
	};

	render.sync = text => {
		const activeCursor = cursorDirty ? cursorPosition : undefined;
		cursorDirty = false;
		const lines = text.split('\n');
		if (!activeCursor && cursorWasShown) stream.write(ink.hideCursorEscape);
		if (activeCursor) stream.write(buildCursorSuffix(visibleLineCount(lines, text), activeCursor));
		remember(text, lines, activeCursor);
	};

	render.setCursorPosition = position => {
		cursorPosition = position;
		cursorDirty = true;
	};

	render.isCursorDirty = () => cursorDirty;
	render.willRender = text => hasChanges(text, getActiveCursor());
	return render;
}
