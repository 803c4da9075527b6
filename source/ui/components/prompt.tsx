import {Box, Text} from 'ink';
import {sanitizeForDisplay} from '../../protocol/sanitize.js';
import type {EditorState} from '../line-editor.js';
import {truncateToWidth} from '../text-width.js';
import {toneStyle, useTheme} from '../theme.js';

export type PromptProps = {width: number; title: string; editor: EditorState; note?: string; masked?: boolean};

/** A one-line question over the screen: a file name, a password, a yes/no. */
export function Prompt({width, title, editor, note, masked}: PromptProps) {
	const theme = useTheme();
	const shown = masked ? '•'.repeat([...editor.text].length) : sanitizeForDisplay(editor.text);
	return (
		<Box flexDirection="column" width={width} borderStyle="round" paddingX={1}>
			<Text bold wrap="truncate-end">
				{truncateToWidth(title, width - 4)}
			</Text>
			<Box>
				<Text>{'> '}</Text>
				<Text wrap="truncate-start">{shown}</Text>
				<Text inverse> </Text>
			</Box>
			<Text {...(note ? toneStyle(theme, 'error') : {dimColor: true})} wrap="truncate-end">
				{truncateToWidth(note ?? 'Enter confirms · Esc cancels', width - 4)}
			</Text>
		</Box>
	);
}
