import {text as say} from '../i18n/messages.js';
import {searchCatalog} from '../catalog/search.js';
import type {Key} from './key-parser.js';
import {matchAction} from './keymap.js';
import {editorActionForKey} from './line-editor.js';
import {messageKey} from './message-keys.js';
import {attributeHelper, attributeVerbOf, base64Tool, templateFor} from './palette-model.js';
import {routeMain} from './router-main.js';
import {authChoices, closePrompt, exportChoices, exportChosen, messageCommand, quitNow, startAuthHelper, submitPrompt, submitSecret} from './router-flows.js';
import {type RouteContext, type Routed, stay} from './router-types.js';
import {helpLines} from './help-lines.js';
import {overlayRows} from './screen-layout.js';
import {textOf} from './text-area.js';
import {uiReducer, type UiState} from './ui-state.js';

/**
The explorer's one input router: a key and the state the previous key left give the next
state and what to do at the edge (send, save, authenticate...). Pure: no socket, no
terminal, no clock, so each scope's keys are table-tested, and a read holding many keys
(eight Up arrows, `noop` and Enter) is routed key by key.
*/
export function routeKey(before: UiState, key: Key, context: RouteContext): Routed {
	let state = before;
	if (state.flash && !key.ctrl) state = {...state, flash: undefined};
	const {overlay} = state;
	switch (overlay.kind) {
		case 'secret': {
			const action = matchAction(key, 'prompt');
			if (action === 'close' || action === 'quit') return stay({...state, overlay: {kind: 'none'}, mechanism: undefined, flash: {text: say()['auth.cancelled'], tone: 'info'}});
			if (action === 'send') return submitSecret(state, overlay);
			return edit(state, key, 'prompt-edit');
		}

		case 'prompt': {
			const action = matchAction(key, 'prompt');
			// Asked to save before quitting, Ctrl+C is the explicit "quit without saving".
			if (action === 'quit' && (overlay.prompt === 'quit-save' || overlay.prompt === 'quit-overwrite')) return quitNow(state);
			if (action === 'close' || action === 'quit') return closePrompt(state, overlay.prompt, context);
			if (action === 'send') return submitPrompt(state, overlay.editor.text, overlay.prompt, context);
			return edit(state, key, 'prompt-edit');
		}

		case 'palette': {
			return routePalette(state, key, overlay.query.text, context);
		}

		case 'message': {
			const pageRows = Math.max(1, context.height - 12);
			const action = messageKey(key, pageRows);
			if (action?.type === 'command') return messageCommand(state, action.command, textOf(overlay.area), context);
			const disarmed = state.armed === 'send' ? {...state, armed: undefined} : state;
			return stay(action ? uiReducer(disarmed, {type: 'message-edit', action: action.action}) : disarmed);
		}

		case 'mailbox': {
			const count = context.mailboxCount ?? 0;
			switch (matchAction(key, 'mailbox')) {
				case 'close': {
					return stay(overlay.open ? uiReducer(state, {type: 'mailbox-open', open: false}) : uiReducer(state, {type: 'close-overlay'}));
				}

				case 'line-up':
				case 'line-down': {
					return stay(uiReducer(state, {type: 'mailbox-move', delta: matchAction(key, 'mailbox') === 'line-up' ? -1 : 1, count}));
				}

				case 'send': {
					return stay(uiReducer(state, {type: 'mailbox-open', open: true}));
				}

				default: {
					return stay(state);
				}
			}
		}

		case 'swaks': {
			return stay(matchAction(key, 'swaks') === 'close' ? uiReducer(state, {type: 'close-overlay'}) : state);
		}

		case 'auth':
		case 'export': {
			const choices = overlay.kind === 'auth' ? authChoices(context.session.ehlo?.auth ?? []) : exportChoices();
			const action = matchAction(key, 'choice');
			if (action === 'close') return stay(uiReducer(state, {type: 'close-overlay'}));
			if (action === 'line-up' || action === 'line-down') return stay(uiReducer(state, {type: 'choice-move', delta: action === 'line-up' ? -1 : 1, count: choices.length}));
			if (action !== 'send') return stay(state);
			const choice = choices[overlay.selected];
			if (!choice) return stay(state);
			if (overlay.kind === 'auth') return startAuthHelper(state, choice.value, context);
			return exportChosen(state, choice.value, context);
		}

		case 'batch': {
			const action = matchAction(key, 'batch');
			if (action === 'close') return stay({...uiReducer(state, {type: 'close-overlay'}), flash: {text: say()['batch.cancelled'], tone: 'info'}});
			if (action !== 'send') return stay(state);
			// The controller queues and re-checks what must wait for a reply; what is left after the last break stays in the composer.
			return stay(uiReducer(state, {type: 'set-draft', text: overlay.rest}), {type: 'send-batch', lines: overlay.lines});
		}

		case 'help': {
			return routeHelp(state, key, context);
		}

		case 'none': {
			return routeMain(state, key, context);
		}
	}
}

function edit(state: UiState, key: Key, type: 'prompt-edit' | 'palette-edit'): Routed {
	const action = editorActionForKey(key);
	return stay(action ? uiReducer(state, {type, action}) : state);
}

function routePalette(state: UiState, key: Key, query: string, context: RouteContext): Routed {
	if (state.overlay.kind !== 'palette') return stay(state);
	const action = matchAction(key, 'palette');
	switch (action) {
		case 'close': {
			return stay(uiReducer(state, {type: 'close-overlay'}));
		}

		case 'line-up':
		case 'line-down': {
			return stay(uiReducer(state, {type: 'palette-move', delta: action === 'line-up' ? -1 : 1, count: searchCatalog(query, {limit: 200}).length}));
		}

		case 'page-up':
		case 'page-down': {
			const detail = Math.max(0, state.overlay.detail + (action === 'page-up' ? -1 : 1) * Math.max(1, paletteDetailRows(context) - 1));
			return stay({...state, overlay: {...state.overlay, detail}});
		}

		case 'send': {
			const tool = base64Tool(query);
			if (tool) return stay(uiReducer(state, {type: 'set-draft', text: tool.decoded ?? tool.encoded}));
			const entry = searchCatalog(query, {limit: 200})[state.overlay.selected]?.entry;
			// AUTH goes to the helper: the mechanisms the server offers, then the credentials.
			if (entry?.kind === 'command' && entry.verb === 'AUTH') return stay(uiReducer(state, {type: 'open', overlay: {kind: 'auth', selected: 0}}));
			if (entry?.kind === 'mechanism' && entry.computable) return startAuthHelper(state, entry.name, context);
			// XCLIENT and XFORWARD are filled with the attributes the server advertised.
			const attributeVerb = entry ? attributeVerbOf(entry) : undefined;
			if (attributeVerb) {
				const helper = attributeHelper(attributeVerb, context.session);
				return stay(uiReducer(state, {type: 'set-draft', text: helper.line, step: {title: helper.title, text: helper.text}}));
			}

			const template = entry ? templateFor(entry) : undefined;
			if (template) return stay(uiReducer(state, {type: 'set-draft', text: template}));
			return stay({...state, flash: {text: say()['palette.readOnly'], tone: 'info'}});
		}

		default: {
			return edit(state, key, 'palette-edit');
		}
	}
}

/** Rows of the palette's detail (the selected entry in full), for paging through it. */
export function paletteDetailRows(context: Pick<RouteContext, 'width' | 'height'>): number {
	return Math.max(4, Math.floor((overlayRows(context.width, context.height) - 4) / 2));
}

/** Rows of the help that fit on screen at once (its frame and title take four). */
export function helpRowsShown(context: Pick<RouteContext, 'width' | 'height'>): number {
	return Math.max(1, overlayRows(context.width, context.height) - 4);
}

function routeHelp(state: UiState, key: Key, context: RouteContext): Routed {
	if (state.overlay.kind !== 'help') return stay(state);
	const rows = helpRowsShown(context);
	const last = Math.max(0, helpLines('explorer').length - rows);
	const move = (offset: number) => stay({...state, overlay: {kind: 'help', offset: Math.max(0, Math.min(last, offset))}});
	switch (matchAction(key, 'help')) {
		case 'close': {
			return stay(uiReducer(state, {type: 'close-overlay'}));
		}

		case 'line-up': {
			return move(state.overlay.offset - 1);
		}

		case 'line-down': {
			return move(state.overlay.offset + 1);
		}

		case 'page-up': {
			return move(state.overlay.offset - (rows - 1));
		}

		case 'page-down': {
			return move(state.overlay.offset + (rows - 1));
		}

		case 'top': {
			return move(0);
		}

		case 'bottom': {
			return move(last);
		}

		default: {
			return stay(state);
		}
	}
}
