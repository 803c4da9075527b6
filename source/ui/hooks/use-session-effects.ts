import type {SaveWhat} from '../router-types.js';
import {text as say} from '../../i18n/messages.js';
import {useCallback} from 'react';
import {authenticate} from '../../session/authenticate.js';
import type {SessionController} from '../../session/controller.js';
import {keyLabel} from '../keymap.js';
import type {Effect, RouterEvent} from '../router-types.js';

export type SaveResult = {ok: true; message: string} | {ok: false; message: string; exists?: boolean};

export type MessageIo = {
	readText(path: string): {ok: true; text: string} | {ok: false; reason: string};
	/** Opens the text in $EDITOR (the app steps aside meanwhile); the edited text, or why not. */
	editExternally(text: string): Promise<{ok: true; text: string} | {ok: false; reason: string}>;
};

export type EdgeOptions = {
	controller: SessionController;
	onSave?: (path: string, overwrite: boolean, what: SaveWhat) => Promise<SaveResult>;
	onRemember?: (line: string) => void;
	onExit: () => void;
	io?: MessageIo;
};

const errorOf = (diagnostics: ReadonlyArray<{severity: string; message: string}>) => diagnostics.find(diagnostic => diagnostic.severity === 'error')?.message ?? say()['flash.notSent'];

/** Executes the router's effects on the session, the file system and the terminal, and routes back what came of them. */
export function useSessionEffects({controller, onSave, onRemember, onExit, io}: EdgeOptions) {
	return useCallback(
		(effect: Effect, dispatch: (event: RouterEvent) => void) => {
			const flash = (text: string, tone: 'info' | 'warning' | 'error' = 'info') => dispatch({type: 'flash', flash: {text, tone}});
			switch (effect.type) {
				case 'send': {
					const waitingFor = controller.sessionState.pending.at(-1)?.verb;
					const result = controller.send(effect.line, {confirmed: effect.confirmed});
					if (result.status === 'blocked') return flash(errorOf(result.validation.diagnostics), 'error');
					if (result.status === 'queued') flash(say()['flash.queued'](waitingFor || say()['flash.lastLine']));
					void result.outcome?.then(outcome => {
						if (!outcome.ok) flash(outcome.error.message, 'error');
					});
					return;
				}

				case 'remember': {
					return onRemember?.(effect.line);
				}

				case 'authenticate': {
					const {mechanism, user, secret} = effect;
					const request = mechanism === 'XOAUTH2' || mechanism === 'OAUTHBEARER' ? {mechanism, user, token: secret} : {mechanism, credentials: {user, password: secret}};
					void authenticate(controller, request).then(result =>
						dispatch(result.ok ? {type: 'auth-done', ok: true, user} : {type: 'auth-done', ok: false, user, error: result.error.message, ...(result.reply ? {code: result.reply.code} : {})}),
					);
					return;
				}

				case 'send-message': {
					const sending = effect.chunkSize ? controller.sendBdat(effect.text, effect.chunkSize) : controller.sendData(effect.text);
					void sending.then(outcome => {
						// A cancelled upload has said so already (the cancel's own message).
						if (!outcome.ok && outcome.error.type === 'transport' && outcome.error.kind === 'cancelled') return;
						if (!outcome.ok) flash(say()['flash.messageNotAccepted'](outcome.error.message), 'error');
						else if (outcome.reply.code === 250) flash(say()['flash.messageAccepted'](outcome.reply.lines.at(-1)?.text ?? ''));
						else flash(say()['flash.messageRefused'](outcome.reply.code), 'error');
					});
					return;
				}

				case 'send-batch': {
					let sent = 0;
					for (const line of effect.lines) {
						const result = controller.send(line, {confirmed: true});
						if (result.status === 'blocked') {
							return flash(say()['batch.stopped'](sent + 1, errorOf(result.validation.diagnostics), effect.lines.length - sent - 1), 'error');
						}

						if (result.validation.kind === 'command' && !result.validation.secret) onRemember?.(line);
						sent++;
					}

					return flash(say()['batch.sent'](sent));
				}

				case 'save': {
					if (!onSave) return;
					const entryCount = controller.transcript.entries.length;
					void onSave(effect.path, effect.overwrite, effect.what).then(result =>
						dispatch({...effect, ...result, type: 'saved', entryCount, ...(result.ok ? {} : {exists: Boolean(result.exists)})}),
					);
					return;
				}

				case 'edit-externally': {
					if (!io) return;
					void io.editExternally(effect.text).then(result => dispatch(result.ok ? {type: 'edited', ok: true, text: result.text} : {type: 'edited', ok: false, reason: result.reason}));
					return;
				}

				case 'load': {
					const result = io?.readText(effect.path) ?? {ok: false as const, reason: say()['editor.noLoading']};
					return dispatch(result.ok ? {type: 'loaded', path: effect.path, ok: true, text: result.text} : {type: 'loaded', path: effect.path, ok: false, reason: result.reason});
				}

				case 'reconnect': {
					void controller.connect();
					return;
				}

				case 'cancel': {
					const upload = controller.uploadCancellable;
					if (controller.cancel()) return upload ? flash(say()['flash.uploadCancelled'](keyLabel('reconnect')), 'error') : flash(say()['flash.cancelled'](keyLabel('reconnect')), 'warning');
					return dispatch({type: 'nothing-to-cancel'});
				}

				case 'quit': {
					void controller.quit().then(onExit);
					return;
				}

				case 'close-connection': {
					controller.close();
				}
			}
		},
		[controller, onSave, onRemember, onExit, io],
	);
}
