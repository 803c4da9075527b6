import {Text} from 'ink';
import {sanitizeForDisplay} from '../../protocol/sanitize.js';
import type {EditorState} from '../line-editor.js';
import {displayWidth, truncateToWidth} from '../text-width.js';

/**
Shows text with the cursor, scrolled sideways to keep the cursor in view. Control
characters typed or pasted are shown as escapes, never written raw to the terminal.
*/
export function EditorLine({editor, width, focused, masked}: {editor: EditorState; width: number; focused: boolean; masked: boolean}) {
	const before = masked ? '•'.repeat([...editor.text.slice(0, editor.cursor)].length) : sanitizeForDisplay(editor.text.slice(0, editor.cursor));
	const rest = editor.text.slice(editor.cursor);
	const [atCursor = ' ', ...after] = [...rest];
	const cursorText = masked && rest !== '' ? '•' : sanitizeForDisplay(atCursor);
	const afterText = masked ? '•'.repeat(after.length) : sanitizeForDisplay(after.join(''));
	// Keep the cursor on screen: drop characters from the left as needed.
	let shownBefore = before;
	while (displayWidth(shownBefore) + displayWidth(cursorText) >= width && shownBefore.length > 0) shownBefore = shownBefore.slice(1);
	const room = Math.max(0, width - displayWidth(shownBefore) - displayWidth(cursorText));
	return (
		<Text wrap="truncate-end">
			{shownBefore}
			<Text inverse={focused}>{cursorText}</Text>
			{truncateToWidth(afterText, room)}
		</Text>
	);
}
