// 5. (Issues 6 and 11) `send` of a small message, a 20 MiB and a 100 MB message to a local
// server, timed from spawn to exit, with each client's peak RSS (GNU time), against:
//   - a bare Node socket script doing the same transaction (bench/bare-send.mjs): the floor;
//   - Python's smtplib (bench/smtplib-send.py), where python3 is installed;
//   - swaks on the same server, where it is installed.
// Two servers: a minimal sink (bench/sink-server.mjs, measures the client) and the demo
// server (source/demo/server.ts, maxMessageBytes 64 MiB, in a child; so no 100 MB there).
// Plaintext on both (--no-starttls for send; swaks does not start TLS unless asked), no AUTH.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {cleanEnv, formatValue, run as runCommand, runMeasured, startServer, summary} from '../lib.mjs';

const from = 'alice@example.com';
const to = 'bob@example.org';
const sizes = {small: 600, '20MiB': 20 * 1024 * 1024, '100MB': 100e6};
const sizeLabels = {small: 'small message', '20MiB': '20 MiB message', '100MB': '100 MB message'};

/** ASCII lines of 76 characters; every 50th starts with a dot (dot-stuffing does work). */
function body(size) {
	const lines = [];
	let length = 0;
	for (let i = 0; length < size; i++) {
		const head = i % 50 === 0 ? `.line ${i}` : `line ${i}`;
		const line = `${head} ${'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(3)}`.slice(0, 76);
		lines.push(line);
		length += line.length + 2;
	}

	return `${lines.join('\r\n')}\r\n`.slice(0, size - 2).replace(/[^\n]*$/, '') || 'hello\r\n';
}

/** What swaks and the bare script send: a header block, then the same body. */
function message(text) {
	const headers = [`Date: ${new Date().toUTCString()}`, `From: <${from}>`, `To: <${to}>`, 'Subject: bench', `Message-ID: <bench-${Date.now()}@bench.local>`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 7bit'];
	return `${headers.join('\r\n')}\r\n\r\n${text}`;
}

async function which(command) {
	const result = await runCommand('sh', ['-c', `command -v ${command}`]);
	return result.code === 0 ? result.stdout.trim() : undefined;
}

export async function run(context) {
	const {root, tmp, quick, log} = context;
	const {cli} = context;
	const files = {};
	for (const [size, bytes] of Object.entries(sizes)) {
		const text = body(bytes);
		const full = message(text);
		files[size] = {body: join(tmp, `body-${size}.txt`), message: join(tmp, `message-${size}.eml`), bodyBytes: Buffer.byteLength(text), messageBytes: Buffer.byteLength(full)};
		writeFileSync(files[size].body, text);
		writeFileSync(files[size].message, full);
	}

	const swaks = await which('swaks');
	const swaksVersion = swaks ? (await runCommand('swaks', ['--version'])).stdout.split('\n')[0]?.trim() : undefined;
	const python = await which('python3');
	const pythonVersion = python ? (await runCommand('python3', ['--version'])).stdout.trim() : undefined;

	const sendArgs = (port, size) => ['send', `127.0.0.1:${port}`, '--from', from, '--to', to, '--subject', 'bench', '--body-file', files[size].body, '--no-starttls', '--ehlo', 'bench.local'];
	const clients = [
		{id: 'bare', label: 'bare Node socket script (floor)', available: true, args: (port, size) => ['node', join(root, 'bench', 'bare-send.mjs'), '127.0.0.1', String(port), files[size].message]},
		{id: 'send', label: 'smtp-explorer send (dist/cli.js)', available: true, args: (port, size) => ['node', cli, ...sendArgs(port, size)]},
		{id: 'smtplib', label: `Python smtplib${pythonVersion ? ` (${pythonVersion})` : ''}`, available: Boolean(python), missing: 'python3: not installed', args: (port, size) => ['python3', join(root, 'bench', 'smtplib-send.py'), '127.0.0.1', String(port), files[size].message]},
		{id: 'swaks', label: `swaks${swaksVersion ? ` (${swaksVersion.replace(/^swaks version /, '')})` : ''}`, available: Boolean(swaks), missing: 'swaks: not installed', args: (port, size) => ['swaks', '--server', '127.0.0.1', '--port', String(port), '--from', from, '--to', to, '--helo', 'bench.local', '--data', `@${files[size].message}`, '--suppress-data']},
	];

	const servers = [
		{id: 'sink', label: 'sink', sizes: ['small', '20MiB', '100MB'], start: () => startServer('node', [join(root, 'bench', 'sink-server.mjs')])},
		{id: 'demo', label: 'demo server', sizes: ['small', '20MiB'], start: () => (context.demoServer ? startServer('node', [context.demoServer]) : Promise.reject(new Error('demo server child not bundled')))},
	];

	const raw = {swaks: swaks ?? null, swaksVersion: swaksVersion ?? null, python: pythonVersion ?? null, files, results: {}};
	const rows = [];
	const notes = [];
	const env = cleanEnv();
	for (const server of servers) {
		let handle;
		try {
			handle = await server.start();
		} catch (error) {
			notes.push(`send: ${server.label} did not start: ${error.message}`);
			continue;
		}

		try {
			const {port} = handle.info;
			for (const size of server.sizes) {
				const runs = size === 'small' ? (quick ? 3 : 5) : size === '20MiB' ? (quick ? 2 : 4) : quick ? 1 : 3;
				const active = clients.filter(client => client.available);
				const times = Object.fromEntries(active.map(client => [client.id, []]));
				// smtp-explorer send prints its one summary line once the transaction (QUIT included) is done.
				const summaryTimes = Object.fromEntries(active.map(client => [client.id, []]));
				const failures = Object.fromEntries(active.map(client => [client.id, []]));
				const rss = Object.fromEntries(active.map(client => [client.id, []]));
				// One untimed run each (page cache, first connection), then rounds in rotating order.
				for (const client of active) {
					const [command, ...args] = client.args(port, size);
					await runCommand(command, args, {env, timeoutMs: 120_000});
				}

				for (let round = 0; round < runs; round++) {
					for (let i = 0; i < active.length; i++) {
						const client = active[(round + i) % active.length];
						const [command, ...args] = client.args(port, size);
						const result = await runMeasured(command, args, {env, timeoutMs: 120_000});
						if (result.code === 0) {
							times[client.id].push(result.ms);
							if (result.maxRssMb !== undefined) rss[client.id].push(result.maxRssMb);
							if (result.firstStdout !== undefined) summaryTimes[client.id].push(result.firstStdout);
						}

						else failures[client.id].push({code: result.code, stderr: result.stderr.slice(-400)});
					}
				}

				log(`send: ${server.label}, ${size}`);
				raw.results[`${server.id}/${size}`] = {times, summaryTimes, failures, rss};
				const floor = summary(times.bare ?? []);
				const megabytes = files[size].messageBytes / 1e6;
				for (const client of clients) {
					const name = `${sizeLabels[size]} to ${server.label}: ${client.label}`;
					if (!client.available) {
						if (client.missing) rows.push({bench: 'send', case: `${sizeLabels[size]} to ${server.label}: ${client.missing}`, unit: 'ms', n: 0});
						continue;
					}

					const stat = summary(times[client.id]);
					const failed = failures[client.id].length;
					const swaksStat = times.swaks ? summary(times.swaks) : undefined;
					const smtplibStat = times.smtplib ? summary(times.smtplib) : undefined;
					const isSend = client.id === 'send';
					const budgets = [];
					// A budget whose baseline is not installed is left out (its "not installed" row says so).
					if (isSend && size === '20MiB' && swaksStat?.n) budgets.push({budget: '<= swaks', ok: stat.median <= swaksStat.median});
					if (isSend && size === '20MiB' && smtplibStat?.n) budgets.push({budget: '< smtplib', ok: stat.median < smtplibStat.median});
					if (isSend && size === '100MB') budgets.push({budget: '<= 1.2x bare', ok: stat.n > 0 ? stat.median <= 1.2 * floor.median : undefined});
					// Missed when one is missed; n/a when one could not be judged (its baseline missing).
					const judged = budgets.filter(entry => entry.ok !== undefined);
					const budget = budgets.length === 0 ? {} : {budget: budgets.map(entry => entry.budget).join(', '), ok: judged.some(entry => !entry.ok) ? false : judged.length === budgets.length ? true : undefined};
					const extra = [];
					if (failed > 0) extra.push(`${failed} run(s) failed: exit ${failures[client.id][0].code} ${failures[client.id][0].stderr.trim().split('\n').at(-1) ?? ''}`);
					if (size !== 'small' && stat.n > 0) extra.push(formatValue(megabytes / (stat.median / 1000), 'MB/s'));
					if (isSend && swaksStat?.n) extra.push(`${(stat.median / swaksStat.median).toFixed(2)}x swaks`);
					if (isSend && smtplibStat?.n) extra.push(`${(stat.median / smtplibStat.median).toFixed(2)}x smtplib`);
					rows.push({bench: 'send', case: name, unit: 'ms', ...stat, baseline: 'bare script', baselineMedian: floor.median, ratio: stat.median / floor.median, ...budget, note: extra.join('; ')});
					const peak = summary(rss[client.id]);
					if (peak.n > 0) {
						const floorRss = summary(rss.bare ?? []);
						const rssBudget = isSend && size === '100MB' ? {budget: '< 100 MB', ok: peak.max < 100} : {};
						rows.push({bench: 'send', case: `${name}: peak RSS`, unit: 'MB', ...peak, baseline: 'bare script', baselineMedian: floorRss.median, ratio: peak.median / floorRss.median, ...rssBudget, note: `max ${formatValue(peak.max, 'MB')}`});
					}

					if (isSend) {
						const done = summary(summaryTimes[client.id]);
						const lingering = stat.median - done.median;
						rows.push({bench: 'send', case: `${name}: until its "sent:" line`, unit: 'ms', ...done, baseline: 'bare script', baselineMedian: floor.median, ratio: done.median / floor.median, note: `then ${lingering.toFixed(0)} ms more before the process exits`});
					}
				}
			}
		} finally {
			await handle.stop();
		}
	}

	return {rows, raw, notes};
}
