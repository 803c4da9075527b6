import {chownSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {daemonDir, foreground, freePort, waitFor, waitForPort} from './processes.js';

/**
A real Dovecot (dovecot-core and dovecot-lmtpd) in a temporary directory: LMTP on a
loopback port and a Unix socket, and its auth service on a socket Postfix uses for SASL.
Users come from a passwd-file; mail goes to Maildirs owned by nobody. `full` has a quota
of one byte, so LMTP accepts its RCPT and refuses the message after the final dot.
*/

export type Dovecot = {
	lmtpPort: number;
	lmtpSocket: string;
	/** The auth socket for Postfix (smtpd_sasl_type = dovecot). */
	authSocket: string;
	users: Record<string, string>;
	/** The messages delivered to a user's INBOX, oldest first. */
	messages: (user: string) => string[];
	stop: () => Promise<void>;
};

const nobody = 65_534;

export async function startDovecot(): Promise<Dovecot> {
	const dir = daemonDir('dovecot');
	const root = dir.path;
	const lmtpPort = await freePort();
	const users = {alice: 'alice-secret', carol: 'carol-secret', full: 'full-secret'};
	mkdirSync(join(root, 'mail'));
	chownSync(join(root, 'mail'), nobody, nobody);
	writeFileSync(join(root, 'users'), Object.entries(users).map(([user, password]) => `${user}:{PLAIN}${password}::::::${user === 'full' ? 'userdb_quota_rule=*:storage=1B' : ''}\n`).join(''), {mode: 0o644});
	writeFileSync(join(root, 'dovecot.conf'), `
base_dir = ${root}/run
state_dir = ${root}/state
log_path = ${root}/dovecot.log
instance_name = smtp-explorer-${lmtpPort}
protocols = lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:${root}/mail/%n
mail_plugins = quota
plugin {
  quota = maildir:User quota
  quota_rule = *:storage=100M
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%n ${root}/users
}
userdb {
  driver = passwd-file
  args = username_format=%n ${root}/users
  default_fields = uid=${nobody} gid=${nobody} home=${root}/mail/%n
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${lmtpPort}
  }
  unix_listener lmtp-socket {
    mode = 0666
  }
}
service auth {
  unix_listener auth-postfix {
    mode = 0666
  }
}
`);
	const daemon = foreground('/usr/sbin/dovecot', ['-F', '-c', join(root, 'dovecot.conf')]);
	try {
		await waitForPort(lmtpPort);
	} catch (error) {
		await daemon.stop();
		const log = (() => {
			try {
				return readFileSync(join(root, 'dovecot.log'), 'utf8');
			} catch {
				return '';
			}
		})();
		dir.remove();
		throw new Error(`Dovecot did not start: ${(error as Error).message}\n${daemon.output()}\n${log}`);
	}

	return {
		lmtpPort,
		lmtpSocket: join(root, 'run', 'lmtp-socket'),
		authSocket: join(root, 'run', 'auth-postfix'),
		users,
		messages(user) {
			const folder = join(root, 'mail', user, 'new');
			let names: string[];
			try {
				names = readdirSync(folder).sort();
			} catch {
				return [];
			}

			return names.map(name => readFileSync(join(folder, name), 'utf8'));
		},
		async stop() {
			await daemon.stop();
			dir.remove();
		},
	};
}

/** Waits for the `count`th message in a user's INBOX and returns it. */
export async function delivered(dovecot: Dovecot, user: string, count = 1): Promise<string> {
	return waitFor(`message ${count} for ${user}`, () => dovecot.messages(user)[count - 1]);
}
