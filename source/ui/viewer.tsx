import {Box, Text} from 'ink';
import {useMemo, useReducer} from 'react';
import type {TranscriptEntry} from '../protocol/transcript.js';
import {ExplainPanel} from './components/explain-panel.js';
import {HelpOverlay} from './components/help-overlay.js';
import {Prompt, promptHeight} from './components/prompt.js';
import {StatusBar, TooSmall} from './components/status-bar.js';
import {TranscriptPane} from './components/transcript-pane.js';
import {useKeys} from './hooks/use-keys.js';
import type {Key} from './key-parser.js';
import {matchAction} from './keymap.js';
import {minimumSize, panelHeight, reservedRows} from './layout.js';
import {editorActionForKey} from './line-editor.js';
import {padToWidth} from './text-width.js';
import {findMatch, nextVisible, pageBy, previousVisible, revealEntry, stepVisible, type ViewOptions, visibleWindow} from './transcript-view.js';
import {filterPresets, initialUiState, uiReducer} from './ui-state.js';

export type ViewerProps = {
	entries: readonly TranscriptEntry[];
	/** The file's name, for the header. */
	title: string;
	/** Lines of the file that could not be read as transcript lines. */
	skipped: number;
	width: number;
	height: number;
	onExit: () => void;
};

/**
A saved session, read-only: the same transcript pane, explanations, filters and search as
the explorer, with nothing to send.
*/
export function Viewer({entries, title, skipped, width, height: terminalHeight, onExit}: ViewerProps) {
	const height = terminalHeight - reservedRows;
	// A saved session opens at its first line.
	const [ui, dispatch] = useReducer(uiReducer, undefined, () => initialUiState([], {follow: false, entry: 0, row: 0}));
	const cursorEntry = ui.cursor === undefined ? undefined : entries[ui.cursor];
	const promptRows = ui.overlay.kind === 'prompt' ? promptHeight(width, ui.overlay.title) : 0;
	const transcriptHeight = Math.max(3, height - 2 - (cursorEntry ? panelHeight : 0) - promptRows);
	const viewOptions: ViewOptions = {width, filter: filterPresets[ui.filterIndex]!.filter, showTime: ui.showTime};
	const window = useMemo(() => visibleWindow(entries, ui.scroll, viewOptions, transcriptHeight), [entries, ui.scroll, width, ui.filterIndex, ui.showTime, transcriptHeight]);

	const moveTo = (index: number) => {
		if (index === -1) return;
		dispatch({type: 'cursor', cursor: index, position: revealEntry(entries, ui.scroll, index, viewOptions, transcriptHeight)});
	};

	const find = (query: string, direction: 1 | -1) => {
		const found = findMatch(entries, ui.cursor ?? (direction === 1 ? -1 : entries.length), query, direction, viewOptions.filter);
		if (found === -1) dispatch({type: 'flash', flash: {text: `no line matches "${query}"`, tone: 'warning'}});
		else moveTo(found);
	};

	const onKey = (key: Key) => {
		if (ui.flash) dispatch({type: 'flash', flash: undefined});
		const {overlay} = ui;
		if (overlay.kind === 'help') {
			if (key.name === 'escape' || key.name === 'f1' || key.text === 'q' || key.text === '?') dispatch({type: 'close-overlay'});
			return;
		}

		if (overlay.kind === 'prompt') {
			if (key.name === 'escape' || (key.ctrl && key.name === 'c')) return dispatch({type: 'close-overlay'});
			if (key.name === 'return') {
				dispatch({type: 'close-overlay'});
				dispatch({type: 'search', query: overlay.editor.text});
				return find(overlay.editor.text, 1);
			}

			const edit = editorActionForKey(key);
			if (edit) dispatch({type: 'prompt-edit', action: edit});
			return;
		}

		if (key.text === '?') return dispatch({type: 'open', overlay: {kind: 'help'}});
		switch (matchAction(key, 'viewer')) {
			case 'line-up': {
				return moveTo(stepVisible(entries, ui.cursor, -1, viewOptions.filter));
			}

			case 'line-down': {
				return moveTo(stepVisible(entries, ui.cursor, 1, viewOptions.filter));
			}

			case 'top': {
				return moveTo(nextVisible(entries, -1, viewOptions.filter));
			}

			case 'bottom': {
				return moveTo(previousVisible(entries, entries.length, viewOptions.filter));
			}

			case 'page-up':
			case 'page-down': {
				return dispatch({type: 'scroll', position: pageBy(entries, window.position, key.name === 'pageup' ? -1 : 1, viewOptions, transcriptHeight)});
			}

			case 'search': {
				const text = ui.search ?? '';
				return dispatch({type: 'open', overlay: {kind: 'prompt', prompt: 'search', title: 'Search (n next, N previous)', editor: {text, cursor: text.length}}});
			}

			case 'search-next':
			case 'search-previous': {
				if (!ui.search) return dispatch({type: 'open', overlay: {kind: 'prompt', prompt: 'search', title: 'Search', editor: {text: '', cursor: 0}}});
				return find(ui.search, key.text === 'N' ? -1 : 1);
			}

			case 'filter': {
				return dispatch({type: 'cycle-filter'});
			}

			case 'toggle-time': {
				return dispatch({type: 'toggle-time'});
			}

			case 'help': {
				return dispatch({type: 'open', overlay: {kind: 'help'}});
			}

			case 'close': {
				return dispatch({type: 'cursor', cursor: undefined});
			}

			case 'quit': {
				onExit();
				return;
			}

			default: {
				break;
			}
		}
	};

	useKeys(onKey);

	if (width < minimumSize.width || terminalHeight < minimumSize.height) return <TooSmall width={width} height={terminalHeight} minimum={minimumSize} />;
	const header = ` smtp-explorer view  ${title}  ${entries.length} lines${skipped > 0 ? `, ${skipped} unreadable skipped` : ''}  read-only`;
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text inverse bold wrap="truncate-end">
				{padToWidth(header, width)}
			</Text>
			{ui.overlay.kind === 'help' ? (
				<HelpOverlay width={width} height={height - 2} mode="viewer" />
			) : (
				<>
					<TranscriptPane rows={window.rows} width={width} height={transcriptHeight} cursor={ui.cursor} showTime={ui.showTime} />
					{cursorEntry ? <ExplainPanel entry={cursorEntry} width={width} height={panelHeight} /> : null}
				</>
			)}
			{ui.overlay.kind === 'prompt' ? <Prompt width={width} title={ui.overlay.title} editor={ui.overlay.editor} /> : null}
			<StatusBar width={width} {...(ui.flash ? {flash: ui.flash} : {})} scrolled={false} mode="viewer" />
		</Box>
	);
}
