import {activeLanguage, text as say} from '../i18n/messages.js';
import {exportSession} from '../protocol/export-session.js';
import {findMechanism} from '../catalog/index.js';
import {hasExtension} from '../protocol/ehlo.js';
import {computableMechanisms, type ComputableMechanism, usesToken} from '../protocol/sasl.js';
import {exportSwaksCommand} from '../protocol/session-export.js';
import {awaitingBody} from '../protocol/session.js';
import {keyLabel} from './keymap.js';
import type {MessageCommand} from './message-keys.js';
import {messageFacts} from './message-model.js';
import {searchTranscript} from './router-main.js';
import {type RouteContext, type Routed, type RouterEvent, stay} from './router-types.js';
import {screenLayout} from './screen-layout.js';
import {textAreaFrom} from './text-area.js';
import {revealEntry} from './transcript-view.js';
import {type Overlay, type PromptKind, uiReducer, type UiState} from './ui-state.js';

/**
The explorer's flows as states of the router: the AUTH helper (mechanism, user, masked
secret, and forgetting a rejected one), the message editor's life, saving, exporting, and
quitting with an unsaved transcript. Each step is a state; what it needs done is an effect.
*/

export type Choice = {value: string; label: string};

/** Ctrl+X: what to export. */
export function exportChoices(): Choice[] {
	const t = say();
	return [
		{value: 'script', label: t['export.choice.script']},
		{value: 'swaks', label: t['export.choice.swaks']},
		{value: 'python', label: t['export.choice.python']},
		{value: 'node', label: t['export.choice.node']},
		{value: 'curl', label: t['export.choice.curl']},
	];
}

/** The AUTH helper's first step: the mechanisms the server offers, those the tool computes first. */
export function authChoices(offered: readonly string[]): Choice[] {
	const names = offered.length > 0 ? offered : [...computableMechanisms];
	return [...names]
		.sort((a, b) => Number(findMechanism(b)?.computable ?? false) - Number(findMechanism(a)?.computable ?? false))
		.map(name => {
			const entry = findMechanism(name);
			return {value: name, label: `${name.padEnd(12)} ${entry?.computable ? say()['auth.computed'] : say()['auth.byHand']}${entry ? ` · ${entry.summary}` : ''}`};
		});
}

export function openPrompt(state: UiState, prompt: PromptKind, title: string, text = '', note?: string): UiState {
	return uiReducer(state, {type: 'open', overlay: {kind: 'prompt', prompt, title, editor: {text, cursor: text.length}, ...(note ? {note} : {})}});
}

const flash = (state: UiState, text: string, tone: 'info' | 'warning' | 'error' = 'info'): UiState => ({...state, flash: {text, tone}});

/** Secrets a server rejects (RFC 4954 6: 535 bad credentials, 534 mechanism too weak, 454 temporary failure) are not tried again. */
const rejectedSecret = new Set([535, 534, 454]);

/** The AUTH helper, from the palette: a mechanism, then the user, then the secret. */
export function startAuthHelper(state: UiState, mechanism: string, context: RouteContext): Routed {
	const upper = mechanism.toUpperCase();
	if (!(computableMechanisms as readonly string[]).includes(upper)) {
		return stay(uiReducer(state, {type: 'set-draft', text: `AUTH ${upper}`, step: {title: `AUTH ${upper}`, text: say()['auth.cannotCompute'](upper)}}));
	}

	const check = context.validate(`AUTH ${upper}`);
	const chosen = {...uiReducer(state, {type: 'close-overlay'}), mechanism: upper as ComputableMechanism};
	if (check.verdict === 'blocked') return stay(flash(chosen, check.diagnostics[0]?.message ?? say()['auth.cannotSend'], 'error'));
	const warning = check.diagnostics.find(diagnostic => diagnostic.severity === 'warning');
	if (warning) return stay(openPrompt(chosen, 'auth-confirm', `${warning.message} ${say()['auth.goOn']}`));
	return askForUser(chosen);
}

function askForUser(state: UiState): Routed {
	if (state.user) return beginSecret(state, state.user);
	return stay(openPrompt(state, 'auth-user', say()['auth.user'](state.mechanism ?? '')));
}

/** With a password kept from earlier (and not rejected since), the exchange starts at once; otherwise the masked prompt asks. */
function beginSecret(state: UiState, user: string): Routed {
	const {mechanism} = state;
	if (!mechanism) return stay(state);
	const ready = {...uiReducer(state, {type: 'close-overlay'}), user, mechanism: undefined};
	if (state.password !== undefined && !usesToken(mechanism)) return stay(ready, {type: 'authenticate', mechanism, user, secret: state.password});
	return stay({...ready, overlay: {kind: 'secret', mechanism, user, editor: {text: '', cursor: 0}}});
}

export function submitSecret(state: UiState, overlay: Extract<Overlay, {kind: 'secret'}>): Routed {
	const secret = overlay.editor.text;
	// A token is per use; a password is kept for this session only (never stored).
	const kept = usesToken(overlay.mechanism) ? state.password : secret;
	return stay({...uiReducer(state, {type: 'close-overlay'}), mechanism: undefined, ...(kept === undefined ? {} : {password: kept})}, {type: 'authenticate', mechanism: overlay.mechanism, user: overlay.user, secret});
}

/** The file name endings of the exported code forms. */
const codeExtensions = {python: 'py', node: 'mjs', curl: 'sh'} as const;

export function exportChosen(state: UiState, choice: string, context: RouteContext): Routed {
	const base = (context.defaultSavePath ?? 'session.txt').replace(/\.txt$/, '');
	if (choice === 'script') return stay({...openPrompt(state, 'export-path', say()['export.scriptPrompt'], `${base}.smtp`), exportForm: 'script'});
	if (choice === 'python' || choice === 'node' || choice === 'curl') {
		// Checked now, so a session that cannot be exported in this form says why before a file name is asked.
		const outcome = exportSession(context.entries, choice, 'smtp-explorer', activeLanguage());
		if (!outcome.ok) return stay(flash(uiReducer(state, {type: 'close-overlay'}), outcome.error, 'error'));
		return stay({...openPrompt(state, 'export-path', say()['export.codeTo'], `${base}.${codeExtensions[choice]}`), exportForm: choice});
	}

	const {entries} = context;
	const tls = context.implicitTls ? 'implicit' : entries.some(entry => entry.kind === 'sent' && /^STARTTLS\b/i.test(entry.text)) ? 'starttls' : 'none';
	const command = exportSwaksCommand({target: context.target, tls, entries, ...(context.session.auth?.identity ? {user: context.session.auth.identity} : {})});
	return stay(uiReducer(state, {type: 'open', overlay: {kind: 'swaks', command}}));
}

export function openMessageEditor(state: UiState, context: RouteContext): Routed {
	const {session} = context;
	const bdatPossible = session.phase === 'rcpt' && hasExtension(session.ehlo, 'CHUNKING');
	if (!awaitingBody(session) && !bdatPossible) return stay(flash(state, say()['editor.notYet']));
	const text = state.draft ?? context.newMessage();
	return stay({...uiReducer(state, {type: 'open', overlay: {kind: 'message', area: textAreaFrom(text), wire: false}}), armed: undefined});
}

/** The message editor's own keys (Ctrl+D, Ctrl+V, Ctrl+L, Ctrl+E, Esc, Ctrl+C). */
export function messageCommand(state: UiState, command: MessageCommand, text: string, context: RouteContext): Routed {
	const viaData = awaitingBody(context.session);
	const keep = {...state, draft: text};
	switch (command) {
		case 'send': {
			if (!viaData) return stay(openPrompt(keep, 'chunk-size', say()['editor.chunkSize'], '65536'));
			// A real server gets the final dot only after a second Ctrl+D: it may deliver at once.
			if (context.mailboxCount === undefined && state.armed !== 'send') {
				return stay(flash({...keep, armed: 'send'}, say()['editor.sendArmed'](messageFacts(text, context.session).report.messageBytes), 'warning'));
			}

			// The question about sending is answered: the status line is free for the upload's progress.
			return stay({...uiReducer(state, {type: 'close-overlay'}), draft: undefined, armed: undefined, flash: undefined}, {type: 'send-message', text});
		}

		case 'wire': {
			return stay(uiReducer(state, {type: 'message-wire'}));
		}

		case 'load': {
			if (!context.canEditFiles) return stay(flash(state, say()['editor.noLoading'], 'warning'));
			return stay(openPrompt(keep, 'load-path', say()['editor.loadPrompt']));
		}

		case 'external': {
			if (!context.canEditFiles) return stay(flash(state, say()['editor.noEditor'], 'warning'));
			return stay(keep, {type: 'edit-externally', text});
		}

		case 'leave': {
			return stay(flash(uiReducer(keep, {type: 'close-overlay'}), viaData ? say()['editor.leftWaiting'] : say()['editor.kept']));
		}

		case 'abandon': {
			if (viaData) return stay(openPrompt(keep, 'abandon', say()['editor.abandonPrompt']));
			return stay(uiReducer(keep, {type: 'set-draft', text: 'RSET', step: {title: say()['walk.nextVerb']('RSET'), text: say()['editor.abandonedRset']}}));
		}
	}
}

/** Esc on a question: nothing is done. The message editor's questions go back to the editor; quitting's keeps the session. */
export function closePrompt(state: UiState, prompt: PromptKind, context: RouteContext): Routed {
	const closed = uiReducer(state, {type: 'close-overlay'});
	if (prompt === 'quit-save' || prompt === 'quit-overwrite') return stay(flash(closed, say()['quit.notQuitting']));
	if ((prompt === 'abandon' || prompt === 'load-path' || prompt === 'chunk-size') && closed.draft !== undefined) return openMessageEditor(closed, context);
	return stay(closed);
}

export function submitPrompt(state: UiState, text: string, prompt: PromptKind, context: RouteContext): Routed {
	switch (prompt) {
		case 'load-path': {
			return stay(state, {type: 'load', path: text.trim()});
		}

		case 'chunk-size': {
			const size = Number(text.trim());
			if (!Number.isInteger(size) || size < 1) return stay(openPrompt(state, 'chunk-size', say()['editor.chunkSize'], text, say()['editor.chunkSizeBad']));
			return stay({...uiReducer(state, {type: 'close-overlay'}), draft: undefined}, {type: 'send-message', text: state.draft ?? '', chunkSize: size});
		}

		case 'abandon': {
			return stay(flash({...uiReducer(state, {type: 'close-overlay'}), draft: undefined}, say()['editor.abandoned'](keyLabel('reconnect')), 'warning'), {type: 'close-connection'});
		}

		case 'auth-confirm': {
			return askForUser(uiReducer(state, {type: 'close-overlay'}));
		}

		case 'search': {
			return searchTranscript(state, text, context);
		}

		case 'auth-user': {
			const name = text.trim();
			if (name === '') return stay(state);
			return beginSecret(state, name);
		}

		case 'quit-save':
		case 'quit-overwrite': {
			const path = text.trim();
			if (path === '') return stay(openPrompt(state, prompt, say()['quit.saveQuestion'], '', say()['quit.giveName']));
			return stay(state, {type: 'save', path, overwrite: prompt === 'quit-overwrite', what: 'transcript', thenQuit: true});
		}

		case 'save-path':
		case 'overwrite':
		case 'export-path':
		case 'export-overwrite': {
			const path = text.trim();
			if (path === '') return stay(uiReducer(state, {type: 'close-overlay'}));
			const script = prompt === 'export-path' || prompt === 'export-overwrite';
			return stay(state, {type: 'save', path, overwrite: prompt === 'overwrite' || prompt === 'export-overwrite', what: script ? (state.exportForm ?? 'script') : 'transcript', thenQuit: false});
		}
	}
}


/** Lines were sent or received since the last save (notes of the app's own do not count). */
function unsaved(state: UiState, context: RouteContext): boolean {
	for (let index = state.savedThrough; index < context.entries.length; index++) {
		const kind = context.entries[index]!.kind;
		if (kind === 'sent' || kind === 'received') return true;
	}

	return false;
}

/** Ctrl+C with nothing to cancel: the unsent message and the unsaved transcript are asked about, once each. */
export function quitRequested(state: UiState, context: RouteContext): Routed {
	if (awaitingBody(context.session) && state.armed !== 'quit') return stay(flash({...state, armed: 'quit'}, say()['quit.messageUnsent'], 'warning'));
	if (state.overlay.kind !== 'prompt' && context.canSave && !context.transcriptFile && unsaved(state, context)) {
		return stay(openPrompt({...state, armed: undefined}, 'quit-save', say()['quit.saveQuestion'], context.defaultSavePath ?? ''));
	}

	return quitNow(state);
}

export function quitNow(state: UiState): Routed {
	return stay(flash({...uiReducer(state, {type: 'close-overlay'}), armed: undefined}, say()['quit.sending']), {type: 'quit'});
}

/** Results from the edge, and changes of the session, routed like keys. */
export function routeEvent(state: UiState, event: RouterEvent, context: RouteContext): Routed {
	switch (event.type) {
		case 'flash': {
			return stay({...state, flash: event.flash});
		}

		case 'auth-done': {
			if (event.ok) return stay(flash(state, say()['auth.done'](event.user)));
			// A rejected secret is forgotten: the next AUTH asks again rather than send it twice.
			const forget = event.code !== undefined && rejectedSecret.has(event.code);
			return stay(flash(forget ? {...state, password: undefined} : state, `${event.error ?? say()['auth.failed']}${forget ? `; ${say()['auth.forgotten']}` : ''}`, 'error'));
		}

		case 'saved': {
			if (event.ok) {
				const saved = {...uiReducer(state, {type: 'close-overlay'}), ...(event.what === 'transcript' ? {savedThrough: event.entryCount} : {})};
				if (event.thenQuit) return stay(flash(saved, `${event.message}; ${say()['quit.sending']}`), {type: 'quit'});
				return stay(flash(saved, event.message));
			}

			if (event.thenQuit) {
				if (event.exists && !event.overwrite) return stay(openPrompt(state, 'quit-overwrite', say()['save.existsQuit'](event.path), event.path));
				return stay(openPrompt(state, 'quit-save', say()['quit.saveQuestion'], event.path, event.message));
			}

			const script = event.what !== 'transcript';
			if (event.exists && !event.overwrite) return stay(openPrompt(state, script ? 'export-overwrite' : 'overwrite', say()['save.exists'](event.path), event.path));
			return stay(openPrompt(state, script ? 'export-path' : 'save-path', script ? (event.what === 'script' ? say()['export.scriptTo'] : say()['export.codeTo']) : say()['save.to'], event.path, event.message));
		}

		case 'edited': {
			const edited = event.ok && event.text !== undefined ? {...state, draft: event.text} : flash(state, event.reason ?? say()['editor.failed'], 'error');
			return openMessageEditor(edited, context);
		}

		case 'loaded': {
			if (!event.ok) return stay(openPrompt(state, 'load-path', say()['editor.loadPrompt'], event.path, event.reason));
			return openMessageEditor({...uiReducer(state, {type: 'close-overlay'}), draft: event.text}, context);
		}

		case 'resized': {
			if (state.focus !== 'transcript' || state.cursor === undefined || !context.entries[state.cursor]) return stay(state);
			const screen = screenLayout(state, context.entries, context.width, context.height);
			if (screen.layout.tooSmall) return stay(state);
			return stay({...state, scroll: revealEntry(context.entries, state.scroll, state.cursor, screen.view, screen.transcriptHeight)});
		}

		case 'nothing-to-cancel': {
			return quitRequested(state, context);
		}

		case 'phase': {
			// After a 354 the composer becomes the message editor, filled from the envelope.
			if (event.to === 'data' && event.from !== 'data' && context.session.envelope.body === 'none' && state.overlay.kind === 'none') return openMessageEditor(state, context);
			if (state.overlay.kind === 'message' && event.to !== 'data' && event.to !== 'rcpt') return stay(uiReducer(state, {type: 'close-overlay'}));
			return stay(state);
		}
	}
}
