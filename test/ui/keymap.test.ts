import fc from 'fast-check';
import {messages} from '../../source/i18n/messages.js';
import {describe, expect, it} from 'vitest';
import {type Key, parseKey} from '../../source/ui/key-parser.js';
import {type Action, keymap, type KeySpec, matchAction, statusHints} from '../../source/ui/keymap.js';

type Focus = 'composer' | 'transcript' | 'sidebar' | 'viewer';
const focuses: Focus[] = ['composer', 'transcript', 'sidebar'];

/** A key as the parser gives it, from its terminal bytes. */
const bytes = (input: string): Key => parseKey(input);

const enter = bytes('\r');
const tab = bytes('\t');
const shiftTab = bytes('\u001B[Z');
const up = bytes('\u001B[A');
const down = bytes('\u001B[B');
const home = bytes('\u001B[H');
const end = bytes('\u001B[F');
const pageUp = bytes('\u001B[5~');
const pageDown = bytes('\u001B[6~');
const escape = bytes('\u001B');
const f1 = bytes('\u001BOP');
const ctrl = (letter: string) => bytes(String.fromCharCode(letter.charCodeAt(0) - 96));
const alt = (letter: string) => bytes(`\u001B${letter}`);
const text = (value: string) => bytes(value);

type Case = {action: Action; focus: Focus[]; positive: Key[]; negative: Key[]};

/**
For each action: keys that trigger it in the given focuses, and keys that must not (its
key with other modifiers, the printable letter, its neighbours).
*/
const cases: Case[] = [
	{action: 'send', focus: ['composer'], positive: [enter, bytes('\n')], negative: [alt('\r'), tab, text('\r\n'), text('x')]},
	{action: 'complete', focus: ['composer'], positive: [tab], negative: [shiftTab, text('\t\t'), text('t')]},
	{action: 'history-previous', focus: ['composer'], positive: [up, bytes('\u001BOA')], negative: [bytes('\u001B[1;5A'), bytes('\u001B[1;2A'), down]},
	{action: 'history-next', focus: ['composer'], positive: [down, bytes('\u001BOB')], negative: [bytes('\u001B[1;5B'), up]},
	{action: 'line-up', focus: ['transcript'], positive: [up, bytes('\u001BOA')], negative: [bytes('\u001B[1;3A'), down]},
	{action: 'line-down', focus: ['transcript'], positive: [down, bytes('\u001BOB')], negative: [bytes('\u001B[1;3B'), up]},
	{action: 'top', focus: ['transcript'], positive: [home, bytes('\u001BOH'), bytes('\u001B[1~'), bytes('\u001B[7~')], negative: [bytes('\u001B[1;5H'), end]},
	{action: 'bottom', focus: ['transcript'], positive: [end, bytes('\u001BOF'), bytes('\u001B[4~'), bytes('\u001B[8~')], negative: [bytes('\u001B[1;5F'), home]},
	{action: 'palette', focus: focuses, positive: [bytes('\u001B[15~'), ctrl('p')], negative: [text('p'), text('P'), alt('p')]},
	{action: 'focus-next', focus: focuses, positive: [bytes('\u001B[17~'), shiftTab], negative: [tab]},
	{action: 'page-up', focus: focuses, positive: [pageUp], negative: [bytes('\u001B[5;5~'), pageDown]},
	{action: 'page-down', focus: focuses, positive: [pageDown], negative: [bytes('\u001B[6;2~'), pageUp]},
	{action: 'follow', focus: focuses, positive: [bytes('\u001B[24~'), ctrl('g')], negative: [text('g'), alt('g')]},
	{action: 'next-step', focus: focuses, positive: [bytes('\u001B[18~'), ctrl('n')], negative: [text('n'), alt('n')]},
	{action: 'message-editor', focus: focuses, positive: [bytes('\u001B[19~'), ctrl('o')], negative: [text('o'), alt('o')]},
	{action: 'save', focus: focuses, positive: [bytes('\u001B[20~'), ctrl('s')], negative: [text('s'), alt('s')]},
	{action: 'export', focus: focuses, positive: [bytes('\u001B[20;2~'), ctrl('x')], negative: [text('x'), alt('x')]},
	{action: 'toggle-time', focus: focuses, positive: [bytes('\u001B[15;2~'), ctrl('t')], negative: [text('t'), alt('t')]},
	{action: 'filter', focus: focuses, positive: [bytes('\u001B[17;2~'), ctrl('f')], negative: [text('f'), alt('f')]},
	// Not Ctrl+B: tmux takes it as its prefix, so inside tmux it never reaches the app.
	{action: 'sidebar', focus: focuses, positive: [bytes('\u001BOS'), bytes('\u001B[14~')], negative: [ctrl('b'), text('b'), alt('b'), ctrl('a')]},
	{action: 'reconnect', focus: focuses, positive: [bytes('\u001B[24;2~'), ctrl('r')], negative: [text('r'), alt('r')]},
	{action: 'mailbox', focus: focuses, positive: [bytes('\u001BOQ'), bytes('\u001B[12~'), bytes('\u001B[[B')], negative: [f1, text('2'), bytes('\u001B[1;5Q')]},
	{action: 'help', focus: focuses, positive: [f1, bytes('\u001B[11~'), bytes('\u001B[[A')], negative: [text('?'), bytes('\u001B[1;5P')]},
	{action: 'close', focus: focuses, positive: [escape, bytes('\u001B\u001B')], negative: [text('q')]},
	{action: 'quit', focus: focuses, positive: [bytes('\u001B[21~'), ctrl('c')], negative: [text('c'), alt('c'), text('q')]},
	{action: 'search', focus: [...focuses, 'viewer'], positive: [bytes('\u001BOR'), bytes('\u001B[13~')], negative: [bytes('\u001B[1;5R'), text('3')]},
	// The read-only viewer has no composer, so printable keys are free to be shortcuts there, and only there.
	{action: 'search', focus: ['viewer'], positive: [text('/')], negative: [text('?'), text('//')]},
	{action: 'search-next', focus: ['viewer'], positive: [text('n')], negative: [text('N'), ctrl('n')]},
	{action: 'search-previous', focus: ['viewer'], positive: [text('N')], negative: [text('n')]},
	{action: 'line-up', focus: ['viewer'], positive: [up], negative: [down]},
	{action: 'line-down', focus: ['viewer'], positive: [down], negative: [up]},
	{action: 'top', focus: ['viewer'], positive: [home], negative: [end]},
	{action: 'bottom', focus: ['viewer'], positive: [end], negative: [home]},
	{action: 'quit', focus: ['viewer'], positive: [text('q'), ctrl('c')], negative: [text('Q')]},
];

describe('keymap: which key does what, where', () => {
	for (const {action, focus, positive, negative} of cases) {
		describe(action, () => {
			for (const where of focus) {
				it.each(positive.map(key => [JSON.stringify(key), key] as const))(`matches %s in the ${where}`, (_name, key) => {
					expect(matchAction(key, where)).toBe(action);
				});

				it.each(negative.map(key => [JSON.stringify(key), key] as const))(`does not match %s in the ${where}`, (_name, key) => {
					expect(matchAction(key, where)).not.toBe(action);
				});
			}
		});
	}

	it('every action in the keymap has a row in this table', () => {
		expect(new Set(keymap.map(binding => binding.action))).toEqual(new Set(cases.map(row => row.action)));
	});
});

describe('keymap: scopes', () => {
	it.each([
		['composer', up, 'history-previous'],
		['composer', down, 'history-next'],
		['transcript', up, 'line-up'],
		['transcript', down, 'line-down'],
		['sidebar', up, undefined],
		['sidebar', down, undefined],
	] as const)('in the %s, %j is %s', (focus, key, action) => {
		expect(matchAction(key, focus)).toBe(action);
	});

	it.each([
		['composer', home],
		['composer', end],
		['sidebar', home],
		['sidebar', end],
	] as const)('in the %s, Home/End (%j) is left to the editor, not top or bottom', (focus, key) => {
		expect(matchAction(key, focus)).toBeUndefined();
	});

	it.each([
		['transcript', home, 'top'],
		['transcript', end, 'bottom'],
	] as const)('in the %s, %j is %s', (focus, key, action) => {
		expect(matchAction(key, focus)).toBe(action);
	});

	it.each(['transcript', 'sidebar'] as const)('Enter and Tab only send and complete in the composer, not in the %s', focus => {
		expect([matchAction(enter, focus), matchAction(tab, focus)]).toEqual([undefined, undefined]);
	});

	it('global bindings match in every focus', () => {
		for (const binding of keymap.filter(item => item.scope === 'global')) {
			for (const spec of binding.keys) {
				const key: Key = {name: spec.name, ctrl: Boolean(spec.ctrl), shift: Boolean(spec.shift), meta: Boolean(spec.meta), text: ''};
				expect(focuses.map(focus => matchAction(key, focus))).toEqual([binding.action, binding.action, binding.action]);
			}
		}
	});

	it('printable text (typed or pasted) never matches any action, in any focus', () => {
		fc.assert(
			fc.property(fc.string({minLength: 1, maxLength: 20, unit: 'grapheme'}), fc.constantFrom(...focuses), (value, focus) => {
				const key = parseKey(value);
				fc.pre(key.name === 'text' || key.name === 'paste');
				expect(matchAction(key, focus)).toBeUndefined();
			}),
		);
	});

	it.each(['?', 'p', 'q', ' ', 'j', 'k', 'G', '/'])('the printable %j is text for the composer in every focus', value => {
		expect(focuses.map(focus => matchAction(text(value), focus))).toEqual([undefined, undefined, undefined]);
	});
});

describe('keymap: the table itself', () => {
	const specKey = (spec: KeySpec) => `${spec.ctrl ? 'C-' : ''}${spec.meta ? 'M-' : ''}${spec.shift ? 'S-' : ''}${spec.name}`;

	it.each(focuses)('no two bindings that apply in the %s share a key', focus => {
		const applying = keymap.filter(binding => binding.scope === 'global' || binding.scope === focus);
		const all = applying.flatMap(binding => binding.keys.map(specKey));
		const repeated = all.filter((key, index) => all.indexOf(key) !== index);
		expect(repeated).toEqual([]);
	});

	it('every global binding is a non-printable key (a named key or a Ctrl chord)', () => {
		const named = new Set(['return', 'tab', 'escape', 'backspace', 'delete', 'up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown', 'insert', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'f10', 'f12']);
		const printable = keymap
			.filter(binding => binding.scope === 'global')
			.flatMap(binding => binding.keys.filter(spec => !(spec.ctrl ?? false) && !named.has(spec.name)).map(spec => `${binding.action}: ${specKey(spec)}`));
		expect(printable).toEqual([]);
	});

	it('every action appears once per scope, with a label and a description', () => {
		const actions = keymap.map(binding => `${binding.scope}:${binding.action}`);
		expect(new Set(actions).size).toBe(actions.length);
		for (const binding of keymap) {
			expect(binding.label.length).toBeGreaterThan(0);
			expect(binding.description.length).toBeGreaterThan(0);
		}
	});
});

describe('keymap: keys that survive multiplexers', () => {
	it('no binding anywhere uses Ctrl+B (tmux) or Ctrl+A (GNU screen)', () => {
		const taken = keymap.flatMap(binding => binding.keys.filter(spec => spec.ctrl && (spec.name === 'a' || spec.name === 'b')).map(() => binding.action));
		expect(taken).toEqual([]);
	});

	it('every global action has a function key too', () => {
		const globals = new Set(keymap.filter(binding => binding.scope === 'global' && binding.action !== 'close' && binding.action !== 'page-up' && binding.action !== 'page-down').map(binding => binding.action));
		for (const action of globals) {
			const binding = keymap.find(item => item.scope === 'global' && item.action === action)!;
			expect(binding.keys.some(spec => /^f\d+$/.test(spec.name)), action).toBe(true);
		}
	});
});

describe('statusHints', () => {
	const full = 'Tab complete  F1 help  ^C quit  ^P palette  ^N next step  PgUp scroll  Shift+Tab focus  F4 session  ^S save';

	it('lists the hinted bindings in keymap order, Ctrl written as ^, only the first key of each', () => {
		expect(statusHints(200)).toBe(full);
	});

	it('is generated from the table: one part per binding with a hint', () => {
		const parts = full.split('  ');
		expect(parts).toHaveLength(keymap.filter(binding => binding.hint).length);
		expect(parts.map(part => part.slice(part.indexOf(' ') + 1))).toEqual(keymap.flatMap(binding => (binding.hint ? [messages('en')[binding.hint]] : [])));
	});

	it.each([
		[full.length, full],
		[80, 'Tab complete  F1 help  ^C quit  ^P palette  ^N next step  PgUp scroll  ^S save'],
		[40, 'Tab complete  F1 help  ^C quit  ^S save'],
		[20, 'F1 help  ^C quit'],
		[16, 'F1 help  ^C quit'],
		[15, 'F1 help'],
		[6, ''],
		[0, ''],
	])('at width %i: %j (help and quit go last)', (width, hints) => {
		expect(statusHints(width)).toBe(hints);
	});

	it('is never longer than the width, never cuts a hint in half, and keeps help and quit whenever they fit', () => {
		const parts = new Set(full.split('  '));
		fc.assert(
			fc.property(fc.integer({min: 0, max: 160}), width => {
				const line = statusHints(width);
				expect(line.length).toBeLessThanOrEqual(width);
				if (line !== '') for (const part of line.split('  ')) expect(parts.has(part)).toBe(true);
				if (width >= 'F1 help  ^C quit'.length) expect(line).toMatch(/F1 help {2}\^C quit/);
			}),
		);
	});
});
