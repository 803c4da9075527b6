import {activeLanguage, text as say} from '../i18n/messages.js';
import {localizeEntry} from '../catalog/localize.js';
import {lookupExtension} from '../catalog/extensions.js';
import {diffExtensions, type EhloExtension} from '../protocol/ehlo.js';
import {suggestNext, type WalkPlan} from '../protocol/next-step.js';
import {type SessionState, speaksLmtp, type TlsState} from '../protocol/session.js';
import {formatTarget, type Target} from '../protocol/target.js';
import {formatDuration} from '../protocol/duration.js';
import type {RouteInfo} from '../session/controller.js';
import {walkKeys} from './keymap.js';
import {routeLines} from './route-model.js';

/**
What the session sidebar says, as plain data: sections of label/value lines. The view only
lays them out, so the words are tested without a terminal.
*/
export type Tone = 'normal' | 'ok' | 'warning' | 'error' | 'dim';
export type SidebarLine = {label: string; value: string; tone: Tone};
export type SidebarSection = {title: string; lines: SidebarLine[]};

const line = (label: string, value: string, tone: Tone = 'normal'): SidebarLine => ({label, value, tone});

/** Short words for common keywords; the catalog's summary for the rest. */
const words: Record<string, (params: string[]) => string> = {
	SIZE: params => (params[0] && Number(params[0]) > 0 ? say()['ext.size'](formatBytes(Number(params[0]))) : say()['ext.size.none']),
	AUTH: params => params.join(' '),
	PIPELINING: () => say()['ext.pipelining'],
	STARTTLS: () => say()['ext.starttls'],
	'8BITMIME': () => say()['ext.8bitmime'],
	SMTPUTF8: () => say()['ext.smtputf8'],
	ENHANCEDSTATUSCODES: () => say()['ext.enhancedstatuscodes'],
	DSN: () => say()['ext.dsn'],
	CHUNKING: () => say()['ext.chunking'],
	BINARYMIME: () => say()['ext.binarymime'],
	REQUIRETLS: () => say()['ext.requiretls'],
	DELIVERBY: params => (params[0] ? say()['ext.deliverby'](params[0]) : say()['ext.deliverby.none']),
	ETRN: () => say()['ext.etrn'],
	VRFY: () => say()['ext.vrfy'],
	HELP: () => say()['ext.help'],
	'MT-PRIORITY': params => `${say()['ext.mt-priority']}${params[0] ? ` (${params[0]})` : ''}`,
	LIMITS: params => params.join(' '),
};

/**
Sizes in KiB and MiB, as mail servers count them, with one decimal below 10:
26214400 -> "25 MB", 35882577 -> "34 MB", 1536 -> "1.5 KB", 1048575 -> "1 MB".
*/
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
	const rounded = (value: number) => Number(value.toFixed(value < 10 ? 1 : 0));
	const kb = rounded(bytes / 1024);
	// A size that rounds up to 1024 KB is written as 1 MB.
	return kb < 1024 ? `${kb} KB` : `${rounded(bytes / (1024 * 1024))} MB`;
}

export function describeExtension(extension: EhloExtension): string {
	const describe = words[extension.keyword];
	if (describe) return describe(extension.params);
	const found = lookupExtension(extension.keyword);
	// The catalog's summary in the session's language (the explorer loads its text at start).
	const entry = found ? localizeEntry(found, activeLanguage()) : undefined;
	const params = extension.params.join(' ');
	// Vendor summaries already name the vendor ("... (Postfix)"): it is not repeated in front.
	const vendor = entry?.vendor && !entry.summary.includes(entry.vendor) ? `${entry.vendor}: ` : '';
	return entry ? `${vendor}${entry.summary}${params ? ` (${params})` : ''}` : params || say()['ext.unknown'];
}

export function daysLeft(tls: TlsState, now: number): number | undefined {
	return tls.peer ? Math.floor((Date.parse(tls.peer.validTo) - now) / 86_400_000) : undefined;
}

export type SidebarInput = {
	state: SessionState;
	target: Target;
	remote?: string;
	insecure: boolean;
	wait?: {label: string; since: number; timeoutMs: number};
	queued: number;
	now: number;
	plan: WalkPlan;
	/** Demo mode: the practice credentials, shown here rather than in the transcript. */
	demo?: {user: string; password: string};
	/** How the session reached the server (MX hosts, proxy, PROXY header); nothing for a direct connection. */
	route?: RouteInfo;
};

export function sidebarSections({state, target, remote, insecure, wait, queued, now, plan, demo, route = {}}: SidebarInput): SidebarSection[] {
	const sections: SidebarSection[] = [];
	if (demo) sections.push({title: 'demo', lines: [line('user', demo.user), line('password', demo.password), line('refuses', 'nobody@ unknown@ reject*@', 'dim')]});

	const session: SidebarLine[] = [line('server', formatTarget(target)), line('phase', say()[`phase.${state.phase}`])];
	// The address only adds something when the name resolved to it.
	if (remote && remote !== formatTarget(target)) session.splice(1, 0, line('address', remote, 'dim'));
	// Always present, so the rows below do not move (and get redrawn) each time a reply is awaited.
	if (wait) {
		const waited = Math.max(0, now - wait.since);
		session.push(line('waiting', say()['sidebar.waited'](wait.label, formatDuration(waited), formatDuration(wait.timeoutMs)), waited > wait.timeoutMs / 2 ? 'warning' : 'normal'));
	} else {
		session.push(line('waiting', '–', 'dim'));
	}

	if (queued > 0) session.push(line('queued', say()['sidebar.lines'](queued), 'warning'));
	if (state.desynchronized) session.push(line('replies', say()['sidebar.outOfStep'], 'error'));
	if (state.closedReason && (state.phase === 'closed' || state.phase === 'closing')) session.push(line('ended', state.closedReason, 'dim'));
	sections.push({title: 'session', lines: session});
	const hops = routeLines(route, target, Boolean(plan.lmtp) || speaksLmtp(state));
	if (hops.length > 0) sections.push({title: 'route', lines: hops});

	const tls: SidebarLine[] = [];
	if (state.tls) {
		tls.push(line('tls', `${state.tls.protocol} (${state.tls.via})`, state.tls.verified ? 'ok' : 'error'));
		tls.push(line('cipher', state.tls.cipher, 'dim'));
		const peer = state.tls.peer;
		if (peer) {
			const days = daysLeft(state.tls, now);
			tls.push(line('cert', `${peer.subject}${days === undefined ? '' : `, ${say()['sidebar.daysLeft'](days)}`}`, days !== undefined && days < 14 ? 'warning' : 'normal'));
		}

		tls.push(state.tls.verified ? line('verified', state.tls.servername ?? say()['sidebar.yes'], 'ok') : line('verified', `${say()['sidebar.no']}${state.tls.verifyError ? `: ${state.tls.verifyError}` : ''}`, 'error'));
	} else if (state.phase !== 'disconnected' && state.phase !== 'closed') {
		tls.push(line('tls', say()['sidebar.plaintext'], 'warning'));
	}

	if (insecure) tls.push(line('checks', say()['sidebar.checksOff'], 'error'));
	if (tls.length > 0) sections.push({title: 'tls', lines: tls});

	const identity: SidebarLine[] = [];
	if (state.hello) identity.push(line(state.hello.verb.toLowerCase(), state.hello.name));
	if (state.auth) identity.push(line('auth', say()['sidebar.authVia'](state.auth.identity ?? '?', state.auth.mechanism), 'ok'));
	else if (state.sasl) identity.push(line('auth', say()['sidebar.authGoing'](state.sasl.mechanism), 'warning'));
	if (identity.length > 0) sections.push({title: 'identity', lines: identity});

	const envelope: SidebarLine[] = [];
	const toneOf = (status: string): Tone => (status === 'accepted' ? 'ok' : status === 'rejected' ? 'error' : 'dim');
	// The verdict comes first, so a long address is what gets cut in a narrow sidebar.
	if (state.envelope.from) envelope.push(line('from', `${statusWord(state.envelope.from)} <${state.envelope.from.address}>`, toneOf(state.envelope.from.status)));
	for (const recipient of state.envelope.recipients) envelope.push(line('rcpt', `${statusWord(recipient)} <${recipient.address}>`, toneOf(recipient.status)));
	if (envelope.length === 0 && state.lastTransaction) {
		const last = state.lastTransaction;
		envelope.push(line('last', `${last.accepted ? say()['sidebar.accepted'] : say()['sidebar.refused']}: ${last.reply.code} ${last.reply.text}`, last.accepted ? 'ok' : 'error'));
	}

	if (envelope.length > 0) sections.push({title: 'envelope', lines: envelope});

	if (state.ehlo) {
		sections.push({title: `extensions (${state.ehlo.extensions.length})`, lines: state.ehlo.extensions.map(extension => line(extension.keyword, describeExtension(extension)))});
	}

	if (state.ehloBeforeTls && state.ehlo) {
		const {gained, lost, changed} = diffExtensions(state.ehloBeforeTls, state.ehlo);
		// Changed parameters count too: e.g. AUTH offering more mechanisms once TLS is up.
		const changes = [...gained.map(text => line('+', text, 'ok')), ...changed.map(text => line('~', text, 'normal')), ...lost.map(text => line('-', text, 'dim'))];
		if (changes.length > 0) sections.push({title: 'after STARTTLS', lines: changes});
	}

	const next = suggestNext(state, plan, walkKeys);
	sections.push({title: 'next', lines: [line('try', next.line === '' ? next.why : next.line, next.line === '' ? 'dim' : 'normal')]});
	return sections;
}

/** `✓250`, `✗550`, or `…` while the reply is due: readable without colour. */
function statusWord(address: {status: string; reply?: {code: number}}): string {
	if (address.status === 'pending') return '…';
	return `${address.status === 'accepted' ? '✓' : '✗'}${address.reply?.code ?? ''}`;
}
