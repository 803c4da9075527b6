import {hostname} from 'node:os';
import {text as say} from '../i18n/messages.js';
import {isDomainOrLiteral} from '../protocol/address.js';
import {sanitizeForDisplay} from '../protocol/sanitize.js';
import {encodeProxyHeader, parseProxyAddress} from '../protocol/proxy-protocol.js';
import {parseProxyUrl} from '../protocol/proxy-url.js';
import {defaultPorts, ipFamily, parsePort, parseTarget, splitLmtpPrefix, type Target} from '../protocol/target.js';
import {maxCommandOctets} from '../protocol/validate.js';
import {buildAttributeCommand, parseAttributeFlag} from '../protocol/xclient.js';
import {type ControllerOptions, SessionController} from '../session/controller.js';
import type {OpeningOptions} from '../session/open-session.js';
import {describeReadError, maxCertificateBytes, readBoundedSync} from '../session/file-read.js';
import {TranscriptAppender} from '../session/transcript-file.js';
import type {TlsOptions} from '../transport/connection.js';
import {durationFlag, type Timeouts} from '../transport/timeouts.js';
import {exitCodes} from './exit-codes.js';
import type {CommandIo} from './io.js';
import {promptSecret} from './secret-prompt.js';

/** The flags probe, send and run share: where to connect, how to secure it, how long to wait. */
export const connectionFlags = {
	starttls: {type: 'boolean', default: false},
	tls: {type: 'boolean', default: false},
	requireTls: {type: 'boolean', default: false},
	submission: {type: 'boolean', default: false},
	insecure: {type: 'boolean', default: false},
	ca: {type: 'string'},
	servername: {type: 'string'},
	ehlo: {type: 'string'},
	timeout: {type: 'string'},
	transcript: {type: 'string'},
	proxy: {type: 'string'},
	proxyProtocol: {type: 'string'},
	proxySource: {type: 'string'},
	proxyDestination: {type: 'string'},
	dnsServer: {type: 'string'},
	lmtp: {type: 'boolean', default: false},
	xclient: {type: 'string', isMultiple: true},
} as const;


type ConnectionFlagValues = {
	starttls: boolean;
	tls: boolean;
	requireTls: boolean;
	submission: boolean;
	insecure: boolean;
	ca?: string;
	servername?: string;
	ehlo?: string;
	timeout?: string;
	proxy?: string;
	proxyProtocol?: string;
	proxySource?: string;
	proxyDestination?: string;
	dnsServer?: string;
	lmtp?: boolean;
	xclient?: string[];
};

export type ConnectionSettings = {
	target: Target;
	implicitTls: boolean;
	tls: TlsOptions;
	requireTls: boolean;
	startTls: OpeningOptions['startTls'];
	timeouts: Partial<Timeouts>;
	ehloName: string;
	/** SOCKS5 proxy and PROXY header; the proxy password is filled in by proxyPassword(). */
	route: NonNullable<ControllerOptions['route']>;
	dnsServer?: string;
	lmtp: boolean;
	/** The XCLIENT line to send once greeted, values in xtext. */
	xclient?: string;
};

/** A session controller for these settings; `onEntry` sees every transcript line as it happens. */
export function controllerFor(
	settings: Pick<ConnectionSettings, 'target' | 'implicitTls' | 'tls' | 'requireTls' | 'timeouts'> & Partial<Pick<ConnectionSettings, 'route' | 'dnsServer'>>,
	onEntry?: ControllerOptions['onEntry'],
): SessionController {
	const {target, implicitTls, tls, requireTls, timeouts, route, dnsServer} = settings;
	return new SessionController({target, implicitTls, tls, requireTls, timeouts, ...(route ? {route} : {}), ...(dnsServer ? {dnsServer} : {}), ...(onEntry ? {onEntry} : {})});
}

/** The host name to greet with: this machine's, when it is a valid domain (RFC 5321 4.1.1.1). */
function defaultEhloName(): string {
	const name = hostname();
	return isDomainOrLiteral(name) ? name : 'localhost';
}

/**
Where HOST[:PORT] points, with the default port the flags imply: 465 with --tls, 587 with
--submission, 24 for LMTP, else 25. `lmtp` is true for an `lmtp:` target or --lmtp.
*/
export function targetOf(host: string | undefined, flags: Pick<ConnectionFlagValues, 'tls' | 'submission' | 'lmtp'>): {ok: true; target: Target; lmtp: boolean} | {ok: false; error: string} {
	if (!host) return {ok: false, error: say()['flags.noServer']};
	const {lmtp: prefixed, rest} = splitLmtpPrefix(host);
	const lmtp = prefixed || Boolean(flags.lmtp);
	const defaultPort = flags.tls ? defaultPorts.implicitTls : flags.submission ? defaultPorts.submission : lmtp ? defaultPorts.lmtp : defaultPorts.smtp;
	const parsed = parseTarget(rest, defaultPort);
	if (!parsed.ok) return {ok: false, error: parsed.error};
	if (lmtp && parsed.target.kind === 'mx') return {ok: false, error: say()['flags.lmtpMx']};
	return {ok: true, target: parsed.target, lmtp};
}

/** The route flags: --proxy, --proxy-protocol with its addresses, --dns-server, --xclient. */
export function routeSettings(flags: ConnectionFlagValues): {ok: true; settings: Pick<ConnectionSettings, 'route' | 'dnsServer' | 'xclient'>} | {ok: false; error: string} {
	const route: ConnectionSettings['route'] = {};
	if (flags.proxy !== undefined) {
		const parsed = parseProxyUrl(flags.proxy);
		if (!parsed.ok) return {ok: false, error: `--proxy: ${sanitizeForDisplay(parsed.error)}`};
		route.socks = {proxy: parsed.proxy};
	}

	if (flags.proxyProtocol === undefined) {
		if (flags.proxySource !== undefined || flags.proxyDestination !== undefined) return {ok: false, error: say()['flags.proxySourceAlone']};
	} else {
		if (flags.proxyProtocol !== 'v1' && flags.proxyProtocol !== 'v2') return {ok: false, error: say()['flags.proxyProtocol'](sanitizeForDisplay(flags.proxyProtocol))};
		const header: NonNullable<ConnectionSettings['route']['proxyHeader']> = {version: flags.proxyProtocol};
		for (const [flag, value, key] of [['--proxy-source', flags.proxySource, 'source'], ['--proxy-destination', flags.proxyDestination, 'destination']] as const) {
			if (value === undefined) continue;
			const parsed = parseProxyAddress(value);
			if (!parsed.ok) return {ok: false, error: `${flag}: ${sanitizeForDisplay(parsed.error)}`};
			header[key] = parsed.value;
		}

		if (header.source && header.destination) {
			const encoded = encodeProxyHeader({version: header.version, source: header.source, destination: header.destination});
			if (!encoded.ok) return {ok: false, error: `--proxy-protocol: ${encoded.error}`};
		}

		route.proxyHeader = header;
	}

	let dnsServer: string | undefined;
	if (flags.dnsServer !== undefined) {
		const server = parseDnsServer(flags.dnsServer);
		if (!server) return {ok: false, error: say()['flags.dnsServer'](sanitizeForDisplay(flags.dnsServer))};
		dnsServer = server;
	}

	let xclient: string | undefined;
	if (flags.xclient && flags.xclient.length > 0) {
		const attributes: Array<{name: string; value: string}> = [];
		for (const text of flags.xclient) {
			const parsed = parseAttributeFlag('XCLIENT', text);
			if (!parsed.ok) return {ok: false, error: `--xclient: ${sanitizeForDisplay(parsed.error)}`};
			attributes.push(parsed);
		}

		xclient = buildAttributeCommand('XCLIENT', attributes);
		const octets = Buffer.byteLength(`${xclient}\r\n`);
		if (octets > maxCommandOctets) return {ok: false, error: say()['flags.xclientLong'](octets, maxCommandOctets)};
	}

	return {ok: true, settings: {route, ...(dnsServer ? {dnsServer} : {}), ...(xclient ? {xclient} : {})}};
}

/** `IP` or `IP:PORT` (IPv6 as `[addr]:port` or bare), as node:dns setServers takes it. */
function parseDnsServer(text: string): string | undefined {
	const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
	const [address, port] = bracketed ? [bracketed[1]!, bracketed[2]] : ipFamily(text) === 6 ? [text, undefined] : text.split(':') as [string, string?];
	if (ipFamily(address) === 0 || (port !== undefined && parsePort(port) === undefined)) return undefined;
	const host = ipFamily(address) === 6 ? `[${address}]` : address;
	return port === undefined ? address : `${host}:${port}`;
}

/** The proxy's password, when its URL names a user: from SMTP_EXPLORER_PROXY_PASSWORD, else asked on the terminal. */
export async function proxyPassword(route: ConnectionSettings['route'], io: CommandIo): Promise<{ok: true} | {ok: false; error: string}> {
	const socks = route.socks;
	if (!socks?.proxy.user) return {ok: true};
	const password = io.env[proxyPasswordVariable] ?? (await promptSecret(io, say()['flags.proxyPasswordPrompt'](sanitizeForDisplay(socks.proxy.user))));
	if (password === undefined) {
		return {ok: false, error: say()['flags.proxyPassword'](proxyPasswordVariable)};
	}

	socks.password = password;
	return {ok: true};
}

export const proxyPasswordVariable = 'SMTP_EXPLORER_PROXY_PASSWORD';

/**
Everything the shared flags say about a session except where it goes. `argv` tells
--no-starttls from no flag at all, which a boolean alone cannot.
*/
export function sessionSettings(flags: ConnectionFlagValues, argv: readonly string[]): {ok: true; settings: Omit<ConnectionSettings, 'target'>} | {ok: false; error: string} {
	const noStartTls = argv.lastIndexOf('--no-starttls') > argv.lastIndexOf('--starttls');
	if (flags.tls && flags.starttls) return {ok: false, error: say()['flags.tlsAndStarttls']};
	if (flags.requireTls && noStartTls && !flags.tls) return {ok: false, error: say()['flags.requireTlsNoStarttls']};

	const tls = tlsOptionsFrom(flags);
	if (!tls.ok) return tls;
	const ehlo = ehloNameFrom(flags.ehlo);
	if (!ehlo.ok) return ehlo;
	const ehloName = ehlo.name;

	let timeouts: Partial<Timeouts> = {};
	if (flags.timeout !== undefined) {
		const duration = durationFlag('timeout', flags.timeout);
		if (!duration.ok) return duration;
		const {ms} = duration;
		timeouts = {connect: ms, greeting: ms, mail: ms, rcpt: ms, dataStart: ms, dataBlock: ms, dataEnd: ms, command: ms, tlsHandshake: ms, quit: Math.min(ms, 3000)};
	}

	const startTls: OpeningOptions['startTls'] = flags.tls || noStartTls ? 'no' : flags.starttls || flags.requireTls ? 'require' : 'starttls';
	const route = routeSettings(flags);
	if (!route.ok) return route;
	return {ok: true, settings: {implicitTls: flags.tls, tls: tls.tls, requireTls: flags.requireTls, startTls, timeouts, ehloName, lmtp: Boolean(flags.lmtp), ...route.settings}};
}

/** Reads a PEM file named by a flag, or says why it cannot. */
function readPem(flag: string, path: string, begins: RegExp): {ok: true; pem: string} | {ok: false; error: string} {
	let pem: string;
	try {
		pem = readBoundedSync(path, maxCertificateBytes, `${flag}`).toString('utf8');
	} catch (error) {
		return {ok: false, error: say()['flags.cannotRead'](flag, describeReadError(path, error as NodeJS.ErrnoException))};
	}

	return begins.test(pem) ? {ok: true, pem} : {ok: false, error: say()['flags.noPem'](flag, sanitizeForDisplay(path), flag === '--key')};
}

/**
TLS options from the flags every mode shares: --insecure, --ca, --servername, and the
explorer's --cert/--key and --tls-min. Files are read and checked here, before connecting.
*/
export function tlsOptionsFrom(flags: {insecure?: boolean; ca?: string; servername?: string; cert?: string; key?: string; tlsMin?: string}): {ok: true; tls: TlsOptions} | {ok: false; error: string} {
	const tls: TlsOptions = {...(flags.insecure ? {insecure: true} : {})};
	const files: Array<[string, string | undefined, 'ca' | 'cert' | 'key', RegExp]> = [
		['--ca', flags.ca, 'ca', /-----BEGIN CERTIFICATE-----/],
		['--cert', flags.cert, 'cert', /-----BEGIN CERTIFICATE-----/],
		['--key', flags.key, 'key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
	];
	for (const [flag, path, option, begins] of files) {
		if (path === undefined) continue;
		const read = readPem(flag, path, begins);
		if (!read.ok) return read;
		tls[option] = read.pem;
	}

	if (Boolean(flags.cert) !== Boolean(flags.key)) return {ok: false, error: say()['flags.certAndKey']};
	if (flags.tlsMin !== undefined) {
		if (flags.tlsMin !== 'TLSv1.2' && flags.tlsMin !== 'TLSv1.3') return {ok: false, error: say()['flags.tlsMin']};
		tls.minVersion = flags.tlsMin;
	}

	if (flags.servername !== undefined) {
		if (!/^[a-z\d.-]+$/i.test(flags.servername)) return {ok: false, error: say()['flags.servername'](sanitizeForDisplay(flags.servername))};
		tls.servername = flags.servername;
	}

	return {ok: true, tls};
}

/** The name to greet with: --ehlo, or this machine's host name; a domain or an address literal. */
export function ehloNameFrom(flag: string | undefined): {ok: true; name: string} | {ok: false; error: string} {
	const name = flag ?? defaultEhloName();
	return isDomainOrLiteral(name) ? {ok: true, name} : {ok: false, error: say()['flags.ehlo'](sanitizeForDisplay(name))};
}

/** The shared flags and the HOST[:PORT] argument: what probe and send need to open a session. */
export function connectionSettings(flags: ConnectionFlagValues, host: string | undefined, argv: readonly string[]): {ok: true; settings: ConnectionSettings} | {ok: false; error: string} {
	const target = targetOf(host, flags);
	if (!target.ok) return target;
	const session = sessionSettings(flags, argv);
	return session.ok ? {ok: true, settings: {...session.settings, target: target.target, lmtp: target.lmtp}} : session;
}

/** Closes the --transcript file; a success becomes the table's `transcript` code when a write to it failed. */
export function finishTranscript(transcript: {appender?: TranscriptAppender}, code: number): number {
	transcript.appender?.close();
	return code === exitCodes.ok && transcript.appender?.failed ? exitCodes.transcript : code;
}

/** Opens the --transcript file, or says why it cannot; a later write failure is reported once. */
export function openTranscriptFile(path: string | undefined, io: CommandIo, command: string): {ok: true; appender?: TranscriptAppender} | {ok: false; error: string} {
	if (path === undefined) return {ok: true};
	const opened = TranscriptAppender.open(path, {
		title: `smtp-explorer ${command}`,
		onError: reason => io.stderr.write(`smtp-explorer ${command}: ${reason}\n`),
	});
	return opened.ok ? {ok: true, appender: opened.appender} : {ok: false, error: `--transcript: ${opened.reason}`};
}
