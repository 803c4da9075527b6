import {text as say} from '../../i18n/messages.js';
import {Box, Text} from 'ink';
import {memo} from 'react';
import {sanitizeForDisplay} from '../../protocol/sanitize.js';
import {statusHints} from '../keymap.js';
import type {ProgressStatus} from '../progress-status.js';
import {displayWidth, truncateToWidth} from '../text-width.js';
import {toneStyle, useTheme} from '../theme.js';
import type {Flash} from '../ui-state.js';

/**
The bottom line: the progress of long work when there is some (with the key that cancels
it, or the key hints after it), else a message when there is one, otherwise the key hints
from the keymap.
*/
export const StatusBar = memo(function StatusBar({width, flash, scrolled, mode = 'explorer', progress}: {width: number; flash?: Flash; scrolled: boolean; mode?: 'explorer' | 'viewer'; progress?: ProgressStatus}) {
	const theme = useTheme();
	if (progress) {
		// Live figures in the terminal's own colour, so they stand out from the dim hints.
		const shown = truncateToWidth(` ${progress.text}  `, width);
		const rest = Math.max(0, width - displayWidth(shown));
		return (
			<Box height={1} width={width}>
				<Text wrap="truncate-end">
					{shown}
					<Text dimColor>{progress.hint ? truncateToWidth(progress.hint, rest) : statusHints(rest, mode)}</Text>
				</Text>
			</Box>
		);
	}

	if (flash) {
		return (
			<Box height={1} width={width}>
				<Text {...toneStyle(theme, flash.tone === 'info' ? 'info' : flash.tone)} wrap="truncate-end">
					{truncateToWidth(` ${sanitizeForDisplay(flash.text)}`, width)}
				</Text>
			</Box>
		);
	}

	const prefix = scrolled ? ` ${say()['status.scrolled']}  ` : ' ';
	return (
		<Box height={1} width={width}>
			<Text dimColor wrap="truncate-end">
				{prefix}
				{statusHints(width - prefix.length, mode)}
			</Text>
		</Box>
	);
});

/** Shown instead of the layout when the terminal is too small to draw it without breaking. */
export function TooSmall({width, height, minimum}: {width: number; height: number; minimum: {width: number; height: number}}) {
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text bold wrap="truncate-end">
				{say()['status.tooSmall'](`${minimum.width}x${minimum.height}`)}
			</Text>
			<Text wrap="truncate-end">
				{say()['status.enlarge'](`${width}x${height}`)}
			</Text>
			<Text dimColor wrap="truncate-end">
				{say()['status.ctrlCQuits']}
			</Text>
		</Box>
	);
}
