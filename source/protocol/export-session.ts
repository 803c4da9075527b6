import {type Language, messages} from '../i18n/messages.js';
import {sanitizeForDisplay} from './sanitize.js';
import {codeForms, curlCode, nodeCode, pythonCode, swaksCode, type CodeForm, type CodeResult} from './session-code.js';
import {exportScript} from './session-export.js';
import {extractReplay, hideAuthSecrets} from './session-replay.js';
import type {TranscriptEntry} from './transcript.js';

/*
Exporting a session as code, for both the export sub-command and the explorer's Ctrl+X:
the run script or one of the code forms, or why the session cannot be exported so.
*/

export type ExportForm = CodeForm | 'script';

export const exportForms: readonly ExportForm[] = [...codeForms, 'script'];

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

