import {describe, expect, it} from 'vitest';
import {filterPresets, initialUiState, type UiAction, uiReducer, type UiState} from '../../source/ui/ui-state.js';

const run = (state: UiState, ...actions: UiAction[]) => actions.reduce(uiReducer, state);
const typed = (text: string, state = initialUiState()) => run(state, {type: 'edit', action: {type: 'insert', text}});
const tab = (candidates: string[], start: number, end: number): UiAction => ({type: 'complete', completion: {candidates, start, end}});
const up: UiAction = {type: 'history', direction: -1};
const down: UiAction = {type: 'history', direction: 1};

describe('ui state: the initial state', () => {
	it('starts in the composer, following the tail, with the given history', () => {
		expect(initialUiState(['EHLO a'])).toEqual({
			focus: 'composer',
			overlay: {kind: 'none'},
			editor: {text: '', cursor: 0},
			history: {items: ['EHLO a']},
			scroll: {follow: true},
			filterIndex: 0,
			showTime: true,
			sidebar: 'auto',
			savedThrough: 0,
		});
	});
});

describe('ui state: edit', () => {
	it('applies the editor action to the composer', () => {
		expect(typed('NOOP').editor).toEqual({text: 'NOOP', cursor: 4});
	});

	it('a change to the text clears the confirmation and the suggested step', () => {
		const state = {...typed('DATA x'), confirming: 'DATA x', step: {title: 'DATA', text: 'announce'}};
		const next = uiReducer(state, {type: 'edit', action: {type: 'backspace'}});
		expect([next.confirming, next.step, next.editor.text]).toEqual([undefined, undefined, 'DATA ']);
	});

	it('a cursor move keeps the confirmation (the text is still the one warned about)', () => {
		const state = {...typed('DATA x'), confirming: 'DATA x'};
		expect(uiReducer(state, {type: 'edit', action: {type: 'home'}}).confirming).toBe('DATA x');
	});

	it('any edit, even a cursor move, ends a completion in progress', () => {
		const state = run(typed('R'), tab(['RSET', 'RCPT TO:<'], 0, 1));
		expect(state.completion).toBeDefined();
		expect(uiReducer(state, {type: 'edit', action: {type: 'left'}}).completion).toBeUndefined();
	});

	it('typing while the transcript has focus brings the focus back to the composer', () => {
		const state = {...initialUiState(), focus: 'transcript' as const};
		expect(typed('a', state).focus).toBe('composer');
	});
});

describe('ui state: set-draft', () => {
	it('fills the composer with the cursor at the end, with its explanation, and closes the overlay', () => {
		const state = {...typed('junk'), confirming: 'junk', overlay: {kind: 'help' as const, offset: 0}, focus: 'sidebar' as const};
		const step = {title: 'next step', text: 'greet the server'};
		const next = uiReducer(state, {type: 'set-draft', text: 'EHLO me', step});
		expect(next).toMatchObject({editor: {text: 'EHLO me', cursor: 7}, step, focus: 'composer', overlay: {kind: 'none'}});
		expect(next.confirming).toBeUndefined();
	});
});

describe('ui state: sent', () => {
	it('clears the composer, the confirmation, the completion and the step, and follows the tail again', () => {
		const state = {...typed('QUIT'), confirming: 'QUIT', step: {title: 't', text: 'x'}, scroll: {follow: false, entry: 3, row: 0} as const};
		const next = uiReducer(state, {type: 'sent', line: 'QUIT', remember: true});
		expect(next.editor).toEqual({text: '', cursor: 0});
		expect([next.confirming, next.completion, next.step]).toEqual([undefined, undefined, undefined]);
		expect(next.scroll).toEqual({follow: true});
	});

	it('remembers the line at the end of the history', () => {
		const next = uiReducer(initialUiState(['EHLO a']), {type: 'sent', line: 'MAIL FROM:<a@b>', remember: true});
		expect(next.history).toEqual({items: ['EHLO a', 'MAIL FROM:<a@b>']});
	});

	it('does not remember a secret line (remember: false)', () => {
		const next = uiReducer(initialUiState(['EHLO a']), {type: 'sent', line: 'AUTH PLAIN AGFsaWNlAHNlY3JldA==', remember: false});
		expect(next.history.items).toEqual(['EHLO a']);
	});

	it('does not remember the same line twice in a row', () => {
		const next = uiReducer(initialUiState(['NOOP']), {type: 'sent', line: 'NOOP', remember: true});
		expect(next.history.items).toEqual(['NOOP']);
	});

	it('remembers a line again after a different one', () => {
		const next = uiReducer(initialUiState(['NOOP', 'RSET']), {type: 'sent', line: 'NOOP', remember: true});
		expect(next.history.items).toEqual(['NOOP', 'RSET', 'NOOP']);
	});

	it('does not remember a blank line', () => {
		expect(uiReducer(initialUiState(['NOOP']), {type: 'sent', line: '   ', remember: true}).history.items).toEqual(['NOOP']);
	});

	it('keeps only the last 500 lines', () => {
		const items = Array.from({length: 500}, (_, index) => `NOOP ${index}`);
		const next = uiReducer(initialUiState(items), {type: 'sent', line: 'QUIT', remember: true});
		expect(next.history.items).toHaveLength(500);
		expect([next.history.items[0], next.history.items.at(-1)]).toEqual(['NOOP 1', 'QUIT']);
	});

	it('ends a walk through the history', () => {
		const walking = run(initialUiState(['EHLO a', 'NOOP']), up);
		expect(uiReducer(walking, {type: 'sent', line: 'NOOP', remember: true}).history).toEqual({items: ['EHLO a', 'NOOP']});
	});
});

describe('ui state: confirm-needed', () => {
	it('remembers the line that needs a second Enter', () => {
		expect(uiReducer(typed('DATA'), {type: 'confirm-needed', line: 'DATA'}).confirming).toBe('DATA');
	});
});

describe('ui state: history', () => {
	const history = ['EHLO a', 'MAIL FROM:<a@b>', 'RCPT TO:<c@d>'];

	it('Up shows the last line, with the cursor at its end', () => {
		expect(run(initialUiState(history), up).editor).toEqual({text: 'RCPT TO:<c@d>', cursor: 13});
	});

	it('Up walks back line by line and stops at the oldest', () => {
		const texts = [1, 2, 3, 4].map(count => run(initialUiState(history), ...Array.from({length: count}, () => up)).editor.text);
		expect(texts).toEqual(['RCPT TO:<c@d>', 'MAIL FROM:<a@b>', 'EHLO a', 'EHLO a']);
	});

	it('Down walks forward again and then restores the draft that was being typed', () => {
		const start = typed('NO', initialUiState(history));
		const walked = run(start, up, up);
		expect(walked.editor.text).toBe('MAIL FROM:<a@b>');
		const forward = uiReducer(walked, down);
		expect(forward.editor.text).toBe('RCPT TO:<c@d>');
		const back = uiReducer(forward, down);
		expect(back.editor).toEqual({text: 'NO', cursor: 2});
		expect(back.history).toEqual({items: history});
	});

	it('Down with no walk in progress changes nothing', () => {
		const state = typed('NO', initialUiState(history));
		expect(uiReducer(state, down)).toBe(state);
	});

	it('does nothing when there is no history', () => {
		const state = typed('NO');
		expect(uiReducer(state, up)).toBe(state);
	});

	it('ends a completion and a confirmation', () => {
		const state = {...typed('R', initialUiState(history)), confirming: 'R', completion: {candidates: ['RSET', 'RCPT TO:<'], index: -1, start: 0, end: 1}};
		const next = uiReducer(state, up);
		expect([next.confirming, next.completion]).toEqual([undefined, undefined]);
	});
});

describe('ui state: complete', () => {
	it('a single candidate replaces the token and puts the cursor after it', () => {
		const next = run(typed('ma'), tab(['MAIL FROM:<'], 0, 2));
		expect(next.editor).toEqual({text: 'MAIL FROM:<', cursor: 11});
		expect([next.completion, next.flash]).toEqual([undefined, undefined]);
	});

	it('a single candidate keeps the text after the token', () => {
		const next = run(typed('AUTH cr x'), {type: 'edit', action: {type: 'word-left'}}, {type: 'edit', action: {type: 'left'}}, tab(['CRAM-MD5'], 5, 7));
		expect(next.editor).toEqual({text: 'AUTH CRAM-MD5 x', cursor: 13});
	});

	it('several candidates: the first Tab inserts their common prefix and lists them', () => {
		const next = run(typed('MAIL FROM:<a@b> HO'), tab(['HOLDFOR=', 'HOLDUNTIL='], 16, 18));
		expect(next.editor).toEqual({text: 'MAIL FROM:<a@b> HOLD', cursor: 20});
		expect(next.completion).toEqual({candidates: ['HOLDFOR=', 'HOLDUNTIL='], index: -1, start: 16, end: 20});
		expect(next.flash).toEqual({text: 'HOLDFOR=  HOLDUNTIL=', tone: 'info'});
	});

	it('further Tabs cycle through the candidates and wrap around', () => {
		const first = run(typed('R'), tab(['RSET', 'RCPT TO:<'], 0, 1));
		expect(first.editor.text).toBe('R');
		// Later Tabs cycle whatever the completer would say now.
		const texts = [1, 2, 3].map(count => run(first, ...Array.from({length: count}, () => tab([], 0, 0))).editor);
		expect(texts).toEqual([
			{text: 'RSET', cursor: 4},
			{text: 'RCPT TO:<', cursor: 9},
			{text: 'RSET', cursor: 4},
		]);
	});

	it('cycling keeps the text after the token', () => {
		const first = run({...initialUiState(), editor: {text: 'R x', cursor: 1}}, tab(['RSET', 'RCPT TO:<'], 0, 1));
		const cycled = run(first, tab([], 0, 0), tab([], 0, 0));
		expect(cycled.editor).toEqual({text: 'RCPT TO:< x', cursor: 9});
	});

	it('keeps what was typed when the common prefix is shorter than it', () => {
		const next = run(typed('HELP SM'), tab(['SMTPUTF8', 'SIZE'], 5, 7));
		expect(next.editor).toEqual({text: 'HELP SM', cursor: 7});
		expect(next.completion).toEqual({candidates: ['SMTPUTF8', 'SIZE'], index: -1, start: 5, end: 7});
	});

	it('clears a pending confirmation', () => {
		const state = {...typed('ma'), confirming: 'ma'};
		expect(uiReducer(state, tab(['MAIL FROM:<'], 0, 2)).confirming).toBeUndefined();
	});

	it('with nothing to complete, says so and leaves the text alone', () => {
		const next = uiReducer(typed('NOOP x'), {type: 'complete', completion: undefined});
		expect(next.editor.text).toBe('NOOP x');
		expect(next.flash).toEqual({text: 'nothing to complete here', tone: 'info'});
	});
});

describe('ui state: focus', () => {
	it('focus-next cycles composer, transcript, sidebar and back', () => {
		const order = [1, 2, 3].map(count => run(initialUiState(), ...Array.from({length: count}, () => ({type: 'focus-next'}) as const)).focus);
		expect(order).toEqual(['transcript', 'sidebar', 'composer']);
	});

	it('focus-next leaving the transcript drops its line cursor', () => {
		const state = {...initialUiState(), focus: 'transcript' as const, cursor: 4};
		expect(uiReducer(state, {type: 'focus-next'}).cursor).toBeUndefined();
	});

	it('focus-next into the transcript keeps the line cursor', () => {
		const state = {...initialUiState(), cursor: 4};
		expect(uiReducer(state, {type: 'focus-next'})).toMatchObject({focus: 'transcript', cursor: 4});
	});

	it('focus sets the focus', () => {
		expect(uiReducer(initialUiState(), {type: 'focus', focus: 'sidebar'}).focus).toBe('sidebar');
	});
});

describe('ui state: scroll and cursor', () => {
	it('scroll sets the position', () => {
		expect(uiReducer(initialUiState(), {type: 'scroll', position: {follow: false, entry: 7, row: 1}}).scroll).toEqual({follow: false, entry: 7, row: 1});
	});

	it('cursor sets the line cursor, moves focus to the transcript and scrolls when told', () => {
		const next = uiReducer(initialUiState(), {type: 'cursor', cursor: 3, position: {follow: false, entry: 3, row: 0}});
		expect(next).toMatchObject({cursor: 3, focus: 'transcript', scroll: {follow: false, entry: 3, row: 0}});
	});

	it('cursor without a position keeps the scroll', () => {
		expect(uiReducer(initialUiState(), {type: 'cursor', cursor: 3}).scroll).toEqual({follow: true});
	});
});

describe('ui state: cycle-filter', () => {
	it('moves to the next filter and says which', () => {
		const next = uiReducer(initialUiState(), {type: 'cycle-filter'});
		expect(next.filterIndex).toBe(1);
		expect(next.flash).toEqual({text: 'transcript: hiding sent lines', tone: 'info'});
	});

	it('wraps from the last filter back to all lines', () => {
		const next = uiReducer({...initialUiState(), filterIndex: filterPresets.length - 1}, {type: 'cycle-filter'});
		expect(next.filterIndex).toBe(0);
		expect(next.flash?.text).toBe('transcript: all lines');
	});

	it('resets the scroll to the tail and drops the line cursor', () => {
		const state = {...initialUiState(), scroll: {follow: false, entry: 5, row: 0} as const, cursor: 5};
		const next = uiReducer(state, {type: 'cycle-filter'});
		expect([next.scroll, next.cursor]).toEqual([{follow: true}, undefined]);
	});
});

describe('ui state: toggles', () => {
	it('toggle-time flips the timestamps', () => {
		const once = uiReducer(initialUiState(), {type: 'toggle-time'});
		expect([once.showTime, uiReducer(once, {type: 'toggle-time'}).showTime]).toEqual([false, true]);
	});

	it.each([
		['auto', true, 'hidden'],
		['auto', false, 'shown'],
		['shown', true, 'hidden'],
		['shown', false, 'hidden'],
		['hidden', true, 'shown'],
		['hidden', false, 'shown'],
	] as const)('toggle-sidebar from %s (wide terminal: %s) -> %s', (sidebar, wide, expected) => {
		expect(uiReducer({...initialUiState(), sidebar}, {type: 'toggle-sidebar', wide}).sidebar).toBe(expected);
	});
});

describe('ui state: overlays', () => {
	const palette = (text: string, selected: number): UiState => ({...initialUiState(), overlay: {kind: 'palette', query: {text, cursor: text.length}, selected, detail: 0}});

	it('open shows the overlay and ends a completion', () => {
		const state = run(typed('R'), tab(['RSET', 'RCPT TO:<'], 0, 1));
		const next = uiReducer(state, {type: 'open', overlay: {kind: 'help', offset: 0}});
		expect([next.overlay, next.completion]).toEqual([{kind: 'help', offset: 0}, undefined]);
	});

	it('close-overlay closes it', () => {
		expect(uiReducer({...initialUiState(), overlay: {kind: 'help', offset: 0}}, {type: 'close-overlay'}).overlay).toEqual({kind: 'none'});
	});

	it('palette-edit edits the query and moves the selection back to the first result', () => {
		const next = uiReducer(palette('MAI', 4), {type: 'palette-edit', action: {type: 'insert', text: 'L'}});
		expect(next.overlay).toEqual({kind: 'palette', query: {text: 'MAIL', cursor: 4}, selected: 0, detail: 0});
	});

	it('palette-edit does nothing when the palette is closed', () => {
		const state = initialUiState();
		expect(uiReducer(state, {type: 'palette-edit', action: {type: 'insert', text: 'x'}})).toBe(state);
	});

	it.each([
		[0, 1, 10, 1],
		[3, -1, 10, 2],
		[0, -1, 10, 0],
		[9, 1, 10, 9],
		[2, 10, 5, 4],
		[8, -10, 10, 0],
	])('palette-move from %i by %i among %i results -> %i (clamped)', (from, delta, count, to) => {
		const next = uiReducer(palette('x', from), {type: 'palette-move', delta, count});
		expect(next.overlay).toMatchObject({kind: 'palette', selected: to});
	});

	it('palette-move with no results changes nothing', () => {
		const state = palette('zzz', 0);
		expect(uiReducer(state, {type: 'palette-move', delta: 1, count: 0})).toBe(state);
	});

	it('prompt-edit edits the prompt and clears its note', () => {
		const state: UiState = {...initialUiState(), overlay: {kind: 'prompt', prompt: 'save-path', editor: {text: 'a.tx', cursor: 4}, title: 'Save to', note: 'exists'}};
		const next = uiReducer(state, {type: 'prompt-edit', action: {type: 'insert', text: 't'}});
		expect(next.overlay).toEqual({kind: 'prompt', prompt: 'save-path', editor: {text: 'a.txt', cursor: 5}, title: 'Save to', note: undefined});
	});

	it('prompt-edit does nothing without a prompt', () => {
		const state = {...initialUiState(), overlay: {kind: 'help' as const, offset: 0}};
		expect(uiReducer(state, {type: 'prompt-edit', action: {type: 'insert', text: 'x'}})).toBe(state);
	});
});

describe('ui state: flash', () => {
	it('shows a message', () => {
		expect(uiReducer(initialUiState(), {type: 'flash', flash: {text: 'saved', tone: 'info'}}).flash).toEqual({text: 'saved', tone: 'info'});
	});

	it('clears the message', () => {
		const state = {...initialUiState(), flash: {text: 'saved', tone: 'info' as const}};
		expect(uiReducer(state, {type: 'flash', flash: undefined}).flash).toBeUndefined();
	});
});
