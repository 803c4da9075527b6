/**
Turns one input event from the terminal (a key's escape sequence, or a run of typed or
pasted text, as Ink's input parser splits them) into a key the keymap can match.
*/
export type Key = {
	/**
	'text' for printable input (typed or pasted), 'paste' for text holding line breaks or
	other control characters, otherwise the key's name: 'return', 'tab', 'up', 'f1', 'p'...
	*/
	name: string;
	ctrl: boolean;
	shift: boolean;
	meta: boolean;
	/** For 'text' and 'paste': the characters. */
	text: string;
};

const key = (name: string, modifiers: Partial<Omit<Key, 'name'>> = {}): Key => ({name, ctrl: false, shift: false, meta: false, text: '', ...modifiers});

const csiTilde: Record<string, string> = {
	'1': 'home',
	'2': 'insert',
	'3': 'delete',
	'4': 'end',
	'5': 'pageup',
	'6': 'pagedown',
	'7': 'home',
	'8': 'end',
	'11': 'f1',
	'12': 'f2',
	'13': 'f3',
	'14': 'f4',
	'15': 'f5',
	'17': 'f6',
	'18': 'f7',
	'19': 'f8',
	'20': 'f9',
	'21': 'f10',
	'23': 'f11',
	'24': 'f12',
};

const csiLetter: Record<string, string> = {A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', P: 'f1', Q: 'f2', R: 'f3', S: 'f4', Z: 'tab'};

/** xterm modifier parameter: 1 + (shift 1, alt 2, ctrl 4). */
function modifiers(parameter: string | undefined): Partial<Key> {
	const bits = Math.max(0, Number(parameter ?? 1) - 1);
	return {shift: Boolean(bits & 1), meta: Boolean(bits & 2), ctrl: Boolean(bits & 4)};
}

export function parseKey(input: string): Key {
	switch (input) {
		case '\r':
		case '\n': {
			return key('return');
		}

		case '\t': {
			return key('tab');
		}

		case '\u007F':
		case '\b': {
			return key('backspace');
		}

		case '\u001B':
		case '\u001B\u001B': {
			return key('escape');
		}

		case '\u0000': {
			return key('space', {ctrl: true});
		}

		default: {
			break;
		}
	}

	// Linux console F1-F5: ESC [ [ A..E
	const linux = /^\u001B\[\[([A-E])$/.exec(input);
	if (linux) return key(`f${'ABCDE'.indexOf(linux[1]!) + 1}`);

	const tilde = /^\u001B\[(\d+)(?:;(\d+))?~$/.exec(input);
	if (tilde) return key(csiTilde[tilde[1]!] ?? `unknown`, modifiers(tilde[2]));

	const letter = /^\u001B(?:\[(?:1;)?(\d+)?|O)([A-DFHPQRSZ])$/.exec(input);
	if (letter) {
		const name = csiLetter[letter[2]!]!;
		return letter[2] === 'Z' ? key('tab', {shift: true}) : key(name, modifiers(letter[1]));
	}

	if (input.startsWith('\u001B')) {
		const rest = input.slice(1);
		// Alt+key arrives as ESC followed by the key.
		if (rest.length > 0 && !rest.startsWith('[') && !rest.startsWith('O')) {
			const inner = parseKey(rest);
			// Alt+b is the key 'b' with meta (readline's word moves), not the text "b" to insert.
			if (inner.name === 'text' && [...inner.text].length === 1) {
				const lower = inner.text.toLowerCase();
				return key(lower, {meta: true, shift: lower !== inner.text});
			}

			return {...inner, meta: true};
		}

		return key('unknown');
	}

	if (input.length === 1) {
		const code = input.charCodeAt(0);
		// Ctrl+A..Ctrl+Z arrive as 0x01..0x1a (Tab, Enter and Backspace are handled above).
		if (code >= 1 && code <= 26) return key(String.fromCharCode(code + 96), {ctrl: true});
		if (code < 0x20) return key('unknown', {ctrl: true});
	}

	// Several characters, or characters that are not printable: text, or a paste to check.
	const hasControl = /[\u0000-\u001F\u007F]/.test(input);
	return hasControl ? {...key('paste'), text: input} : {...key('text'), text: input};
}
