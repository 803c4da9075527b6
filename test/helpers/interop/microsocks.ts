import {foreground, freePort, waitForPort} from './processes.js';

/** A real SOCKS5 server (microsocks) on a loopback port; with a user, it demands RFC 1929 sign-in. */
export type SocksServer = {port: number; url: (user?: string) => string; stop: () => Promise<void>};

export async function startMicrosocks(auth?: {user: string; password: string}): Promise<SocksServer> {
	const port = await freePort();
	const daemon = foreground('/usr/bin/microsocks', ['-i', '127.0.0.1', '-p', String(port), ...(auth ? ['-u', auth.user, '-P', auth.password] : [])]);
	try {
		await waitForPort(port);
	} catch (error) {
		await daemon.stop();
		throw new Error(`microsocks did not start: ${(error as Error).message} ${daemon.output()}`);
	}

	return {
		port,
		url: user => `socks5://${user ? `${user}@` : ''}127.0.0.1:${port}`,
		stop: () => daemon.stop(),
	};
}
