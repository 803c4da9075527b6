// Helpers shared by the benchmarks: statistics, child processes, environment, tables.
import {spawn} from 'node:child_process';
import {performance} from 'node:perf_hooks';

/** Linear-interpolated percentile of numbers (p in 0..100); NaN for no samples. */
export function percentile(values, p) {
	const sorted = values.filter(value => Number.isFinite(value)).sort((a, b) => a - b);
	if (sorted.length === 0) return Number.NaN;
	const rank = (p / 100) * (sorted.length - 1);
	const low = Math.floor(rank);
	const high = Math.ceil(rank);
	return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export const median = values => percentile(values, 50);

/** Summary of a sample: count, median, p90, min, max. */
export function summary(values) {
	const finite = values.filter(value => Number.isFinite(value));
	return {
		n: finite.length,
		median: median(finite),
		p90: percentile(finite, 90),
		min: finite.length > 0 ? Math.min(...finite) : Number.NaN,
		max: finite.length > 0 ? Math.max(...finite) : Number.NaN,
	};
}

const ansi = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])/g;

/** Text without terminal escape sequences. */
export const stripAnsi = text => text.replace(ansi, '');

/**
The environment for children: no CI markers (Ink with CI set draws nothing until exit, see
design.md "Known pitfalls"), no NO_COLOR, a plain xterm.
*/
export function cleanEnv(extra = {}) {
	const env = {...process.env};
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'BUILD_NUMBER', 'RUN_ID', 'GITHUB_ACTIONS', 'GITLAB_CI', 'BUILDKITE', 'TF_BUILD', 'NO_COLOR', 'FORCE_COLOR', 'NODE_OPTIONS', 'TMUX']) {
		delete env[name];
	}

	env.TERM = 'xterm-256color';
	return {...env, ...extra};
}

/**
Runs a command to completion; resolves with its exit code, output, wall time in ms (spawn
to exit) and when its first stdout byte came. Never rejects: a spawn failure is code -1.
*/
export function run(command, args, {env = cleanEnv(), cwd, input, timeoutMs = 120_000} = {}) {
	return new Promise(resolve => {
		const started = performance.now();
		let child;
		try {
			child = spawn(command, args, {env, cwd, stdio: ['pipe', 'pipe', 'pipe']});
		} catch (error) {
			resolve({code: -1, stdout: '', stderr: String(error), ms: 0});
			return;
		}

		const out = [];
		const err = [];
		let firstStdout;
		child.stdout.on('data', chunk => {
			firstStdout ??= performance.now() - started;
			out.push(chunk);
		});
		child.stderr.on('data', chunk => err.push(chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', error => {
			clearTimeout(timer);
			resolve({code: -1, stdout: '', stderr: String(error), ms: performance.now() - started});
		});
		child.on('close', (code, signal) => {
			const ms = performance.now() - started;
			clearTimeout(timer);
			resolve({code: code ?? (signal ? 128 : -1), signal, firstStdout, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms});
		});
		child.stdin.on('error', () => {});
		if (input !== undefined) child.stdin.end(input);
		else child.stdin.end();
	});
}

/** Starts a long-running child and resolves once it printed its first line (JSON), with that line parsed. */
export function startServer(command, args, {env = cleanEnv(), timeoutMs = 30_000} = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {env, stdio: ['ignore', 'pipe', 'pipe']});
		let buffer = '';
		let stderr = '';
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`${args.join(' ')}: no ready line after ${timeoutMs} ms; stderr: ${stderr}`));
		}, timeoutMs);
		child.stderr.on('data', chunk => {
			stderr += chunk;
		});
		const onData = chunk => {
			buffer += chunk;
			const newline = buffer.indexOf('\n');
			if (newline === -1) return;
			clearTimeout(timer);
			child.stdout.off('data', onData);
			child.stdout.resume();
			try {
				const info = JSON.parse(buffer.slice(0, newline));
				resolve({
					info,
					child,
					stop: () =>
						new Promise(done => {
							if (child.exitCode !== null || child.signalCode !== null) return done();
							const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
							child.once('close', () => {
								clearTimeout(kill);
								done();
							});
							child.kill('SIGTERM');
						}),
				});
			} catch (error) {
				child.kill('SIGKILL');
				reject(new Error(`bad ready line ${JSON.stringify(buffer.slice(0, newline))}: ${error}`));
			}
		};

		child.stdout.setEncoding('utf8');
		child.stdout.on('data', onData);
		child.on('error', error => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', code => {
			clearTimeout(timer);
			reject(new Error(`${args.join(' ')} exited (${code}) before it was ready; stderr: ${stderr}`));
		});
	});
}

/** Runs a child that prints one JSON line last; resolves with it parsed (throws with its stderr otherwise). */
export async function runJson(command, args, options) {
	const result = await run(command, args, options);
	const line = result.stdout.trim().split('\n').at(-1) ?? '';
	if (result.code !== 0) throw new Error(`${[command, ...args].join(' ')} exited with ${result.code}: ${result.stderr.trim().slice(-2000)}`);
	try {
		return JSON.parse(line);
	} catch {
		throw new Error(`${[command, ...args].join(' ')} printed no JSON result; stdout ends ${JSON.stringify(result.stdout.slice(-500))}; stderr ${result.stderr.slice(-1000)}`);
	}
}

/** `12.3 ms`, `1.52 s`, `184 MB`, `1,234 B`: a number in its unit, short. */
export function formatValue(value, unit) {
	if (value === undefined || value === null || Number.isNaN(value)) return '-';
	switch (unit) {
		case 'ms': {
			if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
			if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
			return `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ms`;
		}

		case 'MB': {
			return `${value.toFixed(value >= 100 ? 0 : 1)} MB`;
		}

		case 'B': {
			return `${Math.round(value).toLocaleString('en-US')} B`;
		}

		case 'MB/s': {
			return `${value.toFixed(value >= 100 ? 0 : 1)} MB/s`;
		}

		default: {
			return `${Number(value.toFixed(2))}${unit ? ` ${unit}` : ''}`;
		}
	}
}

export function formatRatio(ratio) {
	if (ratio === undefined || ratio === null || Number.isNaN(ratio)) return '-';
	return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}x`;
}

/** A plain-text table with a header row; columns sized to their widest cell. */
export function table(header, rows) {
	const all = [header, ...rows].map(row => row.map(cell => String(cell ?? '')));
	const widths = header.map((_, column) => Math.max(...all.map(row => [...row[column]].length)));
	const line = row => row.map((cell, column) => (column === 0 || column === 1 || column === row.length - 1 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
	return [line(all[0]), widths.map(width => '-'.repeat(width)).join('  '), ...all.slice(1).map(line)].join('\n');
}

const timeBinary = '/usr/bin/time';

/**
Like `run`, with the child's peak resident memory (`maxRssMb`) from GNU time's %M when
/usr/bin/time exists (undefined otherwise). The wrapper costs every client the same.
*/
export async function runMeasured(command, args, options) {
	const {existsSync} = await import('node:fs');
	if (!existsSync(timeBinary)) return run(command, args, options);
	const result = await run(timeBinary, ['-f', 'bench-maxrss-kb=%M', command, ...args], options);
	const match = /bench-maxrss-kb=(\d+)\s*$/.exec(result.stderr);
	return {...result, stderr: match ? result.stderr.slice(0, match.index) : result.stderr, maxRssMb: match ? Number(match[1]) / 1024 : undefined};
}
