import {describe, expect, it} from 'vitest';
import {type Key, parseKey} from '../../source/ui/key-parser.js';

/** The key parseKey should return: a name, modifiers (all off unless given) and no text. */
const expected = (name: string, modifiers: Partial<Omit<Key, 'name'>> = {}): Key => ({name, ctrl: false, shift: false, meta: false, text: '', ...modifiers});

describe('parseKey: single keys', () => {
	it.each([
		['Enter as CR', '\r', expected('return')],
		['Enter as LF', '\n', expected('return')],
		['Tab', '\t', expected('tab')],
		['Shift+Tab (CSI Z)', '\u001B[Z', expected('tab', {shift: true})],
		['Backspace as DEL', '\u007F', expected('backspace')],
		['Backspace as BS', '\b', expected('backspace')],
		['Esc', '\u001B', expected('escape')],
		['Esc pressed twice', '\u001B\u001B', expected('escape')],
		['Delete', '\u001B[3~', expected('delete')],
		['Insert', '\u001B[2~', expected('insert')],
		['PgUp', '\u001B[5~', expected('pageup')],
		['PgDn', '\u001B[6~', expected('pagedown')],
		['Ctrl+Space (NUL)', '\u0000', expected('space', {ctrl: true})],
	])('%s', (_name, input, key) => {
		expect(parseKey(input)).toEqual(key);
	});
});

describe('parseKey: arrows in normal (CSI) and application (SS3) cursor mode', () => {
	it.each([
		['\u001B[A', 'up'],
		['\u001B[B', 'down'],
		['\u001B[C', 'right'],
		['\u001B[D', 'left'],
		['\u001BOA', 'up'],
		['\u001BOB', 'down'],
		['\u001BOC', 'right'],
		['\u001BOD', 'left'],
	])('%j is %s', (input, name) => {
		expect(parseKey(input)).toEqual(expected(name));
	});
});

describe('parseKey: Home and End in every form terminals send', () => {
	it.each([
		['\u001B[H', 'home', 'xterm CSI'],
		['\u001B[F', 'end', 'xterm CSI'],
		['\u001BOH', 'home', 'xterm SS3 (application mode)'],
		['\u001BOF', 'end', 'xterm SS3 (application mode)'],
		['\u001B[1~', 'home', 'vt220 / Linux console / tmux'],
		['\u001B[4~', 'end', 'vt220 / Linux console / tmux'],
		['\u001B[7~', 'home', 'rxvt'],
		['\u001B[8~', 'end', 'rxvt'],
	])('%j is %s (%s)', (input, name) => {
		expect(parseKey(input)).toEqual(expected(name));
	});
});

describe('parseKey: function keys', () => {
	it.each([
		['\u001BOP', 'f1', 'xterm SS3'],
		['\u001BOQ', 'f2', 'xterm SS3'],
		['\u001BOR', 'f3', 'xterm SS3'],
		['\u001BOS', 'f4', 'xterm SS3'],
		['\u001B[11~', 'f1', 'vt220 tilde'],
		['\u001B[12~', 'f2', 'vt220 tilde'],
		['\u001B[15~', 'f5', 'vt220 tilde'],
		['\u001B[[A', 'f1', 'Linux console'],
		['\u001B[[B', 'f2', 'Linux console'],
		['\u001B[[E', 'f5', 'Linux console'],
		['\u001B[P', 'f1', 'CSI P (some xterm modes)'],
	])('%j is %s (%s)', (input, name) => {
		expect(parseKey(input)).toEqual(expected(name));
	});
});

describe('parseKey: xterm modifier parameters', () => {
	it.each([
		['Ctrl+Left', '\u001B[1;5D', expected('left', {ctrl: true})],
		['Ctrl+Right', '\u001B[1;5C', expected('right', {ctrl: true})],
		['Shift+Up', '\u001B[1;2A', expected('up', {shift: true})],
		['Alt+Down', '\u001B[1;3B', expected('down', {meta: true})],
		['Ctrl+Shift+Left', '\u001B[1;6D', expected('left', {ctrl: true, shift: true})],
		['Ctrl+Alt+Right', '\u001B[1;7C', expected('right', {ctrl: true, meta: true})],
		['Ctrl+Home', '\u001B[1;5H', expected('home', {ctrl: true})],
		['Ctrl+Delete', '\u001B[3;5~', expected('delete', {ctrl: true})],
		['Shift+PgUp', '\u001B[5;2~', expected('pageup', {shift: true})],
		['Ctrl+F1', '\u001B[1;5P', expected('f1', {ctrl: true})],
	])('%s', (_name, input, key) => {
		expect(parseKey(input)).toEqual(key);
	});
});

describe('parseKey: Ctrl+letters (0x01-0x1a)', () => {
	// Ctrl+H, Ctrl+I, Ctrl+J and Ctrl+M send the same bytes as Backspace, Tab and Enter.
	const exceptions: Record<number, string> = {0x08: 'backspace', 0x09: 'tab', 0x0a: 'return', 0x0d: 'return'};
	const letters = Array.from({length: 26}, (_, index) => index + 1)
		.filter(code => !(code in exceptions))
		.map(code => [String.fromCharCode(code + 96), code] as const);

	it.each(letters)('Ctrl+%s (byte %i) is the letter with ctrl', (letter, code) => {
		expect(parseKey(String.fromCharCode(code))).toEqual(expected(letter, {ctrl: true}));
	});

	it.each(Object.entries(exceptions))('byte %s is %s, not a Ctrl+letter', (code, name) => {
		expect(parseKey(String.fromCharCode(Number(code)))).toEqual(expected(name));
	});

	it.each([
		['\u001C', 'Ctrl+\\'],
		['\u001D', 'Ctrl+]'],
		['\u001F', 'Ctrl+_'],
	])('other control bytes (%j, %s) are unknown ctrl keys, never text', input => {
		expect(parseKey(input)).toEqual(expected('unknown', {ctrl: true}));
	});
});

describe('parseKey: Alt (ESC prefix)', () => {
	it.each([
		['Alt+b', '\u001Bb', expected('b', {meta: true})],
		['Alt+f', '\u001Bf', expected('f', {meta: true})],
		['Alt+Shift+B', '\u001BB', expected('b', {meta: true, shift: true})],
		['Alt+.', '\u001B.', expected('.', {meta: true})],
		['Alt+Backspace', '\u001B\u007F', expected('backspace', {meta: true})],
		['Alt+Enter', '\u001B\r', expected('return', {meta: true})],
		['Ctrl+Alt+a', '\u001B\u0001', expected('a', {ctrl: true, meta: true})],
		['Alt+Up sent as ESC ESC [A', '\u001B\u001B[A', expected('up', {meta: true})],
	])('%s', (_name, input, key) => {
		expect(parseKey(input)).toEqual(key);
	});

	it('an Alt+letter is a key, not text the composer would insert', () => {
		expect(parseKey('\u001Bb').text).toBe('');
	});

	it.each([
		['\u001B[99~', 'a tilde code with no meaning'],
		['\u001B[[5~', 'a Linux console sequence beyond F5'],
		['\u001B[E', 'keypad 5 (CSI E)'],
	])('%j (%s) is unknown, never text', input => {
		expect(parseKey(input)).toEqual(expected('unknown'));
	});
});

describe('parseKey: typed text and pastes', () => {
	it.each([
		['a', 'a single letter'],
		['?', 'a question mark (help on an empty composer)'],
		[' ', 'a space'],
		['é', 'an accented letter'],
		['日', 'a CJK character'],
		['😀', 'an emoji (a surrogate pair)'],
		['EHLO client.example.com', 'a paste of plain text'],
		['MAIL FROM:<a@b>', 'punctuation'],
	])('%j (%s) is text, kept exactly', input => {
		expect(parseKey(input)).toEqual(expected('text', {text: input}));
	});

	it.each([
		['EHLO x\r', 'a line ending in CR'],
		['EHLO x\nMAIL FROM:<a@b>\n', 'lines ending in LF'],
		['EHLO x\r\nQUIT\r\n', 'lines ending in CRLF'],
		['tab\tinside', 'a tab in the text'],
		['nul\u0000byte', 'a NUL byte'],
		['bell\u0007', 'a BEL byte'],
		['del\u007F', 'a DEL byte'],
		['\r\r', 'two CRs'],
	])('%j (%s) is a paste that keeps the exact text', input => {
		expect(parseKey(input)).toEqual(expected('paste', {text: input}));
	});

	it('a single typed character never carries modifiers', () => {
		const key = parseKey('x');
		expect([key.ctrl, key.meta, key.shift]).toEqual([false, false, false]);
	});
});
