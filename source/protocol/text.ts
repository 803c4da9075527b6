/**
Byte and text helpers shared by the parsers. Server text is bytes first: a reply line may
carry invalid UTF-8, and the transcript must keep the exact bytes while the screen shows
something readable.
*/

const utf8 = new TextEncoder();

/** Encodes a JS string as UTF-8 bytes, the form every check on the wire is made against. */
export function encodeUtf8(text: string): Uint8Array {
	return utf8.encode(text);
}

/**
Decodes UTF-8 leniently and reversibly: each byte that is not part of a valid sequence
becomes the lone surrogate U+DC80+byte (Python's "surrogateescape"). The sanitiser shows
those as `\xNN`, so nothing the server sent is hidden or silently replaced.
*/
export function decodeLenient(bytes: Uint8Array): string {
	// Valid UTF-8 (nearly every line) decodes natively into one flat string; building it a
	// character at a time would leave V8 a rope of fragments, many times the memory.
	try {
		return strictUtf8.decode(bytes);
	} catch {
		return decodeWithEscapes(bytes);
	}
}

const strictUtf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});

/**
Decodes into UTF-16 code units, then makes the string in large pieces joined once: a line of
invalid UTF-8 (a Latin-1 banner, say) stays one flat string, not a rope of one fragment per
character, which V8 keeps at about 32 B a character until something flattens it.
*/
function decodeWithEscapes(bytes: Uint8Array): string {
	// Never more code units than bytes: a 4-byte sequence makes two, every other byte at most one.
	const units = new Uint16Array(bytes.length);
	let count = 0;
	let i = 0;
	while (i < bytes.length) {
		const b0 = bytes[i]!;
		if (b0 < 0x80) {
			units[count++] = b0;
			i++;
			continue;
		}

		const length = sequenceLength(bytes, i);
		if (length === 0) {
			units[count++] = 0xdc_00 + b0;
			i++;
			continue;
		}

		const codePoint = decodeSequence(bytes, i, length);
		if (codePoint > 0xff_ff) {
			units[count++] = 0xd8_00 + ((codePoint - 0x1_00_00) >> 10);
			units[count++] = 0xdc_00 + ((codePoint - 0x1_00_00) & 0x3_ff);
		} else {
			units[count++] = codePoint;
		}

		i += length;
	}

	return fromCodeUnits(units.subarray(0, count));
}

/** The string of some UTF-16 code units, lone surrogates kept (TextDecoder would replace them). */
function fromCodeUnits(units: Uint16Array): string {
	// Bounded pieces: String.fromCharCode takes its units as arguments, and the stack limits those.
	const piece = 8192;
	const parts: string[] = [];
	for (let start = 0; start < units.length; start += piece) {
		parts.push(String.fromCharCode.apply(undefined, units.subarray(start, start + piece) as unknown as number[]));
	}

	return parts.join('');
}

/** The length of the valid UTF-8 sequence starting at `i`, or 0 when it is not one (RFC 3629 4). */
function sequenceLength(bytes: Uint8Array, i: number): number {
	const b0 = bytes[i]!;
	const cont = (offset: number, low = 0x80, high = 0xbf) => {
		const b = bytes[i + offset];
		return b !== undefined && b >= low && b <= high;
	};

	if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
	if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
	if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
	if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
	if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
	if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
	if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
	return 0;
}

function decodeSequence(bytes: Uint8Array, i: number, length: number): number {
	const b0 = bytes[i]!;
	let codePoint = b0 & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07);
	for (let k = 1; k < length; k++) codePoint = (codePoint << 6) | (bytes[i + k]! & 0x3f);
	return codePoint;
}

/**
Turns text back into the bytes it was decoded from: the inverse of `decodeLenient`
(escaped bytes come back as themselves, everything else as UTF-8).
*/
export function encodeLenient(text: string): Uint8Array {
	const parts: number[] = [];
	for (const char of text) {
		const code = char.codePointAt(0)!;
		if (code >= 0xdc_80 && code <= 0xdc_ff) {
			parts.push(code - 0xdc_00);
		} else {
			for (const byte of utf8.encode(char)) parts.push(byte);
		}
	}

	return Uint8Array.from(parts);
}

/** Joins byte arrays. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
	let length = 0;
	for (const part of parts) length += part.length;
	const out = new Uint8Array(length);
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}

	return out;
}

/** Base64 of bytes or UTF-8 text. */
export function toBase64(data: Uint8Array | string): string {
	const bytes = typeof data === 'string' ? utf8.encode(data) : data;
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Strict base64 decoding: undefined unless the text is canonical base64 (RFC 4648 4). */
export function fromBase64(text: string): Uint8Array | undefined {
	const trimmed = text.trim();
	if (trimmed.length % 4 !== 0 || !/^[A-Za-z\d+/]*={0,2}$/.test(trimmed)) return undefined;
	return new Uint8Array(Buffer.from(trimmed, 'base64'));
}
