import {existsSync} from 'node:fs';

/**
The Debian packages the interop tier runs, and the file each installs. Where one is
missing (a contributor's laptop) the tests that need it are skipped, and the run says so
at its end (see ./reporter.ts); `.ci/run` installs them, so CI runs the whole tier.
*/

export const interopPackages = {
	postfix: '/usr/sbin/postfix',
	'dovecot-core': '/usr/sbin/dovecot',
	'dovecot-lmtpd': '/usr/lib/dovecot/lmtp',
	microsocks: '/usr/bin/microsocks',
	'dnsmasq-base': '/usr/sbin/dnsmasq',
} as const;

export type InteropPackage = keyof typeof interopPackages;

/** The packages among `wanted` that are not installed; Postfix and Dovecot also need root to start. */
export function missingPackages(...wanted: InteropPackage[]): string[] {
	const missing: string[] = wanted.filter(name => !existsSync(interopPackages[name]));
	const needsRoot = wanted.some(name => name === 'postfix' || name.startsWith('dovecot'));
	if (needsRoot && process.getuid?.() !== 0 && missing.length === 0) missing.push('(root: Postfix and Dovecot start as root)');
	return missing;
}

export const installCommand = (packages: readonly string[]) => `apt-get update && apt-get install -y ${packages.filter(name => !name.startsWith('(')).join(' ')}`;

/** Each interop test file and the packages it needs, for the notice printed when some are missing. */
export const interopTiers: Record<string, InteropPackage[]> = {
	'test/interop/mx-dns.interop.test.ts': ['dnsmasq-base'],
	'test/interop/socks.interop.test.ts': ['microsocks'],
	'test/interop/postfix.interop.test.ts': ['postfix', 'dovecot-core', 'dnsmasq-base'],
	'test/interop/lmtp.interop.test.ts': ['dovecot-core', 'dovecot-lmtpd'],
	'test/interop/explorer.interop.test.ts': ['postfix', 'dovecot-core'],
	'test/interop/explorer-route.interop.test.ts': ['dnsmasq-base', 'microsocks'],
};
