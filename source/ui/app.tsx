import {randomUUID} from 'node:crypto';
import {Box, Text} from 'ink';
import {useCallback, useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore} from 'react';
import {findCommand, findMechanism} from '../catalog/index.js';
import type {DemoMessage, DemoServer} from '../demo/server.js';
import {hasExtension} from '../protocol/ehlo.js';
import {draftMessage} from '../protocol/message-draft.js';
import {exportSwaksCommand} from '../protocol/session-export.js';
import {searchCatalog} from '../catalog/search.js';
import {formatRfc} from '../catalog/types.js';
import {suggestNext, type WalkPlan} from '../protocol/next-step.js';
import {sanitizeForDisplay} from '../protocol/sanitize.js';
import {computableMechanisms, type ComputableMechanism, usesToken} from '../protocol/sasl.js';
import {awaitingBody} from '../protocol/session.js';
import type {SessionController} from '../session/controller.js';
import {authenticate} from '../session/authenticate.js';
import {type Choice, ChoiceList} from './components/choice-list.js';
import {Composer} from './components/composer.js';
import {ExplainPanel} from './components/explain-panel.js';
import {Header} from './components/header.js';
import {Mailbox} from './components/mailbox.js';
import {MessageEditor} from './components/message-editor.js';
import {HelpOverlay} from './components/help-overlay.js';
import {Palette} from './components/palette.js';
import {Prompt, promptHeight} from './components/prompt.js';
import {Sidebar, SidebarStrip} from './components/sidebar.js';
import {StatusBar, TooSmall} from './components/status-bar.js';
import {TranscriptPane} from './components/transcript-pane.js';
import {completeAt} from './completion.js';
import {useKeys} from './hooks/use-keys.js';
import type {Key} from './key-parser.js';
import {matchAction} from './keymap.js';
import {computeLayout, minimumSize} from './layout.js';
import {editorActionForKey, editorReducer, emptyEditor, type EditorState} from './line-editor.js';
import {type MessageCommand, messageKey} from './message-keys.js';
import {messageFacts} from './message-model.js';
import {base64Tool, templateFor} from './palette-model.js';
import {sidebarSections} from './sidebar-model.js';
import {textAreaFrom, textOf} from './text-area.js';
import {truncateToWidth, wrapToWidth} from './text-width.js';
import {findMatch, nextVisible, pageBy, previousVisible, revealEntry, stepVisible, type ViewOptions, visibleWindow} from './transcript-view.js';
import {filterPresets, initialUiState, type PromptKind, uiReducer} from './ui-state.js';

export type AppProps = {
	controller: SessionController;
	width: number;
	height: number;
	/** What the walk (Ctrl+N) and the AUTH helper use. */
	plan: WalkPlan;
	/** A password known up front (the environment variable, or the demo's). */
	password?: string;
	/** History from earlier sessions, oldest first. */
	history?: string[];
	/** Called with each line worth remembering (never one with a secret). */
	onRemember?: (line: string) => void;
	/** Saves the transcript; resolves with a message for the status bar. */
	onSave?: (path: string, overwrite: boolean, what: 'transcript' | 'script') => Promise<{ok: true; message: string} | {ok: false; message: string; exists?: boolean}>;
	/** Suggested file name for Ctrl+S. */
	defaultSavePath?: string;
	/** Called when the user quits; the app has sent QUIT (or given up) by then. */
	onExit: () => void;
	/** The demo server, in demo mode: its mailbox is shown, and the final dot needs no confirmation. */
	demo?: DemoServer;
	/** File and editor access for the message editor (kept out of the components). */
	io?: MessageIo;
	/** The message to start the editor with (`--data FILE`). */
	initialMessage?: string;
	clock?: () => number;
};

export type MessageIo = {
	readText(path: string): {ok: true; text: string} | {ok: false; reason: string};
	/** Opens the text in $EDITOR (the app steps aside meanwhile); the edited text, or why not. */
	editExternally(text: string): Promise<{ok: true; text: string} | {ok: false; reason: string}>;
};

/** Re-renders when the demo server receives a message. */
function useMailbox(demo: DemoServer | undefined): readonly DemoMessage[] {
	const [, setCount] = useState(0);
	useEffect(() => demo?.onMessage(() => setCount(count => count + 1)), [demo]);
	return demo?.messages ?? [];
}

/** Redraw at least this often while a wait is shown, so its timer moves. */
const tickMs = 1000;

export function App({controller, width, height, plan, password: knownPassword, history, onRemember, onSave, defaultSavePath, onExit, demo, io, initialMessage, clock = Date.now}: AppProps) {
	const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
	const [ui, dispatch] = useReducer(uiReducer, history, initialUiState);
	const [password, setPassword] = useState(knownPassword);
	const [authPrompt, setAuthPrompt] = useState<{mechanism: ComputableMechanism; editor: EditorState}>();
	const [quitArmed, setQuitArmed] = useState(false);
	const [now, setNow] = useState(clock);
	const [user, setUser] = useState(plan.user);
	const [sendArmed, setSendArmed] = useState(false);
	const messageDraft = useRef<string | undefined>(initialMessage);
	const mailbox = useMailbox(demo);
	const {state, entries} = snapshot;
	const previousPhase = useRef(state.phase);

	// After a 354 the composer becomes the message editor, filled from the envelope.
	useEffect(() => {
		const was = previousPhase.current;
		previousPhase.current = state.phase;
		if (state.phase === 'data' && was !== 'data' && state.envelope.body === 'none' && ui.overlay.kind === 'none') openMessageEditor();
		if (ui.overlay.kind === 'message' && state.phase !== 'data' && state.phase !== 'rcpt') dispatch({type: 'close-overlay'});
	}, [state.phase]);

	// The wait timer in the sidebar moves once a second, and only while something is awaited.
	useEffect(() => {
		if (!snapshot.wait) return;
		const timer = setInterval(() => setNow(clock()), tickMs);
		return () => clearInterval(timer);
	}, [snapshot.wait, clock]);

	const validation = useMemo(() => (ui.editor.text === '' ? undefined : controller.validate(ui.editor.text)), [controller, ui.editor.text, snapshot.version]);
	const mode = validation?.kind === 'sasl-response' || (state.sasl && !validation) ? 'sasl-response' : awaitingBody(state) ? 'data-line' : 'command';
	const verb = /^\s*(\S+)/.exec(ui.editor.text)?.[1]?.toUpperCase();
	const command = mode === 'command' && verb ? findCommand(verb) : undefined;

	const cursorEntry = ui.focus === 'transcript' && ui.cursor !== undefined ? entries[ui.cursor] : undefined;
	const layout = computeLayout(width, height, {sidebar: ui.sidebar, panel: Boolean(cursorEntry) || Boolean(ui.step)});
	const viewOptions: ViewOptions = {width: layout.tooSmall ? width : layout.mainWidth, filter: filterPresets[ui.filterIndex]!.filter, showTime: ui.showTime};
	// A prompt with a long question takes rows from the transcript (the composer's place holds four).
	const authTitle = authPrompt ? `AUTH ${authPrompt.mechanism} as ${user ?? ''}: ${usesToken(authPrompt.mechanism) ? 'token' : 'password'} (hidden here, redacted everywhere) · Esc cancels` : '';
	const promptTitle = ui.overlay.kind === 'prompt' ? ui.overlay.title : authTitle;
	const promptExtra = promptTitle === '' ? 0 : Math.max(0, promptHeight(width, promptTitle) - 4);
	const transcriptHeight = layout.tooSmall ? 0 : layout.transcriptHeight - promptExtra;
	const window = useMemo(
		() => visibleWindow(entries, ui.scroll, viewOptions, transcriptHeight),
		// The entries array is appended to in place: its length (via the version) is what changes.
		[entries, snapshot.entryCount, ui.scroll, viewOptions.width, viewOptions.filter, viewOptions.showTime, transcriptHeight],
	);

	// Following the live end, the view keeps its top row until the pane is full (jump
	// scrolling); remember where it jumped to, so the next line does not move the rows.
	useEffect(() => {
		const shown = window.position;
		if (shown.follow && ui.scroll.follow && (shown.top?.entry !== ui.scroll.top?.entry || shown.top?.row !== ui.scroll.top?.row)) {
			dispatch({type: 'scroll', position: shown});
		}
	}, [window]);

	// Searched again only when the query changes, not on each move of the selection.
	const paletteQuery = ui.overlay.kind === 'palette' ? ui.overlay.query.text : undefined;
	const paletteResults = useMemo(() => (paletteQuery === undefined ? [] : searchCatalog(paletteQuery, {limit: 200})), [paletteQuery]);

	const sections = useMemo(
		() =>
			sidebarSections({
				state,
				target: snapshot.target,
				...(snapshot.addresses?.remote ? {remote: snapshot.addresses.remote} : {}),
				insecure: snapshot.insecure,
				...(snapshot.wait ? {wait: snapshot.wait} : {}),
				queued: snapshot.queue.length,
				now,
				plan,
				...(demo ? {demo: demo.credentials} : {}),
			}),
		[snapshot, now, plan, state, demo],
	);

	const flash = (text: string, tone: 'info' | 'warning' | 'error' = 'info') => dispatch({type: 'flash', flash: {text, tone}});

	const runAuthHelper = useCallback(
		async (mechanism: ComputableMechanism, secret: string, name: string) => {
			const request = usesToken(mechanism) ? {mechanism, user: name, token: secret} : {mechanism, credentials: {user: name, password: secret}};
			const result = await authenticate(controller, request);
			dispatch({type: 'flash', flash: result.ok ? {text: `authenticated as ${name}`, tone: 'info'} : {text: result.error, tone: 'error'}});
		},
		[controller],
	);

	/** Enter in the composer: validate, confirm warnings, send or queue; AUTH with a known user goes to the helper. */
	const submit = () => {
		const line = ui.editor.text;
		const helperMechanism = /^AUTH\s+(\S+)\s*$/i.exec(line)?.[1]?.toUpperCase() as ComputableMechanism | undefined;
		if (helperMechanism && user && computableMechanisms.includes(helperMechanism) && mode === 'command') {
			const check = controller.validate(line);
			if (check.verdict === 'blocked') return flash(check.diagnostics[0]?.message ?? 'blocked', 'error');
			if (check.verdict === 'confirm' && ui.confirming !== line) return dispatch({type: 'confirm-needed', line});
			dispatch({type: 'sent', line, remember: true});
			onRemember?.(line);
			if (password === undefined) {
				setAuthPrompt({mechanism: helperMechanism, editor: emptyEditor});
				return;
			}

			void runAuthHelper(helperMechanism, password, user);
			return;
		}

		const result = controller.send(line, {confirmed: ui.confirming === line});
		if (result.status === 'blocked') {
			flash(result.validation.diagnostics.find(diagnostic => diagnostic.severity === 'error')?.message ?? 'not sent', 'error');
			return;
		}

		if (result.status === 'needs-confirmation') {
			dispatch({type: 'confirm-needed', line});
			return;
		}

		const remember = result.validation.kind === 'command' && !result.validation.secret;
		dispatch({type: 'sent', line, remember});
		if (remember) onRemember?.(line);
		if (result.status === 'queued') flash(`queued: waiting for the reply to ${state.pending.at(-1)?.verb || 'the last line'}`);
		void result.outcome?.then(outcome => {
			if (!outcome.ok) dispatch({type: 'flash', flash: {text: outcome.error, tone: 'error'}});
		});
	};

	const bdatPossible = state.phase === 'rcpt' && hasExtension(state.ehlo, 'CHUNKING');

	function openMessageEditor() {
		if (!awaitingBody(state) && !bdatPossible) {
			flash('the message editor opens once DATA got 354 (or, with CHUNKING, once a recipient is accepted)', 'info');
			return;
		}

		const text = messageDraft.current ?? draftMessage(state, {date: new Date(clock()), messageId: `${randomUUID()}@${plan.ehloName}`});
		dispatch({type: 'open', overlay: {kind: 'message', area: textAreaFrom(text), wire: false}});
	}

	const openPrompt = (prompt: PromptKind, title: string, text = '', note?: string) =>
		dispatch({type: 'open', overlay: {kind: 'prompt', prompt, title, editor: {text, cursor: text.length}, ...(note ? {note} : {})}});

	/** Sends the message: the whole body and the final dot after 354, or BDAT chunks. */
	const sendMessage = (text: string, chunkSize?: number) => {
		messageDraft.current = undefined;
		setSendArmed(false);
		dispatch({type: 'close-overlay'});
		const sending = chunkSize ? controller.sendBdat(text, chunkSize) : controller.sendData(text);
		void sending.then(outcome => {
			if (!outcome.ok) flash(`the message was not accepted: ${outcome.error}`, 'error');
			else if (outcome.reply.code === 250) flash(`message accepted: ${outcome.reply.lines.at(-1)?.text ?? ''}`);
			else flash(`the server refused the message (${outcome.reply.code}); the transaction is over`, 'error');
		});
	};

	const messageCommand = (command: MessageCommand, text: string) => {
		const viaData = awaitingBody(state);
		switch (command) {
			case 'send': {
				if (!viaData) {
					messageDraft.current = text;
					openPrompt('chunk-size', 'Send as BDAT chunks of how many bytes? (RFC 3030)', '65536');
					return;
				}

				// A real server gets the final dot only after a second Ctrl+D: it may deliver at once.
				if (!demo && !sendArmed) {
					setSendArmed(true);
					flash(`send ${messageFacts(text, state).report.messageBytes} bytes and the final dot? Ctrl+D again sends, any other key goes on editing`, 'warning');
					return;
				}

				sendMessage(text);
				return;
			}

			case 'wire': {
				dispatch({type: 'message-wire'});
				return;
			}

			case 'load': {
				messageDraft.current = text;
				openPrompt('load-path', 'Load the whole message from a file (headers, a blank line, the body)');
				return;
			}

			case 'external': {
				if (!io) return flash('no editor available here', 'warning');
				messageDraft.current = text;
				void io.editExternally(text).then(result => {
					if (result.ok) messageDraft.current = result.text;
					else flash(result.reason, 'error');
					openMessageEditor();
				});
				return;
			}

			case 'leave': {
				messageDraft.current = text;
				dispatch({type: 'close-overlay'});
				flash(viaData ? 'the message is not sent yet: the server waits for it; Ctrl+O reopens the editor' : 'message kept; Ctrl+O reopens the editor');
				return;
			}

			case 'abandon': {
				messageDraft.current = text;
				if (viaData) {
					openPrompt('abandon', 'SMTP cannot cancel DATA: closing the connection is the only way to not send it. Enter closes (nothing is sent), Esc goes back');
				} else {
					dispatch({type: 'close-overlay'});
					dispatch({type: 'set-draft', text: 'RSET', step: {title: 'next: RSET', text: 'The message was not sent. RSET clears the envelope so a new transaction can start (RFC 5321 4.1.1.5).'}});
				}
			}
		}
	};

	/** The AUTH helper, from the palette: a mechanism, then the user, then the secret. */
	const startAuthHelper = (mechanism: string) => {
		const upper = mechanism.toUpperCase() as ComputableMechanism;
		if (!computableMechanisms.includes(upper)) {
			dispatch({type: 'set-draft', text: `AUTH ${upper}`, step: {title: `AUTH ${upper}`, text: `smtp-explorer cannot compute ${upper}; send it and answer each 334 by hand (base64), or * to cancel.`}});
			return;
		}

		const check = controller.validate(`AUTH ${upper}`);
		if (check.verdict === 'blocked') return flash(check.diagnostics[0]?.message ?? 'AUTH cannot be sent now', 'error');
		pendingMechanism.current = upper;
		const warning = check.diagnostics.find(diagnostic => diagnostic.severity === 'warning');
		if (warning) return openPrompt('auth-confirm', `${warning.message} Enter goes on anyway, Esc stops here.`);
		askForUser();
	};

	const pendingMechanism = useRef<ComputableMechanism | undefined>(undefined);
	const askForUser = () => {
		if (user) return beginSecret();
		openPrompt('auth-user', `AUTH ${pendingMechanism.current}: user name`);
	};

	const beginSecret = (name = user) => {
		const mechanism = pendingMechanism.current;
		if (!mechanism || !name) return;
		dispatch({type: 'close-overlay'});
		if (password !== undefined && !usesToken(mechanism)) return void runAuthHelper(mechanism, password, name);
		setAuthPrompt({mechanism, editor: emptyEditor});
	};

	const submitSecret = (mechanism: ComputableMechanism, secret: string) => {
		setAuthPrompt(undefined);
		// A token is per use; a password is kept for this session only (never stored).
		if (!usesToken(mechanism)) setPassword(secret);
		void runAuthHelper(mechanism, secret, user ?? '');
	};

	const quit = async () => {
		if (awaitingBody(state) && !quitArmed) {
			setQuitArmed(true);
			flash('the message has not been sent: Ctrl+C again quits without sending it', 'warning');
			return;
		}

		flash('sending QUIT…');
		await controller.quit();
		onExit();
	};

	const nextStep = () => {
		const step = suggestNext(state, plan);
		const entry = step.verb ? findCommand(step.verb) : undefined;
		const text = `${step.why} Expect: ${step.expect}.${entry ? ` ${entry.summary} (${formatRfc(entry.rfc)}).` : ''}`;
		if (step.line === '') {
			dispatch({type: 'set-draft', text: ui.editor.text, step: {title: 'next', text}});
			return;
		}

		dispatch({type: 'set-draft', text: step.line, step: {title: `next: ${step.verb}`, text}});
	};

	const moveCursor = (direction: -1 | 1) => {
		const target = stepVisible(entries, ui.cursor, direction, viewOptions.filter);
		if (target === -1) return;
		dispatch({type: 'cursor', cursor: target, position: revealEntry(entries, ui.scroll, target, viewOptions, transcriptHeight)});
	};

	const onKey = (key: Key) => {
		if (ui.flash && !key.ctrl) dispatch({type: 'flash', flash: undefined});
		if (key.name !== 'c' || !key.ctrl) setQuitArmed(false);

		if (authPrompt) {
			if (key.name === 'escape' || (key.ctrl && key.name === 'c')) {
				setAuthPrompt(undefined);
				flash('AUTH cancelled before anything was sent');
			} else if (key.name === 'return') {
				submitSecret(authPrompt.mechanism, authPrompt.editor.text);
			} else {
				// From the latest state: keys typed faster than frames are drawn all count.
				const edit = editorActionForKey(key);
				if (edit) setAuthPrompt(current => (current ? {...current, editor: editorReducer(current.editor, edit)} : current));
			}

			return;
		}

		const overlay = ui.overlay;
		if (overlay.kind === 'palette') {
			if (key.name === 'escape' || (key.ctrl && key.name === 'p')) return dispatch({type: 'close-overlay'});
			if (key.name === 'up' || key.name === 'down') return dispatch({type: 'palette-move', delta: key.name === 'up' ? -1 : 1, count: paletteResults.length});
			if (key.name === 'pageup' || key.name === 'pagedown') return dispatch({type: 'palette-move', delta: key.name === 'pageup' ? -10 : 10, count: paletteResults.length});
			if (key.name === 'return') {
				const tool = base64Tool(overlay.query.text);
				if (tool) return dispatch({type: 'set-draft', text: tool.decoded ?? tool.encoded});
				const entry = paletteResults[overlay.selected]?.entry;
				// AUTH goes to the helper: the mechanisms the server offers, then the credentials.
				if (entry?.kind === 'command' && entry.verb === 'AUTH') return dispatch({type: 'open', overlay: {kind: 'auth', selected: 0}});
				if (entry?.kind === 'mechanism' && entry.computable) return startAuthHelper(entry.name);
				const template = entry ? templateFor(entry) : undefined;
				if (template) dispatch({type: 'set-draft', text: template});
				else flash('this entry is for reading: nothing to insert', 'info');
				return;
			}

			const edit = editorActionForKey(key);
			if (edit) dispatch({type: 'palette-edit', action: edit});
			return;
		}

		if (overlay.kind === 'message') {
			const pageRows = Math.max(1, height - 12);
			const action = messageKey(key, pageRows);
			if (action?.type === 'command') return messageCommand(action.command, textOf(overlay.area));
			if (sendArmed) setSendArmed(false);
			if (action) dispatch({type: 'message-edit', action: action.action});
			return;
		}

		if (overlay.kind === 'mailbox') {
			if (key.name === 'escape' || key.name === 'f2') return overlay.open ? dispatch({type: 'mailbox-open', open: false}) : dispatch({type: 'close-overlay'});
			if (key.name === 'up' || key.name === 'down') return dispatch({type: 'mailbox-move', delta: key.name === 'up' ? -1 : 1, count: mailbox.length});
			if (key.name === 'return') return dispatch({type: 'mailbox-open', open: true});
			return;
		}

		if (overlay.kind === 'swaks') {
			if (key.name === 'escape' || (key.ctrl && key.name === 'c') || key.name === 'return') dispatch({type: 'close-overlay'});
			return;
		}

		if (overlay.kind === 'auth' || overlay.kind === 'export') {
			const choices = overlay.kind === 'auth' ? authChoices(state.ehlo?.auth ?? []) : exportChoices;
			if (key.name === 'escape' || (key.ctrl && key.name === 'c')) return dispatch({type: 'close-overlay'});
			if (key.name === 'up' || key.name === 'down') return dispatch({type: 'choice-move', delta: key.name === 'up' ? -1 : 1, count: choices.length});
			if (key.name === 'return') {
				const choice = choices[overlay.selected];
				if (!choice) return;
				if (overlay.kind === 'auth') return startAuthHelper(choice.value);
				return exportChoice(choice.value);
			}

			return;
		}

		if (overlay.kind === 'batch') {
			if (key.name === 'escape' || (key.ctrl && key.name === 'c')) {
				dispatch({type: 'close-overlay'});
				return flash('paste cancelled: nothing was sent');
			}

			if (key.name === 'return') return sendBatch(overlay.lines, overlay.rest);
			return;
		}

		if (overlay.kind === 'help') {
			if (key.name === 'escape' || key.name === 'f1' || key.text === '?' || key.name === 'return') dispatch({type: 'close-overlay'});
			return;
		}

		if (overlay.kind === 'prompt') {
			if (key.name === 'escape' || (key.ctrl && key.name === 'c')) return dispatch({type: 'close-overlay'});
			if (key.name === 'return') return submitPrompt(overlay.editor.text, overlay.prompt);
			const edit = editorActionForKey(key);
			if (edit) dispatch({type: 'prompt-edit', action: edit});
			return;
		}

		if (ui.focus === 'composer' && key.text === '?' && ui.editor.text === '') return dispatch({type: 'open', overlay: {kind: 'help'}});

		const action = matchAction(key, ui.focus);
		switch (action) {
			case 'send': {
				return submit();
			}

			case 'complete': {
				return dispatch({type: 'complete', completion: completeAt(ui.editor.text, ui.editor.cursor, state)});
			}

			case 'history-previous':
			case 'history-next': {
				return dispatch({type: 'history', direction: action === 'history-previous' ? -1 : 1});
			}

			case 'line-up':
			case 'line-down': {
				return moveCursor(action === 'line-up' ? -1 : 1);
			}

			case 'top': {
				const first = nextVisible(entries, -1, viewOptions.filter);
				return dispatch({type: 'cursor', cursor: first === -1 ? undefined : first, position: {follow: false, entry: Math.max(0, first), row: 0}});
			}

			case 'bottom':
			case 'follow': {
				dispatch({type: 'scroll', position: {follow: true}});
				if (action === 'bottom') {
					const last = previousVisible(entries, entries.length, viewOptions.filter);
					dispatch({type: 'cursor', cursor: last === -1 ? undefined : last});
				}

				return;
			}

			case 'page-up':
			case 'page-down': {
				return dispatch({type: 'scroll', position: pageBy(entries, window.position, action === 'page-up' ? -1 : 1, viewOptions, transcriptHeight)});
			}

			case 'palette': {
				return dispatch({type: 'open', overlay: {kind: 'palette', query: {text: verb ?? '', cursor: (verb ?? '').length}, selected: 0}});
			}

			case 'focus-next': {
				dispatch({type: 'focus-next'});
				if (ui.focus === 'composer') {
					const last = previousVisible(entries, entries.length, viewOptions.filter);
					if (last !== -1) dispatch({type: 'cursor', cursor: last});
				}

				return;
			}

			case 'next-step': {
				return nextStep();
			}

			case 'save': {
				if (!onSave) return flash('saving is not available here', 'warning');
				return openPrompt('save-path', 'Save the transcript to (.txt swaks-style, .jsonl, .md); secrets stay redacted', defaultSavePath ?? '');
			}

			case 'toggle-time': {
				return dispatch({type: 'toggle-time'});
			}

			case 'filter': {
				return dispatch({type: 'cycle-filter'});
			}

			case 'sidebar': {
				return dispatch({type: 'toggle-sidebar', wide: !layout.tooSmall && Boolean(layout.sidebar)});
			}

			case 'help': {
				return dispatch({type: 'open', overlay: {kind: 'help'}});
			}

			case 'close': {
				if (ui.step) return dispatch({type: 'set-draft', text: ui.editor.text});
				if (ui.focus !== 'composer') return dispatch({type: 'focus', focus: 'composer'});
				return;
			}

			case 'reconnect': {
				flash('reconnecting…');
				void controller.connect();
				return;
			}

			case 'quit': {
				if (controller.cancel()) return flash('cancelled; the connection is closed (Ctrl+R reconnects)', 'warning');
				void quit();
				return;
			}

			case 'message-editor': {
				return openMessageEditor();
			}

			case 'mailbox': {
				if (!demo) return flash('the mailbox shows what the demo server received: start with --demo', 'info');
				return dispatch({type: 'open', overlay: {kind: 'mailbox', selected: Math.max(0, mailbox.length - 1), open: false}});
			}

			case 'export': {
				return dispatch({type: 'open', overlay: {kind: 'export', selected: 0}});
			}

			case 'search': {
				return openPrompt('search', 'Search the transcript (newest first; F3 again finds the next)', ui.search ?? '');
			}

			case undefined: {
				break;
			}
		}

		// A paste with line breaks is a batch: previewed, then sent line by line on Enter.
		if (key.name === 'paste' && /[\r\n]/.test(key.text) && ui.focus === 'composer') {
			const text = ui.editor.text.slice(0, ui.editor.cursor) + key.text + ui.editor.text.slice(ui.editor.cursor);
			const parts = text.split(/\r\n|\r|\n/);
			const rest = parts.pop() ?? '';
			const lines = mode === 'data-line' ? parts : parts.filter(line => line.trim() !== '');
			dispatch({type: 'set-draft', text: ''});
			return dispatch({type: 'open', overlay: {kind: 'batch', lines, rest}});
		}

		// Not a shortcut: an edit of the composer (typing in the transcript brings focus back).
		const edit = editorActionForKey(key);
		if (edit && (ui.focus === 'composer' || edit.type === 'insert')) dispatch({type: 'edit', action: edit});
	};

	/** Sends a previewed paste in order; the controller queues and re-checks what must wait. */
	const sendBatch = (lines: string[], rest: string) => {
		dispatch({type: 'close-overlay'});
		let sent = 0;
		for (const line of lines) {
			const result = controller.send(line, {confirmed: true});
			if (result.status === 'blocked') {
				const reason = result.validation.diagnostics.find(diagnostic => diagnostic.severity === 'error')?.message ?? 'blocked';
				flash(`line ${sent + 1} of the paste not sent: ${reason}; ${lines.length - sent - 1} after it not sent either`, 'error');
				break;
			}

			if (result.validation.kind === 'command' && !result.validation.secret) onRemember?.(line);
			sent++;
		}

		dispatch({type: 'set-draft', text: rest});
		if (sent === lines.length) flash(`${sent} pasted line${sent === 1 ? '' : 's'} sent or queued in order`);
	};

	const submitPrompt = (text: string, prompt: PromptKind) => {
		switch (prompt) {
			case 'load-path': {
				const result = io?.readText(text.trim());
				if (!result) return flash('loading files is not available here', 'warning');
				if (!result.ok) return openPrompt('load-path', 'Load the whole message from a file', text, result.reason);
				messageDraft.current = result.text;
				return openMessageEditor();
			}

			case 'chunk-size': {
				const size = Number(text.trim());
				if (!Number.isInteger(size) || size < 1) return openPrompt('chunk-size', 'Send as BDAT chunks of how many bytes?', text, 'a whole number of bytes, 1 or more');
				return sendMessage(messageDraft.current ?? '', size);
			}

			case 'abandon': {
				dispatch({type: 'close-overlay'});
				controller.close();
				messageDraft.current = undefined;
				return flash('the message was NOT sent; the connection is closed. Ctrl+R reconnects', 'warning');
			}

			case 'auth-confirm': {
				dispatch({type: 'close-overlay'});
				return askForUser();
			}

			case 'search': {
				dispatch({type: 'close-overlay'});
				dispatch({type: 'search', query: text});
				// Newest first: from the line cursor (or the end) upwards, wrapping around.
				const found = findMatch(entries, ui.cursor ?? entries.length, text, -1, viewOptions.filter);
				if (found === -1) return flash(`no line matches "${text}"`, 'warning');
				return dispatch({type: 'cursor', cursor: found, position: revealEntry(entries, ui.scroll, found, viewOptions, transcriptHeight)});
			}

			case 'auth-user': {
				const name = text.trim();
				if (name === '') return;
				setUser(name);
				return beginSecret(name);
			}

			default: {
				return submitSave(text, prompt);
			}
		}
	};

	const submitSave = (text: string, prompt: PromptKind) => {
		if (!onSave) return;
		const path = text.trim();
		if (path === '') return dispatch({type: 'close-overlay'});
		const script = prompt === 'export-path' || prompt === 'export-overwrite';
		const overwrite = prompt === 'overwrite' || prompt === 'export-overwrite';
		void onSave(path, overwrite, script ? 'script' : 'transcript').then(result => {
			if (result.ok) {
				dispatch({type: 'close-overlay'});
				flash(result.message);
			} else if (result.exists && !overwrite) {
				openPrompt(script ? 'export-overwrite' : 'overwrite', `${path} exists: Enter overwrites it, Esc keeps it`, path);
			} else {
				openPrompt(script ? 'export-path' : 'save-path', script ? 'Export the replayable script to' : 'Save the transcript to', path, result.message);
			}
		});
	};

	const exportChoice = (choice: string) => {
		if (choice === 'script') {
			const name = (defaultSavePath ?? 'session.txt').replace(/\.txt$/, '.smtp');
			return openPrompt('export-path', 'Export a script that smtp-explorer run replays (AUTH lines stay redacted: add them by hand)', name);
		}

		const tlsMode = snapshot.implicitTls ? 'implicit' : entries.some(entry => entry.kind === 'sent' && /^STARTTLS\b/i.test(entry.text)) ? 'starttls' : 'none';
		const command = exportSwaksCommand({target: snapshot.target, tls: tlsMode, entries, ...(state.auth?.identity ? {user: state.auth.identity} : {})});
		dispatch({type: 'open', overlay: {kind: 'swaks', command}});
	};

	useKeys(onKey);

	if (layout.tooSmall) return <TooSmall width={width} height={height} minimum={minimumSize} />;

	const overlay = ui.overlay;
	const panel = cursorEntry ? (
		<ExplainPanel entry={cursorEntry} width={layout.mainWidth} height={layout.panelHeight} />
	) : ui.step ? (
		<StepPanel width={layout.mainWidth} height={layout.panelHeight} title={ui.step.title} text={ui.step.text} />
	) : null;

	const main = (
		<Box flexDirection="column" width={layout.mainWidth}>
			<TranscriptPane rows={window.rows} width={layout.mainWidth} height={transcriptHeight} cursor={ui.focus === 'transcript' ? ui.cursor : undefined} showTime={ui.showTime} />
			{panel}
		</Box>
	);

	return (
		<Box flexDirection="column" width={width} height={layout.height}>
			<Header width={width} target={snapshot.target} state={state} insecure={snapshot.insecure} />
			{layout.strip ? <SidebarStrip sections={sections} width={width} /> : null}
			{overlay.kind === 'palette' ? (
				<Palette width={width} height={layout.overlayHeight - 1} query={overlay.query} results={paletteResults} selected={overlay.selected} state={state} base64={base64Tool(overlay.query.text)} />
			) : overlay.kind === 'help' ? (
				<HelpOverlay width={width} height={layout.overlayHeight - 1} />
			) : overlay.kind === 'message' ? (
				<MessageEditor width={width} height={layout.overlayHeight - 1} area={overlay.area} wire={overlay.wire} notes={messageFacts(textOf(overlay.area), state).notes} via={state.phase === 'data' ? 'DATA' : 'BDAT'} />
			) : overlay.kind === 'mailbox' ? (
				<Mailbox width={width} height={layout.overlayHeight - 1} messages={mailbox} selected={overlay.selected} open={overlay.open} />
			) : overlay.kind === 'auth' ? (
				<ChoiceList
					width={width}
					height={layout.overlayHeight - 1}
					title={`AUTH: ${state.ehlo?.auth.length ? `the server offers ${state.ehlo.auth.join(', ')}` : 'the server advertised no mechanisms (send EHLO first?)'} · ↑↓ · Enter · Esc`}
					choices={authChoices(state.ehlo?.auth ?? [])}
					selected={overlay.selected}
				/>
			) : overlay.kind === 'export' ? (
				<ChoiceList width={width} height={layout.overlayHeight - 1} title="Export the session · ↑↓ choose · Enter · Esc closes" choices={exportChoices} selected={overlay.selected} />
			) : overlay.kind === 'swaks' ? (
				<SwaksCommand width={width} height={layout.overlayHeight - 1} command={overlay.command} />
			) : overlay.kind === 'batch' ? (
				<BatchPreview width={width} height={layout.overlayHeight - 1} lines={overlay.lines} controller={controller} dataMode={mode === 'data-line'} />
			) : (
				<>
					<Box flexDirection="row" height={transcriptHeight + layout.panelHeight}>
						{main}
						{layout.sidebar ? <Sidebar sections={sections} width={layout.sidebar.width} height={transcriptHeight + layout.panelHeight} focused={ui.focus === 'sidebar'} /> : null}
					</Box>
					{overlay.kind === 'prompt' ? (
						<Prompt width={width} title={overlay.title} editor={overlay.editor} {...(overlay.note ? {note: overlay.note} : {})} />
					) : authPrompt ? (
						<Prompt
							width={width}
							title={authTitle}
							editor={authPrompt.editor}
							masked
						/>
					) : (
						<>
							<Text dimColor>{'─'.repeat(width)}</Text>
							<Composer width={width} editor={ui.editor} focused={ui.focus === 'composer'} {...(validation ? {validation} : {})} {...(command ? {command} : {})} confirming={ui.confirming === ui.editor.text} {...(ui.step ? {step: ui.step} : {})} mode={mode} />
						</>
					)}
				</>
			)}
			<StatusBar width={width} {...(ui.flash ? {flash: ui.flash} : {})} scrolled={!window.position.follow} />
		</Box>
	);
}

/** Ctrl+X: what to export. */
const exportChoices: Choice[] = [
	{value: 'script', label: 'a replayable script, for smtp-explorer run (EXPECT checks from the replies)'},
	{value: 'swaks', label: 'the equivalent swaks command line'},
];

/** The AUTH helper's first step: the mechanisms the server offers, those the tool computes first. */
function authChoices(offered: string[]): Choice[] {
	const names = offered.length > 0 ? offered : [...computableMechanisms];
	return [...names]
		.sort((a, b) => Number(findMechanism(b)?.computable ?? false) - Number(findMechanism(a)?.computable ?? false))
		.map(name => {
			const entry = findMechanism(name);
			return {value: name, label: `${name.padEnd(12)} ${entry?.computable ? 'computed for you' : 'by hand'}${entry ? ` · ${entry.summary}` : ''}`};
		});
}

/** The swaks command, wrapped to the screen for copying; it never holds a password. */
function SwaksCommand({width, height, command}: {width: number; height: number; command: string}) {
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

/** A multi-line paste before it is sent: each line with what the validator says of it now. */
function BatchPreview({width, height, lines, controller, dataMode}: {width: number; height: number; lines: string[]; controller: SessionController; dataMode: boolean}) {
	const shown = lines.slice(0, Math.max(1, height - 4));
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
			<Text bold wrap="truncate-end">
				{truncateToWidth(`Paste of ${lines.length} line${lines.length === 1 ? '' : 's'}${dataMode ? ' for the message' : ''}: Enter sends them in order, Esc sends nothing`, width - 4)}
			</Text>
			{shown.map((line, index) => {
				// Only the first line is judged against the session as it is; later ones depend on the replies.
				const verdict = index === 0 ? controller.validate(line) : undefined;
				const problem = verdict?.diagnostics.find(diagnostic => diagnostic.severity !== 'info');
				return (
					<Text key={index} wrap="truncate-end">
						<Text dimColor>{String(index + 1).padStart(3)} </Text>
						<Text>{truncateToWidth(sanitizeForDisplay(line), Math.max(10, width - 40))}</Text>
						{problem ? <Text bold>{`  ${problem.severity}: ${truncateToWidth(problem.message, 30)}`}</Text> : null}
					</Text>
				);
			})}
			{lines.length > shown.length ? <Text dimColor>{`… ${lines.length - shown.length} more`}</Text> : null}
		</Box>
	);
}

/** The walk's explanation of the suggested step, a paragraph above the composer. */
function StepPanel({width, height, title, text}: {width: number; height: number; title: string; text: string}) {
	const rows = wrapToWidth(text, width - 2).slice(0, height - 2);
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="single" borderLeft={false} borderRight={false} borderBottom={false}>
			<Text bold>{truncateToWidth(`${title} · Enter sends it · Esc hides this`, width)}</Text>
			{rows.map((row, index) => (
				<Text key={index}>{row}</Text>
			))}
		</Box>
	);
}
