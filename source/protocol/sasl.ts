import {createHmac} from 'node:crypto';
import {decodeLenient, fromBase64, toBase64} from './text.js';

/**
SASL for SMTP AUTH (RFC 4954): the client-side computations for the mechanisms the tool
can do for the user, challenge decoding for display, and redaction of what is secret.
Every response travels base64-encoded; base64 is an encoding, not a protection.
*/

export type Credentials = {user: string; password: string; authzid?: string};

/** Mechanisms the AUTH helper computes. */
export const computableMechanisms = ['PLAIN', 'LOGIN', 'CRAM-MD5', 'XOAUTH2', 'OAUTHBEARER'] as const;
export type ComputableMechanism = (typeof computableMechanisms)[number];

/** Mechanisms that send a bearer token (RFC 7628; Google's XOAUTH2) instead of a password. */
export function usesToken(mechanism: ComputableMechanism): mechanism is 'XOAUTH2' | 'OAUTHBEARER' {
	return mechanism === 'XOAUTH2' || mechanism === 'OAUTHBEARER';
}

/** Mechanisms whose responses carry a secret anyone on the path can reuse (a password or a bearer token). */
export const reusableSecretMechanisms: readonly string[] = ['PLAIN', 'LOGIN', 'XOAUTH2', 'OAUTHBEARER'];

/** RFC 4616 2: [authzid] NUL authcid NUL passwd. */
export function plainResponse({user, password, authzid = ''}: Credentials): string {
	return toBase64(`${authzid}\u0000${user}\u0000${password}`);
}

/** LOGIN sends the user name, then the password, each answering a 334 (draft-murchison-sasl-login). */
export function loginResponses({user, password}: Credentials): [string, string] {
	return [toBase64(user), toBase64(password)];
}

/**
RFC 2195 2: the user name, a space, and the lowercase hex HMAC-MD5 of the server's
challenge keyed with the password. Undefined when the challenge is not base64.
*/
export function cramMd5Response(challengeBase64: string, {user, password}: Credentials): string | undefined {
	const challenge = fromBase64(challengeBase64);
	if (!challenge) return undefined;
	const digest = createHmac('md5', password).update(challenge).digest('hex');
	return toBase64(`${user} ${digest}`);
}

/** Google's and Microsoft's XOAUTH2 initial response: user, bearer token, two ^A separators. */
export function xoauth2Response(user: string, token: string): string {
	return toBase64(`user=${user}\u0001auth=Bearer ${token}\u0001\u0001`);
}

/** RFC 7628 3.1: a GS2 header naming the user, then host, port and the bearer token. */
export function oauthBearerResponse(user: string, token: string, host?: string, port?: number): string {
	// RFC 5801 4: "," and "=" in the authzid are written =2C and =3D.
	const authzid = user.replaceAll('=', '=3D').replaceAll(',', '=2C');
	const hostPart = host ? `host=${host}\u0001` : '';
	const portPart = port ? `port=${port}\u0001` : '';
	return toBase64(`n,a=${authzid},\u0001${hostPart}${portPart}auth=Bearer ${token}\u0001\u0001`);
}

/** A 334 challenge decoded for display. `ok` is false when the text is not base64. */
export function decodeChallenge(text: string): {ok: boolean; text: string} {
	const trimmed = text.trim();
	if (trimmed === '') return {ok: true, text: ''};
	const bytes = fromBase64(trimmed);
	return bytes ? {ok: true, text: decodeLenient(bytes)} : {ok: false, text: trimmed};
}

/**
The user name carried by an initial response or the first LOGIN response, so the screen
can say who is authenticating without showing the secret. Undefined when it cannot be read.
*/
export function identityOf(mechanism: string, responseBase64: string, step = 0): string | undefined {
	const bytes = fromBase64(responseBase64);
	if (!bytes) return undefined;
	const text = decodeLenient(bytes);
	switch (mechanism.toUpperCase()) {
		case 'PLAIN': {
			const parts = text.split('\u0000');
			return parts.length === 3 ? parts[1] : undefined;
		}

		case 'LOGIN': {
			return step === 0 ? text : undefined;
		}

		case 'XOAUTH2': {
			return /^user=([^\u0001]*)\u0001/.exec(text)?.[1];
		}

		case 'OAUTHBEARER': {
			const authzid = /^[ny],a=([^,]*),/.exec(text)?.[1];
			return authzid?.replaceAll('=2C', ',').replaceAll('=3D', '=');
		}

		case 'CRAM-MD5': {
			return text.split(' ')[0];
		}

		default: {
			return undefined;
		}
	}
}

/** How a redacted secret is shown. */
export const redactedMark = '<redacted>';

/** `AUTH PLAIN dGVzd...` becomes `AUTH PLAIN <redacted>`: the mechanism stays visible (RFC 4954 4). */
export function redactAuthCommand(line: string): string {
	const match = /^(\s*\S+\s+\S+)(\s+\S.*)?$/.exec(line);
	if (!match) return line;
	return match[2] ? `${match[1]} ${redactedMark}` : match[1]!;
}

/** A SASL response line: secret, except the `*` that cancels the exchange (RFC 4954 4). */
export function redactSaslResponse(line: string): string {
	return line.trim() === '*' ? '*' : redactedMark;
}
