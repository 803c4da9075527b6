import {ipFamily, parsePort} from './target.js';

/**
A SOCKS5 proxy named as a URL (RFC 1928): `socks5://` resolves the mail server's name on
this machine, `socks5h://` lets the proxy resolve it. A user name may come in the URL; a
password never does (a flag is readable by every user of the machine).
*/

export type ProxySpec = {host: string; port: number; remoteDns: boolean; user?: string};

export const defaultSocksPort = 1080;

export function parseProxyUrl(text: string): {ok: true; proxy: ProxySpec} | {ok: false; error: string} {
	const match = /^([a-z\d+.-]+):\/\/(?:([^@/]*)@)?(\[[^\]]+\]|[^:/@]+)(?::([^/]*))?\/?$/i.exec(text.trim());
	if (!match) return {ok: false, error: `"${text}" is not a proxy URL such as socks5://proxy.example:1080`};
	const [, scheme, userinfo, rawHost, portText] = match;
	const kind = scheme!.toLowerCase();
	if (kind !== 'socks5' && kind !== 'socks5h') {
		return {ok: false, error: `the proxy scheme "${scheme}" is not supported: use socks5:// (names resolved here) or socks5h:// (names resolved by the proxy)`};
	}

	const host = rawHost!.replace(/^\[|\]$/g, '');
	if (rawHost!.startsWith('[') && ipFamily(host) !== 6) return {ok: false, error: `"${host}" is not an IPv6 address`};
	if (ipFamily(host) === 0 && !/^[a-z\d]([a-z\d-]*[a-z\d])?(\.[a-z\d]([a-z\d-]*[a-z\d])?)*$/i.test(host)) {
		return {ok: false, error: `"${host}" is not a valid proxy host`};
	}

	const port = portText === undefined ? defaultSocksPort : parsePort(portText);
	if (port === undefined) return {ok: false, error: `"${portText}" is not a valid proxy port (1-65535)`};

	let user: string | undefined;
	if (userinfo !== undefined) {
		if (userinfo.includes(':')) {
			return {ok: false, error: 'the proxy password may not be given in the URL, where other users of this machine can read it; set SMTP_EXPLORER_PROXY_PASSWORD or answer the prompt'};
		}

		try {
			user = decodeURIComponent(userinfo);
		} catch {
			return {ok: false, error: 'the proxy user name is not valid percent-encoding'};
		}

		// RFC 1929 2: the user name is 1 to 255 octets.
		if (user === '' || new TextEncoder().encode(user).length > 255 || /[\u0000-\u001F\u007F]/.test(user)) {
			return {ok: false, error: 'the proxy user name must be 1 to 255 octets without control characters (RFC 1929 2)'};
		}
	}

	return {ok: true, proxy: {host, port, remoteDns: kind === 'socks5h', ...(user === undefined ? {} : {user})}};
}

export function formatProxy(proxy: ProxySpec): string {
	const host = proxy.host.includes(':') ? `[${proxy.host}]` : proxy.host;
	return `socks5${proxy.remoteDns ? 'h' : ''}://${proxy.user === undefined ? '' : `${encodeURIComponent(proxy.user)}@`}${host}:${proxy.port}`;
}
