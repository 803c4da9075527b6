import {ipFamily} from './target.js';

/**
Which hosts receive mail for a domain, from its MX records (RFC 5321 5.1): lowest
preference first, equal preferences in random order, a null MX (RFC 7505) as "no mail",
and the domain itself as the implicit MX when it has no MX record.
*/

export type MxRecord = {exchange: string; priority: number};

export type MxHost = {host: string; preference: number};

export type MxPlan =
	| {kind: 'hosts'; hosts: MxHost[]; implicit: boolean}
	| {kind: 'null-mx'}
	| {kind: 'error'; message: string};

/** More MX records than any real domain publishes: a sign of a broken or hostile zone. */
export const maxMxRecords = 10;

const normalize = (name: string) => name.toLowerCase().replace(/\.$/, '');

/**
Orders MX records into the hosts to try. `random` (0 <= r < 1) shuffles equal preferences;
tests pass a fixed one.
*/
export function planMx(domain: string, records: readonly MxRecord[], random: () => number = Math.random): MxPlan {
	if (records.length === 0) return {kind: 'hosts', hosts: [{host: normalize(domain), preference: 0}], implicit: true};
	// RFC 7505 3: a null MX is the single record "0 ."; the domain accepts no mail at all.
	if (records.length === 1 && normalize(records[0]!.exchange) === '') return {kind: 'null-mx'};
	if (records.length > maxMxRecords) {
		return {kind: 'error', message: `${domain} has ${records.length} MX records; more than ${maxMxRecords} is refused as a broken or hostile zone`};
	}

	for (const record of records) {
		const exchange = normalize(record.exchange);
		if (exchange === '') return {kind: 'error', message: `${domain} mixes a null MX (".") with other MX records, which RFC 7505 3 forbids`};
		// RFC 5321 5.1: an MX record names a host; an address in its place is a misconfiguration.
		if (ipFamily(exchange) !== 0 || /^\[.*\]$/.test(exchange)) {
			return {kind: 'error', message: `the MX record of ${domain} points to the IP address literal ${exchange}; an MX must name a host (RFC 5321 5.1)`};
		}
	}

	const shuffled = records.map(record => ({host: normalize(record.exchange), preference: record.priority, key: random()}));
	shuffled.sort((a, b) => a.preference - b.preference || a.key - b.key);
	const seen = new Set<string>();
	const hosts: MxHost[] = [];
	for (const {host, preference} of shuffled) {
		if (seen.has(host)) continue;
		seen.add(host);
		hosts.push({host, preference});
	}

	return {kind: 'hosts', hosts, implicit: false};
}

/** A CNAME chain that comes back to a name it already passed (RFC 1034 3.6.2 forbids loops). */
export function findCnameLoop(chain: readonly string[]): string | undefined {
	const seen = new Set<string>();
	for (const name of chain.map(normalize)) {
		if (seen.has(name)) return name;
		seen.add(name);
	}

	return undefined;
}
