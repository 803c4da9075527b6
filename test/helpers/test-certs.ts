import {generate} from 'selfsigned';

/** A PEM private key and the certificate for it. */
export type KeyCertPair = {key: string; cert: string};

/** Test CA plus certificates that pass or fail verification against it in specific ways. */
export type TestPki = {
	/** The CA (trust `ca.cert` in clients; `ca.key` lets a test sign more). */
	ca: KeyCertPair;
	/** Signed by the CA for DNS localhost, IP 127.0.0.1 and ::1: verifies. */
	valid: KeyCertPair;
	/** Signed by the CA, only for other.example.net: ERR_TLS_CERT_ALTNAME_INVALID. */
	wrongHost: KeyCertPair;
	/** Signed by the CA for localhost/127.0.0.1, expired yesterday: CERT_HAS_EXPIRED. */
	expired: KeyCertPair;
	/** Self-signed for localhost/127.0.0.1, not by the CA: DEPTH_ZERO_SELF_SIGNED_CERT. */
	selfSigned: KeyCertPair;
	/** Client certificate (extKeyUsage clientAuth) signed by the CA, for mutual TLS. */
	client: KeyCertPair;
};

const dayMs = 24 * 60 * 60 * 1000;
const localNames = [
	{type: 2, value: 'localhost'},
	{type: 7, ip: '127.0.0.1'},
] as const;

type LeafOptions = {
	commonName: string;
	altNames: ReadonlyArray<{type: 2; value: string} | {type: 7; ip: string}>;
	usage: 'serverAuth' | 'clientAuth';
	notBeforeDate: Date;
	notAfterDate: Date;
	/** Omit for a self-signed certificate. */
	ca?: KeyCertPair;
};

async function leaf(options: LeafOptions): Promise<KeyCertPair> {
	const pems = await generate([{name: 'commonName', value: options.commonName}], {
		keyType: 'ec',
		algorithm: 'sha256',
		notBeforeDate: options.notBeforeDate,
		notAfterDate: options.notAfterDate,
		...(options.ca ? {ca: options.ca} : {}),
		extensions: [
			{name: 'basicConstraints', cA: false, critical: true},
			{name: 'keyUsage', digitalSignature: true, critical: true},
			{name: 'extKeyUsage', [options.usage]: true},
			{name: 'subjectAltName', altNames: [...options.altNames]},
		],
	});
	return {key: pems.private, cert: pems.cert};
}

async function createPki(): Promise<TestPki> {
	const now = Date.now();
	const notBeforeDate = new Date(now - dayMs);
	const notAfterDate = new Date(now + 30 * dayMs);
	const caPems = await generate([{name: 'commonName', value: 'smtp-explorer test CA'}], {
		keyType: 'ec',
		algorithm: 'sha256',
		notBeforeDate,
		notAfterDate,
		extensions: [
			{name: 'basicConstraints', cA: true, critical: true},
			{name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true},
		],
	});
	const ca = {key: caPems.private, cert: caPems.cert};
	const current = {notBeforeDate, notAfterDate};

	const [valid, wrongHost, expired, selfSigned, client] = await Promise.all([
		leaf({commonName: 'localhost', altNames: [...localNames, {type: 7, ip: '::1'}], usage: 'serverAuth', ca, ...current}),
		leaf({commonName: 'other.example.net', altNames: [{type: 2, value: 'other.example.net'}], usage: 'serverAuth', ca, ...current}),
		leaf({
			commonName: 'localhost',
			altNames: localNames,
			usage: 'serverAuth',
			ca,
			notBeforeDate: new Date(now - 60 * dayMs),
			notAfterDate: new Date(now - dayMs),
		}),
		leaf({commonName: 'localhost', altNames: localNames, usage: 'serverAuth', ...current}),
		leaf({commonName: 'smtp-explorer test client', altNames: [{type: 2, value: 'client.test'}], usage: 'clientAuth', ca, ...current}),
	]);
	return {ca, valid, wrongHost, expired, selfSigned, client};
}

let cached: Promise<TestPki> | undefined;

/** The test PKI, generated once per test file (module) and shared by every caller. */
export async function createTestPki(): Promise<TestPki> {
	cached ??= createPki();
	return cached;
}
