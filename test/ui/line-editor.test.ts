import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseKey} from '../../source/ui/key-parser.js';
import {editorActionForKey, editorReducer, type EditorAction, type EditorState, emptyEditor} from '../../source/ui/line-editor.js';

/** Writes a state as text with a `|` at the cursor: 'EH|LO'. */
const show = (state: EditorState) => `${state.text.slice(0, state.cursor)}|${state.text.slice(state.cursor)}`;
/** The state a `|`-marked string describes. */
const at = (marked: string): EditorState => ({text: marked.replace('|', ''), cursor: marked.indexOf('|')});
const apply = (marked: string, action: EditorAction) => show(editorReducer(at(marked), action));

const emoji = '😀';

describe('line editor: insert', () => {
	it.each([
		['|', 'EHLO', 'EHLO|'],
		['EHLO|', ' x', 'EHLO x|'],
		['|HLO', 'E', 'E|HLO'],
		['EH|O', 'L', 'EHL|O'],
		['a|b', emoji, `a${emoji}|b`],
		['a|b', 'x\r\ny', 'ax\r\ny|b'],
		['a|b', '', 'a|b'],
	])('%j + insert %j -> %j', (before, text, after) => {
		expect(apply(before, {type: 'insert', text})).toBe(after);
	});
});

describe('line editor: backspace and delete', () => {
	it.each([
		['backspace', 'abc|', 'ab|'],
		['backspace', 'a|bc', '|bc'],
		['backspace', '|abc', '|abc'],
		['backspace', '|', '|'],
		['backspace', `a${emoji}|`, 'a|'],
		['backspace', `${emoji}|b`, '|b'],
		['backspace', `${emoji}${emoji}|`, `${emoji}|`],
		['delete', '|abc', '|bc'],
		['delete', 'ab|c', 'ab|'],
		['delete', 'abc|', 'abc|'],
		['delete', '|', '|'],
		['delete', `a|${emoji}b`, 'a|b'],
		['delete', `|${emoji}`, '|'],
		['delete', `|${emoji}${emoji}`, `|${emoji}`],
	] as const)('%s on %j -> %j', (type, before, after) => {
		expect(apply(before, {type})).toBe(after);
	});

	it('never leaves half of a surrogate pair behind (backspace and delete, anywhere)', () => {
		const chars = fc.constantFrom('a', ' ', 'é', '日', emoji, '👍', '𝄞');
		fc.assert(
			fc.property(fc.array(chars, {maxLength: 12}), fc.nat(), fc.constantFrom('backspace', 'delete', 'left', 'right') as fc.Arbitrary<'backspace' | 'delete' | 'left' | 'right'>, (parts, position, type) => {
				const text = parts.join('');
				// Only cursors on character boundaries are reachable.
				const boundaries = [0];
				for (const part of parts) boundaries.push(boundaries.at(-1)! + part.length);
				const cursor = boundaries[position % boundaries.length]!;
				const next = editorReducer({text, cursor}, {type});
				expect(next.text.isWellFormed()).toBe(true);
				expect(next.text.slice(0, next.cursor).isWellFormed()).toBe(true);
			}),
		);
	});
});

describe('line editor: cursor moves', () => {
	it.each([
		['left', 'ab|c', 'a|bc'],
		['left', '|abc', '|abc'],
		['left', `a${emoji}|`, `a|${emoji}`],
		['right', 'a|bc', 'ab|c'],
		['right', 'abc|', 'abc|'],
		['right', `a|${emoji}b`, `a${emoji}|b`],
		['home', 'MAIL FROM|:<a@b>', '|MAIL FROM:<a@b>'],
		['end', 'MA|IL FROM:<a@b>', 'MAIL FROM:<a@b>|'],
		['word-left', 'MAIL FROM:<a@b>|', 'MAIL |FROM:<a@b>'],
		['word-left', 'MAIL FROM|:<a@b>', 'MAIL |FROM:<a@b>'],
		['word-left', 'MAIL |FROM', '|MAIL FROM'],
		['word-left', 'MAIL   |FROM', '|MAIL   FROM'],
		['word-left', '|MAIL', '|MAIL'],
		['word-right', '|MAIL FROM:<a@b>', 'MAIL| FROM:<a@b>'],
		['word-right', 'MAIL| FROM:<a@b>', 'MAIL FROM:<a@b>|'],
		['word-right', 'MA|IL FROM', 'MAIL| FROM'],
		['word-right', 'MAIL|', 'MAIL|'],
	] as const)('%s on %j -> %j', (type, before, after) => {
		expect(apply(before, {type})).toBe(after);
	});
});

describe('line editor: kills', () => {
	it.each([
		['kill-to-start', 'MAIL FROM:|<a@b>', '|<a@b>'],
		['kill-to-start', '|MAIL', '|MAIL'],
		['kill-to-start', 'MAIL|', '|'],
		['kill-to-end', 'MAIL FROM:|<a@b>', 'MAIL FROM:|'],
		['kill-to-end', 'MAIL|', 'MAIL|'],
		['kill-to-end', '|MAIL', '|'],
		['kill-word', 'MAIL FROM:<a@b>|', 'MAIL |'],
		['kill-word', 'MAIL FROM:<a@b>  |', 'MAIL |'],
		['kill-word', 'MAIL FRO|M:<a@b>', 'MAIL |M:<a@b>'],
		['kill-word', 'MAIL|', '|'],
		['kill-word', '|MAIL', '|MAIL'],
		['kill-word', `EHLO ${emoji}${emoji}|`, 'EHLO |'],
	] as const)('%s on %j -> %j', (type, before, after) => {
		expect(apply(before, {type})).toBe(after);
	});
});

describe('line editor: set', () => {
	it('puts the cursor at the end when none is given', () => {
		expect(editorReducer(at('old|'), {type: 'set', text: 'RCPT TO:<'})).toEqual({text: 'RCPT TO:<', cursor: 9});
	});

	it('puts the cursor where it is told', () => {
		expect(editorReducer(emptyEditor, {type: 'set', text: 'MAIL FROM:<>', cursor: 11})).toEqual({text: 'MAIL FROM:<>', cursor: 11});
	});

	it('clamps a cursor past the end to the end', () => {
		expect(editorReducer(emptyEditor, {type: 'set', text: 'NOOP', cursor: 99})).toEqual({text: 'NOOP', cursor: 4});
	});

	it('clamps a negative cursor to the start', () => {
		expect(editorReducer(emptyEditor, {type: 'set', text: 'NOOP', cursor: -3})).toEqual({text: 'NOOP', cursor: 0});
	});

	it('never puts the cursor inside a surrogate pair', () => {
		expect(editorReducer(emptyEditor, {type: 'set', text: `a${emoji}b`, cursor: 2})).toEqual({text: `a${emoji}b`, cursor: 1});
	});

	it('starts empty', () => {
		expect(emptyEditor).toEqual({text: '', cursor: 0});
	});
});

describe('editorActionForKey', () => {
	it.each([
		['Home', '\u001B[H', {type: 'home'}],
		['Ctrl+E', '\u0005', {type: 'end'}],
		['Ctrl+U', '\u0015', {type: 'kill-to-start'}],
		['Ctrl+K', '\u000B', {type: 'kill-to-end'}],
		['Ctrl+W', '\u0017', {type: 'kill-word'}],
		['Alt+B', '\u001Bb', {type: 'word-left'}],
		['Alt+F', '\u001Bf', {type: 'word-right'}],
		['Alt+Backspace', '\u001B\u007F', {type: 'kill-word'}],
		['Alt+Left', '\u001B[1;3D', {type: 'word-left'}],
		['Alt+Right', '\u001B[1;3C', {type: 'word-right'}],
		['Ctrl+Left', '\u001B[1;5D', {type: 'word-left'}],
		['Ctrl+Right', '\u001B[1;5C', {type: 'word-right'}],
		['Left', '\u001B[D', {type: 'left'}],
		['Right', '\u001B[C', {type: 'right'}],
		['Left (SS3)', '\u001BOD', {type: 'left'}],
		['Home', '\u001B[H', {type: 'home'}],
		['Home (vt220)', '\u001B[1~', {type: 'home'}],
		['End', '\u001B[F', {type: 'end'}],
		['End (vt220)', '\u001B[4~', {type: 'end'}],
		['Backspace (DEL)', '\u007F', {type: 'backspace'}],
		['Backspace (BS)', '\b', {type: 'backspace'}],
		['Delete', '\u001B[3~', {type: 'delete'}],
		['typed text', 'a', {type: 'insert', text: 'a'}],
		['typed emoji', emoji, {type: 'insert', text: emoji}],
		['pasted text', 'EHLO client.example.com', {type: 'insert', text: 'EHLO client.example.com'}],
		['a paste with line breaks', 'EHLO x\r\nQUIT', {type: 'insert', text: 'EHLO x\r\nQUIT'}],
		['a paste with a NUL byte', 'a\u0000b', {type: 'insert', text: 'a\u0000b'}],
	] as const)('%s -> %j', (_name, input, action) => {
		expect(editorActionForKey(parseKey(input))).toEqual(action);
	});

	it.each([
		['Enter', '\r'],
		['Tab', '\t'],
		['Up', '\u001B[A'],
		['Esc', '\u001B'],
		['Ctrl+P (a global shortcut)', '\u0010'],
		['Ctrl+C', '\u0003'],
		['Alt+X', '\u001Bx'],
		['PgUp', '\u001B[5~'],
		['F1', '\u001BOP'],
	])('%s is not an edit', (_name, input) => {
		expect(editorActionForKey(parseKey(input))).toBeUndefined();
	});

	it('Ctrl+A is left to GNU screen (its prefix): it does nothing here', () => {
		expect(editorActionForKey(parseKey('\u0001'))).toBeUndefined();
	});

	it('Home then Ctrl+K clears the line through the reducer', () => {
		let state = at('MAIL FROM:<a@b>|');
		for (const input of ['\u001B[H', '\u000B']) state = editorReducer(state, editorActionForKey(parseKey(input))!);
		expect(state).toEqual({text: '', cursor: 0});
	});
});
