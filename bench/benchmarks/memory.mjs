// 3. Resident memory with 100,000 transcript lines. In each child (bench/ui-harness.tsx, run
// with --expose-gc): the App rendered with 100 lines, RSS after a full GC (the baseline); then
// the transcript filled to 100,000 realistic entries (sent and received lines of 40-120
// characters with their bytes), RSS again before the UI sees them (the store's share), then
// rendered, typed in and scrolled, RSS as it is (the budget: no forced GC), then after a full
// GC. Several fresh children; medians.
import {summary} from '../lib.mjs';
import {runHarness} from './ui-common.mjs';

export async function run(context) {
	const {quick, log} = context;
	const runs = quick ? 1 : 3;
	const results = [];
	for (let i = 0; i < runs; i++) {
		results.push(await runHarness(context, {mode: 'memory', lines: 100, bigLines: 100_000, maxFps: 1000, incremental: true}));
		log(`memory: run ${i + 1}/${runs}`);
	}

	const of = (phase, field, list = results) => summary(list.map(result => result[phase][field]));
	const small = of('small', 'rss');
	const storeOnly = of('storeOnly', 'rss');
	const big = of('big', 'rss');
	const noGc = of('bigNoGc', 'rss');
	const heapSmall = of('small', 'heapUsed');
	const heapBig = of('big', 'heapUsed');
	const row = (name, stat, extra = {}) => ({bench: 'memory', case: name, unit: 'MB', ...stat, baseline: '100 lines', baselineMedian: small.median, ratio: stat.median / small.median, ...extra});
	const rows = [
		row('RSS, 100 lines rendered (baseline)', small),
		row('RSS, 100,000 lines stored, UI not yet updated', storeOnly),
		row('RSS, 100,000 lines rendered, no forced GC', noGc, {budget: '<= 150 MB', ok: noGc.median <= 150 && noGc.max <= 150}),
		row('RSS, 100,000 lines rendered, after a forced GC', big, {note: `+${(big.median - small.median).toFixed(0)} MB over 100 lines`}),
		{bench: 'memory', case: 'JS heap used, 100,000 lines rendered', unit: 'MB', ...heapBig, baseline: '100 lines', baselineMedian: heapSmall.median, ratio: heapBig.median / heapSmall.median},
	];
	const notes = [`memory: filling 100,000 entries took ${summary(results.map(result => result.fillMs)).median.toFixed(0)} ms; gc exposed: ${results.every(result => result.gcExposed)}`];
	return {rows, raw: {results}, notes};
}
