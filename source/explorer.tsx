import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, join} from 'node:path';
import {render} from 'ink';
import meow from 'meow';
import {kebab} from './commands/arguments.js';
import {connectionFlags, type ConnectionSettings, controllerFor, ehloNameFrom, proxyPassword, routeSettings, targetOf, tlsOptionsFrom} from './commands/connection-flags.js';
import type {CommandIo} from './commands/io.js';
import type {OpeningDemoServer} from './demo/server.js';
import {UsageError} from './protocol/errors.js';
import {loadCatalogLanguage} from './catalog/localize.js';
import {chooseLanguage, languageFlag, loadLanguage, setLanguage, text as say} from './i18n/messages.js';
import {formatTarget, type Target} from './protocol/target.js';
import {sanitizeForDisplay} from './protocol/sanitize.js';
import {describeReadError, maxDataBytes, readBoundedSync} from './session/file-read.js';
import {appendHistory, defaultHistoryPath, loadHistory} from './session/history-file.js';
import {openSession} from './session/open-session.js';
import {exportSession} from './protocol/export-session.js';
import {savePrivateFile, saveTranscript, TranscriptAppender} from './session/transcript-file.js';
import type {TlsOptions} from './transport/connection.js';
import {durationFlag, type Timeouts} from './transport/timeouts.js';
import {App, type MessageIo} from './ui/app.js';
import type {SaveWhat} from './ui/router-types.js';
import {disableBracketedPaste, enableBracketedPaste} from './ui/key-reader.js';
import {colorWanted, enterAlternateScreen, leaveAlternateScreen} from './ui/screen.js';
import {queryLeftRightMargins, resetMarginsIfUsed, shouldQueryMargins} from './ui/terminal-margins.js';
import {ThemeProvider} from './ui/theme.js';
import {useTerminalSize} from './ui/hooks/use-terminal-size.js';

// The sub-commands' connection flags, except --timeout (the explorer sets each wait on its
// own) and --xclient (here the user types XCLIENT, and sees what it does).
const {timeout: _oneTimeout, xclient: _xclient, ...sharedFlags} = connectionFlags;

const flags = {
	...sharedFlags,
	cert: {type: 'string'},
	key: {type: 'string'},
	tlsMin: {type: 'string'},
	user: {type: 'string'},
	connectTimeout: {type: 'string'},
	greetingTimeout: {type: 'string'},
	commandTimeout: {type: 'string'},
	dataTimeout: {type: 'string'},
	dataBlockTimeout: {type: 'string'},
	dataEndTimeout: {type: 'string'},
	color: {type: 'boolean', default: true},
	revealSecrets: {type: 'boolean', default: false},
	data: {type: 'string'},
	demo: {type: 'boolean', default: false},
	lang: {type: 'string'},
} as const;

/** The flags, for profiles (@NAME) and shell completion. */
export {flags as commandFlags};

type Settings = {
	target: Target;
	implicitTls: boolean;
	tls: TlsOptions;
	timeouts: Partial<Timeouts>;
	requireTls: boolean;
	startTls: boolean;
	ehloName: string;
	lmtp: boolean;
	route: ConnectionSettings['route'];
	dnsServer?: string;
	user?: string;
	password?: string;
	color: boolean;
	revealSecrets: boolean;
	transcript?: string;
	message?: string;
	demo?: OpeningDemoServer;
	/** Starts making the demo's certificates (after the first frame); the TLS options' `ca` waits for them. */
	makeDemoCertificates?: () => void;
};

/** How long the first frame waits for the banner before it shows the wait instead. */
const firstFrameDeadlineMs = 150;

/** A whole text file of at most maxDataBytes, or why it could not be read (for --data and the editor's load key). */
function readTextFile(path: string): {ok: true; text: string} | {ok: false; reason: string} {
	try {
		return {ok: true, text: readBoundedSync(path, maxDataBytes, 'a message file').toString('utf8')};
	} catch (error) {
		return {ok: false, reason: describeReadError(path, error as NodeJS.ErrnoException)};
	}
}

function messageFile(path: string): string {
	const read = readTextFile(path);
	if (!read.ok) throw new UsageError(say()['explorer.error.messageFile'](read.reason));
	return read.text;
}

// Each timeout flag and the waits it sets (RFC 5321 4.5.3.2); --command-timeout covers MAIL and RCPT too.
const timeoutFlags = [
	['connectTimeout', ['connect']],
	['greetingTimeout', ['greeting']],
	['commandTimeout', ['command', 'mail', 'rcpt']],
	['dataTimeout', ['dataStart']],
	['dataBlockTimeout', ['dataBlock']],
	['dataEndTimeout', ['dataEnd']],
] as const satisfies ReadonlyArray<readonly [keyof typeof flags, ReadonlyArray<keyof Timeouts>]>;

function timeouts(values: Partial<Record<(typeof timeoutFlags)[number][0], string>>): Partial<Timeouts> {
	const result: Partial<Timeouts> = {};
	for (const [flag, waits] of timeoutFlags) {
		const text = values[flag];
		if (text === undefined) continue;
		const duration = durationFlag(kebab(flag), text);
		if (!duration.ok) throw new UsageError(duration.error);
		for (const wait of waits) result[wait] = duration.ms;
	}

	return result;
}

async function settingsFrom(cli: ReturnType<typeof meow<typeof flags>>, env: NodeJS.ProcessEnv): Promise<Settings> {
	const f = cli.flags;
	if (f.tls && f.starttls) throw new UsageError(say()['explorer.error.tlsAndStarttls']);
	const tlsFlags = tlsOptionsFrom(f);
	if (!tlsFlags.ok) throw new UsageError(tlsFlags.error);
	const {tls} = tlsFlags;
	const ehlo = ehloNameFrom(f.ehlo);
	if (!ehlo.ok) throw new UsageError(ehlo.error);
	const route = routeSettings(f);
	if (!route.ok) throw new UsageError(route.error);
	const common = {
		route: route.settings.route,
		...(route.settings.dnsServer ? {dnsServer: route.settings.dnsServer} : {}),
		lmtp: false,
		implicitTls: f.tls,
		timeouts: timeouts(f),
		requireTls: f.requireTls,
		startTls: f.starttls || f.requireTls,
		ehloName: ehlo.name,
		color: colorWanted(f.color, env),
		revealSecrets: f.revealSecrets,
		...(f.transcript ? {transcript: f.transcript} : {}),
		...(f.data ? {message: messageFile(f.data)} : {}),
	};

	if (f.demo) {
		if (cli.input.length > 0) throw new UsageError(say()['explorer.error.demoWithHost']);
		// Loaded only here: the demo server's dependencies are most of the bundle.
		const {openDemoServer} = await import('./demo/server.js');
		// It greets at once; its CA is made once the first frame is out, and a handshake waits for it.
		const demo = await openDemoServer();
		let makeDemoCertificates!: () => void;
		const ca = new Promise<string>((resolve, reject) => {
			makeDemoCertificates = () => {
				demo.certificates().then(resolve, reject);
			};
		});
		// A failure shows at STARTTLS (transport/connection.ts), not as an unhandled rejection before it.
		ca.catch(() => undefined);
		return {
			...common,
			target: {kind: 'tcp', host: demo.host, port: demo.port},
			// Named (SNI), so the server can answer a handshake that waited for the certificate with it.
			tls: {...tls, ca, sniForAddress: 'localhost'},
			makeDemoCertificates,
			user: f.user ?? demo.credentials.user,
			password: f.user ? env.SMTP_EXPLORER_PASSWORD : demo.credentials.password,
			demo,
		};
	}

	const [where, ...extra] = cli.input;
	if (!where) throw new UsageError(say()['explorer.error.noServer']);
	if (extra.length > 0) throw new UsageError(say()['explorer.error.extraArgument'](sanitizeForDisplay(extra.join(' '))));
	const parsed = targetOf(where, f);
	if (!parsed.ok) throw new UsageError(parsed.error);
	return {
		...common,
		lmtp: parsed.lmtp,
		target: parsed.target,
		tls,
		...(f.user ? {user: f.user} : {}),
		...(f.user && env.SMTP_EXPLORER_PASSWORD ? {password: env.SMTP_EXPLORER_PASSWORD} : {}),
	};
}

/** `smtp-mx.example.com-20261128-140307.txt` in the current directory. */
function defaultSaveName(target: Target): string {
	const where = target.kind === 'unix' ? 'unix-socket' : (target.kind === 'mx' ? `mx-${target.domain}` : target.host).replaceAll(/[^\w.-]/g, '_');
	const stamp = new Date().toISOString().replace(/\.\d+Z$/, '').replaceAll(/[-:]/g, '').replace('T', '-');
	return `smtp-${where}-${stamp}.txt`;
}

/** What the bundle's loader (source/cli.tsx) hands the explorer. */
export type ExplorerHooks = {
	/** Settles when the layout engine is ready to draw (the CommonJS bundle instantiates it in the background). */
	ready?: Promise<unknown>;
	/** Called once the first frame is out: the time to write the code cache. */
	firstFrame?: () => void;
};

export async function main(argv: string[], io: CommandIo, hooks: ExplorerHooks = {}): Promise<number> {
	// The language first, so every message from here on (errors included) is in it; the
	// tables and the catalog text load before the first frame.
	const language = chooseLanguage({flag: languageFlag(argv), env: io.env});
	const t = await loadLanguage(language.language);
	setLanguage(language.language);
	if (language.error !== undefined) {
		io.stderr.write(`smtp-explorer: ${t['lang.bad'](languageFlag(argv) ?? '')}\n`);
		return 2;
	}

	await loadCatalogLanguage(language.language);
	const cli = meow(t['explorer.help'], {importMeta: import.meta, argv, flags, allowUnknownFlags: false});
	let settings: Settings;
	try {
		settings = await settingsFrom(cli, io.env);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		io.stderr.write(`smtp-explorer: ${error.message}\n${t['explorer.seeHelp']}\n`);
		return 2;
	}

	const stdout = process.stdout;
	if (!stdout.isTTY || !process.stdin.isTTY) {
		io.stderr.write(`smtp-explorer: ${t['explorer.needsTerminal']}\n`);
		await settings.demo?.close();
		return 2;
	}

	const password = await proxyPassword(settings.route, io);
	if (!password.ok) {
		io.stderr.write(`smtp-explorer: ${password.error}\n`);
		await settings.demo?.close();
		return 2;
	}

	const title = `SMTP session with ${formatTarget(settings.target)}`;
	let appender: TranscriptAppender | undefined;
	// A write may fail before the controller exists (the Markdown heading): hold the news until it does.
	const fileProblems: string[] = [];
	let reportFileProblem = (reason: string): void => {
		fileProblems.push(reason);
	};
	if (settings.transcript) {
		const opened = TranscriptAppender.open(settings.transcript, {revealSecrets: settings.revealSecrets, title, onError: reason => reportFileProblem(reason)});
		if (!opened.ok) {
			io.stderr.write(`smtp-explorer: --transcript: ${opened.reason}\n`);
			await settings.demo?.close();
			return 2;
		}

		appender = opened.appender;
	}

	const controller = controllerFor(settings, appender ? (entry, secret) => appender.write(entry, secret) : undefined);
	reportFileProblem = reason => controller.annotate('error', t['explorer.note.fileProblem'](reason));
	for (const reason of fileProblems) reportFileProblem(reason);
	if (settings.lmtp) controller.annotate('info', t['explorer.note.lmtp']);
	if (settings.revealSecrets) controller.annotate('warning', t['explorer.note.revealSecrets']);
	if (settings.demo) {
		// The practice password is on screen in the sidebar, never in the transcript.
		controller.annotate('info', t['explorer.note.demo'](formatTarget(settings.target), settings.demo.credentials.user));
		controller.annotate('info', t['explorer.note.demoRecipients']);
	}

	const historyPath = defaultHistoryPath(io.env);
	const history = loadHistory(historyPath);
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		stdout.write(resetMarginsIfUsed(stdout) + disableBracketedPaste + leaveAlternateScreen);
	};

	// The connection opens before the first frame, and that frame waits for the banner (or
	// the deadline): one frame with the banner instead of one per step of connecting.
	void (settings.startTls ? openSession(controller, {ehloName: settings.ehloName, startTls: settings.requireTls ? 'require' : 'starttls', lmtp: settings.lmtp}) : controller.connect());
	await controller.pastGreeting(firstFrameDeadlineMs);
	await hooks.ready;

	// Bracketed paste: the terminal marks pasted text, so only a real paste is previewed (typing fast is typing).
	// The terminal is asked whether it has left/right margins; frames do without until it says yes.
	// Raw mode first (Ink sets it only as it mounts): a tty in canonical mode would echo the answer onto the screen.
	const askMargins = shouldQueryMargins(stdout.isTTY, io.env);
	if (askMargins) process.stdin.setRawMode?.(true);
	stdout.write(enterAlternateScreen + enableBracketedPaste + (askMargins ? queryLeftRightMargins : ''));
	const onSignal = (signal: NodeJS.Signals) => {
		instance.unmount();
		restore();
		controller.close();
		process.exit(128 + (signal === 'SIGHUP' ? 1 : signal === 'SIGINT' ? 2 : 15));
	};

	const onCrash = (error: unknown) => {
		instance.unmount();
		restore();
		process.stderr.write(`smtp-explorer: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(70);
	};

	const save = async (path: string, overwrite: boolean, what: SaveWhat) => {
		let result;
		if (what === 'transcript') {
			result = await saveTranscript(path, controller.transcript.entries, {overwrite, revealSecrets: settings.revealSecrets, secretOf: entry => controller.transcript.secretOf(entry), title});
		} else {
			// The same pure export as `smtp-explorer export`: secrets are hidden whatever the session kept.
			const exported = exportSession(controller.transcript.entries, what, basename(path).replace(/[^\w.@+-]/g, '_'), language.language);
			if (!exported.ok) return {ok: false as const, message: exported.error};
			result = await savePrivateFile(path, exported.code, {overwrite});
		}

		if (result.ok) {
			const done =
				what === 'transcript'
					? t['save.transcriptDone'](result.path, result.bytes, settings.revealSecrets)
					: what === 'script'
						? t['export.scriptDone'](result.path)
						: t['export.codeDone'](result.path, what);
			controller.annotate('info', done);
			return {ok: true as const, message: t['save.saved'](result.path)};
		}

		return {ok: false as const, message: result.reason, exists: result.exists};
	};

	const messageIo: MessageIo = {
		readText: readTextFile,

		async editExternally(text) {
			const editor = (io.env.VISUAL ?? io.env.EDITOR ?? '').trim();
			if (editor === '') return {ok: false, reason: 'set $EDITOR (or $VISUAL) to edit the message in your editor'};
			const directory = mkdtempSync(join(tmpdir(), 'smtp-explorer-'));
			const file = join(directory, 'message.eml');
			writeFileSync(file, text, {mode: 0o600});
			// The editor gets the terminal: leave the app's screen, and come back to a full redraw.
			process.stdin.setRawMode?.(false);
			stdout.write(resetMarginsIfUsed(stdout) + disableBracketedPaste + leaveAlternateScreen);
			// An argv array and no shell: the file name is never parsed as options or code.
			const [command = editor, ...args] = editor.split(/\s+/);
			const run = spawnSync(command, [...args, file], {stdio: 'inherit'});
			stdout.write(enterAlternateScreen + enableBracketedPaste);
			process.stdin.setRawMode?.(true);
			instance.clear();
			try {
				if (run.error) return {ok: false, reason: `could not start ${command}: ${run.error.message}`};
				return readTextFile(file);
			} finally {
				rmSync(directory, {recursive: true, force: true});
			}
		},
	};

	function Root() {
		const {width, height} = useTerminalSize();
		return (
			<ThemeProvider theme={{color: settings.color}}>
				<App
					controller={controller}
					width={width}
					height={height}
					plan={{ehloName: settings.ehloName, lmtp: settings.lmtp, ...(settings.user ? {user: settings.user} : {})}}
					{...(settings.password ? {password: settings.password} : {})}
					history={history}
					onRemember={line => appendHistory(historyPath, line)}
					onSave={save}
					defaultSavePath={defaultSaveName(settings.target)}
					transcriptFile={Boolean(settings.transcript)}
					onExit={() => instance.unmount()}
					io={messageIo}
					{...(settings.message ? {initialMessage: settings.message} : {})}
					{...(settings.demo ? {demo: settings.demo} : {})}
				/>
			</ThemeProvider>
		);
	}

	const instance = render(<Root />, {exitOnCtrlC: false, patchConsole: true, incrementalRendering: true, maxFps: 30});
	process.on('SIGTERM', onSignal);
	process.on('SIGHUP', onSignal);
	process.on('SIGINT', onSignal);
	// Whatever ends the process, the terminal gets its paste mode and screen back.
	process.on('exit', restore);
	process.on('uncaughtException', onCrash);
	process.on('unhandledRejection', onCrash);
	// The first frame is out (Ink writes it as render() returns); what follows can wait a tick.
	setTimeout(() => {
		settings.makeDemoCertificates?.();
		hooks.firstFrame?.();
	}, 0);

	try {
		await instance.waitUntilExit();
	} finally {
		restore();
		controller.close();
		appender?.close();
		await settings.demo?.close();
		process.off('SIGTERM', onSignal);
		process.off('SIGHUP', onSignal);
		process.off('SIGINT', onSignal);
		process.off('exit', restore);
	}

	return 0;
}
