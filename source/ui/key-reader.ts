import {type Key, parseKey} from './key-parser.js';

/**
Turns what the terminal sends into keys, one by one, so the router can take each key
against the state the previous one left. Ink splits a read at escape sequences, but a run
of typed characters (`noop` and Enter, arriving in one read over SSH) is one event: here
it becomes its keys. Only text between the bracketed-paste markers (ESC[200~ ... ESC[201~,
xterm's "bracketed paste mode", which the explorer switches on) is a paste, however many
reads it spans.
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

/** One escape sequence at the start of the text: CSI (ESC [ ... final), SS3 (ESC O x), Alt+key (ESC x), or ESC alone. */
const escapeSequence = /^\u001B(?:\[\[?[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]|O[\u0040-\u007E]|\u001B(?:\[[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E])?|[^\u001B])?/;

/**
The keys of text outside a paste. Unmarked text is typing, however fast and however many
lines: the explorer switches bracketed paste on, so a terminal that marks pastes marks
them all, and one that cannot gets each line handled as if typed (never a secret in the
composer because a password typed after Enter arrived in the same read).
*/
function splitEvent(event: string): Key[] {
	const keys: Key[] = [];
	let rest = event;
	while (rest !== '') {
		if (rest.startsWith('\u001B')) {
			const sequence = escapeSequence.exec(rest)![0];
			keys.push(parseKey(sequence));
			rest = rest.slice(sequence.length);
			continue;
		}

		const end = rest.indexOf('\u001B');
		const run = end === -1 ? rest : rest.slice(0, end);
		rest = end === -1 ? '' : rest.slice(end);
		// Each character is its own key (CR LF is one Enter).
		for (const character of run.replaceAll('\r\n', '\r')) keys.push(parseKey(character));
	}

	return keys;
}
