import {sanitizeForDisplay} from '../protocol/sanitize.js';
import {type EntryFilter, entryPrefix, entryReplyClass, formatClock, formatLatency, isVisible, type TranscriptEntry} from '../protocol/transcript.js';
import {wrapToWidth} from './text-width.js';

/**
The transcript pane's row model, windowed: only the rows that fit on screen are built, by
walking entries from an anchor, so a keypress costs the same with 100,000 entries as with
100. Each entry wraps by display width; wrapped rows are cached per entry and width.
*/

export type ViewOptions = {
	/** Width of the pane's text area in columns. */
	width: number;
	filter: EntryFilter;
	/** Show the clock time and the reply latency columns. */
	showTime: boolean;
};

export type TranscriptRow = {
	/** Index of the entry in the transcript array. */
	entry: number;
	/** Which row of its entry this is, from 0. */
	part: number;
	/** The time column ('' on continuation rows or when times are hidden). */
	time: string;
	/** The direction prefix (` ->`, `<- `, `===`, `***`) or spaces on continuation rows. */
	prefix: string;
	/** Sanitised text, one row's worth. */
	text: string;
	/** Latency of a reply, right-aligned on its last row ('' elsewhere). */
	latency: string;
	kind: TranscriptEntry['kind'];
	replyClass?: 2 | 3 | 4 | 5;
};

/**
Where the view is: anchored at a row of an entry, or following the live end. Following,
the pane is always filled from the newest line upwards, so no row stays blank while
history exists above (after a resize, too); `top` says which row that put at the top.
*/
export type ScrollPosition = {follow: true; top?: {entry: number; row: number}} | {follow: false; entry: number; row: number};

const timeColumns = 13;
const prefixColumns = 4;
const latencyColumns = 8;

/** Columns left for the text itself (the pane's rows are padded to the same width). */
export function textColumns(options: Pick<ViewOptions, 'width' | 'showTime'>): number {
	return Math.max(10, options.width - prefixColumns - (options.showTime ? timeColumns + latencyColumns : 0));
}

const wrapCache = new WeakMap<TranscriptEntry, {columns: number; rows: string[]}>();

/** The entry's text (and note) wrapped to the text columns. */
function wrapEntry(entry: TranscriptEntry, columns: number): string[] {
	const cached = wrapCache.get(entry);
	if (cached?.columns === columns) return cached.rows;
	const note = entry.note ? `  (${entry.note})` : '';
	const rows = wrapToWidth(sanitizeForDisplay(entry.text) + sanitizeForDisplay(note), columns);
	wrapCache.set(entry, {columns, rows});
	return rows;
}

function rowCount(entry: TranscriptEntry, options: ViewOptions): number {
	return wrapEntry(entry, textColumns(options)).length;
}

function rowsOf(entries: readonly TranscriptEntry[], index: number, options: ViewOptions): TranscriptRow[] {
	const entry = entries[index]!;
	const texts = wrapEntry(entry, textColumns(options));
	const replyClass = entryReplyClass(entry);
	return texts.map((text, row) => ({
		entry: index,
		part: row,
		time: options.showTime && row === 0 ? formatClock(entry.at) : '',
		prefix: row === 0 ? entryPrefix(entry) : '   ',
		text,
		latency: options.showTime && row === texts.length - 1 && entry.latencyMs !== undefined ? formatLatency(entry.latencyMs) : '',
		kind: entry.kind,
		...(replyClass ? {replyClass} : {}),
	}));
}

/** The visible entry before (-1) or after (1) the line cursor; with no cursor, the last or the first. -1 when there is none. */
export function stepVisible(entries: readonly TranscriptEntry[], cursor: number | undefined, direction: -1 | 1, filter: EntryFilter): number {
	return direction === -1 ? previousVisible(entries, cursor ?? entries.length, filter) : nextVisible(entries, cursor ?? -1, filter);
}

/** The previous visible entry before `index`, or -1. */
export function previousVisible(entries: readonly TranscriptEntry[], index: number, filter: EntryFilter): number {
	for (let i = Math.min(index, entries.length) - 1; i >= 0; i--) if (isVisible(entries[i]!, filter)) return i;
	return -1;
}

/** The next visible entry after `index`, or -1. */
export function nextVisible(entries: readonly TranscriptEntry[], index: number, filter: EntryFilter): number {
	for (let i = Math.max(index, -1) + 1; i < entries.length; i++) if (isVisible(entries[i]!, filter)) return i;
	return -1;
}

/**
The window at the live end: walk back from the last entry until the pane is full. Only the
earliest entry taken can overflow, so the top row is that entry's row number `cut`.
*/
function tailWindow(entries: readonly TranscriptEntry[], options: ViewOptions, height: number): {rows: TranscriptRow[]; top?: {entry: number; row: number}} {
	const rows: TranscriptRow[] = [];
	let earliest = -1;
	for (let index = previousVisible(entries, entries.length, options.filter); index >= 0 && rows.length < height; index = previousVisible(entries, index, options.filter)) {
		rows.unshift(...rowsOf(entries, index, options));
		earliest = index;
	}

	const cut = Math.max(0, rows.length - height);
	return {rows: rows.slice(cut), ...(earliest === -1 ? {} : {top: {entry: earliest, row: cut}})};
}

export type Window = {
	rows: TranscriptRow[];
	/** The position actually shown (an anchor past the end turns into following). */
	position: ScrollPosition;
};

/** Rows from an anchor downwards, at most `limit`; `end` says whether the last visible entry was reached. */
function rowsFrom(entries: readonly TranscriptEntry[], top: {entry: number; row: number}, options: ViewOptions, limit: number): {rows: TranscriptRow[]; end: boolean} {
	const rows: TranscriptRow[] = [];
	const anchor = entries[top.entry];
	let index = anchor && isVisible(anchor, options.filter) ? top.entry : nextVisible(entries, top.entry, options.filter);
	let skip = index === top.entry ? top.row : 0;
	while (index !== -1 && rows.length < limit) {
		rows.push(...rowsOf(entries, index, options).slice(skip));
		skip = 0;
		index = nextVisible(entries, index, options.filter);
	}

	return {rows: rows.slice(0, limit), end: index === -1 && rows.length <= limit};
}

/** The rows to draw for a scroll position. */
export function visibleWindow(entries: readonly TranscriptEntry[], position: ScrollPosition, options: ViewOptions, height: number): Window {
	if (height <= 0) return {rows: [], position};
	if (!position.follow) {
		const shown = rowsFrom(entries, {entry: position.entry, row: position.row}, options, height + 1);
		if (!shown.end || shown.rows.length > height) return {rows: shown.rows.slice(0, height), position};
		// Scrolled down to the end: follow new lines again, the pane filled from the newest line up.
	}

	const tail = tailWindow(entries, options, height);
	return {rows: tail.rows, position: tail.top ? {follow: true, top: tail.top} : {follow: true}};
}

/** The anchor of the first row currently shown (for turning a followed view into an anchored one). */
function topOf(entries: readonly TranscriptEntry[], position: ScrollPosition, options: ViewOptions, height: number): {entry: number; row: number} | undefined {
	if (!position.follow) return {entry: position.entry, row: position.row};
	const shown = visibleWindow(entries, position, options, height).position;
	return shown.follow ? shown.top : {entry: shown.entry, row: shown.row};
}

/** PgUp (-1) or PgDn (1): a pane's height less one row, so one line stays in view for context. */
export function pageBy(entries: readonly TranscriptEntry[], position: ScrollPosition, direction: -1 | 1, options: ViewOptions, height: number): ScrollPosition {
	return scrollBy(entries, position, (height - 1) * direction, options, height);
}

/** Moves the view by `delta` rows (negative: up). Walks only as far as it moves. */
export function scrollBy(entries: readonly TranscriptEntry[], position: ScrollPosition, delta: number, options: ViewOptions, height: number): ScrollPosition {
	const top = topOf(entries, position, options, height);
	if (!top) return {follow: true};
	let {entry, row} = top;
	let remaining = delta;
	while (remaining < 0) {
		if (row > 0) {
			const step = Math.min(row, -remaining);
			row -= step;
			remaining += step;
			continue;
		}

		const previous = previousVisible(entries, entry, options.filter);
		if (previous === -1) break;
		entry = previous;
		row = rowCount(entries[entry]!, options);
	}

	while (remaining > 0) {
		const count = rowCount(entries[entry]!, options);
		if (row + remaining < count) {
			row += remaining;
			remaining = 0;
			break;
		}

		remaining -= count - row;
		const next = nextVisible(entries, entry, options.filter);
		if (next === -1) return {follow: true};
		entry = next;
		row = 0;
	}

	return visibleWindow(entries, {follow: false, entry, row}, options, height).position;
}

/** The view that puts entry `index` on screen, moving as little as possible. */
export function revealEntry(entries: readonly TranscriptEntry[], position: ScrollPosition, index: number, options: ViewOptions, height: number): ScrollPosition {
	const window = visibleWindow(entries, position, options, height);
	const shown = window.rows.filter(row => row.entry === index);
	const count = rowCount(entries[index]!, options);
	if (shown.length === Math.min(count, height)) return window.position;
	const first = window.rows[0];
	if (first && index < first.entry) return visibleWindow(entries, {follow: false, entry: index, row: 0}, options, height).position;
	// Below the window: put the entry's last row at the bottom.
	return scrollBy(entries, {follow: false, entry: index, row: 0}, -(height - Math.min(count, height)), options, height);
}


/**
A search under way: what it looks for, which way, the entry it started after, how many
entries there were then (a file still being read grows meanwhile; those found later are not
waited for) and how many it has looked at. Kept between slices, so a long search can yield to
the keys that stop it.
*/
export type SearchScan = {readonly query: string; readonly direction: 1 | -1; readonly from: number; readonly count: number; readonly looked: number};

/** A search from `from` (exclusive) in `direction`, wrapping around, that has looked at nothing yet. */
export function startScan(entries: readonly TranscriptEntry[], from: number, query: string, direction: 1 | -1): SearchScan {
	return {query, direction, from, count: entries.length, looked: 0};
}

/**
Looks at up to `limit` more entries for one whose text or note contains the query
(case-insensitive): the entry's index, -1 when every entry was looked at and none matched,
or the scan to go on with.
*/
export function scanForMatch(entries: readonly TranscriptEntry[], scan: SearchScan, filter: EntryFilter, limit: number): number | SearchScan {
	const needle = scan.query.toLowerCase();
	const {count, from, direction} = scan;
	if (needle === '' || count === 0) return -1;
	const end = Math.min(count, scan.looked + limit);
	for (let step = scan.looked + 1; step <= end; step++) {
		const index = (((from + direction * step) % count) + count) % count;
		const entry = entries[index]!;
		if (!isVisible(entry, filter)) continue;
		const haystack = `${sanitizeForDisplay(entry.text)} ${entry.note ?? ''}`.toLowerCase();
		if (haystack.includes(needle)) return index;
	}

	return end === count ? -1 : {...scan, looked: end};
}

/** The next entry that matches, searching every entry at once (scanForMatch without a limit); -1 when none does. */
export function findMatch(entries: readonly TranscriptEntry[], from: number, query: string, direction: 1 | -1, filter: EntryFilter): number {
	return scanForMatch(entries, startScan(entries, from, query, direction), filter, Number.POSITIVE_INFINITY) as number;
}
