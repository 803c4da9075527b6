// 2. Keypress to settled frame with 100 and with 100,000 transcript lines, and PgUp with both.
// The real App renders in-process to a fake 120x40 terminal (bench/ui-harness.tsx) with
// maxFps 1000, so Ink's frame throttle (30 fps by default) does not hide the work; the time
// is from handing the key to Ink until the last write of the frame (nothing more written
// for 20 ms afterwards). Children for 100 and 100,000 lines alternate, so noise hits both.
// Each child presses both kinds of key 20 times before its samples (JIT warm-up, alike for
// both); the first press of each kind, cold, is reported apart in a note.
import {percentile, summary} from '../lib.mjs';
import {runHarness} from './ui-common.mjs';

export async function run(context) {
	const {quick, log} = context;
	const rounds = quick ? 1 : 3;
	const samples = quick ? 15 : 25;
	const sizes = [100, 100_000];
	const pooled = new Map(sizes.map(size => [size, {keys: [], pages: [], coldKeys: [], coldPages: [], unseen: 0, runs: []}]));
	for (let round = 0; round < rounds; round++) {
		for (const lines of sizes) {
			const result = await runHarness(context, {mode: 'keypress', lines, samples, maxFps: 1000, incremental: true});
			const pool = pooled.get(lines);
			pool.keys.push(...result.keys);
			pool.pages.push(...result.pages);
			pool.coldKeys.push(result.coldKey);
			pool.coldPages.push(result.coldPage);
			pool.unseen += result.keys.filter(sample => !sample.seen).length + result.pages.filter(sample => !sample.seen).length;
			pool.runs.push({entries: result.entries, firstFrame: result.firstFrame});
			log(`keypress: round ${round + 1}/${rounds}, ${lines} lines`);
		}
	}

	const stat = (lines, kind, field = 'last') => summary(pooled.get(lines)[kind].map(sample => sample[field]));
	const small = {key: stat(100, 'keys'), page: stat(100, 'pages')};
	const big = {key: stat(100_000, 'keys'), page: stat(100_000, 'pages')};
	// Issue 12's budget: p95 <= 20 ms, at 100 lines and at 100,000.
	const p95 = (lines, kind) => percentile(pooled.get(lines)[kind].map(sample => sample.last), 95);
	const fast = (lines, kind) => ({budget: 'p95 <= 20 ms', ok: p95(lines, kind) <= 20});
	const verdict = (value, base) => value.median <= base.median * 1.2 && value.p90 <= base.p90 * 1.5;
	const rows = [
		{bench: 'keypress', case: 'type a character, 100 lines (baseline)', unit: 'ms', ...small.key, baseline: '100 lines', baselineMedian: small.key.median, ratio: 1, ...fast(100, 'keys'), note: `p95 ${p95(100, 'keys').toFixed(1)} ms`},
		{bench: 'keypress', case: 'type a character, 100,000 lines', unit: 'ms', ...big.key, baseline: '100 lines', baselineMedian: small.key.median, ratio: big.key.median / small.key.median, ...fast(100_000, 'keys'), note: `p95 ${p95(100_000, 'keys').toFixed(1)} ms; no growth (<=1.2x): ${verdict(big.key, small.key) ? 'ok' : 'MISSED'}`},
		{bench: 'keypress', case: 'PgUp, 100 lines (baseline)', unit: 'ms', ...small.page, baseline: '100 lines', baselineMedian: small.page.median, ratio: 1, ...fast(100, 'pages'), note: `p95 ${p95(100, 'pages').toFixed(1)} ms`},
		{bench: 'keypress', case: 'PgUp, 100,000 lines', unit: 'ms', ...big.page, baseline: '100 lines', baselineMedian: small.page.median, ratio: big.page.median / small.page.median, ...fast(100_000, 'pages'), note: `p95 ${p95(100_000, 'pages').toFixed(1)} ms; no growth (<=1.2x): ${verdict(big.page, small.page) ? 'ok' : 'MISSED'}`},
	];
	const notes = [];
	const unseen = [...pooled.values()].reduce((sum, pool) => sum + pool.unseen, 0);
	if (unseen > 0) notes.push(`keypress: ${unseen} sample(s) whose frame did not show the expected change (typed text or "scrolled")`);
	notes.push(`keypress: CPU time per key (process, until the frame settled), median 100 / 100,000 lines: ${stat(100, 'keys', 'cpu').median.toFixed(2)} / ${stat(100_000, 'keys', 'cpu').median.toFixed(2)} ms (typed), ${stat(100, 'pages', 'cpu').median.toFixed(2)} / ${stat(100_000, 'pages', 'cpu').median.toFixed(2)} ms (PgUp)`);
	notes.push(`keypress: first press of its kind in a fresh process (cold JIT, not in the samples), median 100 / 100,000 lines: ${stat(100, 'coldKeys').median.toFixed(1)} / ${stat(100_000, 'coldKeys').median.toFixed(1)} ms (typed), ${stat(100, 'coldPages').median.toFixed(1)} / ${stat(100_000, 'coldPages').median.toFixed(1)} ms (PgUp)`);
	notes.push(`keypress: time to the first write after the key, 100 / 100,000 lines: ${stat(100, 'keys', 'first').median.toFixed(2)} / ${stat(100_000, 'keys', 'first').median.toFixed(2)} ms (typed), ${stat(100, 'pages', 'first').median.toFixed(2)} / ${stat(100_000, 'pages', 'first').median.toFixed(2)} ms (PgUp)`);
	return {rows, raw: {sizes, rounds, samplesPerRun: samples, pooled: Object.fromEntries(pooled), stats: {small, big}}, notes};
}
