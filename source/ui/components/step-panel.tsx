import {text as say} from '../../i18n/messages.js';
import {Box, Text} from 'ink';
import {truncateToWidth, wrapToWidth} from '../text-width.js';

/** The walk's explanation of the suggested step, a paragraph above the composer. */
export function StepPanel({width, height, title, text}: {width: number; height: number; title: string; text: string}) {
	const rows = wrapToWidth(text, width - 2).slice(0, height - 2);
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="single" borderLeft={false} borderRight={false} borderBottom={false}>
			<Text bold>{truncateToWidth(`${title} · ${say()['step.keys']}`, width)}</Text>
			{rows.map((row, index) => (
				<Text key={index}>{row}</Text>
			))}
		</Box>
	);
}
