import {Resolver} from 'node:dns/promises';
import type {LookupFunction} from 'node:net';
import {findCnameLoop, type MxPlan, planMx} from '../protocol/mx.js';

/**
DNS for mail routing: MX records with the implicit MX (RFC 5321 5.1), and host addresses,
from the system's resolver or one the user names (`--dns-server IP[:PORT]`).
*/

export type DnsOptions = {server?: string; timeoutMs: number};

export type MxLookup = {ok: true; plan: MxPlan; cnames: string[]} | {ok: false; message: string};

/** CNAME hops followed before giving up; real chains are one or two long. */
const maxCnameHops = 8;

function resolverFor(options: DnsOptions): Resolver {
	const resolver = new Resolver({timeout: Math.max(1, options.timeoutMs), tries: 2});
	if (options.server) resolver.setServers([options.server]);
	return resolver;
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'EDNS';

function dnsFailure(name: string, what: string, error: unknown, server?: string): string {
	const code = codeOf(error);
	const via = server ? ` (DNS server ${server})` : '';
	if (code === 'ENOTFOUND') return `${name} does not exist in DNS${via}`;
	if (code === 'ETIMEOUT' || code === 'ECONNREFUSED') return `the DNS server did not answer for ${name}${via}: ${code}`;
	return `the ${what} lookup for ${name} failed${via}: ${code}`;
}

/** Follows the CNAME chain from `name`, failing on a loop (RFC 1034 3.6.2) or an endless chain. */
async function followCnames(resolver: Resolver, name: string): Promise<{ok: true; chain: string[]} | {ok: false; message: string}> {
	const chain = [name];
	for (let hop = 0; hop < maxCnameHops; hop++) {
		let targets: string[];
		try {
			targets = await resolver.resolveCname(chain.at(-1)!);
		} catch {
			return {ok: true, chain};
		}

		if (targets.length === 0) return {ok: true, chain};
		chain.push(targets[0]!);
		const loop = findCnameLoop(chain);
		if (loop) return {ok: false, message: `${name} is a CNAME loop: ${chain.join(' -> ')}`};
	}

	return {ok: false, message: `${name} is a CNAME chain longer than ${maxCnameHops} hops: ${chain.join(' -> ')}`};
}

/** The hosts that take mail for `domain`, in the order to try them, or why there are none. */
export async function lookupMx(domain: string, options: DnsOptions): Promise<MxLookup> {
	const resolver = resolverFor(options);
	const cnames = await followCnames(resolver, domain);
	if (!cnames.ok) return cnames;
	try {
		const records = await resolver.resolveMx(domain);
		return {ok: true, plan: planMx(domain, records), cnames: cnames.chain.slice(1)};
	} catch (error) {
		if (codeOf(error) !== 'ENODATA') return {ok: false, message: dnsFailure(domain, 'MX', error, options.server)};
	}

	// No MX record: the domain's own address is the implicit MX (RFC 5321 5.1), if it has one.
	const addresses = await Promise.all([resolver.resolve4(domain).catch(() => []), resolver.resolve6(domain).catch(() => [])]);
	if (addresses.flat().length === 0) return {ok: false, message: `${domain} has no MX record and no address (A or AAAA), so it cannot receive mail`};
	return {ok: true, plan: planMx(domain, []), cnames: cnames.chain.slice(1)};
}

/** A `lookup` for net.connect that asks the chosen DNS server (A first, then AAAA). */
export function lookupThrough(options: DnsOptions): LookupFunction {
	const resolver = resolverFor(options);
	return (hostname, lookupOptions, callback) => {
		void (async () => {
			const v4 = await resolver.resolve4(hostname).catch(() => [] as string[]);
			const v6 = v4.length > 0 && lookupOptions.all !== true ? [] : await resolver.resolve6(hostname).catch(() => [] as string[]);
			const all = [...v4.map(address => ({address, family: 4})), ...v6.map(address => ({address, family: 6}))];
			if (all.length === 0) {
				callback(Object.assign(new Error(`${hostname} has no address`), {code: 'ENOTFOUND'}), '', 0);
			} else if (lookupOptions.all) {
				(callback as unknown as (error: null, addresses: Array<{address: string; family: number}>) => void)(null, all);
			} else {
				callback(null, all[0]!.address, all[0]!.family);
			}
		})();
	};
}
