import {generate} from 'selfsigned';

/** PEM material for the demo server: a throwaway CA and a server certificate it signed. */
export type DemoPki = {caCert: string; serverKey: string; serverCert: string};

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Creates a fresh demo CA and a server certificate for `localhost`, 127.0.0.1 and ::1,
 * in memory only. A new CA per run means no private key is ever published or left on disk,
 * and a learner can still verify the chain by trusting `caCert`.
 */
export async function createDemoPki(): Promise<DemoPki> {
	// Valid from yesterday so small clock differences never make the certificate "not yet valid".
	const notBeforeDate = new Date(Date.now() - dayMs);
	const notAfterDate = new Date(notBeforeDate.getTime() + 30 * dayMs);
	const common = {keyType: 'ec', curve: 'P-256', algorithm: 'sha256', notBeforeDate, notAfterDate} as const;

	const ca = await generate([{name: 'commonName', value: 'smtp-explorer demo CA'}], {
		...common,
		extensions: [
			{name: 'basicConstraints', cA: true, critical: true},
			{name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true},
		],
	});

	const server = await generate([{name: 'commonName', value: 'localhost'}], {
		...common,
		ca: {key: ca.private, cert: ca.cert},
		extensions: [
			{name: 'basicConstraints', cA: false, critical: true},
			{name: 'keyUsage', digitalSignature: true, critical: true},
			{name: 'extKeyUsage', serverAuth: true},
			{
				name: 'subjectAltName',
				altNames: [
					{type: 2, value: 'localhost'},
					{type: 7, ip: '127.0.0.1'},
					{type: 7, ip: '::1'},
				],
			},
		],
	});

	return {caCert: ca.cert, serverKey: server.private, serverCert: server.cert};
}
