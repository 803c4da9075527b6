// 1. Start to first full frame, in a pseudo-terminal (bench/pty-run.py: no wrapper start-up
// inside the timed span, unlike util-linux `script`, which added ~33 ms to every figure), against
// `node -e 0` started the same way. The app's full frame is the first output that holds the demo
// server's banner line and the status bar's "^C quit", in either order: Ink rewrites only the
// lines that change, so the banner arrives in a later write than the status bar.
import {mkdirSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {cleanEnv, run as runProcess, startServer, summary} from '../lib.mjs';

const ptyRun = fileURLToPath(new URL('../pty-run.py', import.meta.url));

const termColumns = 120;
const termRows = 40;

/**
Runs `command` (an argv array) in a new 120x40 pseudo-terminal through bench/pty-run.py,
which starts its clock just before it forks (Python's own start-up is not counted) and execs
the command directly. Resolves with the times (ms after the fork) of the first output byte,
the first frame with the status bar, the first full frame (`banner` and the status bar both
seen) and the exit, and the RSS at the full frame. With `banner`, the app is stopped
(SIGTERM) once the full frame is in.
*/
async function inPty(command, {banner = '', timeoutMs = 15_000, env = cleanEnv()} = {}) {
	const result = await runProcess('python3', [ptyRun, String(termColumns), String(termRows), String(timeoutMs), banner, '--', ...command], {env, timeoutMs: timeoutMs + 5000});
	try {
		return JSON.parse(result.stdout.trim().split('\n').at(-1));
	} catch {
		return {failed: `${result.code}: ${result.stderr.slice(-500)}`};
	}
}

/** Self time of a V8 CPU profile by script (chunk file or node internal), and the heaviest functions. */
function profileSummary(file) {
	const profile = JSON.parse(readFileSync(file, 'utf8'));
	const byId = new Map(profile.nodes.map(node => [node.id, node]));
	const self = new Map();
	for (let i = 0; i < profile.samples.length; i++) {
		self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
	}

	const byScript = new Map();
	const byFunction = new Map();
	let total = 0;
	for (const [id, micros] of self) {
		const {callFrame} = byId.get(id);
		const name = callFrame.functionName || '(anonymous)';
		if (name === '(idle)') continue;
		total += micros;
		const url = callFrame.url || name;
		const script = url.startsWith('node:') ? url.replace(/^node:internal\/(\w+).*/, 'node:internal/$1 (Node itself)') : url.replace(/^.*\/dist\//, 'dist/').replace(/^.*node_modules\//, 'node_modules/');
		byScript.set(script, (byScript.get(script) ?? 0) + micros);
		const key = `${name} ${script}:${callFrame.lineNumber + 1}`;
		byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
	}

	const top = (map, count) =>
		[...map.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, count)
			.map(([name, micros]) => ({name, ms: micros / 1000}));
	return {busyMs: total / 1000, byScript: top(byScript, 10), byFunction: top(byFunction, 12)};
}

export async function run(context) {
	const {root, tmp, quick, log} = context;
	const runs = quick ? 5 : 8;
	const {cli} = context;
	const banner = '220 demo.smtp-explorer.test';
	const sink = await startServer('node', [join(root, 'bench', 'sink-server.mjs')]);
	const sinkTarget = `127.0.0.1:${sink.info.port}`;
	const samples = {wrapper: [], node: [], version: [], inkHello: [], demo: [], real: [], realCold: []};
	// The code cache (source/code-cache.ts) lives in a state directory of the run's own: warm
	// after the untimed round; `cold` is a fresh one each time (a first start).
	const warm = cleanEnv({XDG_STATE_HOME: join(tmp, 'state-warm')});
	const cold = index => cleanEnv({XDG_STATE_HOME: join(tmp, `state-cold-${index}`)});
	try {
		// One untimed round, so every file is in the page cache.
		await inPty(['node', '-e', '0']);
		await inPty(['node', cli, '--demo'], {banner, env: warm});
		for (let i = 0; i < runs; i++) {
			samples.wrapper.push(await inPty(['true']));
			samples.node.push(await inPty(['node', '-e', '0']));
			samples.version.push(await inPty(['node', cli, '--version']));
			if (context.inkHello) samples.inkHello.push(await inPty(['node', context.inkHello], {banner}));
			samples.demo.push(await inPty(['node', cli, '--demo'], {banner, env: warm}));
			samples.real.push(await inPty(['node', cli, sinkTarget], {banner: '220 sink.smtp-explorer.test', env: warm}));
			samples.realCold.push(await inPty(['node', cli, sinkTarget], {banner: '220 sink.smtp-explorer.test', env: cold(i)}));
			log(`startup: round ${i + 1}/${runs}`);
		}
	} finally {
		await sink.stop();
	}

	// One profiled start, to see where the time goes.
	let profile;
	try {
		const dir = join(tmp, 'startup-profile');
		mkdirSync(dir, {recursive: true});
		await inPty(['node', '--cpu-prof', `--cpu-prof-dir=${dir}`, cli, '--demo'], {banner, env: warm});
		const file = readdirSync(dir).find(name => name.endsWith('.cpuprofile'));
		if (file) profile = profileSummary(join(dir, file));
	} catch (error) {
		profile = {error: String(error)};
	}

	const pick = (list, field) => list.map(times => times[field]).filter(value => value !== undefined);
	const failures = samples.demo.filter(times => times.fullFrame === undefined).length + samples.real.filter(times => times.fullFrame === undefined).length;
	const stats = {
		wrapper: summary(pick(samples.wrapper, 'exit')),
		node: summary(pick(samples.node, 'exit')),
		version: summary(pick(samples.version, 'exit')),
		inkHello: summary(pick(samples.inkHello, 'fullFrame')),
		demoFirstByte: summary(pick(samples.demo, 'firstByte')),
		demoStatusBar: summary(pick(samples.demo, 'statusBar')),
		demoFullFrame: summary(pick(samples.demo, 'fullFrame')),
		realFirstByte: summary(pick(samples.real, 'firstByte')),
		realFullFrame: summary(pick(samples.real, 'fullFrame')),
		realColdFullFrame: summary(pick(samples.realCold, 'fullFrame')),
	};
	const baseline = stats.node.median;
	const row = (name, stat, extra = {}) => ({bench: 'startup', case: name, unit: 'ms', ...stat, baseline: 'node -e 0', baselineMedian: baseline, ratio: stat.median / baseline, ...extra});
	const within = (stat, times) => ({budget: `<= ${times}x`, ok: stat.median <= times * baseline});
	const rss = summary(pick(samples.demo, 'rssMb'));
	const rssReal = summary(pick(samples.real, 'rssMb'));
	const rows = [
		row('pty-run.py alone (fork + exec of `true`)', stats.wrapper),
		row('node -e 0 (baseline: spawn to exit)', stats.node),
		row('node dist/cli.js --version', stats.version, within(stats.version, 1.2)),
		row('reference: a bare Ink app drawing two lines (bundled like dist)', stats.inkHello),
		row('--demo: first byte (alternate screen)', stats.demoFirstByte),
		row('--demo: first frame (status bar)', stats.demoStatusBar),
		row('--demo: first full frame (banner + status bar)', stats.demoFullFrame, within(stats.demoFullFrame, 3)),
		row('HOST (local sink, no demo server): first full frame', stats.realFullFrame, {...within(stats.realFullFrame, 2.5), note: `goal 2x; first byte ${stats.realFirstByte.median.toFixed(0)} ms`}),
		row('HOST, first start (no code cache yet): first full frame', stats.realColdFullFrame),
	];
	rows.push({bench: 'startup', case: 'RSS of the app at its first full frame: --demo / HOST', unit: 'MB', ...rss, note: `HOST (no demo server): ${rssReal.median.toFixed(0)} MB`});
	const notes = [];
	if (failures > 0) notes.push(`startup: ${failures} start(s) never showed a full frame within 15 s`);
	if (profile && !profile.error) {
		const size = name => {
			try {
				return name.startsWith('dist/') ? ` (${(statSync(join(dirname(cli), name.slice(5))).size / 1024).toFixed(0)} KB)` : '';
			} catch {
				return '';
			}
		};

		notes.push(`startup profile (one --demo start, ${profile.busyMs.toFixed(0)} ms busy CPU, self time by script): ${profile.byScript.slice(0, 7).map(item => `${item.name}${size(item.name)} ${item.ms.toFixed(0)} ms`).join('; ')}`);
	}

	return {rows, raw: {samples, stats, profile, terminal: {columns: termColumns, rows: termRows}}, notes};
}
