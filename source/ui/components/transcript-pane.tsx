import {text as say} from '../../i18n/messages.js';
import {Box, Text} from 'ink';
import {memo} from 'react';
import {textColumns, type TranscriptRow} from '../transcript-view.js';
import {padToWidth} from '../text-width.js';
import {rowStyle, useTheme} from '../theme.js';

export type TranscriptPaneProps = {
	/** The rows of the window (already cut to fit, see visibleWindow). */
	rows: TranscriptRow[];
	width: number;
	height: number;
	/** The entry under the line cursor, highlighted. */
	cursor?: number;
	/** Show the time and latency columns. */
	showTime: boolean;
};

type RowProps = {row: TranscriptRow; width: number; selected: boolean; showTime: boolean};

/** Rows are built anew for each window: equal when they show the same. */
function sameRow(a: RowProps, b: RowProps): boolean {
	const [x, y] = [a.row, b.row];
	return a.width === b.width && a.selected === b.selected && a.showTime === b.showTime && x.time === y.time && x.prefix === y.prefix && x.text === y.text && x.latency === y.latency && x.kind === y.kind && x.replyClass === y.replyClass;
}

/** One row: time, prefix, text, latency. Memoised: only rows that show something new are rebuilt. */
const Row = memo(function Row({row, width, selected, showTime}: RowProps) {
	const theme = useTheme();
	const time = showTime ? `${row.time.padEnd(12)} ` : '';
	const latency = showTime ? row.latency.padStart(7) : '';
	const textWidth = textColumns({width, showTime});
	const style = rowStyle(theme, row);
	// One line of text, no box around it: each node here is built again on every page turn.
	return (
		<Text wrap="truncate-end" inverse={selected}>
			{time ? <Text dimColor>{time}</Text> : null}
			<Text {...style}>{`${row.prefix} ${padToWidth(row.text, textWidth)}`}</Text>
			{showTime ? <Text dimColor>{` ${latency}`}</Text> : null}
		</Text>
	);
}, sameRow);

/**
Memoised: a key that changes neither the rows nor the cursor (typing) leaves the pane alone.
Clipped only at the bottom: each row is cut to the pane's width already, and a horizontal
clip would have Ink cut every new row again (slice-ansi), most of a PgUp's frame.
*/
export const TranscriptPane = memo(function TranscriptPane({rows, width, height, cursor, showTime}: TranscriptPaneProps) {
	return (
		<Box flexDirection="column" width={width} height={height} overflowY="hidden">
			{rows.length === 0 ? <Text dimColor>{say()['transcript.empty']}</Text> : null}
			{rows.map((row, index) => (
				// Keyed by place on screen: a page turn gives the same rows new text rather than
				// building new ones (and their layout nodes) and dropping the old.
				<Row key={index} row={row} width={width} selected={cursor === row.entry} showTime={showTime} />
			))}
		</Box>
	);
});
