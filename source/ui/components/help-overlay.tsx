import {text as say} from '../../i18n/messages.js';
import {Box, Text} from 'ink';
import {helpLines} from '../help-lines.js';
import {padToWidth, truncateToWidth} from '../text-width.js';

/**
Every key, from the same table the router and the status bar use; scrolled to `offset`
when the terminal cannot show them all (Up/Down, PgUp/PgDn, Home/End).
*/
export function HelpOverlay({width, height, mode = 'explorer', offset = 0}: {width: number; height: number; mode?: 'explorer' | 'viewer'; offset?: number}) {
	const inner = width - 4;
	const lines = helpLines(mode);
	const rows = Math.max(1, height - 4);
	const first = Math.max(0, Math.min(offset, lines.length - rows));
	const shown = lines.slice(first, first + rows);
	const labelWidth = 18;
	const position = lines.length > rows ? ` · ${say()['help.position'](first + 1, first + shown.length, lines.length)}` : '';
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
			<Text bold wrap="truncate-end">
				{truncateToWidth(`${say()['help.title']}${position}`, inner)}
			</Text>
			{shown.map(line => (
				<Box key={`${line.label}:${line.text}`} height={1}>
					<Text wrap="truncate-end">
						<Text bold>{padToWidth(line.label, labelWidth)}</Text>
						<Text>{truncateToWidth(line.text, inner - labelWidth - 1)}</Text>
					</Text>
				</Box>
			))}
		</Box>
	);
}
