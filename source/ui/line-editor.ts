/**
The composer's one-line editor as a pure reducer: text and a cursor (in code units, never
inside a surrogate pair), with the readline keys people expect over SSH. Pasted text is
inserted as is; the validator then points at any control character in it.
*/
export type EditorState = {text: string; cursor: number};

export type EditorAction =
	| {type: 'insert'; text: string}
	| {type: 'backspace'}
	| {type: 'delete'}
	| {type: 'left'}
	| {type: 'right'}
	| {type: 'home'}
	| {type: 'end'}
	| {type: 'word-left'}
	| {type: 'word-right'}
	| {type: 'kill-to-start'}
	| {type: 'kill-to-end'}
	| {type: 'kill-word'}
	| {type: 'set'; text: string; cursor?: number};

export const emptyEditor: EditorState = {text: '', cursor: 0};

const isLowSurrogate = (code: number) => code >= 0xdc_00 && code <= 0xdf_ff;

function previousBoundary(text: string, index: number): number {
	if (index <= 0) return 0;
	return isLowSurrogate(text.charCodeAt(index - 1)) && index >= 2 ? index - 2 : index - 1;
}

function nextBoundary(text: string, index: number): number {
	if (index >= text.length) return text.length;
	return isLowSurrogate(text.charCodeAt(index + 1)) ? index + 2 : index + 1;
}

function wordLeft(text: string, index: number): number {
	let i = index;
	while (i > 0 && /\s/.test(text[i - 1]!)) i--;
	while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
	return i;
}

function wordRight(text: string, index: number): number {
	let i = index;
	while (i < text.length && /\s/.test(text[i]!)) i++;
	while (i < text.length && !/\s/.test(text[i]!)) i++;
	return i;
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
	const {text, cursor} = state;
	switch (action.type) {
		case 'insert': {
			return {text: text.slice(0, cursor) + action.text + text.slice(cursor), cursor: cursor + action.text.length};
		}

		case 'backspace': {
			const start = previousBoundary(text, cursor);
			return {text: text.slice(0, start) + text.slice(cursor), cursor: start};
		}

		case 'delete': {
			return {text: text.slice(0, cursor) + text.slice(nextBoundary(text, cursor)), cursor};
		}

		case 'left': {
			return {text, cursor: previousBoundary(text, cursor)};
		}

		case 'right': {
			return {text, cursor: nextBoundary(text, cursor)};
		}

		case 'home': {
			return {text, cursor: 0};
		}

		case 'end': {
			return {text, cursor: text.length};
		}

		case 'word-left': {
			return {text, cursor: wordLeft(text, cursor)};
		}

		case 'word-right': {
			return {text, cursor: wordRight(text, cursor)};
		}

		case 'kill-to-start': {
			return {text: text.slice(cursor), cursor: 0};
		}

		case 'kill-to-end': {
			return {text: text.slice(0, cursor), cursor};
		}

		case 'kill-word': {
			const start = wordLeft(text, cursor);
			return {text: text.slice(0, start) + text.slice(cursor), cursor: start};
		}

		case 'set': {
			// Clamped into the text, and moved off the low half of a surrogate pair.
			const at = Math.max(0, Math.min(action.cursor ?? action.text.length, action.text.length));
			return {text: action.text, cursor: at > 0 && at < action.text.length && isLowSurrogate(action.text.charCodeAt(at)) ? at - 1 : at};
		}
	}
}

/** Editing keys, shared by the composer, the palette search and the prompts. */
export function editorActionForKey(key: {name: string; ctrl: boolean; meta: boolean; text: string}): EditorAction | undefined {
	if (key.name === 'text' || key.name === 'paste') return {type: 'insert', text: key.text};
	if (key.ctrl) {
		// Not Ctrl+A: GNU screen takes it (Home does the same).
		const ctrl: Record<string, EditorAction> = {
			e: {type: 'end'},
			u: {type: 'kill-to-start'},
			k: {type: 'kill-to-end'},
			w: {type: 'kill-word'},
			left: {type: 'word-left'},
			right: {type: 'word-right'},
		};
		return ctrl[key.name];
	}

	if (key.meta) {
		if (key.name === 'b' || key.name === 'left') return {type: 'word-left'};
		if (key.name === 'f' || key.name === 'right') return {type: 'word-right'};
		if (key.name === 'backspace') return {type: 'kill-word'};
		return undefined;
	}

	const plain: Record<string, EditorAction> = {
		backspace: {type: 'backspace'},
		delete: {type: 'delete'},
		left: {type: 'left'},
		right: {type: 'right'},
		home: {type: 'home'},
		end: {type: 'end'},
	};
	return plain[key.name];
}
