import {text as say} from '../../i18n/messages.js';
import {Box, Text} from 'ink';
import {sanitizeForDisplay} from '../../protocol/sanitize.js';
import {maxTextLineOctets} from '../../protocol/data-encoder.js';
import {messageEditorKeys} from '../message-keys.js';
import {EditorLine} from './editor-line.js';
import type {MessageNote} from '../message-model.js';
import type {TextAreaState} from '../text-area.js';
import {truncateToWidth} from '../text-width.js';
import {toneStyle, useTheme} from '../theme.js';

export type MessageEditorProps = {
	width: number;
	height: number;
	area: TextAreaState;
	/** Show the bytes as they will be sent: dot-stuffed, CRLF line ends, the final dot. */
	wire: boolean;
	notes: MessageNote[];
	/** How the message will go: after DATA's 354, or as BDAT chunks. */
	via: 'DATA' | 'BDAT';
};

const gutter = 5;

/**
The message editor: the whole message with line numbers, the cursor, marks on lines
that will be dot-stuffed (·) or are too long (!), and what the editor knows about it.
*/
export function MessageEditor({width, height, area, wire, notes, via}: MessageEditorProps) {
	const theme = useTheme();
	const inner = width - 4;
	const textRows = Math.max(3, height - 3 - notes.length - 1);
	const first = Math.max(0, Math.min(area.row - Math.floor(textRows / 2), area.lines.length - textRows));
	const shownLines = area.lines.slice(first, first + textRows);
	const t = say();
	const words = {send: `${t['editor.send']}${via === 'BDAT' ? ' (BDAT)' : ''}`, wire: wire ? t['editor.editView'] : t['editor.wireView'], external: '$EDITOR', load: t['editor.load'], leave: t['editor.leave'], abandon: t['editor.abandon']};
	const keys = messageEditorKeys.map(binding => `${binding.label} ${words[binding.command]}`).join(' · ');
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
			<Text bold wrap="truncate-end">
				{truncateToWidth(`${wire ? t['editor.titleWire'] : t['editor.title']} · ${keys}`, inner)}
			</Text>
			{shownLines.map((line, index) => {
				const number = first + index;
				const stuffed = line.startsWith('.');
				const long = Buffer.byteLength(line) > maxTextLineOctets;
				const mark = long ? '!' : stuffed ? '·' : ' ';
				const text = wire ? `${stuffed ? '.' : ''}${line}␍␊` : line;
				const shown = sanitizeForDisplay(text);
				const isCursorRow = number === area.row && !wire;
				const room = inner - gutter;
				return (
					<Box key={number} height={1}>
						<Text dimColor>{`${String(number + 1).padStart(3)}${mark} `}</Text>
						{isCursorRow ? <EditorLine editor={{text: line, cursor: area.column}} width={room} focused masked={false} /> : <Text wrap="truncate-end">{truncateToWidth(shown, room)}</Text>}
					</Box>
				);
			})}
			{wire && first + textRows >= area.lines.length ? <Text dimColor>{'    '} .␍␊ (ends the message)</Text> : null}
			<Text dimColor>{'─'.repeat(inner)}</Text>
			{notes.map(note => (
				<Text key={note.text} {...(note.tone === 'info' ? {dimColor: true} : toneStyle(theme, note.tone))} wrap="truncate-end">
					{truncateToWidth(note.text, inner)}
				</Text>
			))}
		</Box>
	);
}
