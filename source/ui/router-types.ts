import type {ExportForm} from '../protocol/export-session.js';
import type {SessionState} from '../protocol/session.js';
import type {ComputableMechanism} from '../protocol/sasl.js';
import type {WalkPlan} from '../protocol/next-step.js';
import type {Target} from '../protocol/target.js';
import type {TranscriptEntry} from '../protocol/transcript.js';
import type {Validation} from '../protocol/validate.js';
import type {Flash, UiState} from './ui-state.js';

/**
What the router reads besides its own state: the session as it is now (read from the
controller at the moment the key is routed, not at the last render), the terminal's size,
and what this run of the explorer offers. Plain values and pure functions only.
*/
export type RouteContext = {
	session: SessionState;
	entries: readonly TranscriptEntry[];
	/** The validator against the session as it is now. */
	validate: (line: string) => Validation;
	width: number;
	height: number;
	plan: WalkPlan;
	/** How many messages the demo mailbox holds (undefined: not in demo mode). */
	mailboxCount?: number;
	canSave: boolean;
	/** Files can be loaded and $EDITOR run for the message editor. */
	canEditFiles: boolean;
	/** --transcript writes every line as it happens: quitting loses nothing. */
	transcriptFile: boolean;
	defaultSavePath?: string;
	/** A new message for the editor, from the envelope (its date and Message-ID are fresh). */
	newMessage: () => string;
	target: Target;
	implicitTls: boolean;
};

/** What a save writes: the transcript, or the session exported (Ctrl+X) as the run script or code. */
export type SaveWhat = 'transcript' | ExportForm;

/** What the router asks the edge to do; the result comes back as an event. */
export type Effect =
	| {type: 'send'; line: string; confirmed: boolean}
	| {type: 'remember'; line: string}
	| {type: 'authenticate'; mechanism: ComputableMechanism; user: string; secret: string}
	| {type: 'send-message'; text: string; chunkSize?: number}
	| {type: 'send-batch'; lines: string[]}
	| {type: 'save'; path: string; overwrite: boolean; what: SaveWhat; thenQuit: boolean}
	| {type: 'edit-externally'; text: string}
	| {type: 'load'; path: string}
	| {type: 'reconnect'}
	/** Ctrl+C: cancel the wait in progress; with none, the router hears `nothing-to-cancel`. */
	| {type: 'cancel'}
	| {type: 'quit'}
	| {type: 'close-connection'};

/** What comes back from the edge (or from the session) into the router. */
export type RouterEvent =
	| {type: 'flash'; flash: Flash}
	| {type: 'auth-done'; ok: boolean; user: string; error?: string; code?: number}
	| {type: 'saved'; ok: boolean; message: string; exists?: boolean; path: string; overwrite: boolean; what: SaveWhat; thenQuit: boolean; entryCount: number}
	| {type: 'edited'; ok: boolean; text?: string; reason?: string}
	| {type: 'loaded'; path: string; ok: boolean; text?: string; reason?: string}
	| {type: 'nothing-to-cancel'}
	/** The terminal was resized (the context has the new size): the line under the cursor stays in view. */
	| {type: 'resized'}
	/** The session's phase changed (a 354 opens the message editor). */
	| {type: 'phase'; from: SessionState['phase']; to: SessionState['phase']};

export type Routed = {state: UiState; effects: Effect[]};

export const stay = (state: UiState, ...effects: Effect[]): Routed => ({state, effects});
