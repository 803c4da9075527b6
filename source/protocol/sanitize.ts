/**
The display sanitiser. Text from a server (or a saved file) is never written raw to a
terminal: an ESC can move the cursor, retitle the window or write the clipboard (OSC 52),
a C1 byte can start a control sequence on its own, a lone CR can overwrite a line, and a
bidi control can reorder what the user reads (CVE-2019-6109, CVE-2021-42574, CWE-150).
Every such character becomes a visible escape; everything else is left as it is.
*/

// With the `u` flag, the surrogate range only matches lone surrogates, so emoji survive.
const unsafe = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069\uD800-\uDFFF]/gu;

const named: Record<string, string> = {
	'\t': String.raw`\t`,
	'\n': String.raw`\n`,
	'\r': String.raw`\r`,
};

function hex(code: number, digits: number): string {
	return code.toString(16).padStart(digits, '0');
}

function escapeChar(char: string): string {
	const name = named[char];
	if (name) return name;
	const code = char.codePointAt(0)!;
	// Bytes that were not valid UTF-8 arrive as U+DC80..U+DCFF (see decodeLenient): show the byte.
	if (code >= 0xdc_80 && code <= 0xdc_ff) return `\\x${hex(code - 0xdc_00, 2)}`;
	if (code < 0x80) return `\\x${hex(code, 2)}`;
	return `\\u${hex(code, 4)}`;
}

/** Returns text safe to write to a terminal or a file: one line, no control or bidi characters. */
export function sanitizeForDisplay(text: string): string {
	unsafe.lastIndex = 0;
	if (!unsafe.test(text)) return text;
	unsafe.lastIndex = 0;
	return text.replace(unsafe, escapeChar);
}

/** A value the user gave, quoted for a message: the one way arguments are echoed, so no escape they hold reaches the terminal. */
export function quoted(value: string): string {
	return `"${sanitizeForDisplay(value)}"`;
}
