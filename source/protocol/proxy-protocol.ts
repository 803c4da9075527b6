import {ipFamily, parsePort} from './target.js';

/**
The PROXY protocol header (HAProxy's proxy-protocol.txt), which a load balancer sends
before anything else to tell the server who the real client was. Postfix reads it with
`smtpd_upstream_proxy_protocol = haproxy`. Version 1 is one text line; version 2 is a
binary block, shown to people only as its decoded fields.
*/

export type ProxyVersion = 'v1' | 'v2';

export type ProxyAddress = {address: string; port: number; family: 4 | 6};

export type ProxyHeader = {version: ProxyVersion; source: ProxyAddress; destination: ProxyAddress};

/** The 12-byte signature every v2 header starts with (proxy-protocol.txt 2.2). */
export const proxyV2Signature = Uint8Array.from([0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0x0d, 0x0a, 0x51, 0x55, 0x49, 0x54, 0x0a]);

/** Parses `IP:PORT` or `[IPv6]:PORT`, as --proxy-source and --proxy-destination take them. */
export function parseProxyAddress(text: string): {ok: true; value: ProxyAddress} | {ok: false; error: string} {
	const match = /^\[([^\]]+)\]:(\d+)$/.exec(text) ?? /^([^:[\]]+):(\d+)$/.exec(text);
	if (!match) return {ok: false, error: `"${text}" is not IP:PORT (write IPv6 as [addr]:port)`};
	const address = match[1]!;
	const family = ipFamily(address);
	if (family === 0) return {ok: false, error: `"${address}" is not an IP address; the PROXY header carries addresses, not names`};
	if (family === 6 && !text.startsWith('[')) return {ok: false, error: `write the IPv6 address as [${address}]:PORT`};
	const port = parsePort(match[2]!);
	if (port === undefined) return {ok: false, error: `"${match[2]}" is not a valid port (1-65535)`};
	return {ok: true, value: {address, port, family}};
}

/** An address in the socket's own words (Node gives `::ffff:127.0.0.1` for mapped IPv4). */
export function proxyAddressOf(address: string, port: number): ProxyAddress | undefined {
	const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
	const family = ipFamily(plain);
	return family === 0 ? undefined : {address: plain, port, family};
}

/** Builds the header bytes, or says why it cannot: both ends must be of one family (proxy-protocol.txt 2.1, 2.2). */
export function encodeProxyHeader(header: ProxyHeader): {ok: true; bytes: Uint8Array} | {ok: false; error: string} {
	const {source, destination} = header;
	if (source.family !== destination.family) {
		return {ok: false, error: `the PROXY header needs both addresses in one family; the source ${formatProxyAddress(source)} is IPv${source.family} and the destination ${formatProxyAddress(destination)} is IPv${destination.family}`};
	}

	if (header.version === 'v1') {
		const line = `PROXY TCP${source.family} ${source.address} ${destination.address} ${source.port} ${destination.port}\r\n`;
		return {ok: true, bytes: new TextEncoder().encode(line)};
	}

	const addressBytes = source.family === 4 ? 4 : 16;
	const length = addressBytes * 2 + 4;
	const bytes = new Uint8Array(16 + length);
	bytes.set(proxyV2Signature, 0);
	bytes[12] = 0x21; // Version 2, command PROXY.
	bytes[13] = source.family === 4 ? 0x11 : 0x21; // TCP over IPv4 or IPv6.
	bytes[14] = length >> 8;
	bytes[15] = length & 0xff;
	bytes.set(addressToBytes(source), 16);
	bytes.set(addressToBytes(destination), 16 + addressBytes);
	const ports = 16 + addressBytes * 2;
	bytes[ports] = source.port >> 8;
	bytes[ports + 1] = source.port & 0xff;
	bytes[ports + 2] = destination.port >> 8;
	bytes[ports + 3] = destination.port & 0xff;
	return {ok: true, bytes};
}

/** What the transcript shows for a header: v1 as its text, v2 as decoded fields and a size. */
export function describeProxyHeader(header: ProxyHeader, size: number): string {
	const route = `${formatProxyAddress(header.source)} -> ${formatProxyAddress(header.destination)}`;
	if (header.version === 'v1') return `PROXY TCP${header.source.family} ${header.source.address} ${header.destination.address} ${header.source.port} ${header.destination.port}`;
	return `PROXY v2 (binary, ${size} bytes): command PROXY, TCP over IPv${header.source.family}, ${route}`;
}

export function formatProxyAddress(address: ProxyAddress): string {
	return address.family === 6 ? `[${address.address}]:${address.port}` : `${address.address}:${address.port}`;
}

function addressToBytes(address: ProxyAddress): Uint8Array {
	if (address.family === 4) return Uint8Array.from(address.address.split('.').map(Number));
	return ipv6Bytes(address.address);
}

/** The 16 bytes of an IPv6 address, `::` and an IPv4 tail included. */
export function ipv6Bytes(text: string): Uint8Array {
	// An IPv4 tail (`::ffff:192.0.2.1`) is the last two groups written in decimal.
	const groupsText = text.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a: string, b: string, c: string, d: string) =>
		`${((Number(a) << 8) | Number(b)).toString(16)}:${((Number(c) << 8) | Number(d)).toString(16)}`);
	const [head = '', rest] = groupsText.split('::');
	const parse = (part: string) => (part === '' ? [] : part.split(':').map(group => Number.parseInt(group, 16)));
	const left = parse(head);
	const right = rest === undefined ? [] : parse(rest);
	const groups = [...left, ...Array.from({length: 8 - left.length - right.length}, () => 0), ...right];
	const bytes = new Uint8Array(16);
	for (const [index, group] of groups.entries()) {
		bytes[index * 2] = group >> 8;
		bytes[index * 2 + 1] = group & 0xff;
	}

	return bytes;
}
