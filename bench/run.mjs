// `npm run bench`: the performance budgets of design.md, each against a baseline measured in
// the same run. Prints a table (medians and p90 over repeated runs, ratios to the baseline)
// and writes the raw numbers to bench/results/latest.json.
//
//   npm run bench                       everything (a few minutes)
//   npm run bench -- --only keypress    one benchmark (or several: --only bytes,memory)
//   npm run bench -- --quick            fewer repetitions (a smoke test of the scripts)
//   npm run bench -- --list             the benchmarks' names
//
// TypeScript entries (the UI harness, the demo server) are bundled with esbuild into a temp
// directory with the options scripts/bundle.mjs uses for Ink, then run as child processes.
import {execFileSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {cpus, loadavg, tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {formatRatio, formatValue, table} from './lib.mjs';
import {bundleOptions} from '../scripts/bundle-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchmarks = {
	startup: {file: './benchmarks/startup.mjs', title: '1. start to first full frame', needs: ['inkHello']},
	keypress: {file: './benchmarks/keypress.mjs', title: '2. keypress to settled frame', needs: ['harness']},
	memory: {file: './benchmarks/memory.mjs', title: '3. resident memory', needs: ['harness']},
	bytes: {file: './benchmarks/bytes.mjs', title: '4. bytes written per update', needs: ['harness']},
	send: {file: './benchmarks/send.mjs', title: '5. send (issues 6, 11)', needs: ['demoServer']},
	view: {file: './benchmarks/view.mjs', title: '6. view of a large transcript (issue 11)', needs: []},
	search: {file: './benchmarks/search.mjs', title: '7. palette search per keystroke', needs: ['catalogSearch']},
};

class UsageError extends Error {}

function parseArguments(argv) {
	const options = {only: undefined, quick: false, list: false};
	for (let i = 0; i < argv.length; i++) {
		const word = argv[i];
		if (word === '--only') options.only = argv[++i];
		else if (word.startsWith('--only=')) options.only = word.slice('--only='.length);
		else if (word === '--quick') options.quick = true;
		else if (word === '--list') options.list = true;
		else throw new UsageError(`unknown argument ${word} (use --only NAME, --quick, --list)`);
	}

	return options;
}

const common = {...bundleOptions, logLevel: 'error'};

/** Bundles what the selected benchmarks need; a bundle that fails is left out (its rows say so). */
async function bundle(needs, outdir, notes) {
	const paths = {};
	// The bundles are ES modules: say so, whatever Node's module-syntax detection does.
	writeFileSync(join(outdir, 'package.json'), '{"type": "module"}\n');
	const entries = {
		harness: {entryPoints: {harness: join(root, 'bench', 'ui-harness.tsx')}},
		demoServer: {entryPoints: {'demo-server': join(root, 'bench', 'demo-server-child.ts')}},
		catalogSearch: {entryPoints: {'catalog-search': join(root, 'bench', 'catalog-search-entry.ts')}},
		// The least any Ink app costs to start: two lines of text, then it waits to be stopped.
		inkHello: {
			stdin: {
				contents: "import {render, Box, Text} from 'ink';\nrender(<Box flexDirection=\"column\"><Text>220 demo.smtp-explorer.test</Text><Text>^C quit</Text></Box>);\nsetInterval(() => {}, 1000);\n",
				resolveDir: root,
				sourcefile: 'ink-hello.tsx',
				loader: 'tsx',
			},
			outfile: join(outdir, 'ink-hello.js'),
		},
	};
	for (const need of needs) {
		const {outfile, ...entry} = entries[need];
		const file = outfile ?? join(outdir, `${Object.keys(entry.entryPoints)[0]}.js`);
		try {
			await build({...common, ...entry, ...(outfile ? {outfile} : {outdir})});
			paths[need] = file;
		} catch (error) {
			notes.push(`bundle of ${need} failed: ${String(error.message).split('\n')[0]}`);
		}
	}

	return paths;
}

function machine() {
	let commit;
	try {
		commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: root, encoding: 'utf8'}).trim();
	} catch {}

	return {node: process.version, platform: `${process.platform} ${process.arch}`, cpus: cpus().length, cpuModel: cpus()[0]?.model, loadavg: loadavg(), commit, date: new Date().toISOString()};
}

function verdict(row) {
	if (row.budget === undefined) return '';
	if (row.ok === undefined) return `${row.budget}: n/a`;
	return `${row.budget}: ${row.ok ? 'ok' : 'MISSED'}`;
}

async function main() {
	const options = parseArguments(process.argv.slice(2));
	if (options.list) {
		for (const [name, benchmark] of Object.entries(benchmarks)) console.log(`${name.padEnd(10)} ${benchmark.title}`);
		return;
	}

	const selected = options.only ? options.only.split(',').map(name => name.trim()).filter(Boolean) : Object.keys(benchmarks);
	const unknown = selected.filter(name => !benchmarks[name]);
	if (unknown.length > 0) throw new UsageError(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}`);

	if (!existsSync(join(root, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run bundle` (npm run bench does)');
	const started = performance.now();
	const tmp = mkdtempSync(join(tmpdir(), 'smtp-explorer-bench-'));
	const notes = [];
	const results = {};
	const rows = [];
	try {
		const needs = [...new Set(selected.flatMap(name => benchmarks[name].needs))];
		const paths = await bundle(needs, tmp, notes);
		// The built app is copied away first: others rebuilding dist/ during the run must not pull it from under a benchmark.
		const app = join(tmp, 'app');
		cpSync(join(root, 'dist'), join(app, 'dist'), {recursive: true});
		cpSync(join(root, 'package.json'), join(app, 'package.json'));
		const context = {root, tmp, cli: join(app, 'dist', 'cli.js'), quick: options.quick, ...paths, log: line => process.stderr.write(`  ${line}\n`)};
		for (const name of selected) {
			const benchmark = benchmarks[name];
			process.stderr.write(`${benchmark.title}...\n`);
			const t0 = performance.now();
			try {
				const module = await import(benchmark.file);
				const result = await module.run(context);
				results[name] = {seconds: (performance.now() - t0) / 1000, raw: result.raw, rows: result.rows};
				rows.push(...result.rows);
				notes.push(...result.notes);
			} catch (error) {
				results[name] = {error: String(error.stack ?? error)};
				notes.push(`${name} FAILED: ${String(error.message ?? error).split('\n')[0]}`);
				process.exitCode = 1;
			}
		}
	} finally {
		rmSync(tmp, {recursive: true, force: true});
	}

	const header = ['bench', 'case', 'median', 'p90', 'n', 'baseline (median)', 'ratio', 'budget', 'note'];
	const body = rows.map(row => [
		row.bench,
		row.case,
		row.n === 0 ? '-' : formatValue(row.median, row.unit),
		row.n === 0 ? '-' : formatValue(row.p90, row.unit),
		row.n ?? '',
		row.baselineMedian === undefined ? '' : `${row.baseline} (${formatValue(row.baselineMedian, row.unit)})`,
		row.ratio === undefined ? '' : formatRatio(row.ratio),
		verdict(row),
		row.note ?? '',
	]);
	const info = machine();
	const seconds = (performance.now() - started) / 1000;
	console.log(`\nsmtp-explorer bench  ${info.date}  node ${info.node}  ${info.cpus} CPU(s)  load ${info.loadavg.map(value => value.toFixed(2)).join(' ')}  commit ${info.commit ?? '?'}  (${seconds.toFixed(0)} s)\n`);
	console.log(table(header, body));
	if (notes.length > 0) console.log(`\n${notes.map(note => `- ${note}`).join('\n')}`);

	const out = join(root, 'bench', 'results');
	mkdirSync(out, {recursive: true});
	const file = join(out, 'latest.json');
	writeFileSync(file, `${JSON.stringify({machine: info, options, seconds, rows, notes, results}, null, '\t')}\n`);
	console.log(`\nraw numbers: ${file}`);
}

main().catch(error => {
	console.error(`bench: ${error instanceof UsageError ? error.message : (error.stack ?? error)}`);
	process.exitCode = error instanceof UsageError ? 2 : 1;
});
