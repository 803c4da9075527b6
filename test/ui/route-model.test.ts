/**
How the session reached its server, in words (the sidebar's route section and the header's
summary): pure tables, no socket.
*/
import {describe, expect, it} from 'vitest';
import type {Target} from '../../source/protocol/target.js';
import type {RouteInfo} from '../../source/session/controller.js';
import {routeLines, routeSummary} from '../../source/ui/route-model.js';
import {sidebarSections} from '../../source/ui/sidebar-model.js';
import {greetedState} from '../helpers/session-state.js';

const mxTarget: Target = {kind: 'mx', domain: 'example.test', port: 2525};
const hosts = [
	{host: 'mx1.example.test', preference: 10},
	{host: 'mx2.example.test', preference: 20},
	{host: 'mx3.example.test', preference: 30},
];
const secondAnswered: RouteInfo = {
	mx: {domain: 'example.test', implicit: false, hosts, tried: [{host: 'mx1.example.test', result: 'connection refused'}, {host: 'mx2.example.test', result: '220 mx2 ESMTP'}], answered: 'mx2.example.test'},
	endpoint: {kind: 'tcp', host: 'mx2.example.test', port: 2525},
};
const text = (route: RouteInfo, target: Target = mxTarget, lmtp = false) => routeLines(route, target, lmtp).map(line => `${line.label}|${line.value}|${line.tone}`);

describe('routeLines: the sidebar says which MX hosts were tried and which answered', () => {
	it('the first failed, the second answered, the third was not tried', () => {
		expect(text(secondAnswered)).toEqual([
			'tried|mx1.example.test: connection refused|error',
			'answered|mx2.example.test|ok',
			'not tried|mx3.example.test|dim',
		]);
	});

	it('none answered: every host tried shows what happened to it', () => {
		const none: RouteInfo = {mx: {domain: 'example.test', implicit: false, hosts: hosts.slice(0, 2), tried: [{host: 'mx1.example.test', result: 'connection refused'}, {host: 'mx2.example.test', result: 'banner 554'}]}};
		expect(text(none)).toEqual(['tried|mx1.example.test: connection refused|error', 'tried|mx2.example.test: banner 554|error']);
	});

	it('the implicit MX and the null MX (RFC 7505) are named as such', () => {
		expect(text({mx: {domain: 'example.test', implicit: true, hosts: [{host: 'example.test', preference: 0}], tried: [], answered: 'example.test'}})).toEqual(['mx|no MX record: example.test itself (implicit MX)|dim']);
		expect(text({nullMx: true})).toEqual(['mx|example.test accepts no mail (null MX, RFC 7505)|warning']);
	});

	it('the SOCKS5 proxy, the PROXY header (v1 and v2, IPv6 bracketed) and LMTP', () => {
		expect(text({proxy: 'socks5h://alice@127.0.0.1:1080'}, {kind: 'tcp', host: 'mail.example.test', port: 25})).toEqual(['proxy|socks5h alice@127.0.0.1:1080|normal']);
		expect(text({proxyProtocol: {version: 'v1', source: {address: '203.0.113.9', port: 4000, family: 4}, destination: {address: '192.0.2.1', port: 25, family: 4}}})).toEqual(['PROXY v1|from 203.0.113.9:4000|normal', '|to 192.0.2.1:25|normal']);
		expect(text({proxyProtocol: {version: 'v2', source: {address: '2001:db8::9', port: 4000, family: 6}, destination: {address: '2001:db8::1', port: 25, family: 6}}})).toEqual(['PROXY v2|from [2001:db8::9]:4000|normal', '|to [2001:db8::1]:25|normal']);
		expect(text({}, {kind: 'unix', path: '/run/lmtp'}, true)).toEqual(['protocol|LMTP (RFC 2033)|normal']);
	});

	it('a direct SMTP connection has no route lines, and the sidebar no route section', () => {
		const target: Target = {kind: 'tcp', host: 'mail.example.test', port: 25};
		expect(routeLines({endpoint: target}, target, false)).toEqual([]);
		const titles = sidebarSections({state: greetedState(), target, insecure: false, queued: 0, now: 0, plan: {ehloName: 'c'}, route: {endpoint: target}}).map(section => section.title);
		expect(titles).not.toContain('route');
	});

	it('the sidebar puts the route right after the session; LMTP is known from the plan or from an accepted LHLO', () => {
		const sections = sidebarSections({state: greetedState(), target: mxTarget, insecure: false, queued: 0, now: 0, plan: {ehloName: 'c'}, route: secondAnswered});
		expect(sections.map(section => section.title).slice(0, 2)).toEqual(['session', 'route']);
		const lhlo = greetedState([], {hello: {verb: 'LHLO', name: 'c'}});
		const target: Target = {kind: 'tcp', host: '127.0.0.1', port: 24};
		expect(sidebarSections({state: lhlo, target, insecure: false, queued: 0, now: 0, plan: {ehloName: 'c'}}).find(section => section.title === 'route')?.lines).toEqual([{label: 'protocol', value: 'LMTP (RFC 2033)', tone: 'normal'}]);
	});
});

describe('routeSummary: the header', () => {
	it('names the MX that answered; then LMTP, the proxy and the PROXY version, in that order', () => {
		expect(routeSummary(secondAnswered, false)).toEqual({answered: 'mx2.example.test', notes: ''});
		expect(routeSummary({...secondAnswered, proxy: 'socks5://127.0.0.1:1080', proxyProtocol: {version: 'v2', source: {address: '203.0.113.9', port: 4000, family: 4}, destination: {address: '192.0.2.1', port: 25, family: 4}}}, true)).toEqual({answered: 'mx2.example.test', notes: 'LMTP  via socks5 127.0.0.1:1080  PROXY v2'});
		// The implicit MX is the domain itself: nothing to add after the target.
		expect(routeSummary({mx: {domain: 'example.test', implicit: true, hosts: [], tried: [], answered: 'example.test'}}, false)).toEqual({notes: ''});
		expect(routeSummary({}, false)).toEqual({notes: ''});
	});
});
