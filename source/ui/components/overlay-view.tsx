import {text as say} from '../../i18n/messages.js';
import type {SearchResult} from '../../catalog/search.js';
import type {SessionState} from '../../protocol/session.js';
import type {MailboxMessage} from '../mailbox-source.js';
import {messageFacts} from '../message-model.js';
import {base64Tool} from '../palette-model.js';
import {authChoices, exportChoices} from '../router-flows.js';
import {textOf} from '../text-area.js';
import type {Overlay} from '../ui-state.js';
import {BatchPreview} from './batch-preview.js';
import {ChoiceList} from './choice-list.js';
import {HelpOverlay} from './help-overlay.js';
import {Mailbox} from './mailbox.js';
import {MessageEditor} from './message-editor.js';
import {Palette} from './palette.js';
import {SwaksCommand} from './swaks-command.js';

export type OverlayViewProps = {
	overlay: Overlay;
	width: number;
	height: number;
	state: SessionState;
	paletteResults: SearchResult[];
	mailbox: readonly MailboxMessage[];
	dataMode: boolean;
};

/** The overlay in front of the transcript, or null when there is none (prompts sit in the composer's place). */
export function OverlayView({overlay, width, height, state, paletteResults, mailbox, dataMode}: OverlayViewProps) {
	switch (overlay.kind) {
		case 'palette': {
			const base64 = base64Tool(overlay.query.text);
			return <Palette width={width} height={height} query={overlay.query} results={paletteResults} selected={overlay.selected} detail={overlay.detail} state={state} {...(base64 ? {base64} : {})} />;
		}

		case 'help': {
			return <HelpOverlay width={width} height={height} offset={overlay.offset} />;
		}

		case 'message': {
			return <MessageEditor width={width} height={height} area={overlay.area} wire={overlay.wire} notes={messageFacts(textOf(overlay.area), state).notes} via={state.phase === 'data' ? 'DATA' : 'BDAT'} />;
		}

		case 'mailbox': {
			return <Mailbox width={width} height={height} messages={mailbox} selected={overlay.selected} open={overlay.open} />;
		}

		case 'auth': {
			const offered = state.ehlo?.auth.length ? say()['auth.offers'](state.ehlo.auth.join(', ')) : say()['auth.noneAdvertised'];
			return <ChoiceList width={width} height={height} title={`AUTH: ${offered} · ↑↓ · Enter · Esc`} choices={authChoices(state.ehlo?.auth ?? [])} selected={overlay.selected} />;
		}

		case 'export': {
			return <ChoiceList width={width} height={height} title={say()['export.title']} choices={exportChoices()} selected={overlay.selected} />;
		}

		case 'swaks': {
			return <SwaksCommand width={width} height={height} command={overlay.command} />;
		}

		case 'batch': {
			return <BatchPreview width={width} height={height} lines={overlay.lines} {...(overlay.problem ? {problem: overlay.problem} : {})} dataMode={dataMode} />;
		}

		default: {
			return null;
		}
	}
}
