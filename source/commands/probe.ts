import {lookupExtension} from '../catalog/index.js';
import {diffExtensions, type EhloInfo, hasExtension} from '../protocol/ehlo.js';
import {failureText, type Stage} from '../protocol/errors.js';
import {keepBytes} from '../protocol/json-bytes.js';
import {sanitizeForDisplay} from '../protocol/sanitize.js';
import type {TlsState} from '../protocol/session.js';
import {formatTarget, type Target} from '../protocol/target.js';
import {safeJson} from '../protocol/transcript-format.js';
import type {SessionController} from '../session/controller.js';
import {type Opening, openSession, type StepTiming} from '../session/open-session.js';
import type {TranscriptAppender} from '../session/transcript-file.js';
import {lookupMx} from '../transport/dns.js';
import {defaultTimeouts} from '../transport/timeouts.js';
import {daysToExpiry} from '../transport/tls-info.js';
import {type Language, messages, type Messages, type TextKey} from '../i18n/messages.js';
import {loadCatalogLanguage, localizeEntry} from '../catalog/localize.js';
import {parseCommandLine, reportNotRun} from './arguments.js';
import {connectionFlags, type ConnectionSettings, connectionSettings, controllerFor, finishTranscript, openTranscriptFile, proxyPassword} from './connection-flags.js';
import {exitCodeFor, exitCodes, exitCodesHelp} from './exit-codes.js';
import type {CommandIo} from './io.js';
import {commandLanguage, languageFlagSpec} from './language-option.js';
import {type FailureJson, failureJson, warningLines, type WarningJson, warningsJson} from './report.js';


type StartTlsOutcome = 'upgraded' | 'implicit TLS' | 'not tried' | 'not offered' | 'refused' | 'failed';

type ExtensionReport = Array<{keyword: string; params: string[]}>;

export type ProbeReport = {
	target: string;
	banner: {code: number; text: string} | null;
	extensionsBeforeTls: ExtensionReport | null;
	extensionsAfterTls: ExtensionReport | null;
	/** What the EHLO after STARTTLS says differently (RFC 3207 4.2: only it counts). */
	changedByTls: {gained: string[]; lost: string[]; changed: string[]} | null;
	starttls: StartTlsOutcome;
	tls: {
		protocol: string;
		cipher: string;
		verified: boolean;
		certificate: {subject: string; altNames: string[]; issuer: string; validFrom: string; validTo: string; daysToExpiry: number; fingerprint256: string} | null;
	} | null;
	sizeLimit: number | null;
	authMechanisms: string[];
	/** Only the steps that went on the wire. */
	timings: StepTiming[];
	/** What the session noticed though it went on: bytes injected after STARTTLS's 220. */
	warnings: WarningJson[];
	/** How the server was reached: the MX hosts tried and which answered, the proxy, the PROXY header. */
	route: {
		connectedTo: string | null;
		mx?: {domain: string; implicit: boolean; hosts: Array<{host: string; preference: number}>; tried: Array<{host: string; result: string}>; answered: string | null};
		nullMx?: boolean;
		proxy?: string;
		proxyHeader?: string;
	};
	/** Why the probe stopped, with the server's reply when a reply stopped it. */
	error?: FailureJson;
};

export const commandFlags = {...connectionFlags, format: {type: 'string', default: 'json'}, all: {type: 'boolean', default: false}, ...languageFlagSpec} as const;

export async function main(argv: string[], io: CommandIo): Promise<number> {
	const chosen = await commandLanguage(argv, io, 'probe');
	if (!chosen.ok) return chosen.exitCode;
	const t = messages(chosen.language);
	const help = t['probe.help'](t['connection.help'], exitCodesHelp(['ok', 'usage', 'connect', 'tls', 'greeting', 'ehlo', 'lost', 'proxy', 'xclient', 'transcript'], t));
	const parsed = parseCommandLine(help, argv, commandFlags);
	if (!parsed.ok) return reportNotRun(parsed, io, 'probe');

	const {flags, input} = parsed.cli;
	const usage = (message: string) => {
		io.stderr.write(`smtp-explorer probe: ${message}\n`);
		return 2;
	};

	if (flags.format !== 'json' && flags.format !== 'text') return usage(t['probe.error.format'](sanitizeForDisplay(flags.format)));
	// The text report explains each extension with the catalog's words, in the reader's language.
	if (flags.format === 'text') await loadCatalogLanguage(chosen.language);
	if (input.length > 1) return usage(t['probe.error.oneServer'](sanitizeForDisplay(input[1]!)));
	const resolved = connectionSettings(flags, input[0], argv);
	if (!resolved.ok) return usage(resolved.error);
	const transcript = openTranscriptFile(flags.transcript, io, 'probe');
	if (!transcript.ok) return usage(transcript.error);

	const {settings} = resolved;
	if (flags.all && settings.target.kind !== 'mx') return usage(t['probe.error.all']);
	const password = await proxyPassword(settings.route, io);
	if (!password.ok) {
		transcript.appender?.close();
		return usage(password.error);
	}

	try {
		if (flags.all) return finishTranscript(transcript, await probeAll(settings, flags.format, io, transcript.appender, t));
		const {report, opening, controller} = await probeOne(settings, settings.target, transcript.appender);
		io.stdout.write(flags.format === 'json' ? `${safeJson(keepBytes(report))}\n` : formatReport(report, chosen.language, opening.ok ? undefined : failureText(opening.error, t)));
		io.stderr.write(warningLines('probe', controller.warnings));
		if (opening.ok || opening.nullMx) return finishTranscript(transcript, exitCodes.ok);
		io.stderr.write(`smtp-explorer probe: ${t['probe.failed'](stageName(opening.stage, t), sanitizeForDisplay(failureText(opening.error, t)))}\n`);
		return exitCodeOf(opening);
	} finally {
		transcript.appender?.close();
	}
}

/** One probe of one target (a host, a socket, or a domain's MX hosts in turn). */
async function probeOne(settings: ConnectionSettings, target: Target, appender: TranscriptAppender | undefined) {
	const controller = controllerFor({...settings, target}, appender ? (entry, secret) => appender.write(entry, secret) : undefined);
	let opening: Opening;
	try {
		opening = await openSession(controller, {ehloName: settings.ehloName, startTls: settings.startTls, lmtp: settings.lmtp, ...(settings.xclient ? {xclient: settings.xclient} : {})});
		const start = Date.now();
		if (await controller.quit()) opening.timings.push({step: 'QUIT', ms: Date.now() - start});
	} finally {
		controller.close();
	}

	return {report: buildReport(controller, opening, settings.startTls), opening, controller};
}

/** `--all`: every MX host of the domain, one after the other, in one table. */
async function probeAll(settings: ConnectionSettings, format: string, io: CommandIo, appender: TranscriptAppender | undefined, t: Messages): Promise<number> {
	const {target} = settings;
	if (target.kind !== 'mx') return 2;
	const found = await lookupMx(target.domain, {timeoutMs: settings.timeouts.connect ?? defaultTimeouts.connect, ...(settings.dnsServer ? {server: settings.dnsServer} : {})});
	const fail = (message: string) => {
		io.stderr.write(`smtp-explorer probe: ${t['probe.error.dns'](sanitizeForDisplay(message))}\n`);
		return exitCodes.connect;
	};

	if (!found.ok) return fail(found.message);
	const {plan} = found;
	if (plan.kind === 'error') return fail(plan.message);
	if (plan.kind === 'null-mx') {
		io.stdout.write(format === 'json' ? `${safeJson({domain: target.domain, nullMx: true, hosts: []})}\n` : `${t['probe.nullMx'](sanitizeForDisplay(target.domain))}\n`);
		return 0;
	}

	const results: Array<{host: string; preference: number; report: ProbeReport; exitCode: number; failure?: string}> = [];
	for (const host of plan.hosts) {
		const {report, opening} = await probeOne(settings, {kind: 'tcp', host: host.host, port: target.port}, appender);
		results.push({host: host.host, preference: host.preference, report, ...(opening.ok ? {exitCode: exitCodes.ok} : {exitCode: exitCodeOf(opening), failure: failureText(opening.error, t)})});
	}

	io.stdout.write(format === 'json'
		? `${safeJson(keepBytes({domain: target.domain, implicit: plan.implicit, hosts: results.map(({host, preference, report}) => ({host, preference, ...report}))}))}\n`
		: formatTable(target.domain, plan.implicit, results, t));
	return results.find(result => result.exitCode !== 0)?.exitCode ?? 0;
}

/** One row per MX host: what each offers, side by side. */
function formatTable(domain: string, implicit: boolean, results: Array<{host: string; preference: number; report: ProbeReport; failure?: string}>, t: Messages): string {
	const rows = results.map(({host, preference, report, failure}) => {
		const cert = report.tls?.certificate;
		const certificate = !report.tls ? '-' : !cert ? t['probe.table.none'] : t['probe.table.certificate'](report.tls.verified, cert.daysToExpiry);
		const extensions = (report.extensionsAfterTls ?? report.extensionsBeforeTls ?? []).map(extension => extension.keyword).join(' ');
		return [host, String(preference), report.banner ? `${report.banner.code} ${report.banner.text.split('\n')[0]}` : failure === undefined ? '-' : t['probe.table.failed'](failure), report.tls ? `${report.tls.protocol}` : t[startTlsKeys[report.starttls]], certificate, extensions].map(cell => sanitizeForDisplay(cell));
	});
	const header = ['host', 'pref', t['probe.label.banner'], 'TLS', t['probe.column.certificate'], t['probe.column.extensions']];
	const widths = header.map((title, column) => Math.min(column === 2 ? 40 : 60, Math.max(title.length, ...rows.map(row => row[column]!.length))));
	const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.slice(0, widths[column]).padEnd(widths[column]!))).join('  ').trimEnd();
	return `${[t['probe.table.title'](sanitizeForDisplay(domain), implicit), line(header), ...rows.map(row => line(row))].join('\n')}\n`;
}

/** The stage an opening failed at, as the error line names it: protocol words as they are, the rest from the table. */
function stageName(stage: Exclude<Opening, {ok: true}>['stage'], t: Messages): string {
	switch (stage) {
		case 'dns': return t['probe.stage.dns'];
		case 'connect': return t['probe.stage.connect'];
		case 'proxy': return t['probe.stage.proxy'];
		case 'greeting': return t['probe.stage.greeting'];
		case 'xclient': return 'XCLIENT';
		default: return stage.toUpperCase();
	}
}

const stages: Record<Exclude<Opening, {ok: true}>['stage'], Stage> = {dns: 'connect', connect: 'connect', proxy: 'proxy', xclient: 'xclient', tls: 'tls', greeting: 'greeting', ehlo: 'ehlo', starttls: 'starttls'};

/** The table's code for a failed opening. */
const exitCodeOf = (opening: Exclude<Opening, {ok: true}>) => exitCodeFor(opening.error, stages[opening.stage]);

function extensionList(info: EhloInfo | undefined): ExtensionReport | null {
	return info ? info.extensions.map(({keyword, params}) => ({keyword, params})) : null;
}

function startTlsOutcome(controller: SessionController, mode: string, before: EhloInfo | undefined, tls: TlsState | undefined): StartTlsOutcome {
	if (tls) return tls.via === 'implicit' ? 'implicit TLS' : 'upgraded';
	if (mode === 'no') return 'not tried';
	if (!hasExtension(before, 'STARTTLS')) return 'not offered';
	const reply = controller.transcript.entries.findLast(entry => entry.kind === 'received' && entry.final && entry.inReplyTo === 'STARTTLS');
	return reply?.code === 220 ? 'failed' : 'refused';
}

function buildReport(controller: SessionController, opening: Opening, mode: string): ProbeReport {
	const state = controller.sessionState;
	const {tls} = state;
	const upgraded = tls?.via === 'starttls';
	const before = tls?.via === 'implicit' ? undefined : upgraded ? state.ehloBeforeTls : state.ehlo;
	const after = tls ? state.ehlo : undefined;
	const final = after ?? before;
	const peer = tls?.peer;
	return {
		target: formatTarget(controller.target),
		banner: state.greeting ? {code: state.greeting.code, text: state.greeting.text} : null,
		extensionsBeforeTls: extensionList(before),
		extensionsAfterTls: extensionList(after),
		changedByTls: upgraded && before && after ? diffExtensions(before, after) : null,
		starttls: startTlsOutcome(controller, mode, before, tls),
		tls: tls
			? {
				protocol: tls.protocol,
				cipher: tls.cipher,
				verified: tls.verified,
				certificate: peer
					? {subject: peer.subject, altNames: peer.altNames, issuer: peer.issuer, validFrom: peer.validFrom, validTo: peer.validTo, daysToExpiry: daysToExpiry(peer), fingerprint256: peer.fingerprint256}
					: null,
			}
			: null,
		sizeLimit: final?.sizeLimit ?? null,
		authMechanisms: final?.auth ?? [],
		timings: opening.timings,
		warnings: warningsJson(controller.warnings),
		route: routeReport(controller),
		...(opening.ok ? {} : {error: failureJson(opening.stage, opening.error)}),
	};
}

function routeReport(controller: SessionController): ProbeReport['route'] {
	const route = controller.routeInfo;
	const answered = route.mx?.answered;
	return {
		connectedTo: route.endpoint && (answered !== undefined || !route.mx) && controller.sessionState.greeting ? formatTarget(route.endpoint) : null,
		...(route.mx ? {mx: {domain: route.mx.domain, implicit: route.mx.implicit, hosts: route.mx.hosts, tried: route.mx.tried, answered: answered ?? null}} : {}),
		...(route.nullMx ? {nullMx: true} : {}),
		...(route.proxy ? {proxy: route.proxy} : {}),
		...(route.proxyHeader ? {proxyHeader: route.proxyHeader} : {}),
	};
}

/** Bytes in binary megabytes, as mail limits are usually set: 35882577 is 34.2. */
function megabytes(bytes: number): number {
	const value = bytes / (1024 * 1024);
	return value >= 100 ? Math.round(value) : Number(value.toFixed(1));
}

/**
What an advertised extension means here, in words, in `language`: its parameters decoded
where they say something, else the catalog's summary in that language (whose text must be
loaded, loadCatalogLanguage, for a language other than English).
*/
export function describeExtension(extension: {keyword: string; params: string[]}, language: Language = 'en'): string {
	const t = messages(language);
	if (extension.keyword === 'SIZE') {
		const limit = extension.params[0];
		if (limit === undefined || limit === '0') return t['probe.ext.sizeNone'];
		return /^\d+$/.test(limit) ? t['probe.ext.size'](megabytes(Number(limit))) : t['probe.ext.sizeBad'](limit);
	}

	if (extension.keyword === 'AUTH') {
		return extension.params.length > 0 ? t['probe.ext.auth'](extension.params.join(', ')) : t['probe.ext.authNone'];
	}

	const found = lookupExtension(extension.keyword);
	const entry = found ? localizeEntry(found, language) : undefined;
	if (entry) return `${entry.summary}${entry.obsolete ? ` (${t['catalog.flag.obsolete']})` : ''}`;
	return extension.keyword.startsWith('X') ? t['probe.ext.local'] : t['ext.unknown'];
}

function formatExtensions(list: ExtensionReport, language: Language): string[] {
	const shown = list.map(extension => sanitizeForDisplay([extension.keyword, ...extension.params].join(' ')));
	const width = Math.min(28, Math.max(14, ...shown.map(text => text.length)));
	return list.map((extension, index) => `  ${shown[index]!.padEnd(width)}  ${sanitizeForDisplay(describeExtension(extension, language))}`);
}

/** The STARTTLS outcome in words: JSON keeps the English value, the text report says it in the reader's language. */
const startTlsKeys = {
	upgraded: 'probe.starttls.upgraded',
	'implicit TLS': 'probe.starttls.implicit',
	'not tried': 'probe.starttls.notTried',
	'not offered': 'probe.starttls.notOffered',
	refused: 'probe.starttls.refused',
	failed: 'probe.starttls.failed',
} as const satisfies Record<StartTlsOutcome, TextKey>;

/** The report for a person; `failure` is why the probe stopped, in the reader's language (the JSON keeps it in English). */
function formatReport(report: ProbeReport, language: Language, failure: string | undefined): string {
	const t = messages(language);
	const lines = [t['probe.text.title'](report.target)];
	const row = (label: string, text: string) => lines.push(`  ${label.padEnd(12)} ${sanitizeForDisplay(text)}`);
	const {route} = report;
	if (route.nullMx) row(t['probe.label.mail'], t['probe.text.nullMx']);
	if (route.mx) {
		row(t['probe.label.mxHosts'], `${route.mx.hosts.map(host => `${host.host} (${host.preference})`).join(', ')}${route.mx.implicit ? t['probe.text.implicitMx'] : ''}`);
		for (const attempt of route.mx.tried) row(t['probe.label.tried'], `${attempt.host}: ${attempt.result}`);
		if (route.mx.answered) row(t['probe.label.answered'], route.mx.answered);
	}

	if (route.proxy) row(t['route.proxy'], route.proxy);
	if (route.proxyHeader) row('PROXY', route.proxyHeader);
	row(t['probe.label.banner'], report.banner ? `${report.banner.code} ${report.banner.text.replaceAll('\n', ' / ')}` : t['probe.text.none']);
	row('STARTTLS', t[startTlsKeys[report.starttls]]);
	if (report.tls) {
		row('TLS', t['probe.text.tls'](report.tls.protocol, report.tls.cipher, report.tls.verified));
		const cert = report.tls.certificate;
		if (cert) {
			row(t['probe.label.certificate'], t['probe.text.certificate'](cert.subject, cert.altNames.join(', '), cert.issuer));
			row(t['probe.label.valid'], t['probe.text.valid'](cert.validFrom.slice(0, 10), cert.validTo.slice(0, 10), cert.daysToExpiry));
			row('SHA-256', cert.fingerprint256);
		}
	}

	if (report.extensionsBeforeTls) lines.push('', t['probe.text.extensionsBefore'], ...formatExtensions(report.extensionsBeforeTls, language));
	if (report.extensionsAfterTls) {
		lines.push('', report.extensionsBeforeTls ? t['probe.text.extensionsAfter'] : t['probe.text.extensions'], ...formatExtensions(report.extensionsAfterTls, language));
		if (report.changedByTls) {
			const {gained, lost, changed} = report.changedByTls;
			const changes = [...gained.map(text => t['probe.text.gained'](text)), ...lost.map(text => t['probe.text.lost'](text)), ...changed.map(text => t['probe.text.changed'](text))];
			lines.push(t['probe.text.tlsChanged'](changes.length > 0 ? sanitizeForDisplay(changes.join('; ')) : t['probe.text.nothing']));
		}
	}

	lines.push('', t['probe.text.timings'], ...report.timings.map(timing => `  ${t['probe.text.step'](timing.step).padEnd(24)} ${String(timing.ms).padStart(6)} ms`));
	for (const warning of report.warnings) lines.push('', t['probe.text.injection'](warning.bytes));
	lines.push('', report.error ? t['probe.text.failedAt'](t['probe.text.stage'](report.error.stage), sanitizeForDisplay(failure ?? report.error.message)) : t['probe.text.ok']);
	return `${lines.join('\n')}\n`;
}
