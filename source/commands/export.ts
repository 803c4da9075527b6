import {readFileSync} from 'node:fs';
import {basename} from 'node:path';
import {messages, type Messages} from '../i18n/messages.js';
import {type ExportForm, exportForms, exportSession} from '../protocol/export-session.js';
import {sanitizeForDisplay} from '../protocol/sanitize.js';
import {parseJsonLines} from '../protocol/transcript-format.js';
export {type ExportForm, exportSession} from '../protocol/export-session.js';
import {parseCommandLine, reportNotRun} from './arguments.js';
import type {CommandIo} from './io.js';
import {commandLanguage, languageFlagSpec} from './language-option.js';

function isForm(value: string): value is ExportForm {
	return (exportForms as readonly string[]).includes(value);
}

function fail(io: CommandIo, text: string, code: number): number {
	io.stderr.write(`smtp-explorer export: ${text}\n`);
	return code;
}

/** `smtp-explorer export FILE.jsonl --as python|node|swaks|curl|script`: the code on stdout. */
export const commandFlags = {as: {type: 'string'}, ...languageFlagSpec} as const;

export async function main(argv: string[], io: CommandIo): Promise<number> {
	const chosen = await commandLanguage(argv, io, 'export');
	if (!chosen.ok) return chosen.exitCode;
	const {language} = chosen;
	const m: Messages = messages(language);
	const parsed = parseCommandLine(m['export.help'], argv, commandFlags);
	if (!parsed.ok) return reportNotRun(parsed, io, 'export');

	const {cli} = parsed;
	if (cli.input.length === 0) return fail(io, m['export.error.noFile'], 2);
	if (cli.input.length > 1) return fail(io, m['export.error.tooMany'], 2);
	if (cli.flags.as === undefined) return fail(io, m['export.error.noAs'], 2);
	const form = cli.flags.as.toLowerCase();
	if (!isForm(form)) return fail(io, m['export.error.as'](sanitizeForDisplay(cli.flags.as)), 2);

	const file = cli.input[0]!;
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		return fail(io, m['export.error.read'](sanitizeForDisplay(file), (error as NodeJS.ErrnoException).code ?? (error as Error).message), 1);
	}

	if (!text.trimStart().startsWith('{')) return fail(io, m['export.error.notJsonl'], 1);
	const transcript = parseJsonLines(text);
	if (transcript.errors.length > 0) return fail(io, m['export.error.badLines'](transcript.errors.length, transcript.errors[0]!.line), 1);

	// The file's name goes into a comment of the code: only plain characters.
	const outcome = exportSession(transcript.entries, form, basename(file).replace(/[^\w.@+-]/g, '_'), language);
	if (!outcome.ok) return fail(io, outcome.error, 1);
	io.stdout.write(outcome.code);
	return 0;
}
