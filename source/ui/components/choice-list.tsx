import {Box, Text} from 'ink';
import {truncateToWidth} from '../text-width.js';

export type Choice = {value: string; label: string};

/**
A short list to pick from with Up, Down and Enter (the app's router moves the selection):
the AUTH mechanisms, what to export. Each choice is one row, cut to fit.
*/
export function ChoiceList({width, height, title, choices, selected}: {width: number; height: number; title: string; choices: Choice[]; selected: number}) {
	const inner = width - 4;
	const rows = Math.max(1, height - 3);
	const first = Math.max(0, Math.min(selected - rows + 1, choices.length - rows));
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
			<Text bold wrap="truncate-end">
				{truncateToWidth(title, inner)}
			</Text>
			{choices.slice(first, first + rows).map((choice, index) => {
				const isSelected = first + index === selected;
				return (
					<Text key={choice.value} inverse={isSelected} wrap="truncate-end">
						{truncateToWidth(`${isSelected ? '›' : ' '} ${choice.label}`, inner)}
					</Text>
				);
			})}
		</Box>
	);
}
