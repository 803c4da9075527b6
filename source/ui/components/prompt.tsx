import {Box, Text} from 'ink';
import {sanitizeForDisplay} from '../../protocol/sanitize.js';
import type {EditorState} from '../line-editor.js';
import {displayWidth, truncateToWidth, wrapToWidth} from '../text-width.js';
import {toneStyle, useTheme} from '../theme.js';

export type PromptProps = {width: number; title: string; editor: EditorState; note?: string; masked?: boolean};

const maxTitleRows = 3;

/** The rows a prompt takes: its title (wrapped, at most three rows), the answer, a note. */
export function promptHeight(width: number, title: string): number {
	return Math.min(maxTitleRows, wrapToWidth(title, width).length) + 2;
}

/**
A question in the composer's place: a file name, a user name, a password (masked), a
yes/no. It takes the keys through the app's one router, like the composer.
*/
export function Prompt({width, title, editor, note, masked}: PromptProps) {
	const theme = useTheme();
	const titleRows = wrapToWidth(title, width).slice(0, maxTitleRows);
	const before = masked ? '•'.repeat([...editor.text.slice(0, editor.cursor)].length) : sanitizeForDisplay(editor.text.slice(0, editor.cursor));
	const after = masked ? '•'.repeat([...editor.text.slice(editor.cursor)].length) : sanitizeForDisplay(editor.text.slice(editor.cursor));
	// Keep the cursor in view: drop characters from the left of a long answer.
	let shownBefore = before;
	while (shownBefore.length > 0 && displayWidth(shownBefore) + 3 >= width) shownBefore = shownBefore.slice(1);
	return (
		<Box flexDirection="column" width={width} height={titleRows.length + 2} flexShrink={0}>
			{titleRows.map((row, index) => (
				<Text key={index} bold inverse wrap="truncate-end">
					{row.padEnd(width)}
				</Text>
			))}
			<Text wrap="truncate-end">
				{'> '}
				{shownBefore}
				<Text inverse>{after.slice(0, 1) || ' '}</Text>
				{truncateToWidth(after.slice(1), Math.max(0, width - displayWidth(shownBefore) - 3))}
			</Text>
			<Text {...(note ? toneStyle(theme, 'error') : {dimColor: true})} wrap="truncate-end">
				{truncateToWidth(note ?? 'Enter confirms · Esc cancels', width)}
			</Text>
		</Box>
	);
}
