import {daemonDir, foreground, freePort} from './processes.js';

/**
A real DNS server (dnsmasq) on a loopback port, answering only for the zones given and
forwarding nothing. Records are dnsmasq options, e.g. `--mx-host=a.test,mx1.a.test,10`.
*/

export type DnsServer = {server: string; stop: () => Promise<void>};

/** A domain name in DNS wire format, hex-encoded, as --dns-rr takes raw record data. */
export function wireName(name: string): string {
	return `${name.split('.').map(label => `${label.length.toString(16).padStart(2, '0')}${Buffer.from(label).toString('hex')}`).join('')}00`;
}

export async function startDnsmasq(records: string[], zones: string[]): Promise<DnsServer> {
	const dir = daemonDir('dnsmasq');
	const port = await freePort();
	const daemon = foreground('/usr/sbin/dnsmasq', [
		'--keep-in-foreground',
		'--no-resolv',
		'--no-hosts',
		'--no-poll',
		'--log-facility=-',
		`--port=${port}`,
		'--listen-address=127.0.0.1',
		'--bind-interfaces',
		`--pid-file=${dir.path}/dnsmasq.pid`,
		'--user=root',
		'--group=root',
		...zones.map(zone => `--local=/${zone}/`),
		...records,
	]);
	// dnsmasq logs "started" to stderr once it answers; a failed start exits at once.
	const deadline = Date.now() + 10_000;
	while (!/started, version/.test(daemon.output()) && daemon.child.exitCode === null) {
		if (Date.now() > deadline) break;
		await new Promise(resolve => setTimeout(resolve, 20));
	}

	if (daemon.child.exitCode !== null || !/started, version/.test(daemon.output())) {
		await daemon.stop();
		dir.remove();
		throw new Error(`dnsmasq did not start: ${daemon.output()}`);
	}

	return {
		server: `127.0.0.1:${port}`,
		async stop() {
			await daemon.stop();
			dir.remove();
		},
	};
}
