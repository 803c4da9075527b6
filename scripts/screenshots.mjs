// npm run screenshots: pictures of the real app for the README. Runs the built binary in
// tmux against the demo server, drives it with the keys a user types (commands, Enter,
// Ctrl+P), captures each screen with its colours (capture-pane -e) and renders it to SVG.
//
//   node scripts/screenshots.mjs [--out DIR]    (default: docs/)
import {execFileSync, spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {renderSvg} from './ansi-to-svg.mjs';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli.js');
const {values} = parseArgs({options: {out: {type: 'string', default: join(root, 'docs')}}});
const out = values.out;
mkdirSync(out, {recursive: true});

const columns = 110;
let rows = 32;
// Ink draws nothing until exit when it believes it runs in CI (design.md, Known pitfalls).
const ciVariables = ['CI', 'CONTINUOUS_INTEGRATION', 'BUILD_NUMBER', 'RUN_ID', 'GITHUB_ACTIONS', 'GITLAB_CI', 'TRAVIS', 'CIRCLECI', 'JENKINS_URL', 'BUILDKITE', 'TEAMCITY_VERSION', 'TF_BUILD', 'NO_COLOR'];
const scratch = mkdtempSync(join(tmpdir(), 'smtp-explorer-screenshots-'));
const socket = `smtp-explorer-screenshots-${process.pid}`;
const tmux = (...args) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

function startTerminal(command, height = 32) {
	rows = height;
	const quote = word => `'${word.replaceAll("'", String.raw`'\''`)}'`;
	const environment = ['env', ...ciVariables.flatMap(name => ['-u', name]), 'TERM=xterm-256color', 'LANG=C.UTF-8', `XDG_STATE_HOME=${scratch}`, 'sh', '-c', command];
	tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'main', '-x', String(columns), '-y', String(rows), environment.map(quote).join(' '));
	tmux('set-option', '-t', 'main', 'remain-on-exit', 'on');
}

const screen = (escapes = false) => tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', 'main');

async function waitFor(text, timeoutMs = 20_000) {
	const start = Date.now();
	while (!screen().includes(text)) {
		if (Date.now() - start > timeoutMs) throw new Error(`screenshots: timed out waiting for "${text}"; screen:\n${screen()}`);
		await sleep(50);
	}

	// Let Ink finish the frame it is drawing.
	await sleep(300);
}

/** Types a line as a user would, then Enter on its own, and waits for `reply`. */
async function command(line, reply) {
	tmux('send-keys', '-t', 'main', '-l', line);
	await waitFor(line);
	tmux('send-keys', '-t', 'main', 'Enter');
	await waitFor(reply);
}

async function key(name, then) {
	tmux('send-keys', '-t', 'main', name);
	await waitFor(then);
}

function save(name, title) {
	const file = join(out, `${name}.svg`);
	writeFileSync(file, renderSvg(screen(true).replace(/\n$/, ''), {columns, rows, title}));
	console.log(`wrote ${file}`);
}

function stopTerminal() {
	try {
		tmux('kill-server');
	} catch {}
}

/** The demo server alone, for probe: its port read from what it prints. */
async function startDemoServer() {
	const child = spawn(process.execPath, [cli, 'demo-server', '--port', '0', '--ca-out', join(scratch, 'demo-ca.pem')], {stdio: ['ignore', 'pipe', 'inherit']});
	let output = '';
	const port = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`screenshots: the demo server did not start:\n${output}`)), 15_000);
		child.stdout.on('data', chunk => {
			output += chunk;
			// Its summary, printed once the CA file is written; not the timestamped log line, which comes first.
			const match = /^demo SMTP server listening on 127\.0\.0\.1:(\d+)\n/m.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(Number(match[1]));
			}
		});
	});
	return {port, stop: () => child.kill('SIGTERM')};
}

try {
	// The explorer on its demo server: a session up to the recipients, the palette, the editor.
	startTerminal(`node ${cli} --demo --ehlo laptop.example.com`);
	await waitFor('220 demo.smtp-explorer.test');
	await command('EHLO laptop.example.com', '250 SIZE');
	await command('STARTTLS', 'certificate verified');
	await command('EHLO laptop.example.com', '250-AUTH PLAIN');
	await command('AUTH PLAIN', '235 2.7.0');
	await command('MAIL FROM:<demo@example.com>', '250 2.1.0');
	await command('RCPT TO:<alice@example.org>', '250 2.1.5');
	await command('RCPT TO:<nobody@example.org>', '550 5.1.1');
	save('explorer', 'smtp-explorer --demo');

	await key('C-p', 'palette');
	tmux('send-keys', '-t', 'main', '-l', 'rcpt');
	await waitFor('RCPT TO');
	save('palette', 'smtp-explorer: the palette (Ctrl+P)');
	await key('Escape', 'F1 help');

	await command('DATA', 'From: <demo@example.com>');
	tmux('send-keys', '-t', 'main', 'C-End');
	await sleep(200);
	for (const line of ['Hello Alice,', '', '.signature lines that start with a dot are doubled on the wire', '..and so is this one', 'Bye.']) {
		if (line !== '') tmux('send-keys', '-t', 'main', '-l', line);
		await sleep(150);
		tmux('send-keys', '-t', 'main', 'Enter');
		await sleep(150);
	}

	await waitFor('dot-stuffed');
	save('message-editor', 'smtp-explorer: the message editor');
	stopTerminal();

	// probe --format text against the demo server on its own.
	const demo = await startDemoServer();
	try {
		const probe = `probe 127.0.0.1:${demo.port} --ca demo-ca.pem --format text`;
		startTerminal(`cd ${scratch} && printf '$ smtp-explorer %s\\n' '${probe}' && node ${cli} ${probe}; sleep 60`, 38);
		await waitFor('Result:');
		save('probe', `smtp-explorer probe 127.0.0.1:${demo.port} --format text`);
	} finally {
		demo.stop();
	}
} finally {
	stopTerminal();
	rmSync(scratch, {recursive: true, force: true});
}
