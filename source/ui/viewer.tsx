import {text as say} from '../i18n/messages.js';
import {Box, Text} from 'ink';
import {useEffect, useRef, useState, useSyncExternalStore} from 'react';
import type {TranscriptEntry} from '../protocol/transcript.js';
import {ExplainPanel} from './components/explain-panel.js';
import {HelpOverlay} from './components/help-overlay.js';
import {Prompt} from './components/prompt.js';
import {StatusBar, TooSmall} from './components/status-bar.js';
import {TranscriptPane} from './components/transcript-pane.js';
import {useKeys} from './hooks/use-keys.js';
import {minimumSize, panelHeight} from './layout.js';
import {readingStatus, searchStatus} from './progress-status.js';
import {padToWidth} from './text-width.js';
import {visibleWindow} from './transcript-view.js';
import {initialUiState} from './ui-state.js';
import {createUiStore} from './ui-store.js';
import {continueSearch, routeViewerKey, searchedPercent, viewerPane} from './viewer-router.js';

export type ViewerProps = {
	entries: readonly TranscriptEntry[];
	/** The file's name, for the header. */
	title: string;
	/** Lines of the file that could not be read as transcript lines. */
	skipped: number;
	/** Bytes of the file read so far, while the background pass runs: the header says "reading 37%", the status line how much and how long. */
	loading?: {done: number; total: number};
	width: number;
	height: number;
	onExit: () => void;
};


/**
A saved session, read-only: the same transcript pane, navigation, explanations, filters and
search as the explorer, with nothing to send.
*/
export function Viewer({entries, title, skipped, loading, width, height: terminalHeight, onExit}: ViewerProps) {
	// A saved session opens at its first line.
	const [store] = useState(() => createUiStore(initialUiState([], {follow: false, entry: 0, row: 0})));
	// The reading's rate and time left count from the viewer's start (the pass began a moment before).
	const [openedAt] = useState(() => performance.now());
	const ui = useSyncExternalStore(store.subscribe, store.get);
	const pane = viewerPane(ui, entries, width, terminalHeight);
	const window = visibleWindow(entries, ui.scroll, pane.view, pane.height);

	// A long search goes on a slice at a time, each after the keys that arrived meanwhile were
	// read (setImmediate runs after the event loop's I/O poll): Esc or Ctrl+C can stop it.
	useEffect(() => {
		if (!ui.searching) return;
		const next = setImmediate(() => {
			// Slices for up to 50 ms, then one redraw: keys wait at most that long, and the drawing costs little of the search.
			const until = performance.now() + 50;
			let state = continueSearch(store.get(), entries, width, terminalHeight);
			while (state.searching && performance.now() < until) state = continueSearch(state, entries, width, terminalHeight);
			store.set(state);
		});
		return () => {
			clearImmediate(next);
		};
	}, [ui.searching, store, entries, width, terminalHeight]);
	// When the search under way began: only a key starts one, and none does while one runs.
	const searchBegan = useRef(0);

	useKeys(keys => {
		for (const key of keys) {
			const before = store.get();
			const routed = routeViewerKey(before, key, entries, width, terminalHeight);
			if (routed.state.searching && !before.searching) searchBegan.current = performance.now();
			store.set(routed.state);
			if (routed.exit) return onExit();
		}
	});

	if (width < minimumSize.width || terminalHeight < minimumSize.height) return <TooSmall width={width} height={terminalHeight} minimum={minimumSize} />;
	const cursorEntry = ui.cursor === undefined ? undefined : entries[ui.cursor];
	const reading = loading ? say()['viewer.reading'](Math.floor((100 * loading.done) / Math.max(1, loading.total))) : undefined;
	const header = ` smtp-explorer view  ${title}  ${say()['viewer.header'](entries.length, skipped, reading)}`;
	// Redrawn as the pass reports (every 250 ms), so at the shared pace.
	const progress = ui.searching
		? searchStatus(ui.searching, searchedPercent(ui.searching), performance.now() - searchBegan.current)
		: loading
			? readingStatus(loading.done, loading.total, performance.now() - openedAt)
			: undefined;
	return (
		<Box flexDirection="column" width={width} height={pane.rows}>
			<Text inverse bold wrap="truncate-end">
				{padToWidth(header, width)}
			</Text>
			{ui.overlay.kind === 'help' ? (
				<HelpOverlay width={width} height={pane.rows - 2} mode="viewer" offset={ui.overlay.offset} />
			) : (
				<>
					<TranscriptPane rows={window.rows} width={width} height={pane.height} cursor={ui.cursor} showTime={ui.showTime} />
					{cursorEntry ? <ExplainPanel entry={cursorEntry} width={width} height={panelHeight} palette={false} /> : null}
				</>
			)}
			{ui.overlay.kind === 'prompt' ? <Prompt width={width} title={ui.overlay.title} editor={ui.overlay.editor} /> : null}
			<StatusBar width={width} {...(ui.flash ? {flash: ui.flash} : {})} scrolled={false} mode="viewer" {...(progress ? {progress} : {})} />
		</Box>
	);
}
