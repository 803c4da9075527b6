import {text as say} from '../../i18n/messages.js';
import {Box, Text} from 'ink';
import type {EditorState} from '../line-editor.js';
import {padToWidth, truncateToWidth, wrapToWidth} from '../text-width.js';
import {maxTitleRows} from '../screen-layout.js';
import {EditorLine} from './editor-line.js';
import {toneStyle, useTheme} from '../theme.js';

export type PromptProps = {width: number; title: string; editor: EditorState; note?: string; masked?: boolean};


/**
A question in the composer's place: a file name, a user name, a password (masked), a
yes/no. It takes the keys through the app's one router, like the composer.
*/
export function Prompt({width, title, editor, note, masked}: PromptProps) {
	const theme = useTheme();
	const titleRows = wrapToWidth(title, width).slice(0, maxTitleRows);
	return (
		<Box flexDirection="column" width={width} height={titleRows.length + 2} flexShrink={0}>
			{titleRows.map((row, index) => (
				<Text key={index} bold inverse wrap="truncate-end">
					{padToWidth(row, width)}
				</Text>
			))}
			<Box height={1}>
				<Text>{'> '}</Text>
				<EditorLine editor={editor} width={width - 2} focused masked={Boolean(masked)} />
			</Box>
			<Text {...(note ? toneStyle(theme, 'error') : {dimColor: true})} wrap="truncate-end">
				{truncateToWidth(note ?? say()['prompt.keys'], width)}
			</Text>
		</Box>
	);
}
