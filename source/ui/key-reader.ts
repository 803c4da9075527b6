import {type Key, parseKey} from './key-parser.js';

/**
Turns what the terminal sends into keys, one by one, so the router can take each key
against the state the previous one left. Ink splits a read at escape sequences, but a run
of typed characters (`noop` and Enter, arriving in one read over SSH) is one event: here
it becomes its keys. Only text between the bracketed-paste markers (ESC[200~ ... ESC[201~,
xterm's "bracketed paste mode", which the explorer switches on) is a paste, however many
reads it spans. The terminal's reports (DECRPM, its answer to the app's DECRQM question,
source/ui/terminal-margins.ts) arrive on the same input: they are taken out, never keys,
even when a read ends in the middle of one.
*/

export const pasteStart = '\u001B[200~';
export const pasteEnd = '\u001B[201~';
/** Written to the terminal to switch bracketed paste on, and off again on every way out. */
export const enableBracketedPaste = '\u001B[?2004h';
export const disableBracketedPaste = '\u001B[?2004l';

/** What the reader carries from one event to the next: the paste being collected, the start of a report cut off by the end of a read, whether the last event was ESC alone. */
export type ReaderState = {paste?: string; report?: string; afterEscape?: boolean; escapeDelivered?: boolean};

/** What one event held: keys, and the terminal's reports (whole escape sequences). */
export type Read = {state: ReaderState; keys: Key[]; reports: string[]};

export const initialReader: ReaderState = {};

const pasteKey = (text: string): Key => ({name: 'paste', ctrl: false, shift: false, meta: false, text});

/** The keys and reports of one input event (one escape sequence, or a run of other characters). */
export function readKeys(state: ReaderState, event: string): Read {
	// A read that ended right after a report's ESC: Ink has handed the ESC over as the Escape key already.
	if (state.afterEscape && event.startsWith('[') && (modeReport.test(`\u001B${event}`) || reportStart.test(`\u001B${event}`))) return readKeys({report: '\u001B', escapeDelivered: true}, event);
	if (state.report !== undefined) {
		// A report cut off by the end of the previous read: this event may finish it.
		const joined = state.report + event;
		const whole = modeReport.exec(joined)?.[0];
		if (whole !== undefined) {
			const after = readKeys({}, joined.slice(whole.length));
			return {...after, reports: [whole, ...after.reports]};
		}

		if (reportStart.test(joined)) return {state: {...state, report: joined}, keys: [], reports: []};
		// The ESC was the Escape key already: what followed it was typed.
		if (state.escapeDelivered) return readKeys({}, joined.slice(1));
		// Not a report after all. When the two make one control sequence, it is one key (a PgUp cut in two); otherwise
		// the held part is an unfinished sequence: one key, never text.
		if (controlSequence.test(joined)) return readKeys({}, joined);
		const after = readKeys({}, event);
		return {...after, keys: [parseKey(state.report), ...after.keys]};
	}

	if (state.paste !== undefined) {
		const end = event.indexOf(pasteEnd);
		if (end === -1) return {state: {paste: state.paste + event}, keys: [], reports: []};
		const text = state.paste + event.slice(0, end);
		const after = readKeys(initialReader, event.slice(end + pasteEnd.length));
		return {...after, keys: [pasteKey(text), ...after.keys]};
	}

	const start = event.indexOf(pasteStart);
	if (start !== -1) {
		const before = start > 0 ? splitEvent(event.slice(0, start)) : {keys: [], reports: [], held: undefined};
		const rest = readKeys({paste: ''}, event.slice(start + pasteStart.length));
		const cutOff = before.held === undefined ? [] : [parseKey(before.held)];
		return {state: rest.state, keys: [...before.keys, ...cutOff, ...rest.keys], reports: [...before.reports, ...rest.reports]};
	}

	const {keys, reports, held} = splitEvent(event);
	return {state: held === undefined ? (event === '\u001B' ? {afterEscape: true} : initialReader) : {report: held}, keys, reports};
}

/** All the keys of a sequence of events, for tests and for a whole chunk at once. */
export function readAll(events: readonly string[], state: ReaderState = initialReader): Read {
	const keys: Key[] = [];
	const reports: string[] = [];
	let current = state;
	for (const event of events) {
		const read = readKeys(current, event);
		current = read.state;
		keys.push(...read.keys);
		reports.push(...read.reports);
	}

	return {state: current, keys, reports};
}

/** A DEC private mode report, DECRPM (VT510): CSI ? mode ; value $ y. */
const modeReport = /^\u001B\[\?\d+;\d+\$y/;
/** A whole CSI sequence (ECMA-48 5.4): parameter bytes, intermediate bytes, a final byte. */
const controlSequence = /^\u001B\[[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]/;
/** What a read cut off in a DECRPM leaves: ESC [ at least (Ink hands over an unfinished sequence when the next read is late). */
const reportStart = /^\u001B\[(?:\?(?:\d+(?:;\d*)?\$?)?)?$/;

/** One escape sequence at the start of the text: CSI (ESC [ ... final), SS3 (ESC O x), Alt+key (ESC x), or ESC alone. */
const escapeSequence = /^\u001B(?:\[\[?[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]|O[\u0040-\u007E]|\u001B(?:\[[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E])?|[^\u001B])?/;

/**
The keys of text outside a paste. Unmarked text is typing, however fast and however many
lines: the explorer switches bracketed paste on, so a terminal that marks pastes marks
them all, and one that cannot gets each line handled as if typed (never a secret in the
composer because a password typed after Enter arrived in the same read).
*/
function splitEvent(event: string): {keys: Key[]; reports: string[]; held: string | undefined} {
	const keys: Key[] = [];
	const reports: string[] = [];
	let rest = event;
	while (rest !== '') {
		if (rest.startsWith('\u001B')) {
			if (reportStart.test(rest)) return {keys, reports, held: rest};
			const sequence = escapeSequence.exec(rest)![0];
			if (modeReport.test(sequence)) reports.push(sequence);
			else keys.push(parseKey(sequence));
			rest = rest.slice(sequence.length);
			continue;
		}

		const end = rest.indexOf('\u001B');
		const run = end === -1 ? rest : rest.slice(0, end);
		rest = end === -1 ? '' : rest.slice(end);
		// Each character is its own key (CR LF is one Enter).
		for (const character of run.replaceAll('\r\n', '\r')) keys.push(parseKey(character));
	}

	return {keys, reports, held: undefined};
}
