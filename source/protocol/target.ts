import {ipv4} from './address.js';
import {quoted} from './sanitize.js';

/**
Where to connect: a host name, an IPv4 address, a bracketed IPv6 address, each with an
optional port, a Unix socket path (LMTP servers often listen on one), or a mail domain
whose MX hosts are looked up (`mx:example.org`).
*/
export type Endpoint =
	| {kind: 'tcp'; host: string; port: number}
	| {kind: 'unix'; path: string};

/** A mail domain: its MX hosts, tried in order, each on `port` (RFC 5321 5.1). */
export type MxTarget = {kind: 'mx'; domain: string; port: number};

export type Target = Endpoint | MxTarget;

export type TargetResult = {ok: true; target: Target} | {ok: false; error: string};

/** Default ports: 25 (RFC 5321), 587 submission (RFC 6409), 465 implicit TLS (RFC 8314 7.3). */
export const defaultPorts = {smtp: 25, submission: 587, implicitTls: 465, lmtp: 24} as const;

const hostnamePattern = /^(?=.{1,253}$)([a-z\d]([a-z\d-]{0,61}[a-z\d])?)(\.[a-z\d]([a-z\d-]{0,61}[a-z\d])?)*\.?$/i;

/**
Parses `HOST[:PORT]`, `[IPv6]:PORT`, a bare IPv6 address, a socket path (`/…`, `./…`,
`unix:…`), or `mx:DOMAIN[:PORT]` (the port replaces 25 for every MX host).
*/
export function parseTarget(text: string, defaultPort: number = defaultPorts.smtp): TargetResult {
	const input = text.trim();
	if (input === '') return {ok: false, error: 'No host given.'};
	if (/^mx:/i.test(input)) return parseMxTarget(input.slice(3));

	if (input.startsWith('unix:') || input.startsWith('/') || input.startsWith('./') || input.startsWith('../')) {
		const path = input.startsWith('unix:') ? input.slice(5) : input;
		if (path === '') return {ok: false, error: 'The Unix socket path is empty.'};
		return {ok: true, target: {kind: 'unix', path}};
	}

	let host: string;
	let portText: string | undefined;
	const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(input);
	if (bracketed) {
		host = bracketed[1]!;
		portText = bracketed[2];
		if (!isIpv6(host)) return {ok: false, error: `${quoted(host)} is not an IPv6 address.`};
	} else if ((input.match(/:/g) ?? []).length > 1) {
		// More than one colon and no brackets: a bare IPv6 address, no port.
		host = input;
		if (!isIpv6(host)) return {ok: false, error: `${quoted(input)} is not a valid address; write IPv6 as [addr]:port.`};
	} else {
		const colon = input.indexOf(':');
		host = colon === -1 ? input : input.slice(0, colon);
		portText = colon === -1 ? undefined : input.slice(colon + 1);
		if (!ipv4.test(host) && !hostnamePattern.test(host)) {
			return {ok: false, error: `${quoted(host)} is not a valid host name or address.`};
		}
	}

	const port = portText === undefined ? defaultPort : parsePort(portText);
	if (port === undefined) return {ok: false, error: `${quoted(portText ?? '')} is not a valid port (1-65535).`};
	return {ok: true, target: {kind: 'tcp', host, port}};
}

function parseMxTarget(text: string): TargetResult {
	const [domain = '', portText, ...rest] = text.split(':');
	if (rest.length > 0) return {ok: false, error: `"mx:${text}" is not mx:DOMAIN or mx:DOMAIN:PORT.`};
	if (domain === '') return {ok: false, error: 'mx: needs a mail domain, as in mx:example.org.'};
	if (ipFamily(domain) !== 0) return {ok: false, error: `mx: takes a domain, and "${domain}" is an address; connect to it directly instead.`};
	if (!hostnamePattern.test(domain)) return {ok: false, error: `"${domain}" is not a valid domain.`};
	const port = portText === undefined ? defaultPorts.smtp : parsePort(portText);
	if (port === undefined) return {ok: false, error: `"${portText}" is not a valid port (1-65535).`};
	return {ok: true, target: {kind: 'mx', domain: domain.toLowerCase().replace(/\.$/, ''), port}};
}

/**
`lmtp:` in front of a target asks for LMTP (RFC 2033): LHLO instead of EHLO, one reply per
recipient after the message. Its default port is 24, LMTP's IANA port.
*/
export function splitLmtpPrefix(text: string): {lmtp: boolean; rest: string} {
	const input = text.trim();
	return /^lmtp:/i.test(input) ? {lmtp: true, rest: input.slice(5)} : {lmtp: false, rest: input};
}

/** A port number from text, or undefined unless it is an integer from 1 to 65535. */
export function parsePort(text: string): number | undefined {
	if (!/^\d{1,5}$/.test(text)) return undefined;
	const port = Number(text);
	return port >= 1 && port <= 65_535 ? port : undefined;
}

/** 4 for a dotted-quad IPv4 address, 6 for an IPv6 address, 0 for anything else. */
export function ipFamily(text: string): 0 | 4 | 6 {
	if (ipv4.test(text)) return 4;
	return isIpv6(text) ? 6 : 0;
}

function isIpv6(text: string): boolean {
	if (!/^[\da-f:.]+$/i.test(text) || !text.includes(':')) return false;
	const doubleColons = text.split('::').length - 1;
	if (doubleColons > 1) return false;
	const groups = text.split(':').filter(Boolean);
	const hasIpv4Tail = groups.length > 0 && groups.at(-1)!.includes('.');
	if (hasIpv4Tail && !ipv4.test(groups.at(-1)!)) return false;
	const count = groups.length + (hasIpv4Tail ? 1 : 0);
	if (!groups.every((group, index) => (hasIpv4Tail && index === groups.length - 1) || /^[\da-f]{1,4}$/i.test(group))) {
		return false;
	}

	return doubleColons === 1 ? count < 8 : count === 8;
}

/** True for loopback addresses and localhost, where plaintext credentials never leave the machine. */
export function isLoopback(target: Target): boolean {
	if (target.kind === 'unix') return true;
	if (target.kind === 'mx') return false;
	const host = target.host.toLowerCase().replace(/\.$/, '');
	return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || host === '0:0:0:0:0:0:0:1';
}

/** How the target is written back: `mx.example.com:25`, `[::1]:2525`, `unix:/run/lmtp`, `mx:example.org`. */
export function formatTarget(target: Target): string {
	if (target.kind === 'unix') return `unix:${target.path}`;
	if (target.kind === 'mx') return `mx:${target.domain}${target.port === defaultPorts.smtp ? '' : `:${target.port}`}`;
	return target.host.includes(':') ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
}
