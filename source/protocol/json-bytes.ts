import {encodeLenient, toBase64} from './text.js';

/**
Server text in JSON that keeps every byte. decodeLenient holds a byte that is not UTF-8 as a
lone surrogate (U+DC80 + byte); JSON.stringify would write it as `\udc9b`, which RFC 8259
8.2 leaves unpredictable and RFC 7493 2.1 forbids, and `jq -r` turns into U+FFFD. So such
a string becomes valid Unicode with each byte shown as a visible `\xNN`, and the exact
bytes go, base64, into a sibling field named after it (`text` -> `textBase64`).
*/

const escapedByte = /[\uDC80-\uDCFF]/g;

const hasEscapedBytes = (text: string) => /[\uDC80-\uDCFF]/.test(text);

/** The text with each escaped byte as `\xNN`: valid Unicode, readable, and shown as sent. */
export function visibleBytes(text: string): string {
	return text.replace(escapedByte, char => `\\x${(char.charCodeAt(0) - 0xdc_00).toString(16).padStart(2, '0')}`);
}

/** The exact bytes of leniently decoded text, base64 (RFC 4648 4). */
export const exactBase64 = (text: string) => toBase64(encodeLenient(text));

/**
A copy of `value` fit for JSON: every string holding escaped bytes becomes `visibleBytes`,
with a sibling `<key>Base64` (a string, or for a list of strings a list with null where
nothing changed). Strings without such bytes, and everything else, are kept as they are.
*/
export function keepBytes(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(item => keepBytes(item));
	if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return typeof value === 'string' ? visibleBytes(value) : value;
	const out: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value)) {
		out[key] = keepBytes(item);
		if (typeof item === 'string' && hasEscapedBytes(item)) out[`${key}Base64`] = exactBase64(item);
		if (Array.isArray(item) && item.some(entry => typeof entry === 'string' && hasEscapedBytes(entry))) {
			out[`${key}Base64`] = item.map(entry => (typeof entry === 'string' && hasEscapedBytes(entry) ? exactBase64(entry) : null));
		}
	}

	return out;
}
