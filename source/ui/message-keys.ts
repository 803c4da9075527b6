import type {Key} from './key-parser.js';
import type {TextKey} from '../i18n/messages.js';
import type {TextAreaAction} from './text-area.js';

/** What a key does in the message editor: edit the text, or one of the editor's commands. */
export type MessageKey =
	| {type: 'edit'; action: TextAreaAction}
	| {type: 'command'; command: MessageCommand}
	| undefined;

export type MessageCommand = 'send' | 'wire' | 'load' | 'external' | 'leave' | 'abandon';

/** The message editor's own keys: the router, the editor's title and the help all read this. */
export const messageEditorKeys: ReadonlyArray<{key: string; ctrl: boolean; command: MessageCommand; label: string; description: TextKey}> = [
	{key: 'd', ctrl: true, command: 'send', label: 'Ctrl+D', description: 'keys.message.send'},
	{key: 'v', ctrl: true, command: 'wire', label: 'Ctrl+V', description: 'keys.message.wire'},
	{key: 'l', ctrl: true, command: 'load', label: 'Ctrl+L', description: 'keys.message.load'},
	{key: 'e', ctrl: true, command: 'external', label: 'Ctrl+E', description: 'keys.message.external'},
	{key: 'escape', ctrl: false, command: 'leave', label: 'Esc', description: 'keys.message.leave'},
	{key: 'c', ctrl: true, command: 'abandon', label: 'Ctrl+C', description: 'keys.message.abandon'},
];

const moves: Record<string, 'left' | 'right' | 'up' | 'down' | 'home' | 'end'> = {left: 'left', right: 'right', up: 'up', down: 'down', home: 'home', end: 'end'};

export function messageKey(key: Key, pageRows: number): MessageKey {
	const binding = messageEditorKeys.find(item => item.key === key.name && item.ctrl === key.ctrl);
	if (binding) return {type: 'command', command: binding.command};
	if (key.ctrl) {
		if (key.name === 'home') return {type: 'edit', action: {type: 'move', direction: 'top'}};
		if (key.name === 'end') return {type: 'edit', action: {type: 'move', direction: 'bottom'}};
		return undefined;
	}

	if (key.name === 'text' || key.name === 'paste') return {type: 'edit', action: {type: 'insert', text: key.text}};
	if (key.name === 'return') return {type: 'edit', action: {type: 'newline'}};
	if (key.name === 'tab') return {type: 'edit', action: {type: 'insert', text: '\t'}};
	if (key.name === 'backspace') return {type: 'edit', action: {type: 'backspace'}};
	if (key.name === 'delete') return {type: 'edit', action: {type: 'delete'}};
	if (key.name === 'pageup' || key.name === 'pagedown') return {type: 'edit', action: {type: 'page', rows: key.name === 'pageup' ? -pageRows : pageRows}};
	const direction = moves[key.name];
	return direction ? {type: 'edit', action: {type: 'move', direction}} : undefined;
}
