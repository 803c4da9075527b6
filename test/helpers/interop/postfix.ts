import {execFileSync} from 'node:child_process';
import {chownSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {userInfo} from 'node:os';
import {join} from 'node:path';
import {createTestPki} from '../test-certs.js';
import {daemonDir, freePort, waitFor, waitForPort} from './processes.js';

/**
A real Postfix in a temporary directory of its own (configuration, queue, data, mail),
listening only on loopback ports: `smtp` with STARTTLS (the test CA's certificate for
localhost/127.0.0.1), AUTH through Dovecot's SASL socket, XCLIENT and XFORWARD allowed
from loopback; `proxy` with smtpd_upstream_proxy_protocol = haproxy. Mail for
@interop.test is delivered by virtual(8) to Maildirs the tests read back.
*/

export type Postfix = {
	smtpPort: number;
	proxyPort: number;
	caFile: string;
	/** Messages delivered to a mailbox (alice, bob), oldest first. */
	messages: (user: string) => string[];
	log: () => string;
	stop: () => Promise<void>;
};

function postfixUser(): {uid: number; gid: number} {
	const line = readFileSync('/etc/passwd', 'utf8').split('\n').find(entry => entry.startsWith('postfix:'));
	if (!line) throw new Error('the postfix user does not exist: is the postfix package installed?');
	const [, , uid, gid] = line.split(':');
	return {uid: Number(uid), gid: Number(gid)};
}

/** Runs `postfix -c DIR <command>`; stderr is folded into the error when it fails. */
function postfix(config: string, command: string): void {
	execFileSync('/usr/sbin/postfix', ['-c', config, command], {stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000});
}

export async function startPostfix(options: {saslSocket: string}): Promise<Postfix> {
	const dir = daemonDir('postfix');
	const root = dir.path;
	const {uid, gid} = postfixUser();
	const [smtpPort, proxyPort] = [await freePort(), await freePort()];
	for (const name of ['conf', 'queue', 'data', 'mail']) mkdirSync(join(root, name), {mode: 0o755});
	chownSync(join(root, 'data'), uid, gid);
	chownSync(join(root, 'mail'), uid, gid);
	const pki = await createTestPki();
	writeFileSync(join(root, 'conf', 'cert.pem'), pki.valid.cert, {mode: 0o644});
	writeFileSync(join(root, 'conf', 'key.pem'), pki.valid.key, {mode: 0o600});
	const caFile = join(root, 'conf', 'ca.pem');
	writeFileSync(caFile, pki.ca.cert, {mode: 0o644});

	writeFileSync(join(root, 'conf', 'main.cf'), `
compatibility_level = 3.6
queue_directory = ${root}/queue
data_directory = ${root}/data
daemon_directory = /usr/lib/postfix/sbin
shlib_directory = /usr/lib/postfix
command_directory = /usr/sbin
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = postfix.interop.test
mydomain = interop.test
mydestination =
mynetworks = 127.0.0.0/8
maillog_file_prefixes = ${root}
maillog_file = ${root}/maillog
alias_maps =
alias_database =
relayhost =
default_transport = error:the interop Postfix delivers only to @interop.test
virtual_mailbox_domains = interop.test
virtual_mailbox_base = ${root}/mail
virtual_mailbox_maps = inline:{ {alice@interop.test=alice/}, {bob@interop.test=bob/} }
virtual_uid_maps = static:${uid}
virtual_gid_maps = static:${gid}
virtual_minimum_uid = 1
smtpd_banner = $myhostname ESMTP Postfix (interop)
smtpd_tls_security_level = may
smtpd_tls_cert_file = ${root}/conf/cert.pem
smtpd_tls_key_file = ${root}/conf/key.pem
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = ${options.saslSocket}
smtpd_tls_auth_only = yes
smtpd_sasl_authenticated_header = yes
smtpd_authorized_xclient_hosts = 127.0.0.0/8
smtpd_authorized_xforward_hosts = 127.0.0.0/8
smtpd_recipient_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
`);
	// Only the services this setup uses, none chrooted (master.cf: type private unpriv chroot wakeup maxproc).
	writeFileSync(join(root, 'conf', 'master.cf'), [
		`127.0.0.1:${smtpPort} inet n - n - - smtpd`,
		`127.0.0.1:${proxyPort} inet n - n - - smtpd -o smtpd_upstream_proxy_protocol=haproxy -o smtpd_tls_security_level=none -o smtpd_sasl_auth_enable=no`,
		'pickup unix n - n 60 1 pickup',
		'cleanup unix n - n - 0 cleanup',
		'qmgr unix n - n 300 1 qmgr',
		'tlsmgr unix - - n 1000? 1 tlsmgr',
		'rewrite unix - - n - - trivial-rewrite',
		'bounce unix - - n - 0 bounce',
		'defer unix - - n - 0 bounce',
		'trace unix - - n - 0 bounce',
		'verify unix - - n - 1 verify',
		'proxymap unix - - n - - proxymap',
		'error unix - - n - - error',
		'retry unix - - n - - error',
		'discard unix - - n - - discard',
		'virtual unix - n n - - virtual',
		'anvil unix - - n - 1 anvil',
		'scache unix - - n - 1 scache',
		'postlog unix-dgram n - n - 1 postlogd',
		'',
	].join('\n'));

	const config = join(root, 'conf');
	const log = () => {
		try {
			return readFileSync(join(root, 'maillog'), 'utf8');
		} catch {
			return '';
		}
	};

	try {
		postfix(config, 'start');
		await waitForPort(smtpPort);
		await waitForPort(proxyPort);
	} catch (error) {
		try {
			postfix(config, 'abort');
		} catch {}

		dir.remove();
		throw new Error(`Postfix did not start (${userInfo().username}): ${(error as Error).message}\n${log()}`);
	}

	return {
		smtpPort,
		proxyPort,
		caFile,
		log,
		messages(user) {
			const folder = join(root, 'mail', user, 'new');
			let names: string[];
			try {
				names = readdirSync(folder).sort((a, b) => deliveredAt(a) - deliveredAt(b));
			} catch {
				return [];
			}

			return names.map(name => readFileSync(join(folder, name), 'utf8'));
		},
		async stop() {
			try {
				postfix(config, 'stop');
			} catch {
				try {
					postfix(config, 'abort');
				} catch {}
			}

			// The master removes its pid file when it is gone; only then is the directory free.
			await waitFor('Postfix to stop', () => (existsPid(root) ? undefined : true), 15_000).catch(() => undefined);
			dir.remove();
		},
	};
}

function existsPid(root: string): boolean {
	try {
		const pid = Number(readFileSync(join(root, 'queue', 'pid', 'master.pid'), 'utf8').trim());
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Waits for the `count`th message in a Postfix mailbox and returns it. */
export async function deliveredBy(postfixServer: Postfix, user: string, count = 1): Promise<string> {
	return waitFor(`message ${count} for ${user} (Postfix log:\n${postfixServer.log().slice(-2000)})`, () => postfixServer.messages(user)[count - 1]);
}

/**
When a Maildir file was delivered, in microseconds, from its name (`SECONDS.V..I..MMICROS.host`):
sorting the names as text puts M99999 after M123456, so two mails of one second can swap.
*/
function deliveredAt(name: string): number {
	const [, seconds = '0', micros = '0'] = /^(\d+)\.(?:[^.]*?M(\d+))?/.exec(name) ?? [];
	return Number(seconds) * 1_000_000 + Number(micros);
}
