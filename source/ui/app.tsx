import {Box, Text} from 'ink';
import {useCallback, useEffect, useMemo, useState, useSyncExternalStore} from 'react';
import {findCommand} from '../catalog/index.js';
import {searchCatalog} from '../catalog/search.js';
import {activeLanguage} from '../i18n/messages.js';
import {localizeEntry} from '../catalog/localize.js';
import {draftMessage} from '../protocol/message-draft.js';
import type {WalkPlan} from '../protocol/next-step.js';
import type {SessionController} from '../session/controller.js';
import {Composer} from './components/composer.js';
import {ExplainPanel} from './components/explain-panel.js';
import {Header} from './components/header.js';
import {OverlayView} from './components/overlay-view.js';
import {Prompt} from './components/prompt.js';
import {Sidebar, SidebarStrip} from './components/sidebar.js';
import {StatusBar, TooSmall} from './components/status-bar.js';
import {StepPanel} from './components/step-panel.js';
import {TranscriptPane} from './components/transcript-pane.js';
import {useRouter} from './hooks/use-router.js';
import {type MessageIo, type SaveResult, useSessionEffects} from './hooks/use-session-effects.js';
import {minimumSize} from './layout.js';
import {uploadStatus} from './progress-status.js';
import type {MailboxMessage, MailboxSource} from './mailbox-source.js';
import {composerMode} from './router-main.js';
import type {RouteContext, SaveWhat} from './router-types.js';
import {screenLayout, secretPromptTitle} from './screen-layout.js';
import {sidebarSections} from './sidebar-model.js';
import {visibleWindow} from './transcript-view.js';
import {initialUiState} from './ui-state.js';

export type {MessageIo} from './hooks/use-session-effects.js';

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
	onSave?: (path: string, overwrite: boolean, what: SaveWhat) => Promise<SaveResult>;
	/** Suggested file name for Ctrl+S. */
	defaultSavePath?: string;
	/** --transcript writes every line as it happens: quitting needs no question about saving. */
	transcriptFile?: boolean;
	/** Called when the user quits; the app has sent QUIT (or given up) by then. */
	onExit: () => void;
	/** The demo server's mailbox, in demo mode: shown with F2; the final dot needs no confirmation. */
	demo?: MailboxSource;
	/** File and editor access for the message editor (kept out of the components). */
	io?: MessageIo;
	/** The message to start the editor with (`--data FILE`). */
	initialMessage?: string;
	clock?: () => number;
};

/** Re-renders when the mailbox receives a message. */
function useMailbox(source: MailboxSource | undefined): readonly MailboxMessage[] {
	const [, setCount] = useState(0);
	useEffect(() => source?.onMessage(() => setCount(count => count + 1)), [source]);
	return source?.messages ?? [];
}

/** The clock, moving once a second while a wait is shown (its timer in the sidebar). */
function useTicking(active: boolean, clock: () => number): number {
	const [now, setNow] = useState(clock);
	useEffect(() => {
		if (!active) return;
		const timer = setInterval(() => setNow(clock()), 1000);
		return () => clearInterval(timer);
	}, [active, clock]);
	return now;
}

export function App(props: AppProps) {
	const {controller, width, height, plan, demo, clock = Date.now} = props;
	const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
	const mailbox = useMailbox(demo);
	const now = useTicking(Boolean(snapshot.wait), clock);

	// Read when a key is routed: the session as it is then (the controller's live state), not as last drawn.
	const contextOf = useCallback(
		(): RouteContext => ({
			session: controller.sessionState,
			entries: controller.transcript.entries,
			validate: line => controller.validate(line),
			width,
			height,
			plan,
			...(demo ? {mailboxCount: demo.messages.length} : {}),
			canSave: Boolean(props.onSave),
			canEditFiles: Boolean(props.io),
			transcriptFile: Boolean(props.transcriptFile),
			...(props.defaultSavePath ? {defaultSavePath: props.defaultSavePath} : {}),
			newMessage: () => draftMessage(controller.sessionState, {date: new Date(clock()), messageId: `${globalThis.crypto.randomUUID()}@${plan.ehloName}`}),
			target: snapshot.target,
			implicitTls: snapshot.implicitTls,
		}),
		[controller, width, height, plan, demo, props.onSave, props.io, props.transcriptFile, props.defaultSavePath, clock, snapshot.target, snapshot.implicitTls],
	);

	const run = useSessionEffects({controller, onExit: props.onExit, ...(props.onSave ? {onSave: props.onSave} : {}), ...(props.onRemember ? {onRemember: props.onRemember} : {}), ...(props.io ? {io: props.io} : {})});
	const initial = () => ({...initialUiState(props.history), ...(plan.user ? {user: plan.user} : {}), ...(props.password === undefined ? {} : {password: props.password}), ...(props.initialMessage === undefined ? {} : {draft: props.initialMessage})});
	const {state: ui, dispatch} = useRouter(initial, contextOf, run);

	// The session's phase changes go through the router too (a 354 opens the message editor).
	useEffect(() => {
		let phase = controller.sessionState.phase;
		return controller.subscribe(() => {
			const next = controller.sessionState.phase;
			if (next === phase) return;
			const from = phase;
			phase = next;
			dispatch({type: 'phase', from, to: next});
		});
	}, [controller, dispatch]);

	// After a resize the line under the cursor stays in view (the router reads the new size).
	useEffect(() => dispatch({type: 'resized'}), [width, height, dispatch]);

	const {state, entries} = snapshot;
	const context = {session: state, validate: (line: string) => controller.validate(line)};
	// Validated on each render: the verdict depends on the session as much as on the text.
	const validation = ui.editor.text === '' ? undefined : controller.validate(ui.editor.text);
	const mode = composerMode(ui, context);
	const verb = /^\s*(\S+)/.exec(ui.editor.text)?.[1]?.toUpperCase();
	const found = mode === 'command' && verb ? findCommand(verb) : undefined;
	const command = found ? localizeEntry(found, activeLanguage()) : undefined;

	// A message upload: its figures replace the status line while it lasts (Ctrl+C cancels it).
	const upload = uploadStatus(snapshot.upload, now);

	const screen = screenLayout(ui, entries, width, height);
	const {layout, transcriptHeight} = screen;
	// Windowed: only the rows on screen are built, so this costs the same with 100,000 lines as with 100.
	// Built again only when the transcript (a new snapshot), the scroll position or the pane
	// changes: a typed key keeps the same rows, so the memoised pane is not drawn again.
	const {width: viewWidth, filter, showTime} = screen.view;
	const window = useMemo(() => visibleWindow(snapshot.entries, ui.scroll, {width: viewWidth, filter, showTime}, transcriptHeight), [snapshot, ui.scroll, viewWidth, filter, showTime, transcriptHeight]);

	// Searched again only when the query changes, not on each move of the selection.
	const paletteQuery = ui.overlay.kind === 'palette' ? ui.overlay.query.text : undefined;
	const paletteResults = useMemo(() => (paletteQuery === undefined ? [] : searchCatalog(paletteQuery, {limit: 200, language: activeLanguage()})), [paletteQuery]);

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
				plan: {...plan, ...(ui.user ? {user: ui.user} : {})},
				...(demo ? {demo: demo.credentials} : {}),
				route: snapshot.route,
			}),
		[snapshot, now, plan, ui.user, state, demo],
	);

	if (layout.tooSmall) return <TooSmall width={width} height={height} minimum={minimumSize} />;

	const overlay = ui.overlay;
	const cursorEntry = ui.focus === 'transcript' && ui.cursor !== undefined ? entries[ui.cursor] : undefined;
	const panel = cursorEntry ? (
		<ExplainPanel entry={cursorEntry} width={layout.mainWidth} height={layout.panelHeight} />
	) : ui.step ? (
		<StepPanel width={layout.mainWidth} height={layout.panelHeight} title={ui.step.title} text={ui.step.text} />
	) : null;
	const front = overlay.kind === 'none' || overlay.kind === 'prompt' || overlay.kind === 'secret' ? undefined : <OverlayView overlay={overlay} width={width} height={screen.overlayHeight} state={state} paletteResults={paletteResults} mailbox={mailbox} dataMode={mode === 'data-line'} />;

	return (
		<Box flexDirection="column" width={width} height={layout.height}>
			<Header width={width} target={snapshot.target} state={state} insecure={snapshot.insecure} route={snapshot.route} lmtp={Boolean(plan.lmtp)} />
			{layout.strip ? <SidebarStrip sections={sections} width={width} /> : null}
			{front ?? (
				<>
					<Box flexDirection="row" height={transcriptHeight + layout.panelHeight}>
						<Box flexDirection="column" width={layout.mainWidth}>
							<TranscriptPane rows={window.rows} width={layout.mainWidth} height={transcriptHeight} cursor={ui.focus === 'transcript' ? ui.cursor : undefined} showTime={ui.showTime} />
							{panel}
						</Box>
						{layout.sidebar ? <Sidebar sections={sections} width={layout.sidebar.width} height={transcriptHeight + layout.panelHeight} focused={ui.focus === 'sidebar'} /> : null}
					</Box>
					{overlay.kind === 'prompt' ? (
						<Prompt width={width} title={overlay.title} editor={overlay.editor} {...(overlay.note ? {note: overlay.note} : {})} />
					) : overlay.kind === 'secret' ? (
						<Prompt width={width} title={secretPromptTitle(ui)} editor={overlay.editor} masked />
					) : (
						<>
							<Text dimColor>{'─'.repeat(width)}</Text>
							<Composer width={width} editor={ui.editor} focused={ui.focus === 'composer'} {...(validation ? {validation} : {})} {...(command ? {command} : {})} confirming={ui.confirming === ui.editor.text} {...(ui.step ? {step: ui.step} : {})} mode={mode} />
						</>
					)}
				</>
			)}
			<StatusBar width={width} {...(ui.flash ? {flash: ui.flash} : {})} scrolled={!window.position.follow} {...(upload ? {progress: upload} : {})} />
		</Box>
	);
}
