import {readFileSync} from 'node:fs';
import {basename} from 'node:path';
import {type Language, messages, type Messages} from '../i18n/messages.js';
import {codeForms, curlCode, nodeCode, pythonCode, swaksCode, type CodeForm, type CodeResult} from '../protocol/session-code.js';
import {exportScript} from '../protocol/session-export.js';
import {extractReplay, hideAuthSecrets} from '../protocol/session-replay.js';
import {sanitizeForDisplay} from '../protocol/sanitize.js';
import {parseJsonLines} from '../protocol/transcript-format.js';
import type {TranscriptEntry} from '../protocol/transcript.js';
import {parseCommandLine, reportNotRun} from './arguments.js';
import type {CommandIo} from './io.js';
import {commandLanguage, languageFlagSpec} from './language-option.js';

export type ExportForm = CodeForm | 'script';

export const forms: readonly ExportForm[] = [...codeForms, 'script'];

export type ExportOutcome = {ok: true; code: string} | {ok: false; error: string};

/**
The code for one form, from the entries of a saved session. Pure apart from the words it
picks: AUTH secrets are hidden first, whatever the file kept (see hideAuthSecrets).
*/
export function exportSession(entries: readonly TranscriptEntry[], form: ExportForm, source: string, language: Language = 'en'): ExportOutcome {
	const m = messages(language);
	const safe = hideAuthSecrets(entries);
	if (form === 'script') return {ok: true, code: exportScript(safe)};
	const extracted = extractReplay(safe);
	if (!extracted.ok) return {ok: false, error: m['export.error.session'](m[`export.reason.${extracted.problem}`])};
	const result: CodeResult =
		form === 'python' ? pythonCode(extracted.replay, source) : form === 'node' ? nodeCode(extracted.replay, source) : form === 'swaks' ? swaksCode(extracted.replay) : curlCode(extracted.replay);
	if (result.ok) return result;
	return {ok: false, error: m[`export.problem.${result.problem}`](form, sanitizeForDisplay(result.detail))};
}

function isForm(value: string): value is ExportForm {
	return (forms as readonly string[]).includes(value);
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
