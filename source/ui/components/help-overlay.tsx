import {Box, Text} from 'ink';
import {bindingsFor} from '../keymap.js';
import {messageEditorKeys} from '../message-keys.js';
import {padToWidth, truncateToWidth} from '../text-width.js';

/** Every key, from the same table the router and the status bar use. */
export function HelpOverlay({width, height, mode = 'explorer'}: {width: number; height: number; mode?: 'explorer' | 'viewer'}) {
	const inner = width - 4;
	const seen = new Set<string>();
	const rows = bindingsFor(mode).filter(binding => {
		const key = `${binding.label}:${binding.description}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
	const scopes = {global: '', composer: ' (composer)', transcript: ' (transcript)', viewer: ''};
	const editing = 'Ctrl+A/E start/end · Ctrl+U/K cut to start/end · Ctrl+W or Alt+Backspace cut word · Alt+B/F word left/right';
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
			<Text bold>keys · Esc closes</Text>
			{rows.slice(0, Math.max(0, height - 6)).map(binding => (
				<Box key={`${binding.action}:${binding.scope}`} height={1}>
					<Text wrap="truncate-end">
						<Text bold>{padToWidth(binding.label, 11)}</Text>
						<Text>{truncateToWidth(`${binding.description}${scopes[binding.scope]}`, inner - 12)}</Text>
					</Text>
				</Box>
			))}
			{mode === 'explorer' ? (
				<>
					<Text dimColor wrap="truncate-end">
						{truncateToWidth(`editing: ${editing}`, inner)}
					</Text>
					<Text dimColor wrap="truncate-end">
						{truncateToWidth(`message editor: ${messageEditorKeys.map(binding => `${binding.label} ${binding.command}`).join(' · ')}`, inner)}
					</Text>
				</>
			) : null}
		</Box>
	);
}
