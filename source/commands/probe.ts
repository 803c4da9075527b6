import {lookupExtension} from '../catalog/index.js';
import {diffExtensions, type EhloInfo, hasExtension} from '../protocol/ehlo.js';
import {sanitizeForDisplay} from '../protocol/sanitize.js';
import type {TlsState} from '../protocol/session.js';
import {formatTarget} from '../protocol/target.js';
import {safeJson} from '../protocol/transcript-format.js';
import type {SessionController} from '../session/controller.js';
import {type Opening, openSession, type StepTiming} from '../session/open-session.js';
import {daysToExpiry} from '../transport/tls-info.js';
import {parseCommandLine, reportNotRun} from './arguments.js';
import {connectionFlags, connectionHelp, connectionSettings, controllerFor, openTranscriptFile} from './connection-flags.js';
import type {CommandIo} from './io.js';

const help = `
	Usage
	  $ smtp-explorer probe HOST[:PORT] [options]

	Connects, reads the banner, sends EHLO, then STARTTLS and EHLO again where the server
	offers it, and QUIT. Prints what the server said: the banner, its extensions before and
	after TLS, the TLS protocol, cipher and certificate, and how long each step took.

	Options
	  --format json|text  JSON (the default, one document) or a readable report with each
	                      extension explained
${connectionHelp}

	Exit codes
	  0  the probe went through
	  2  usage error
	  3  could not connect (DNS, refused, unreachable, timeout)
	  4  TLS failed (handshake or certificate)
	  5  the banner refused service, never came, or broke the protocol
	  6  EHLO failed (refused, no reply, or the connection closed)
	  7  STARTTLS failed, or it is required (--starttls, --require-tls) and not offered

	Examples
	  $ smtp-explorer probe mx.example.com
	  $ smtp-explorer probe smtp.example.com --submission --format text
	  $ smtp-explorer probe smtp.example.com --tls
`;

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
	timings: StepTiming[];
	error?: {stage: string; message: string};
};

export async function main(argv: string[], io: CommandIo): Promise<number> {
	const parsed = parseCommandLine(help, argv, {...connectionFlags, format: {type: 'string', default: 'json'}});
	if (!parsed.ok) return reportNotRun(parsed, io, 'probe');

	const {flags, input} = parsed.cli;
	const usage = (message: string) => {
		io.stderr.write(`smtp-explorer probe: ${message}\n`);
		return 2;
	};

	if (flags.format !== 'json' && flags.format !== 'text') return usage(`--format must be json or text, not "${sanitizeForDisplay(flags.format)}"`);
	if (input.length > 1) return usage(`one server at a time; unexpected "${sanitizeForDisplay(input[1]!)}"`);
	const resolved = connectionSettings(flags, input[0], argv);
	if (!resolved.ok) return usage(resolved.error);
	const transcript = openTranscriptFile(flags.transcript, io, 'probe');
	if (!transcript.ok) return usage(transcript.error);

	const {settings} = resolved;
	const {appender} = transcript;
	const controller = controllerFor(settings, appender ? (entry, secret) => appender.write(entry, secret) : undefined);

	let opening: Opening;
	try {
		opening = await openSession(controller, {ehloName: settings.ehloName, startTls: settings.startTls});
		const start = Date.now();
		await controller.quit();
		opening.timings.push({step: 'QUIT', ms: Date.now() - start});
	} finally {
		controller.close();
		transcript.appender?.close();
	}

	const report = buildReport(controller, opening, settings.startTls);
	io.stdout.write(flags.format === 'json' ? `${safeJson(report)}\n` : formatReport(report));
	if (opening.ok) return 0;
	io.stderr.write(`smtp-explorer probe: ${stageNames[opening.stage]} failed: ${sanitizeForDisplay(opening.message)}\n`);
	return exitCodeFor(opening, controller);
}

const stageNames: Record<Exclude<Opening, {ok: true}>['stage'], string> = {
	dns: 'DNS lookup',
	connect: 'connect',
	tls: 'TLS',
	greeting: 'banner',
	ehlo: 'EHLO',
	starttls: 'STARTTLS',
};

function exitCodeFor(opening: Exclude<Opening, {ok: true}>, controller: SessionController): number {
	switch (opening.stage) {
		case 'dns':
		case 'connect': {
			return 3;
		}

		case 'tls': {
			return 4;
		}

		case 'greeting': {
			return 5;
		}

		case 'ehlo': {
			// A reply that broke the grammar is a protocol error, not a refused EHLO.
			return controller.sessionState.desynchronized ? 5 : 6;
		}

		case 'starttls': {
			// STARTTLS got its 220 and the handshake then failed: a TLS failure.
			return opening.reply?.code === 220 ? 4 : 7;
		}
	}
}

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
		...(opening.ok ? {} : {error: {stage: opening.stage, message: opening.message}}),
	};
}

/** Bytes in binary megabytes, as mail limits are usually set: 35882577 is 34.2 MB. */
function megabytes(bytes: number): string {
	const value = bytes / (1024 * 1024);
	return `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))} MB`;
}

/** What an advertised extension means here, in words: its parameters decoded where they say something. */
export function describeExtension(extension: {keyword: string; params: string[]}): string {
	if (extension.keyword === 'SIZE') {
		const limit = extension.params[0];
		if (limit === undefined || limit === '0') return 'no fixed message size limit';
		return /^\d+$/.test(limit) ? `messages up to ${megabytes(Number(limit))}` : `size limit "${limit}" is not a number`;
	}

	if (extension.keyword === 'AUTH') {
		return extension.params.length > 0 ? `sign in with ${extension.params.join(', ')}` : 'sign-in offered, but no mechanism listed';
	}

	const entry = lookupExtension(extension.keyword);
	if (entry) return `${entry.summary}${entry.obsolete ? ' (obsolete)' : ''}`;
	return extension.keyword.startsWith('X') ? 'a local extension (X-)' : 'not in the catalog';
}

function formatExtensions(list: ExtensionReport): string[] {
	const shown = list.map(extension => sanitizeForDisplay([extension.keyword, ...extension.params].join(' ')));
	const width = Math.min(28, Math.max(14, ...shown.map(text => text.length)));
	return list.map((extension, index) => `  ${shown[index]!.padEnd(width)}  ${sanitizeForDisplay(describeExtension(extension))}`);
}

function formatReport(report: ProbeReport): string {
	const lines = [`Probe of ${report.target}`];
	const row = (label: string, text: string) => lines.push(`  ${label.padEnd(12)} ${sanitizeForDisplay(text)}`);
	row('banner', report.banner ? `${report.banner.code} ${report.banner.text.replaceAll('\n', ' / ')}` : '(none)');
	row('STARTTLS', report.starttls);
	if (report.tls) {
		row('TLS', `${report.tls.protocol}, ${report.tls.cipher}; certificate ${report.tls.verified ? 'verified' : 'NOT verified (--insecure)'}`);
		const cert = report.tls.certificate;
		if (cert) {
			row('certificate', `${cert.subject}${cert.altNames.length > 0 ? ` (names: ${cert.altNames.join(', ')})` : ''}; issuer ${cert.issuer}`);
			row('valid', `${cert.validFrom.slice(0, 10)} to ${cert.validTo.slice(0, 10)} (${cert.daysToExpiry < 0 ? 'EXPIRED' : `${cert.daysToExpiry} days left`})`);
			row('SHA-256', cert.fingerprint256);
		}
	}

	if (report.extensionsBeforeTls) lines.push('', 'Extensions before TLS', ...formatExtensions(report.extensionsBeforeTls));
	if (report.extensionsAfterTls) {
		lines.push('', report.extensionsBeforeTls ? 'Extensions after TLS' : 'Extensions', ...formatExtensions(report.extensionsAfterTls));
		if (report.changedByTls) {
			const {gained, lost, changed} = report.changedByTls;
			const changes = [...gained.map(text => `gained ${text}`), ...lost.map(text => `lost ${text}`), ...changed.map(text => `changed ${text}`)];
			lines.push(`  TLS changed: ${changes.length > 0 ? sanitizeForDisplay(changes.join('; ')) : 'nothing'}`);
		}
	}

	lines.push('', 'Timings', ...report.timings.map(timing => `  ${timing.step.padEnd(24)} ${String(timing.ms).padStart(6)} ms`));
	lines.push('', report.error ? `Failed at ${report.error.stage}: ${sanitizeForDisplay(report.error.message)}` : 'Result: ok');
	return `${lines.join('\n')}\n`;
}
