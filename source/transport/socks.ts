import {lookup as systemLookup} from 'node:dns/promises';
import type {LookupFunction, Socket} from 'node:net';
import type {ProxySpec} from '../protocol/proxy-url.js';
import {formatProxy} from '../protocol/proxy-url.js';

/**
A TCP stream to the mail server through a SOCKS5 proxy (RFC 1928, user/password RFC
1929), with the `socks` package. Every failure names the proxy and what it said.
*/

export type SocksRoute = {proxy: ProxySpec; password?: string};

export type SocksResult = {ok: true; socket: Socket} | {ok: false; code: string; message: string};

/** RFC 1928 6: what each SOCKS5 reply code means, in words. */
const replyMeanings: Record<string, string> = {
	Failure: 'a general failure at the proxy',
	NotAllowed: 'its rules do not allow this destination',
	NetworkUnreachable: 'the network is unreachable from the proxy',
	HostUnreachable: 'the mail server is unreachable from the proxy',
	ConnectionRefused: 'the mail server refused the connection from the proxy',
	TTLExpired: 'the TTL expired',
	CommandNotSupported: 'it does not support CONNECT',
	AddressNotSupported: 'it does not support this address type',
};

async function addressFor(host: string, lookup: LookupFunction | undefined): Promise<string> {
	if (!lookup) return (await systemLookup(host)).address;
	return new Promise((resolve, reject) => {
		lookup(host, {}, (error, address) => (error ? reject(error) : resolve(address as string)));
	});
}

export async function connectThroughSocks(route: SocksRoute, destination: {host: string; port: number}, options: {timeoutMs: number; lookup?: LookupFunction}): Promise<SocksResult> {
	const {proxy} = route;
	const via = formatProxy(proxy);
	let host = destination.host;
	if (!proxy.remoteDns && !/^[\d.]+$|:/.test(host)) {
		// socks5:// resolves the name here; socks5h:// hands the name to the proxy.
		try {
			host = await addressFor(host, options.lookup);
		} catch (error) {
			return {ok: false, code: 'ENOTFOUND', message: `the host name ${destination.host} could not be resolved here (DNS: ${(error as NodeJS.ErrnoException).code ?? 'error'}); socks5h:// lets the proxy resolve it`};
		}
	}

	try {
		// Loaded on first use: most sessions have no proxy, and the library is a sixth of the
		// explorer's code. It is CommonJS, so its exports are the module's default in ESM.
		const {SocksClient} = (await import('socks')).default;
		const {socket} = await SocksClient.createConnection({
			proxy: {host: proxy.host, port: proxy.port, type: 5, ...(proxy.user === undefined ? {} : {userId: proxy.user, password: route.password ?? ''})},
			command: 'connect',
			destination: {host, port: destination.port},
			timeout: options.timeoutMs,
		});
		return {ok: true, socket};
	} catch (error) {
		return {ok: false, ...describeSocksError((error as Error).message, via)};
	}
}

function describeSocksError(message: string, via: string): {code: string; message: string} {
	const rejected = /proxy rejected connection - (\w+)/.exec(message);
	if (rejected) return {code: 'EPROXYREFUSED', message: `the proxy ${via} refused to connect to the mail server: ${replyMeanings[rejected[1]!] ?? rejected[1]}`};
	if (/Authentication failed/i.test(message)) return {code: 'EPROXYAUTH', message: `the proxy ${via} refused the user name or password`};
	if (/no accepted authentication type/i.test(message)) return {code: 'EPROXYAUTH', message: `the proxy ${via} accepts none of the offered ways to sign in (give a user name in the URL if it needs one)`};
	if (/ECONNREFUSED/.test(message)) return {code: 'EPROXYCONNECT', message: `connection refused by the proxy ${via}: nothing listens there`};
	if (/timed out/i.test(message)) return {code: 'ETIMEDOUT', message: `the proxy ${via} did not answer in time`};
	return {code: 'EPROXY', message: `the proxy ${via} failed: ${message}`};
}
