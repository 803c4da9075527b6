import {readFileSync, statSync} from 'node:fs';
import {basename} from 'node:path';
import {render} from 'ink';
import meow from 'meow';
import {parseTranscript} from '../protocol/transcript-format.js';
import {describeFileError} from '../session/transcript-file.js';
import {useTerminalSize} from '../ui/hooks/use-terminal-size.js';
import {colorWanted, enterAlternateScreen, leaveAlternateScreen} from '../ui/screen.js';
import {ThemeProvider} from '../ui/theme.js';
import {Viewer} from '../ui/viewer.js';
import type {CommandIo} from './io.js';

const help = `
	Usage
	  $ smtp-explorer view FILE [--no-color]

	Opens a saved session read-only in the transcript pane: the same explanations (Up/Down
	puts the cursor on a reply and explains it), filters (Ctrl+F), timestamps (Ctrl+T) and
	search (/, n, N). JSON lines files (.jsonl) keep everything; text and Markdown
	transcripts are read too. q or Ctrl+C closes it.

	Options
	  --no-color    monochrome (also when NO_COLOR is set)
`;
export const commandFlags = {color: {type: 'boolean', default: true}} as const;

export async function main(argv: string[], io: CommandIo): Promise<number> {
	const cli = meow(help, {importMeta: import.meta, argv, flags: commandFlags});
	const [path, ...extra] = cli.input;
	if (!path || extra.length > 0) {
		io.stderr.write('smtp-explorer view: give one transcript file\n');
		return 2;
	}

	let text: string;
	let modified: number;
	try {
		text = readFileSync(path, 'utf8');
		modified = statSync(path).mtimeMs;
	} catch (error) {
		io.stderr.write(`smtp-explorer view: ${describeFileError(path, error as NodeJS.ErrnoException)}\n`);
		return 1;
	}

	const parsed = parseTranscript(text, modified);
	if (parsed.entries.length === 0) {
		io.stderr.write(`smtp-explorer view: ${path} holds no transcript lines${parsed.errors.length > 0 ? ` (${parsed.errors.length} lines could not be read)` : ''}\n`);
		return 1;
	}

	if (!process.stdout.isTTY || !process.stdin.isTTY) {
		io.stderr.write('smtp-explorer view: needs a terminal\n');
		return 2;
	}

	const color = colorWanted(cli.flags.color, io.env);
	process.stdout.write(enterAlternateScreen);
	function Root() {
		const {width, height} = useTerminalSize();
		return (
			<ThemeProvider theme={{color}}>
				<Viewer entries={parsed.entries} title={basename(path!)} skipped={parsed.errors.length} width={width} height={height} onExit={() => instance.unmount()} />
			</ThemeProvider>
		);
	}

	const instance = render(<Root />, {exitOnCtrlC: false, patchConsole: true, incrementalRendering: true});
	try {
		await instance.waitUntilExit();
	} finally {
		process.stdout.write(leaveAlternateScreen);
	}

	return 0;
}
