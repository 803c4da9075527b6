import {text as say} from '../../i18n/messages.js';
import {Box, Text} from 'ink';
import {memo} from 'react';
import type {CommandEntry} from '../../catalog/types.js';
import {formatRfc} from '../../catalog/types.js';
import type {Diagnostic} from '../../protocol/diagnostic.js';
import {sanitizeForDisplay} from '../../protocol/sanitize.js';
import type {Validation} from '../../protocol/validate.js';
import type {EditorState} from '../line-editor.js';
import {EditorLine} from './editor-line.js';
import {truncateToWidth} from '../text-width.js';
import {toneStyle, useTheme} from '../theme.js';

export type ComposerProps = {
	width: number;
	editor: EditorState;
	focused: boolean;
	/** The validator's verdict on the current text (undefined while it is empty). */
	validation?: Validation;
	/** The catalog entry of the verb being typed. */
	command?: CommandEntry;
	/** True after Enter on a line with warnings: Enter again sends it. */
	confirming: boolean;
	/** An explanation to show instead of the verb's syntax (a suggested next step). */
	step?: {title: string; text: string};
	/** What the session expects: a command, a SASL response, or message lines. */
	mode: 'command' | 'sasl-response' | 'data-line';
};

const prompts = {command: '> ', 'sasl-response': 'sasl> ', 'data-line': 'data> '};

function firstOf(diagnostics: Diagnostic[], severity: Diagnostic['severity']) {
	return diagnostics.find(diagnostic => diagnostic.severity === severity);
}

export const Composer = memo(function Composer({width, editor, focused, validation, command, confirming, step, mode}: ComposerProps) {
	const theme = useTheme();
	const t = say();
	const prompt = prompts[mode];
	const info = step && !command
		? `${step.title}: ${step.text}`
		: mode === 'sasl-response'
			? t['composer.sasl']
			: mode === 'data-line'
				? t['composer.data']
				: command
					? `${command.syntax}  ${command.summary} (${formatRfc(command.rfc)})`
					: editor.text.trim() === ''
						? t['composer.empty']
						: '';

	let verdict = {tone: 'ok' as 'ok' | 'error' | 'warning' | 'info', text: ''};
	if (validation && editor.text !== '') {
		const error = firstOf(validation.diagnostics, 'error');
		const warning = firstOf(validation.diagnostics, 'warning');
		const note = firstOf(validation.diagnostics, 'info');
		const more = validation.diagnostics.filter(diagnostic => diagnostic.severity !== 'info').length - 1;
		const extra = more > 0 ? ` ${t['composer.more'](more)}` : '';
		if (error) verdict = {tone: 'error', text: `✗ ${error.message}${error.hint ? ` ${error.hint}` : ''}${extra}`};
		else if (warning) verdict = {tone: 'warning', text: `${confirming ? `! ${t['composer.confirm']} ` : '! '}${warning.message}${warning.hint ? ` ${warning.hint}` : ''}${extra}`};
		else verdict = {tone: note ? 'info' : 'ok', text: `✓ ${t['composer.ready']}${note ? `: ${note.message}` : ''}`};
	}

	return (
		<Box flexDirection="column" width={width} height={3}>
			<Box height={1}>
				<Text bold={focused} dimColor={!focused}>
					{prompt}
				</Text>
				<EditorLine editor={editor} width={width - prompt.length} focused={focused} masked={mode === 'sasl-response' && editor.text.trim() !== '*'} />
			</Box>
			<Box height={1}>
				<Text dimColor wrap="truncate-end">
					{truncateToWidth(sanitizeForDisplay(info), width)}
				</Text>
			</Box>
			<Box height={1}>
				<Text {...toneStyle(theme, verdict.tone)} wrap="truncate-end">
					{truncateToWidth(sanitizeForDisplay(verdict.text), width)}
				</Text>
			</Box>
		</Box>
	);
});
