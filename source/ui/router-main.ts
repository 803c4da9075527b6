import {localizeEntry} from '../catalog/localize.js';
import {activeLanguage, text as say} from '../i18n/messages.js';
import {findCommand} from '../catalog/index.js';
import {formatRfc} from '../catalog/types.js';
import {suggestNext} from '../protocol/next-step.js';
import {computableMechanisms, type ComputableMechanism, usesToken} from '../protocol/sasl.js';
import {awaitingBody} from '../protocol/session.js';
import {completeAt} from './completion.js';
import type {Key} from './key-parser.js';
import {keyLabel, matchAction, walkKeys} from './keymap.js';
import {sidebarBreakpoint} from './layout.js';
import {editorActionForKey} from './line-editor.js';
import {openMessageEditor, openPrompt, quitRequested} from './router-flows.js';
import {type Effect, type RouteContext, type Routed, stay} from './router-types.js';
import {screenLayout} from './screen-layout.js';
import {navigate} from './navigation.js';
import {findMatch, previousVisible, revealEntry} from './transcript-view.js';
import {uiReducer, type UiState} from './ui-state.js';

/** What the composer holds: a command, a response to a 334, or a line of the message. */
export function composerMode(state: UiState, context: Pick<RouteContext, 'session' | 'validate'>): 'command' | 'sasl-response' | 'data-line' {
	const validation = state.editor.text === '' ? undefined : context.validate(state.editor.text);
	if (validation?.kind === 'sasl-response' || (context.session.sasl && !validation)) return 'sasl-response';
	return awaitingBody(context.session) ? 'data-line' : 'command';
}

/** Keys with no overlay in front: the composer, the transcript cursor, the sidebar, and the global actions. */
export function routeMain(state: UiState, key: Key, context: RouteContext): Routed {
	const {entries} = context;
	const screen = screenLayout(state, entries, context.width, context.height);
	const {view, transcriptHeight} = screen;
	// ? is help only on an empty composer; anywhere else it is text (a global key is never printable).
	const action = state.focus === 'composer' && key.name === 'text' && key.text === '?' && state.editor.text === '' ? 'help' : matchAction(key, state.focus);
	// Any key but Ctrl+C again takes back "Ctrl+C again quits without the message".
	if (state.armed === 'quit' && action !== 'quit') state = {...state, armed: undefined};

	switch (action) {
		case 'send': {
			return submit(state, context);
		}

		case 'complete': {
			return stay(uiReducer(state, {type: 'complete', completion: completeAt(state.editor.text, state.editor.cursor, context.session)}));
		}

		case 'history-previous':
		case 'history-next': {
			return stay(uiReducer(state, {type: 'history', direction: action === 'history-previous' ? -1 : 1}));
		}

		case 'line-up':
		case 'line-down':
		case 'top':
		case 'bottom':
		case 'page-up':
		case 'page-down':
		case 'filter':
		case 'toggle-time': {
			return stay(navigate(state, action, {entries, view, height: transcriptHeight}) ?? state);
		}

		case 'follow': {
			return stay(uiReducer(state, {type: 'scroll', position: {follow: true}}));
		}

		case 'palette': {
			const verb = /^\s*(\S+)/.exec(state.editor.text)?.[1]?.toUpperCase() ?? '';
			return stay(uiReducer(state, {type: 'open', overlay: {kind: 'palette', query: {text: verb, cursor: verb.length}, selected: 0, detail: 0}}));
		}

		case 'focus-next': {
			const moved = uiReducer(state, {type: 'focus-next'});
			const last = previousVisible(entries, entries.length, view.filter);
			return stay(moved.focus === 'transcript' && last !== -1 ? uiReducer(moved, {type: 'cursor', cursor: last}) : moved);
		}

		case 'next-step': {
			return nextStep(state, context);
		}

		case 'save': {
			if (!context.canSave) return stay({...state, flash: {text: say()['save.unavailable'], tone: 'warning'}});
			return stay(openPrompt(state, 'save-path', say()['save.prompt'], context.defaultSavePath ?? ''));
		}

		case 'sidebar': {
			return stay(uiReducer(state, {type: 'toggle-sidebar', wide: context.width >= sidebarBreakpoint}));
		}

		case 'help': {
			return stay(uiReducer(state, {type: 'open', overlay: {kind: 'help', offset: 0}}));
		}

		case 'close': {
			if (state.step) return stay(uiReducer(state, {type: 'set-draft', text: state.editor.text}));
			if (state.focus !== 'composer') return stay(uiReducer(state, {type: 'focus', focus: 'composer'}));
			return stay(state);
		}

		case 'reconnect': {
			return stay({...state, flash: {text: say()['flash.reconnecting'], tone: 'info'}}, {type: 'reconnect'});
		}

		case 'quit': {
			// A wait in progress is cancelled first; only with none does Ctrl+C mean quit.
			if (state.armed === 'quit') return quitRequested(state, context);
			return stay(state, {type: 'cancel'});
		}

		case 'message-editor': {
			return openMessageEditor(state, context);
		}

		case 'mailbox': {
			if (context.mailboxCount === undefined) return stay({...state, flash: {text: say()['mailbox.demoOnly'], tone: 'info'}});
			return stay(uiReducer(state, {type: 'open', overlay: {kind: 'mailbox', selected: Math.max(0, context.mailboxCount - 1), open: false}}));
		}

		case 'export': {
			return stay(uiReducer(state, {type: 'open', overlay: {kind: 'export', selected: 0}}));
		}

		case 'search': {
			return stay(openPrompt(state, 'search', say()['search.prompt'], state.search ?? ''));
		}

		default: {
			break;
		}
	}

	// A paste with line breaks is a batch: previewed, then sent line by line on Enter.
	if (key.name === 'paste' && /[\r\n]/.test(key.text) && state.focus === 'composer') return openBatch(state, key.text, context);

	// Not a shortcut: an edit of the composer (typing in the transcript brings focus back).
	const edit = editorActionForKey(key);
	if (edit && (state.focus === 'composer' || edit.type === 'insert')) return stay(uiReducer(state, {type: 'edit', action: edit}));
	return stay(state);
}

function openBatch(state: UiState, text: string, context: RouteContext): Routed {
	const whole = state.editor.text.slice(0, state.editor.cursor) + text + state.editor.text.slice(state.editor.cursor);
	const parts = whole.split(/\r\n|\r|\n/);
	const rest = parts.pop() ?? '';
	const lines = composerMode(state, context) === 'data-line' ? parts : parts.filter(line => line.trim() !== '');
	// Only the first line is judged against the session as it is; later ones depend on the replies.
	const verdict = lines[0] === undefined ? undefined : context.validate(lines[0]);
	const problem = verdict?.diagnostics.find(diagnostic => diagnostic.severity !== 'info');
	const cleared = uiReducer(state, {type: 'set-draft', text: ''});
	return stay(uiReducer(cleared, {type: 'open', overlay: {kind: 'batch', lines, rest, ...(problem ? {problem: {severity: problem.severity as 'error' | 'warning', message: problem.message}} : {})}}));
}

/** Enter in the composer: validate, confirm warnings, send or queue; AUTH with a known user goes to the helper. */
function submit(state: UiState, context: RouteContext): Routed {
	const line = state.editor.text;
	const check = context.validate(line);
	const helper = /^AUTH\s+(\S+)\s*$/i.exec(line)?.[1]?.toUpperCase() as ComputableMechanism | undefined;
	const flash = (text: string) => stay({...state, flash: {text, tone: 'error'}});
	if (check.verdict === 'blocked') return flash(check.diagnostics.find(diagnostic => diagnostic.severity === 'error')?.message ?? say()['flash.notSent']);
	if (check.verdict === 'confirm' && state.confirming !== line) return stay(uiReducer(state, {type: 'confirm-needed', line}));

	if (helper && state.user && computableMechanisms.includes(helper) && check.kind === 'command') {
		const sent = uiReducer(state, {type: 'sent', line, remember: true});
		const effects: Effect[] = [{type: 'remember', line}];
		// The secret is asked for now; keys typed after this Enter, in the same read, go to the masked prompt.
		if (state.password === undefined || usesToken(helper)) return stay({...sent, overlay: {kind: 'secret', mechanism: helper, user: state.user, editor: {text: '', cursor: 0}}}, ...effects);
		return stay(sent, ...effects, {type: 'authenticate', mechanism: helper, user: state.user, secret: state.password});
	}

	const remember = check.kind === 'command' && !check.secret;
	const effects: Effect[] = [{type: 'send', line, confirmed: true}];
	if (remember) effects.push({type: 'remember', line});
	return stay(uiReducer(state, {type: 'sent', line, remember}), ...effects);
}

/**
Ctrl+N: the suggested next step, with why and what to expect. Pressed again while the
composer still holds what it offered, it offers the next side step (NOOP, RSET, VRFY...),
and after the last one the main step again.
*/
function nextStep(state: UiState, context: RouteContext): Routed {
	const step = suggestNext(context.session, {...context.plan, ...(state.user ? {user: state.user} : {})}, walkKeys);
	const t = say();
	const explain = (verb: string) => {
		const found = verb ? findCommand(verb) : undefined;
		const entry = found ? localizeEntry(found, activeLanguage()) : undefined;
		return entry ? ` ${entry.summary} (${formatRfc(entry.rfc)}).` : '';
	};

	const main = `${step.why} ${t['walk.expect'](step.expect)}${explain(step.verb)}`;
	if (step.line === '') return stay(uiReducer(state, {type: 'set-draft', text: state.editor.text, step: {title: t['walk.next'], text: main}}));
	const offers = [{line: step.line, verb: step.verb}, ...step.also];
	const shown = state.step?.offer;
	const offer = shown !== undefined && offers[shown]?.line === state.editor.text ? (shown + 1) % offers.length : 0;
	const again = keyLabel('next-step');
	if (offer === 0) {
		const also = step.also.length > 0 ? ` ${t['walk.alsoPossible'](again, step.also.map(side => side.verb).join(', '))}` : '';
		return stay(uiReducer(state, {type: 'set-draft', text: step.line, step: {title: t['walk.nextVerb'](step.verb), text: `${main}${also}`, offer}}));
	}

	const side = step.also[offer - 1]!;
	const then = offer < step.also.length ? step.also[offer]!.verb : step.verb;
	return stay(uiReducer(state, {type: 'set-draft', text: side.line, step: {title: t['walk.sideStep'](side.verb), text: `${side.why}${explain(side.verb)} ${t['walk.again'](again, then)}`, offer}}));
}

/** Search the transcript: newest first, from the line cursor (or the end) upwards, wrapping around. */
export function searchTranscript(state: UiState, query: string, context: RouteContext): Routed {
	const searched = uiReducer(uiReducer(state, {type: 'close-overlay'}), {type: 'search', query});
	const screen = screenLayout(searched, context.entries, context.width, context.height);
	const found = findMatch(context.entries, state.cursor ?? context.entries.length, query, -1, screen.view.filter);
	if (found === -1) return stay({...searched, flash: {text: say()['search.noMatch'](query), tone: 'warning'}});
	const moved = uiReducer(searched, {type: 'cursor', cursor: found});
	// The panel that opens with the cursor shrinks the pane: reveal the line in the pane as it will be.
	const after = screenLayout(moved, context.entries, context.width, context.height);
	return stay({...moved, scroll: revealEntry(context.entries, state.scroll, found, after.view, after.transcriptHeight)});
}
