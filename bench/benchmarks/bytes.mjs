// 4. Bytes written to the terminal for one typed character and for one received reply line,
// against the bytes of a whole frame (the baseline). The App renders in-process to a fake
// 120x40 terminal with the options explorer.tsx uses (incrementalRendering, maxFps 30),
// then with incremental rendering off, and both again with the App one row shorter than the
// terminal (Ink 6.8 clears and redraws the whole screen whenever the previous frame was at
// least as tall as the terminal, whatever incrementalRendering says).
// Also as shipped with the sidebar hidden (F4), the other layout a user has, and on a
// terminal that answers the explorer's DECRQM question with "left/right margins supported"
// (the fake terminal then shows the screen with libvterm, which has them).
// A reply line: the controller sends NOOP, the in-process server holds the reply, then
// releases it; the bytes from then until the frame settles. Also measured with the
// transcript scrolled up (the new line does not move the rows on screen).
import {summary} from '../lib.mjs';
import {runHarness} from './ui-common.mjs';

const variants = [
	// As shipped, on a terminal that does not answer the question about left/right margins (tmux, screen, VTE, kitty...).
	{id: 'shipped', label: 'incremental on, App full height (as shipped)', incremental: true, appHeight: 'full'},
	// On a terminal that has left/right margins (xterm, iTerm2, WezTerm...): it answers, and the transcript moves as a rectangle beside the sidebar.
	{id: 'margins', label: 'incremental on, App full height, terminal with left/right margins', incremental: true, appHeight: 'full', terminal: 'margins'},
	// The same with the sidebar hidden (F4): the transcript has every column, so a block move of its rows displaces nothing else.
	{id: 'no-sidebar', label: 'incremental on, App full height, sidebar hidden (F4)', incremental: true, appHeight: 'full', sidebar: 'hidden'},
	{id: 'standard', label: 'incremental off, App full height', incremental: false, appHeight: 'full'},
	{id: 'short-incremental', label: 'incremental on, App rows-1', incremental: true, appHeight: 'minus-one'},
	{id: 'short-standard', label: 'incremental off, App rows-1', incremental: false, appHeight: 'minus-one'},
];

export async function run(context) {
	const {quick, log} = context;
	const samples = quick ? 4 : 6;
	const raw = {};
	const rows = [];
	const notes = [];
	for (const variant of variants) {
		const result = await runHarness(context, {mode: 'bytes', lines: 100, samples, incremental: variant.incremental, appHeight: variant.appHeight, maxFps: 30, ...(variant.sidebar ? {sidebar: variant.sidebar} : {}), ...(variant.terminal ? {terminal: variant.terminal} : {})});
		raw[variant.id] = {...variant, ...result};
		log(`bytes: ${variant.label}`);
		// One whole frame: the largest single write while the app first drew itself.
		const frame = result.firstFrame.largestWrite;
		const stat = list => summary(list.map(sample => sample.bytes));
		// The budget applies to both kinds of terminal: one that does not answer (as shipped) and one with margins.
		const budgeted = variant.id === 'shipped' || variant.id === 'margins';
		const budget = budgeted ? {budget: '<= 200 B', ok: undefined} : {};
		const key = stat(result.keys);
		const reply = stat(result.replies);
		const scrolled = stat(result.scrolledReplies);
		const rewritten = list => {
			const rows = summary(list.map(sample => sample.rowsChanged)).median;
			return variant.incremental ? `${rows} row(s) changed on screen` : 'whole screen redrawn';
		};

		const row = (name, value, list, extra = {}) => ({bench: 'bytes', case: `${name} [${variant.label}]`, unit: 'B', ...value, baseline: 'whole frame', baselineMedian: frame, ratio: value.median / frame, note: rewritten(list), ...extra});
		if (variant.id === 'shipped') rows.push({bench: 'bytes', case: `whole first frame [${variant.label}]`, unit: 'B', n: 1, median: frame, p90: frame, baseline: 'whole frame', baselineMedian: frame, ratio: 1});
		rows.push(
			row('one typed character', key, result.keys, budgeted ? {...budget, ok: key.median <= 200} : {}),
			row('one received reply line', reply, result.replies, budgeted ? {...budget, ok: reply.median <= 200} : {}),
			row('one reply line, transcript scrolled up', scrolled, result.scrolledReplies),
		);
		const unseen = result.keys.filter(sample => !sample.seen).length + result.replies.filter(sample => !sample.seen).length;
		if (unseen > 0) notes.push(`bytes [${variant.label}]: ${unseen} sample(s) did not show the expected text in what was written`);
	}

	return {rows, raw, notes};
}
