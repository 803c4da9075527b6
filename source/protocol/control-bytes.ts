import {text as say} from '../i18n/messages.js';
import type {Diagnostic} from './diagnostic.js';
import {encodeUtf8} from './text.js';

/**
Command injection guard. An SMTP command is one CRLF-terminated line, so a CR, LF or NUL
inside it would start a new command (bpo-43124, CVE-2015-9096, Go #21159). The check runs
on the encoded bytes that would go on the wire, not on the JS string (CVE-2025-7962).
*/

const names: Record<number, string> = {0x00: 'NUL', 0x09: 'TAB', 0x0a: 'LF', 0x0d: 'CR', 0x1b: 'ESC', 0x7f: 'DEL'};

export function controlByteName(byte: number): string {
	return `${names[byte] ?? 'control byte'} (0x${byte.toString(16).padStart(2, '0')})`;
}

/** True for C0 controls and DEL: bytes that never belong inside a command line. */
export const isControlByte = (byte: number) => byte < 0x20 || byte === 0x7f;

/** Byte offsets and values of every control byte in the encoded line. */
export function findControlBytes(bytes: Uint8Array): Array<{offset: number; byte: number}> {
	const found: Array<{offset: number; byte: number}> = [];
	for (let offset = 0; offset < bytes.length; offset++) {
		if (isControlByte(bytes[offset]!)) found.push({offset, byte: bytes[offset]!});
	}

	return found;
}

/** Errors for each control byte in the line, positioned at the character that produced it. */
export function controlByteDiagnostics(line: string): Diagnostic[] {
	const bytes = encodeUtf8(line);
	const found = findControlBytes(bytes);
	if (found.length === 0) return [];

	// Map byte offsets back to string offsets so the composer can point at the character.
	const charAtByte = new Map<number, number>();
	let byteOffset = 0;
	for (let index = 0; index < line.length; index++) {
		const code = line.codePointAt(index)!;
		charAtByte.set(byteOffset, index);
		byteOffset += encodeUtf8(String.fromCodePoint(code)).length;
		if (code > 0xff_ff) index++;
	}

	return found.slice(0, 5).map(({offset, byte}) => {
		const index = charAtByte.get(offset) ?? 0;
		return {
			severity: 'error',
			code: 'control-byte',
			message: say()['check.controlByte'](controlByteName(byte), index + 1, offset + 1),
			hint: say()['check.controlByte.hint'],
			start: index,
			end: index + 1,
		} satisfies Diagnostic;
	});
}
