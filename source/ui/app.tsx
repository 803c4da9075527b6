import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import {useCallback, useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore} from 'react';
import {findCommand} from '../catalog/index.js';
import {searchCatalog} from '../catalog/search.js';
import {formatRfc} from '../catalog/types.js';
import {suggestNext, type WalkPlan} from '../protocol/next-step.js';
import {sanitizeForDisplay} from '../protocol/sanitize.js';
import {computableMechanisms, type ComputableMechanism} from '../protocol/sasl.js';
import type {SessionController} from '../session/controller.js';
import {authenticate} from '../session/authenticate.js';
import {Composer} from './components/composer.js';
import {ExplainPanel} from './components/explain-panel.js';
import {Header} from './components/header.js';
import {HelpOverlay} from './components/help-overlay.js';
import {Palette} from './components/palette.js';
import {Prompt} from './components/prompt.js';
import {Sidebar, SidebarStrip} from './components/sidebar.js';
import {StatusBar, TooSmall} from './components/status-bar.js';
import {TranscriptPane} from './components/transcript-pane.js';
import {completeAt} from './completion.js';
import {useKeys} from './hooks/use-keys.js';
import type {Key} from './key-parser.js';
import {matchAction} from './keymap.js';
import {computeLayout, minimumSize} from './layout.js';
import {editorActionForKey} from './line-editor.js';
import {templateFor} from './palette-model.js';
import {sidebarSections} from './sidebar-model.js';
import {truncateToWidth, wrapToWidth} from './text-width.js';
import {nextVisible, previousVisible, revealEntry, scrollBy, type ViewOptions, visibleWindow} from './transcript-view.js';
import {filterPresets, initialUiState, uiReducer} from './ui-state.js';

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
	onSave?: (path: string, overwrite: boolean) => Promise<{ok: true; message: string} | {ok: false; message: string; exists?: boolean}>;
	/** Suggested file name for Ctrl+S. */
	defaultSavePath?: string;
	/** Called when the user quits; the app has sent QUIT (or given up) by then. */
	onExit: () => void;
	/** A line for the transcript at start: demo credentials, hints. */
	clock?: () => number;
};

/** Redraw at least this often while a wait is shown, so its timer moves. */
const tickMs = 1000;

export function App({controller, width, height, plan, password: knownPassword, history, onRemember, onSave, defaultSavePath, onExit, clock = Date.now}: AppProps) {
	const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
	const [ui, dispatch] = useReducer(uiReducer, history, initialUiState);
	const [password, setPassword] = useState(knownPassword);
	const [authPrompt, setAuthPrompt] = useState<{mechanism: ComputableMechanism; value: string}>();
	const [quitArmed, setQuitArmed] = useState(false);
	const [now, setNow] = useState(clock);
	const {state, entries} = snapshot;

	// The wait timer in the sidebar moves once a second, and only while something is awaited.
	useEffect(() => {
		if (!snapshot.wait) return;
		const timer = setInterval(() => setNow(clock()), tickMs);
		return () => clearInterval(timer);
	}, [snapshot.wait, clock]);

	const validation = useMemo(() => (ui.editor.text === '' ? undefined : controller.validate(ui.editor.text)), [controller, ui.editor.text, snapshot.version]);
	const mode = validation?.kind === 'sasl-response' || (state.sasl && !validation) ? 'sasl-response' : state.phase === 'data' && state.envelope.body === 'none' ? 'data-line' : 'command';
	const verb = /^\s*(\S+)/.exec(ui.editor.text)?.[1]?.toUpperCase();
	const command = mode === 'command' && verb ? findCommand(verb) : undefined;

	const cursorEntry = ui.focus === 'transcript' && ui.cursor !== undefined ? entries[ui.cursor] : undefined;
	const layout = computeLayout(width, height, {sidebar: ui.sidebar, panel: Boolean(cursorEntry) || Boolean(ui.step)});
	const viewOptions: ViewOptions = {width: layout.tooSmall ? width : layout.mainWidth, filter: filterPresets[ui.filterIndex]!.filter, showTime: ui.showTime};
	const transcriptHeight = layout.tooSmall ? 0 : layout.transcriptHeight;
	const window = useMemo(
		() => visibleWindow(entries, ui.scroll, viewOptions, transcriptHeight),
		// The entries array is appended to in place: its length (via the version) is what changes.
		[entries, snapshot.entryCount, ui.scroll, viewOptions.width, viewOptions.filter, viewOptions.showTime, transcriptHeight],
	);

	const paletteResults = useMemo(() => (ui.overlay.kind === 'palette' ? searchCatalog(ui.overlay.query.text, {limit: 200}) : []), [ui.overlay]);

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
			}),
		[snapshot, now, plan, state],
	);

	const flash = (text: string, tone: 'info' | 'warning' | 'error' = 'info') => dispatch({type: 'flash', flash: {text, tone}});

	const runAuthHelper = useCallback(
		async (mechanism: ComputableMechanism, secret: string) => {
			const user = plan.user ?? '';
			const request = mechanism === 'XOAUTH2' || mechanism === 'OAUTHBEARER' ? {mechanism, user, token: secret} : {mechanism, credentials: {user, password: secret}};
			const result = await authenticate(controller, request);
			dispatch({type: 'flash', flash: result.ok ? {text: `authenticated as ${user}`, tone: 'info'} : {text: result.error, tone: 'error'}});
		},
		[controller, plan.user],
	);

	/** Enter in the composer: validate, confirm warnings, send or queue; AUTH with a known user goes to the helper. */
	const submit = () => {
		const line = ui.editor.text;
		const helperMechanism = /^AUTH\s+(\S+)\s*$/i.exec(line)?.[1]?.toUpperCase() as ComputableMechanism | undefined;
		if (helperMechanism && plan.user && computableMechanisms.includes(helperMechanism) && mode === 'command') {
			const check = controller.validate(line);
			if (check.verdict === 'blocked') return flash(check.diagnostics[0]?.message ?? 'blocked', 'error');
			if (check.verdict === 'confirm' && ui.confirming !== line) return dispatch({type: 'confirm-needed', line});
			dispatch({type: 'sent', line, remember: true});
			onRemember?.(line);
			if (password === undefined) {
				setAuthPrompt({mechanism: helperMechanism, value: ''});
				return;
			}

			void runAuthHelper(helperMechanism, password);
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

	const quit = async () => {
		if (state.phase === 'data' && state.envelope.body === 'none' && !quitArmed) {
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
		const filter = viewOptions.filter;
		const from = ui.cursor ?? (direction === -1 ? entries.length : -1);
		const target = direction === -1 ? previousVisible(entries, from, filter) : nextVisible(entries, from, filter);
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
			}

			return;
		}

		const overlay = ui.overlay;
		if (overlay.kind === 'palette') {
			if (key.name === 'escape' || (key.ctrl && key.name === 'p')) return dispatch({type: 'close-overlay'});
			if (key.name === 'up' || key.name === 'down') return dispatch({type: 'palette-move', delta: key.name === 'up' ? -1 : 1, count: paletteResults.length});
			if (key.name === 'pageup' || key.name === 'pagedown') return dispatch({type: 'palette-move', delta: key.name === 'pageup' ? -10 : 10, count: paletteResults.length});
			if (key.name === 'return') {
				const entry = paletteResults[overlay.selected]?.entry;
				const template = entry ? templateFor(entry) : undefined;
				if (template) dispatch({type: 'set-draft', text: template});
				else flash('this entry is for reading: nothing to insert', 'info');
				return;
			}

			const edit = editorActionForKey(key);
			if (edit) dispatch({type: 'palette-edit', action: edit});
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
				const delta = (transcriptHeight - 1) * (action === 'page-up' ? -1 : 1);
				return dispatch({type: 'scroll', position: scrollBy(entries, window.position, delta, viewOptions, transcriptHeight)});
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
				return dispatch({type: 'open', overlay: {kind: 'prompt', prompt: 'save-path', title: 'Save the transcript to (.txt swaks-style, .jsonl, .md); secrets stay redacted', editor: {text: defaultSavePath ?? '', cursor: (defaultSavePath ?? '').length}}});
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

			case 'message-editor':
			case 'export': {
				return flash(action === 'export' ? 'export: use smtp-explorer run with a script for now' : 'the message editor opens after DATA got 354', 'info');
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

	const submitPrompt = (text: string, prompt: string) => {
		if (!onSave) return;
		const path = text.trim();
		if (path === '') return dispatch({type: 'close-overlay'});
		void onSave(path, prompt === 'overwrite').then(result => {
			if (result.ok) {
				dispatch({type: 'close-overlay'});
				flash(result.message);
			} else if (result.exists && prompt !== 'overwrite') {
				dispatch({type: 'open', overlay: {kind: 'prompt', prompt: 'overwrite', title: `${path} exists: Enter overwrites it, Esc keeps it`, editor: {text: path, cursor: path.length}}});
			} else {
				dispatch({type: 'open', overlay: {kind: 'prompt', prompt: 'save-path', title: 'Save the transcript to', editor: {text: path, cursor: path.length}, note: result.message}});
			}
		});
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
			<TranscriptPane rows={window.rows} width={layout.mainWidth} height={layout.transcriptHeight} cursor={ui.focus === 'transcript' ? ui.cursor : undefined} showTime={ui.showTime} />
			{panel}
		</Box>
	);

	return (
		<Box flexDirection="column" width={width} height={height}>
			<Header width={width} target={snapshot.target} state={state} insecure={snapshot.insecure} />
			{layout.strip ? <SidebarStrip sections={sections} width={width} /> : null}
			{overlay.kind === 'palette' ? (
				<Palette width={width} height={layout.overlayHeight - 1} query={overlay.query} results={paletteResults} selected={overlay.selected} state={state} />
			) : overlay.kind === 'help' ? (
				<HelpOverlay width={width} height={layout.overlayHeight - 1} />
			) : overlay.kind === 'batch' ? (
				<BatchPreview width={width} height={layout.overlayHeight - 1} lines={overlay.lines} controller={controller} dataMode={mode === 'data-line'} />
			) : (
				<>
					<Box flexDirection="row" height={layout.transcriptHeight + layout.panelHeight}>
						{main}
						{layout.sidebar ? <Sidebar sections={sections} width={layout.sidebar.width} height={layout.transcriptHeight + layout.panelHeight} focused={ui.focus === 'sidebar'} /> : null}
					</Box>
					{overlay.kind === 'prompt' ? (
						<Prompt width={width} title={overlay.title} editor={overlay.editor} {...(overlay.note ? {note: overlay.note} : {})} />
					) : authPrompt ? (
						<PasswordPrompt
							width={width}
							mechanism={authPrompt.mechanism}
							user={plan.user ?? ''}
							value={authPrompt.value}
							onChange={value => setAuthPrompt({...authPrompt, value})}
							onSubmit={value => {
								setAuthPrompt(undefined);
								setPassword(value);
								void runAuthHelper(authPrompt.mechanism, value);
							}}
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

/** The AUTH helper's password (or token) prompt: masked, never echoed, never in history. */
function PasswordPrompt({width, mechanism, user, value, onChange, onSubmit}: {width: number; mechanism: string; user: string; value: string; onChange: (value: string) => void; onSubmit: (value: string) => void}) {
	const what = mechanism === 'XOAUTH2' || mechanism === 'OAUTHBEARER' ? 'token' : 'password';
	return (
		<Box flexDirection="column" width={width} height={4} borderStyle="round" paddingX={1}>
			<Text bold wrap="truncate-end">
				{truncateToWidth(`AUTH ${mechanism} as ${user}: ${what} (hidden, redacted everywhere) · Esc cancels`, width - 4)}
			</Text>
			<Box>
				<Text>{'> '}</Text>
				<TextInput value={value} onChange={onChange} onSubmit={onSubmit} mask="•" />
			</Box>
		</Box>
	);
}
