import {text as say} from '../../i18n/messages.js';
import {Box, Text} from 'ink';
import {sanitizeForDisplay} from '../../protocol/sanitize.js';
import {truncateToWidth} from '../text-width.js';

export type BatchPreviewProps = {
	width: number;
	height: number;
	lines: string[];
	/** What the validator said of the first line when the paste arrived (later ones depend on the replies). */
	problem?: {severity: 'error' | 'warning'; message: string};
	dataMode: boolean;
};

/** A multi-line paste before it is sent: each line, and what the validator says of the first. */
export function BatchPreview({width, height, lines, problem, dataMode}: BatchPreviewProps) {
	const shown = lines.slice(0, Math.max(1, height - 4));
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
			<Text bold wrap="truncate-end">
				{truncateToWidth(say()['batch.title'](lines.length, dataMode), width - 4)}
			</Text>
			{shown.map((line, index) => (
				<Text key={index} wrap="truncate-end">
					<Text dimColor>{String(index + 1).padStart(3)} </Text>
					<Text>{truncateToWidth(sanitizeForDisplay(line), Math.max(10, width - 40))}</Text>
					{index === 0 && problem ? <Text bold>{`  ${problem.severity}: ${truncateToWidth(problem.message, 30)}`}</Text> : null}
				</Text>
			))}
			{lines.length > shown.length ? <Text dimColor>{`… ${lines.length - shown.length} more`}</Text> : null}
		</Box>
	);
}
