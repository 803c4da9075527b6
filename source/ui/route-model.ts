import {text as say} from '../i18n/messages.js';
import {formatProxyAddress} from '../protocol/proxy-protocol.js';
import type {Target} from '../protocol/target.js';
import type {RouteInfo} from '../session/controller.js';
import type {SidebarLine} from './sidebar-model.js';

/**
How the session reached its server, in words: which MX hosts were tried and which answered
(RFC 5321 5.1), the SOCKS5 proxy, the PROXY protocol header, and LMTP. The sidebar shows
every line; the header one short summary.
*/

/** The sidebar's route section; empty for a direct SMTP connection to a host. */
export function routeLines(route: RouteInfo, target: Target, lmtp: boolean): SidebarLine[] {
	const t = say();
	const lines: SidebarLine[] = [];
	if (route.nullMx && target.kind === 'mx') lines.push({label: 'mx', value: t['route.nullMx'](target.domain), tone: 'warning'});
	const {mx} = route;
	if (mx?.implicit) {
		lines.push({label: 'mx', value: t['route.implicitMx'](mx.domain), tone: 'dim'});
	} else if (mx) {
		// In the order they were tried; the label says what happened, so a narrow sidebar cuts only the reason.
		for (const host of mx.hosts) {
			const attempt = mx.tried.find(tried => tried.host === host.host);
			if (host.host === mx.answered) lines.push({label: t['route.answered'], value: host.host, tone: 'ok'});
			else if (attempt) lines.push({label: t['route.tried'], value: `${host.host}: ${attempt.result}`, tone: 'error'});
			else lines.push({label: t['route.notTried'], value: host.host, tone: 'dim'});
		}
	}

	if (route.proxy) lines.push({label: t['route.proxy'], value: route.proxy.replace(/^(socks5h?):\/\//, '$1 '), tone: 'normal'});
	if (route.proxyProtocol) {
		const {version, source, destination} = route.proxyProtocol;
		lines.push({label: `PROXY ${version}`, value: t['route.from'](formatProxyAddress(source)), tone: 'normal'}, {label: '', value: t['route.to'](formatProxyAddress(destination)), tone: 'normal'});
	}

	if (lmtp) lines.push({label: t['route.protocol'], value: 'LMTP (RFC 2033)', tone: 'normal'});
	return lines;
}

/**
The header's words for the route: the MX host that answered (shown after the target, as
`mx:example.org → mx2.example.org`), and the rest (`LMTP  via socks5 host:port  PROXY v2`).
*/
export function routeSummary(route: RouteInfo, lmtp: boolean): {answered?: string; notes: string} {
	const parts: string[] = [];
	if (lmtp) parts.push('LMTP');
	if (route.proxy) parts.push(`via ${route.proxy.replace(/^(socks5h?):\/\//, '$1 ')}`);
	if (route.proxyProtocol) parts.push(`PROXY ${route.proxyProtocol.version}`);
	const answered = route.mx && !route.mx.implicit ? route.mx.answered : undefined;
	return {...(answered ? {answered} : {}), notes: parts.join('  ')};
}
