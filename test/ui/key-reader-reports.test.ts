import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Key} from '../../source/ui/key-parser.js';
import {readAll} from '../../source/ui/key-reader.js';
import {marginsFromReport, queryLeftRightMargins, shouldQueryMargins} from '../../source/ui/terminal-margins.js';

/**
The terminal's answer to the app's DECRQM question (CSI ? 69 $ p) arrives on stdin among the
user's keys: the key reader takes it out whole, however the reads cut it, and never lets any
of it reach the router as keys or text.
*/

const reply = '\u001B[?69;2$y';
const text = (keys: Key[]) => keys.map(key => (key.name === 'text' ? key.text : `<${key.name}>`)).join('');

describe('terminal reports in the input', () => {
	it('takes a reply out of a read that also holds typed keys', () => {
		const read = readAll([`ab${reply}cd`]);
		expect(text(read.keys)).toBe('abcd');
		expect(read.reports).toEqual([reply]);
	});

	it('takes a reply out of the events Ink splits a read into', () => {
		const read = readAll(['ab', reply, 'cd']);
		expect(text(read.keys)).toBe('abcd');
		expect(read.reports).toEqual([reply]);
	});

	it('takes a reply cut at any point across two or three reads', () => {
		for (let cut = 1; cut < reply.length; cut++) {
			for (let second = cut + 1; second <= reply.length; second++) {
				const events = ['ab', reply.slice(0, cut), reply.slice(cut, second), `${reply.slice(second)}cd`].filter(event => event !== '');
				const read = readAll(events);
				// A read that ends right after the ESC: Ink hands that ESC over as the Escape key before the rest arrives.
				const keys = cut === 1 ? 'ab<escape>cd' : 'abcd';
				expect({events, keys: text(read.keys), reports: read.reports}).toEqual({events, keys, reports: [reply]});
			}
		}
	});

	it('takes replies wherever they fall among typed keys, arrows and pastes, cut anywhere in a reply', () => {
		const pieces = fc.constantFrom('a', 'b', ' ', '\u001B[A', '\u001B[5~', '\u001B[200~x y\u001B[201~', reply, '\u001B[?69;0$y');
		fc.assert(
			fc.property(fc.array(pieces, {maxLength: 8}), fc.array(fc.nat(), {maxLength: 4}), (parts, cutsAt) => {
				const whole = parts.join('');
				// Reads end between pieces, or inside a reply; never right after its ESC (Ink has handed that ESC over alone: the case above).
				const allowed = new Set<number>();
				let at = 0;
				for (const part of parts) {
					allowed.add(at);
					if (part.startsWith('\u001B[?')) for (let inside = 2; inside < part.length; inside++) allowed.add(at + inside);
					at += part.length;
				}

				const cuts = [...new Set(cutsAt.map(cut => cut % (whole.length + 1)))].filter(cut => allowed.has(cut)).sort((a, b) => a - b);
				const events = [0, ...cuts].map((cut, index, all) => whole.slice(cut, all[index + 1] ?? whole.length)).filter(event => event !== '');
				const read = readAll(events);
				const expected = readAll(parts.filter(part => !part.startsWith('\u001B[?')));
				expect(read.keys).toEqual(expected.keys);
				expect(read.reports).toEqual(parts.filter(part => part.startsWith('\u001B[?')));
			}),
			{numRuns: 500},
		);
	});

	it('leaves lookalikes as what they are: typed text stays text, other sequences are keys, never text', () => {
		// Typed by the user: no ESC, so text.
		expect(text(readAll(['?69;2$y']).keys)).toBe('?69;2$y');
		// Another final byte: an unknown control sequence, not a report, and nothing typed.
		const other = readAll(['\u001B[?69;2$x']);
		expect(other.reports).toEqual([]);
		expect(text(other.keys)).toBe('<unknown>');
		// A report's start and a byte that makes another control sequence of it: one unknown key, nothing typed.
		const cut = readAll(['\u001B[?69;2$', 'q']);
		expect(cut.reports).toEqual([]);
		expect(text(cut.keys)).toBe('<unknown>');
		// A report's start, then typed text that cannot continue it: the start is one unknown key, the text stays text.
		expect(text(readAll(['\u001B[?69', '\u00e9t\u00e9']).keys)).toBe('<unknown>\u00e9t\u00e9');
		// A PgUp whose read was cut after ESC [ is still PgUp.
		expect(text(readAll(['\u001B[', '5~']).keys)).toBe('<pageup>');
		const arrow = readAll(['\u001B[?6', '\u001B[A']);
		expect(text(arrow.keys)).toBe('<unknown><up>');
		// Escape, then a bracket and text the user typed: all of it stays theirs.
		expect(text(readAll(['\u001B', '[x']).keys)).toBe('<escape>[x');
		expect(text(readAll(['\u001B', '[', 'x']).keys)).toBe('<escape>[x');
		expect(text(readAll(['\u001B', '[?6', '\u00e9']).keys)).toBe('<escape>[?6\u00e9');
		// Inside a paste, a report's bytes are pasted text.
		const pasted = readAll([`\u001B[200~${reply}\u001B[201~`]);
		expect(pasted.reports).toEqual([]);
		expect(pasted.keys).toEqual([{name: 'paste', ctrl: false, shift: false, meta: false, text: reply}]);
	});

	it('reads the answer: 1 (set) and 2 (reset) mean the terminal has margins; 0, 4 and other modes do not', () => {
		expect(marginsFromReport('\u001B[?69;1$y')).toBe(true);
		expect(marginsFromReport('\u001B[?69;2$y')).toBe(true);
		expect(marginsFromReport('\u001B[?69;0$y')).toBe(false);
		expect(marginsFromReport('\u001B[?69;4$y')).toBe(false);
		expect(marginsFromReport('\u001B[?2004;1$y')).toBeUndefined();
		expect(marginsFromReport('\u001B[?69;1$x')).toBeUndefined();
	});

	it('asks only a terminal, and not when SMTP_EXPLORER_NO_MARGINS is set', () => {
		expect(queryLeftRightMargins).toBe('\u001B[?69$p');
		expect(shouldQueryMargins(true, {})).toBe(true);
		expect(shouldQueryMargins(false, {})).toBe(false);
		expect(shouldQueryMargins(undefined, {})).toBe(false);
		expect(shouldQueryMargins(true, {SMTP_EXPLORER_NO_MARGINS: '1'})).toBe(false);
		expect(shouldQueryMargins(true, {SMTP_EXPLORER_NO_MARGINS: ''})).toBe(true);
	});
});
