import {type TextKey, type Messages, text as messagesText} from '../i18n/messages.js';
import {bindingsFor, type Binding} from './keymap.js';
import {messageEditorKeys} from './message-keys.js';

/**
The help overlay's lines, from the keymap (every scope) and the message editor's table,
each description looked up in the language's message table: the router scrolls through
them and the overlay draws the rows that fit.
*/
export type HelpLine = {label: string; text: string};

const scopeNames: Record<Binding['scope'], TextKey | undefined> = {
	global: undefined,
	composer: 'help.scope.composer',
	transcript: 'help.scope.transcript',
	viewer: undefined,
	palette: 'help.scope.palette',
	help: 'help.scope.help',
	prompt: 'help.scope.prompt',
	choice: 'help.scope.choice',
	mailbox: 'help.scope.mailbox',
	batch: 'help.scope.batch',
	swaks: 'help.scope.swaks',
};

/** Editing keys shared by the composer, the palette's search and the questions. */
const editing: Array<{label: string; text: TextKey}> = [
	{label: 'Home, End', text: 'help.editing.home-end'},
	{label: 'Ctrl+E', text: 'help.editing.end'},
	{label: 'Ctrl+U, K', text: 'help.editing.cut'},
	{label: 'Ctrl+W', text: 'help.editing.word'},
	{label: 'Alt+B, F', text: 'help.editing.move-word'},
];

/** Key names people read differently per language (the arrows, the space bar); the rest are printed on the keys. */
function keyLabel(label: string, t: Messages): string {
	return label.replace(/\bUp\b/, t['help.key.up']).replace(/\bDown\b/, t['help.key.down']).replace(/\bSpace\b/, t['help.key.space']);
}

export function helpLines(mode: 'explorer' | 'viewer'): HelpLine[] {
	const t = messagesText();
	const seen = new Set<string>();
	const lines: HelpLine[] = [];
	for (const binding of bindingsFor(mode)) {
		const scope = scopeNames[binding.scope];
		const line = {label: keyLabel(binding.label, t), text: `${t[binding.description]}${scope ? ` ${t[scope]}` : ''}`};
		const id = `${line.label}:${line.text}`;
		if (seen.has(id)) continue;
		seen.add(id);
		lines.push(line);
	}

	if (mode === 'viewer') return lines;
	return [
		...lines,
		...editing.map(line => ({label: line.label, text: t[line.text]})),
		...messageEditorKeys.map(binding => ({label: binding.label, text: `${t[binding.description]} ${t['help.scope.message']}`})),
	];
}
