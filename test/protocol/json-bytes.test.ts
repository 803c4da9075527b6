import {describe, expect, it} from 'vitest';
import {keepBytes, visibleBytes} from '../../source/protocol/json-bytes.js';
import {safeJson} from '../../source/protocol/transcript-format.js';
import {decodeLenient} from '../../source/protocol/text.js';

describe('keepBytes: server text in JSON keeps every byte', () => {
	const bytes = Uint8Array.from([0x61, 0x9b, 0xff, 0x20, 0xc3, 0xa9]);
	const text = decodeLenient(bytes);

	it('shows each invalid byte as a visible \\xNN and leaves valid UTF-8 alone', () => {
		expect(visibleBytes(text)).toBe(String.raw`a\x9b\xff é`);
		expect(visibleBytes('plain café')).toBe('plain café');
	});

	it('adds the exact bytes, base64, next to a field that had invalid bytes, and only there', () => {
		const value = keepBytes({banner: {code: 220, text}, clean: 'ok', params: ['fine', text], nested: [{text: 'ok'}]});
		expect(value).toEqual({
			banner: {code: 220, text: String.raw`a\x9b\xff é`, textBase64: Buffer.from(bytes).toString('base64')},
			clean: 'ok',
			params: ['fine', String.raw`a\x9b\xff é`],
			paramsBase64: [null, Buffer.from(bytes).toString('base64')],
			nested: [{text: 'ok'}],
		});
	});

	it('gives JSON without lone surrogates, which jq -r would turn into U+FFFD', () => {
		const json = safeJson(keepBytes({text}));
		expect(json).not.toMatch(/\\ud[89a-f]/i);
		expect(JSON.parse(json)).toEqual({text: String.raw`a\x9b\xff é`, textBase64: 'YZv/IMOp'});
	});
});
