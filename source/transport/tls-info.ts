import type {TlsReason} from '../protocol/errors.js';
import type {DetailedPeerCertificate, PeerCertificate, TLSSocket} from 'node:tls';
import type {CertificateSummary, TlsState} from '../protocol/session.js';

/** Reads what was negotiated, and who the peer claims to be, from a connected TLS socket. */
export function describeTls(socket: TLSSocket, via: TlsState['via'], options: {insecure: boolean; servername?: string}): TlsState {
	const cipher = socket.getCipher();
	const peer = socket.getPeerCertificate(false);
	const state: TlsState = {
		via,
		protocol: socket.getProtocol() ?? 'unknown',
		cipher: cipher?.standardName ?? cipher?.name ?? 'unknown',
		verified: socket.authorized,
		insecure: options.insecure,
	};
	if (options.servername) state.servername = options.servername;
	if (peer && Object.keys(peer).length > 0) state.peer = summarizeCertificate(peer);
	return state;
}

function nameOf(fields: PeerCertificate['subject'] | undefined): string {
	if (!fields) return '';
	const value = (key: string) => {
		const item = (fields as unknown as Record<string, string | string[] | undefined>)[key];
		return Array.isArray(item) ? item.join(', ') : item;
	};

	return value('CN') ?? value('O') ?? Object.values(fields).flat().join(', ');
}

function summarizeCertificate(certificate: PeerCertificate | DetailedPeerCertificate): CertificateSummary {
	const subject = nameOf(certificate.subject);
	const issuer = nameOf(certificate.issuer);
	return {
		subject,
		altNames: (certificate.subjectaltname ?? '')
			.split(/,\s*/)
			.filter(Boolean)
			.map(name => (name.startsWith('IP Address:') ? compactIp(name.slice(11)) : name.replace(/^DNS:/, ''))),
		issuer,
		validFrom: new Date(certificate.valid_from).toISOString(),
		validTo: new Date(certificate.valid_to).toISOString(),
		fingerprint256: certificate.fingerprint256,
		selfSigned: JSON.stringify(certificate.subject) === JSON.stringify(certificate.issuer),
	};
}

/** Node writes IPv6 SANs in full (0:0:0:0:0:0:0:1); people read the short form (::1). */
function compactIp(address: string): string {
	if (!address.includes(':')) return address;
	try {
		return new URL(`http://[${address}]/`).hostname.slice(1, -1);
	} catch {
		return address;
	}
}

/** Whole days from `now` until the certificate expires (negative once it has). */
export function daysToExpiry(certificate: CertificateSummary, now = Date.now()): number {
	return Math.floor((Date.parse(certificate.validTo) - now) / 86_400_000);
}

/**
Why verification failed, in plain words, from Node's error code and the certificate the
server showed (D1): expired, not yet valid, wrong host name, unknown CA, self-signed.
*/
/** The kind of a certificate verification failure, from Node's error code. */
export function tlsReasonFor(code: string): TlsReason {
	switch (code) {
		case 'CERT_HAS_EXPIRED':
		case 'CERT_NOT_YET_VALID': {
			return 'expired';
		}

		case 'ERR_TLS_CERT_ALTNAME_INVALID': {
			return 'hostname';
		}

		case 'DEPTH_ZERO_SELF_SIGNED_CERT': {
			return 'self-signed';
		}

		case 'SELF_SIGNED_CERT_IN_CHAIN':
		case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
		case 'UNABLE_TO_GET_ISSUER_CERT':
		case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE': {
			return 'unknown-ca';
		}

		case 'CERT_REVOKED': {
			return 'revoked';
		}

		default: {
			return 'handshake';
		}
	}
}

export function explainVerifyError(code: string, host: string, peer?: CertificateSummary): string {
	const names = peer ? (peer.altNames.length > 0 ? peer.altNames.join(', ') : peer.subject) : 'unknown names';
	switch (code) {
		case 'CERT_HAS_EXPIRED': {
			return `the server's certificate expired${peer ? ` on ${peer.validTo.slice(0, 10)}` : ''}`;
		}

		case 'CERT_NOT_YET_VALID': {
			return `the server's certificate is not valid yet${peer ? ` (from ${peer.validFrom.slice(0, 10)})` : ''}; check this machine's clock`;
		}

		case 'ERR_TLS_CERT_ALTNAME_INVALID': {
			return `wrong host name: the certificate is for ${names}, not for ${host}`;
		}

		case 'DEPTH_ZERO_SELF_SIGNED_CERT': {
			return `the certificate is self-signed (by ${peer?.subject ?? 'the server itself'}), so no trusted authority vouches for it`;
		}

		case 'SELF_SIGNED_CERT_IN_CHAIN':
		case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
		case 'UNABLE_TO_GET_ISSUER_CERT':
		case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE': {
			return `the certificate was issued by an unknown CA${peer?.issuer ? ` (${peer.issuer})` : ''}; if you trust it, pass its certificate with --ca FILE`;
		}

		case 'CERT_REVOKED': {
			return 'the certificate has been revoked';
		}

		default: {
			return `certificate verification failed (${code})`;
		}
	}
}

/** Plain words for a handshake that failed before any certificate could be judged. */
export function explainHandshakeError(error: NodeJS.ErrnoException, mode: 'implicit' | 'starttls'): string {
	const code = error.code ?? '';
	const text = error.message ?? '';
	if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number|packet length too long|http request/i.test(text)) {
		return mode === 'implicit'
			? 'the server did not answer in TLS; it probably speaks plaintext on this port: try --starttls instead of --tls'
			: 'the server did not answer in TLS after its 220 to STARTTLS';
	}

	if (/protocol version|unsupported protocol|no protocols available/i.test(text)) {
		return 'no TLS version in common (this client requires TLS 1.2 or newer unless --tls-min says otherwise)';
	}

	if (/handshake failure|no shared cipher/i.test(text)) return 'no cipher in common with the server';
	if (code === 'ECONNRESET') return 'the server reset the connection during the TLS handshake';
	if (code === 'EPIPE' || /socket disconnected|socket hang up/i.test(text)) return 'the server closed the connection during the TLS handshake';
	return `TLS handshake failed: ${text || code}`;
}
