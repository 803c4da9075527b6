import {type Key, parseKey} from './key-parser.js';

/**
Turns what the terminal sends into keys, one by one, so the router can take each key
against the state the previous one left. Ink splits a read at escape sequences, but a run
of typed characters (`noop` and Enter, arriving in one read over SSH) is one event: here
it becomes its keys. Only text between the bracketed-paste markers (ESC[200~ ... ESC[201~,
xterm's "bracketed paste mode", which the explorer switches on) is a paste, however many
reads it spans. A terminal without that mode still gets a paste for a read of several
lines; one line ending in Enter is typing.
*/

export const pasteStart = '\u001B[200~';
export const pasteEnd = '\u001B[201~';
/** Written to the terminal to switch bracketed paste on, and off again on every way out. */
export const enableBracketedPaste = '\u001B[?2004h';
export const disableBracketedPaste = '\u001B[?2004l';

/** What the reader carries from one event to the next: the paste being collected, if any. */
export type ReaderState = {paste?: string};

export const initialReader: ReaderState = {};

const pasteKey = (text: string): Key => ({name: 'paste', ctrl: false, shift: false, meta: false, text});

/** The keys of one input event (one escape sequence, or a run of other characters). */
export function readKeys(state: ReaderState, event: string): {state: ReaderState; keys: Key[]} {
	if (state.paste !== undefined) {
		const end = event.indexOf(pasteEnd);
		if (end === -1) return {state: {paste: state.paste + event}, keys: []};
		const text = state.paste + event.slice(0, end);
		const after = readKeys(initialReader, event.slice(end + pasteEnd.length));
		return {state: after.state, keys: [pasteKey(text), ...after.keys]};
	}

	const start = event.indexOf(pasteStart);
	if (start !== -1) {
		const before = start > 0 ? splitEvent(event.slice(0, start)) : [];
		const rest = readKeys({paste: ''}, event.slice(start + pasteStart.length));
		return {state: rest.state, keys: [...before, ...rest.keys]};
	}

	return {state, keys: splitEvent(event)};
}

/** All the keys of a sequence of events, for tests and for a whole chunk at once. */
export function readAll(events: readonly string[], state: ReaderState = initialReader): {state: ReaderState; keys: Key[]} {
	const keys: Key[] = [];
	let current = state;
	for (const event of events) {
		const read = readKeys(current, event);
		current = read.state;
		keys.push(...read.keys);
	}

	return {state: current, keys};
}

/** A line break anywhere but at the very end: several lines at once, a paste without markers. */
const severalLines = /[\r\n](?![\r\n]*$)/;

function splitEvent(event: string): Key[] {
	if (event === '') return [];
	if (event.startsWith('\u001B')) return [parseKey(event)];
	if (severalLines.test(event.replace(/\r\n/g, '\n'))) return [pasteKey(event)];
	// Typing, however fast: each character is its own key (CR LF is one Enter).
	return [...event.replace(/\r\n/g, '\r')].map(character => parseKey(character));
}
