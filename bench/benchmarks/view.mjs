// 6. (Issue 11) `view` of a 20 MB and a 200 MB JSON lines transcript in a 120x40
// pseudo-terminal (util-linux `script`): time from spawn to the first screen (the header and
// the first transcript line drawn), peak RSS while the file is indexed (sampled from /proc),
// and time until the header says the whole file was read. Baseline in the same run: `less`
// on the same file to its first screen (where installed), and `node -e 0` in the same
// pseudo-terminal.
import {spawn} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {cleanEnv, run as runCommand, stripAnsi, summary} from '../lib.mjs';

const sizes = {'20MB': 20e6, '200MB': 200e6};
const firstText = '220 mx.bench.example ESMTP ready';

/** A session's lines, repeated to `bytes`, as JSON lines the way the app saves them. */
function writeTranscript(file, bytes) {
	const lines = [['recv', firstText], ['send', 'EHLO client.bench.example'], ['recv', '250-mx.bench.example'], ['recv', '250 PIPELINING'], ['send', 'MAIL FROM:<alice@example.com>'], ['recv', '250 2.1.0 OK'], ['send', 'RCPT TO:<bob@example.org>'], ['recv', '550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown']];
	const start = Date.parse('2026-01-01T12:00:00Z');
	const parts = [];
	let size = 0;
	for (let id = 1; size < bytes; id++) {
		const [dir, text] = lines[(id - 1) % lines.length];
		const line = `${JSON.stringify({id, time: new Date(start + id).toISOString(), dir, tls: false, text})}\n`;
		parts.push(line);
		size += line.length;
	}

	writeFileSync(file, parts.join(''));
}

function rssOf(pid) {
	try {
		const kb = /^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
		return kb ? Number(kb) / 1024 : undefined;
	} catch {
		return undefined;
	}
}

/** The processes under `parent` (script, its shell, the app), for RSS sampling. */
function descendants(parent) {
	const out = [];
	try {
		for (const pid of readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) out.push(Number(pid), ...descendants(Number(pid)));
	} catch {}

	return out;
}

/**
Runs `command` in a 120x40 pseudo-terminal; resolves with the ms after spawn when `first`
appeared, when `done` matched (then it is stopped with `stop` typed, or SIGTERM), and the
peak RSS of the largest process under script.
*/
function inPty(command, {first, done, stop, timeoutMs = 120_000}) {
	return new Promise(resolve => {
		const started = performance.now();
		const child = spawn('script', ['-qfec', `stty cols 120 rows 40 2>/dev/null; exec ${command}`, '/dev/null'], {env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe']});
		const times = {peakRssMb: 0};
		let text = '';
		const since = () => performance.now() - started;
		const sample = setInterval(() => {
			for (const pid of descendants(child.pid)) times.peakRssMb = Math.max(times.peakRssMb, rssOf(pid) ?? 0);
		}, 25);
		const timer = setTimeout(() => {
			times.timedOut = true;
			child.kill('SIGKILL');
		}, timeoutMs);
		child.stdin.on('error', () => {});
		child.stderr.resume();
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', chunk => {
			text += stripAnsi(chunk);
			const firstMatch = times.first === undefined ? first.exec(text) : undefined;
			if (firstMatch) {
				times.first = since();
				// What came after the first screen's line counts towards `done` (less draws its whole screen in one write).
				text = text.slice(firstMatch.index + firstMatch[0].length);
			}

			if (times.first !== undefined && times.done === undefined && done.test(text)) {
				times.done = since();
				if (stop) child.stdin.write(stop);
				else child.kill('SIGTERM');
			}
		});
		child.on('close', code => {
			clearInterval(sample);
			clearTimeout(timer);
			times.exit = since();
			times.code = code;
			resolve(times);
		});
	});
}

export async function run(context) {
	const {tmp, cli, quick, log} = context;
	const runs = quick ? 2 : 5;
	const hasLess = (await runCommand('sh', ['-c', 'command -v less'])).code === 0;
	const rows = [];
	const notes = [];
	const raw = {less: hasLess, results: {}};
	const files = {};
	for (const [name, bytes] of Object.entries(sizes)) {
		files[name] = join(tmp, `transcript-${name}.jsonl`);
		writeTranscript(files[name], bytes);
	}

	// The first screen: the header and the first line; indexed: the header without "so far".
	const viewFirst = new RegExp(`smtp-explorer view[\\s\\S]*${firstText.replace(/\./g, '\\.')}`);
	const viewDone = /\d+ lines {2}read-only/;
	for (const [name, file] of Object.entries(files)) {
		const samples = {view: [], less: [], node: []};
		// One untimed run: the file in the page cache.
		await inPty(`node ${cli} view ${file}`, {first: viewFirst, done: viewDone, stop: 'q'});
		for (let i = 0; i < runs; i++) {
			samples.view.push(await inPty(`node ${cli} view ${file}`, {first: viewFirst, done: viewDone, stop: 'q'}));
			if (hasLess) samples.less.push(await inPty(`less ${file}`, {first: new RegExp(firstText.replace(/\./g, '\\.')), done: /./, stop: 'q'}));
			samples.node.push(await inPty('node -e 0', {first: /^/, done: /^/}));
			log(`view: ${name}, round ${i + 1}/${runs}`);
		}

		raw.results[name] = samples;
		const ok = sample => !sample.timedOut && sample.first !== undefined;
		const first = summary(samples.view.filter(ok).map(sample => sample.first));
		const lessFirst = summary(samples.less.filter(ok).map(sample => sample.first));
		const nodeExit = summary(samples.node.map(sample => sample.exit));
		const baseline = hasLess ? {baseline: 'less, first screen', baselineMedian: lessFirst.median, ratio: first.median / lessFirst.median} : {baseline: 'node -e 0', baselineMedian: nodeExit.median, ratio: first.median / nodeExit.median};
		const failed = samples.view.length - samples.view.filter(ok).length;
		rows.push({bench: 'view', case: `${name} transcript: spawn to first screen`, unit: 'ms', ...first, ...baseline, ...(name === '200MB' ? {budget: '< 1 s', ok: first.n > 0 ? first.max < 1000 : undefined} : {}), note: `${failed > 0 ? `${failed} run(s) failed; ` : ''}node -e 0 in the same terminal: ${nodeExit.median.toFixed(0)} ms`});
		const peak = summary(samples.view.map(sample => sample.peakRssMb));
		rows.push({bench: 'view', case: `${name} transcript: peak RSS while indexing`, unit: 'MB', ...peak, ...(hasLess ? {baseline: 'less', baselineMedian: summary(samples.less.map(sample => sample.peakRssMb)).median} : {}), ...(name === '200MB' ? {budget: '< 200 MB', ok: peak.n > 0 ? peak.max < 200 : undefined} : {}), note: `max ${peak.max.toFixed(1)} MB`});
		const indexed = summary(samples.view.filter(sample => sample.done !== undefined).map(sample => sample.done));
		rows.push({bench: 'view', case: `${name} transcript: spawn to whole file indexed`, unit: 'ms', ...indexed, note: 'the viewer answers keys meanwhile'});
	}

	if (!hasLess) notes.push('view: less is not installed; the baseline is node -e 0');
	return {rows, raw, notes};
}
