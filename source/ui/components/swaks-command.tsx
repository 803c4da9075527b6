import {Box, Text} from 'ink';
import {wrapToWidth} from '../text-width.js';

/** The swaks command, wrapped to the screen for copying; it never holds a password. */
export function SwaksCommand({width, height, command}: {width: number; height: number; command: string}) {
	const rows = wrapToWidth(command, width - 4).slice(0, Math.max(1, height - 4));
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
			<Text bold>the same session with swaks (it asks for the password itself) · Esc closes</Text>
			{rows.map((row, index) => (
				<Text key={index}>{row}</Text>
			))}
		</Box>
	);
}
