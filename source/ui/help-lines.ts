import {bindingsFor, type Binding} from './keymap.js';
import {messageEditorKeys} from './message-keys.js';

/**
The help overlay's lines, from the keymap (every scope) and the message editor's table:
the router scrolls through them and the overlay draws the rows that fit.
*/
export type HelpLine = {label: string; text: string};

const scopeNames: Record<Binding['scope'], string> = {
	global: '',
	composer: ' (composer)',
	transcript: ' (transcript)',
	viewer: '',
	palette: ' (palette)',
	help: ' (help)',
	prompt: ' (questions)',
	choice: ' (choices)',
	mailbox: ' (mailbox)',
	batch: ' (paste preview)',
	swaks: ' (swaks command)',
};

/** Editing keys shared by the composer, the palette's search and the questions. */
const editing: HelpLine[] = [
	{label: 'Home, End', text: 'start / end of the line (editing)'},
	{label: 'Ctrl+E', text: 'end of the line (editing)'},
	{label: 'Ctrl+U, K', text: 'cut to the start / to the end (editing)'},
	{label: 'Ctrl+W', text: 'cut the word before the cursor; Alt+Backspace too (editing)'},
	{label: 'Alt+B, F', text: 'word left / right; Ctrl+Left and Ctrl+Right too (editing)'},
];

export function helpLines(mode: 'explorer' | 'viewer'): HelpLine[] {
	const seen = new Set<string>();
	const lines: HelpLine[] = [];
	for (const binding of bindingsFor(mode)) {
		const line = {label: binding.label, text: `${binding.description}${scopeNames[binding.scope]}`};
		const id = `${line.label}:${line.text}`;
		if (seen.has(id)) continue;
		seen.add(id);
		lines.push(line);
	}

	if (mode === 'viewer') return lines;
	return [...lines, ...editing, ...messageEditorKeys.map(binding => ({label: binding.label, text: `${binding.description} (message editor)`}))];
}
