import {basename} from 'node:path';
import {render} from 'ink';
import meow from 'meow';
import {useSyncExternalStore} from 'react';
import {messages} from '../i18n/messages.js';
import {sanitizeForDisplay} from '../protocol/sanitize.js';
import {describeReadError} from '../session/file-read.js';
import {TranscriptIndex} from '../session/transcript-index.js';
import {useTerminalSize} from '../ui/hooks/use-terminal-size.js';
import {colorWanted, enterAlternateScreen, leaveAlternateScreen} from '../ui/screen.js';
import {ThemeProvider} from '../ui/theme.js';
import {Viewer} from '../ui/viewer.js';
import type {CommandIo} from './io.js';
import {commandLanguage, languageFlagSpec} from './language-option.js';

export const commandFlags = {color: {type: 'boolean', default: true}, ...languageFlagSpec} as const;

/** What the start gives the viewer when it runs from its CommonJS bundle (scripts/bundle.mjs, source/cli.tsx). */
export type ViewHooks = {
	/** Settles when the layout engine is ready to draw (the CommonJS bundle instantiates it in the background). */
	ready?: Promise<unknown>;
	/** Called once the first frame is out: the moment to write the code cache. */
	firstFrame?: () => void;
};

export async function main(argv: string[], io: CommandIo, hooks: ViewHooks = {}): Promise<number> {
	// The header and the status line speak the chosen language.
	const chosen = await commandLanguage(argv, io, 'view');
	if (!chosen.ok) return chosen.exitCode;
	const t = messages(chosen.language);
	const cli = meow(t['view.help'], {importMeta: import.meta, argv, flags: commandFlags});
	const [path, ...extra] = cli.input;
	if (!path || extra.length > 0) {
		io.stderr.write(`smtp-explorer view: ${t['view.error.oneFile']}\n`);
		return 2;
	}

	let index: TranscriptIndex;
	try {
		index = await TranscriptIndex.open(path);
	} catch (error) {
		io.stderr.write(`smtp-explorer view: ${describeReadError(path, error as NodeJS.ErrnoException)}\n`);
		return 1;
	}

	try {
		const first = await index.firstLines(firstLinesChecked);
		if (first.readable === 0 && (first.done || first.checked > 0)) {
			io.stderr.write(`smtp-explorer view: ${t['view.error.empty'](sanitizeForDisplay(path), first.checked)}\n`);
			return 1;
		}

		if (!process.stdout.isTTY || !process.stdin.isTTY) {
			io.stderr.write(`smtp-explorer view: ${t['view.error.terminal']}\n`);
			return 2;
		}

		await hooks.ready;
		return await show(index, sanitizeForDisplay(basename(path)), colorWanted(cli.flags.color, io.env), hooks);
	} finally {
		index.close();
	}
}

/** Lines looked at before the viewer opens: if none of them is a transcript line, the file is not a transcript. */
const firstLinesChecked = 50;

async function show(index: TranscriptIndex, title: string, color: boolean, hooks: ViewHooks): Promise<number> {
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		process.stdout.write(leaveAlternateScreen);
	};

	// The terminal went away (SSH dropped, window closed: SIGHUP, or a read that fails with
	// EIO) or the process is told to stop: stop at once, whatever the background pass is doing.
	const stop = (code: number) => {
		instance.unmount();
		restore();
		index.close();
		process.exit(code);
	};

	const onSignal = (signal: NodeJS.Signals) => stop(128 + (signal === 'SIGHUP' ? 1 : 15));
	const onInputError = () => stop(129);
	process.stdout.write(enterAlternateScreen);
	function Root() {
		const {width, height} = useTerminalSize();
		const snapshot = useSyncExternalStore(index.subscribe, index.snapshot);
		const loading = snapshot.done ? undefined : {done: snapshot.bytesIndexed, total: snapshot.totalBytes};
		return (
			<ThemeProvider theme={{color}}>
				<Viewer entries={snapshot.entries} title={title} skipped={0} {...(loading ? {loading} : {})} width={width} height={height} onExit={() => instance.unmount()} />
			</ThemeProvider>
		);
	}

	const instance = render(<Root />, {exitOnCtrlC: false, patchConsole: true, incrementalRendering: true});
	process.on('SIGTERM', onSignal);
	process.on('SIGHUP', onSignal);
	process.stdin.on('error', onInputError);
	// The first frame is out (Ink writes it as render() returns); the cache can be written now.
	setTimeout(() => hooks.firstFrame?.(), 0);
	try {
		await instance.waitUntilExit();
	} finally {
		restore();
		process.off('SIGTERM', onSignal);
		process.off('SIGHUP', onSignal);
		process.stdin.off('error', onInputError);
	}

	return 0;
}
