import type {MechanismEntry} from './types.js';

/**
SASL mechanisms a server may list after AUTH in its EHLO reply. Every challenge and response
in an SMTP AUTH exchange is base64 on the wire (RFC 4954 4): the server sends `334 <base64>`,
the client answers with one base64 line, or `*` to cancel.
*/
export const mechanisms: MechanismEntry[] = [
	{
		kind: 'mechanism',
		name: 'PLAIN',
		summary: 'User name and password in one base64 line; use only over TLS',
		description:
			'PLAIN sends everything in a single message: an optional authorization identity, a NUL byte, the user name, another NUL byte and the password, all encoded together in base64. For user alice@example.com with password "secret" the client base64-encodes "\\0alice@example.com\\0secret" (leaving the first part empty, as almost everyone does). It can go on the command line as an initial response, AUTH PLAIN followed by the base64 string, or the client sends AUTH PLAIN alone, the server answers with an empty "334 " challenge, and the client sends the line then. The server replies 235 on success or 535 if the credentials are wrong. Base64 is an encoding, not encryption: anyone who sees the line can decode the password, so use PLAIN only after STARTTLS or on an implicit-TLS port.',
		computable: true,
		sendsReusableSecret: true,
		rfc: {rfc: 4616, section: '2'},
	},
	{
		kind: 'mechanism',
		name: 'LOGIN',
		summary: 'Username and password prompts in two 334 rounds; TLS only',
		description:
			'LOGIN is a non-standard but widely deployed mechanism, described only in an expired Internet-Draft (draft-murchison-sasl-login) and in Microsoft\'s [MS-XLOGIN]; it has no RFC of its own and is carried by the AUTH command of RFC 4954. After AUTH LOGIN the server sends "334 VXNlcm5hbWU6", which is base64 for "Username:"; the client answers with its user name in base64. The server then sends "334 UGFzc3dvcmQ6" ("Password:") and the client answers with the base64 password, after which the server replies 235 or 535. Some clients put the base64 user name on the AUTH LOGIN line to skip the first prompt. As with PLAIN, the password is only encoded, never encrypted, so LOGIN belongs behind TLS; prefer PLAIN where both are offered, since it is standardized.',
		computable: true,
		sendsReusableSecret: true,
		rfc: {rfc: 4954},
	},
	{
		kind: 'mechanism',
		name: 'CRAM-MD5',
		summary: 'Challenge-response with HMAC-MD5; dated, use is discouraged',
		description:
			'With CRAM-MD5 the password itself never crosses the wire. After AUTH CRAM-MD5 the server sends a 334 reply whose base64 text decodes to a unique challenge string such as "<12345.1700000000@mail.example.org>". The client computes HMAC-MD5 of that string with the password as key, writes the result as 32 lowercase hex digits, and sends base64 of the user name, a space and those digits; the server replies 235 or 535. Its weaknesses are serious today: the server must store the password (or an equivalent) in recoverable form, the server is not authenticated, MD5 is outdated, and a captured exchange allows an offline dictionary attack on the password. It is still found on older servers, but its use is discouraged; prefer SCRAM, or PLAIN over TLS.',
		computable: true,
		sendsReusableSecret: false,
		rfc: {rfc: 2195},
	},
	{
		kind: 'mechanism',
		name: 'XOAUTH2',
		summary: 'Google and Microsoft OAuth 2.0 bearer-token login',
		description:
			'XOAUTH2 is the OAuth 2.0 login that Google and Microsoft introduced before RFC 7628 standardized OAUTHBEARER; it has no RFC of its own and is cited here against RFC 7628, which it predates. The client first gets an access token from the provider, then builds the string "user=" + address + a 0x01 byte + "auth=Bearer " + token + two 0x01 bytes, base64-encodes it and sends it, normally as an initial response on the AUTH XOAUTH2 line. On success the server replies 235. On failure it sends a 334 whose base64 text is a JSON error (status, schemes, scope); the client must answer with an empty line, and the server then sends the final error, typically 535. The token works for anyone who captures it until it expires, so send it only over TLS.',
		computable: true,
		sendsReusableSecret: true,
		rfc: {rfc: 7628},
	},
	{
		kind: 'mechanism',
		name: 'OAUTHBEARER',
		summary: 'Standard OAuth 2.0 bearer-token login (RFC 7628)',
		description:
			'OAUTHBEARER is the standardized way to log in with an OAuth 2.0 access token. The client message starts with a GS2 header such as "n,a=alice@example.com," followed by a 0x01 byte, then key=value fields each ended by 0x01 (optionally host= and port=, and always "auth=Bearer " plus the token), with one more 0x01 at the end; the whole thing is base64-encoded and usually sent as the initial response of AUTH OAUTHBEARER. A 235 reply means the token was accepted. If not, the server sends a 334 carrying a base64 JSON error (for example status "invalid_token"), the client replies with base64 of a single 0x01 byte ("AQ=="), and the server ends with a failure code. The token is a bearer credential that anyone holding it can reuse until it expires, so TLS is required.',
		computable: true,
		sendsReusableSecret: true,
		rfc: {rfc: 7628, section: '3'},
	},
	{
		kind: 'mechanism',
		name: 'SCRAM-SHA-1',
		summary: 'Salted challenge-response with mutual proof, using SHA-1',
		description:
			'SCRAM proves knowledge of the password without sending it and lets the client check the server too. The client sends base64 of "n,,n=alice,r=" plus a random nonce. The server answers with a 334 whose base64 text holds the combined nonce (r=), the account\'s salt (s=) and an iteration count (i=). The client derives a key from the password with PBKDF2 using that salt and count, and sends "c=biws,r=<nonce>,p=<proof>" in base64 ("biws" is base64 for the "n,," header). The server replies with one more 334 carrying "v=<signature>", which shows it also knows the password; the client checks it, answers with an empty line, and gets 235. The server stores only salted keys, never the password. A captured exchange still allows an offline guessing attack, so TLS remains advisable; the -PLUS variants add channel binding to the TLS session.',
		computable: false,
		sendsReusableSecret: false,
		rfc: {rfc: 5802, section: '5'},
	},
	{
		kind: 'mechanism',
		name: 'SCRAM-SHA-256',
		summary: 'SCRAM with SHA-256; the modern choice for password login',
		description:
			'SCRAM-SHA-256 runs the same exchange as SCRAM-SHA-1 with SHA-256 in place of SHA-1: a client-first message with user name and nonce, a 334 server-first message with salt and iteration count, a client-final message with the proof, and a last 334 with the server signature that the client verifies before answering with an empty line and receiving 235. All of these travel base64-encoded. RFC 7677 asks for at least 4096 PBKDF2 iterations. It is the best password-based mechanism commonly found today; still run it over TLS, and use SCRAM-SHA-256-PLUS where offered to bind the login to the TLS channel.',
		computable: false,
		sendsReusableSecret: false,
		rfc: {rfc: 7677},
	},
	{
		kind: 'mechanism',
		name: 'EXTERNAL',
		summary: 'Log in with an identity set up outside SASL, e.g. a TLS cert',
		description:
			'EXTERNAL tells the server to use an identity it already knows from outside the SASL exchange, in SMTP almost always the client certificate presented during the TLS handshake. The client sends AUTH EXTERNAL with "=" as initial response to mean "whatever identity you already have for me", or base64 of an authorization identity to ask to act as a specific user. Without an initial response the server sends an empty "334 " and the client replies with an empty line or the base64 identity. The server answers 235 if the external identity is acceptable, or 535 if not. No secret is sent at all; the work happens in the TLS setup.',
		computable: false,
		sendsReusableSecret: false,
		rfc: {rfc: 4422, section: 'A'},
	},
	{
		kind: 'mechanism',
		name: 'GSSAPI',
		summary: 'Kerberos V5 single sign-on through GSS-API',
		description:
			'GSSAPI logs in with Kerberos V5, as in Active Directory and other enterprise setups. The client first needs a Kerberos ticket (from kinit or the desktop login) and asks the KDC for a service ticket for the "smtp" service on the server\'s host name. It sends the resulting GSS-API token in base64, usually as the initial response of AUTH GSSAPI; the server replies with 334 tokens of its own (including proof of its identity), the client answers each, and a final round agrees on a security layer before 235. Failures usually come from DNS and host-name mismatches, clock skew, or a missing service principal. No password is sent, and the tickets are bound to the Kerberos realm.',
		computable: false,
		sendsReusableSecret: false,
		rfc: {rfc: 4752},
	},
	{
		kind: 'mechanism',
		name: 'NTLM',
		summary: 'Microsoft NTLM challenge-response, mainly for Exchange',
		description:
			'NTLM is Microsoft\'s challenge-response login, specified in [MS-SMTPNTLM] rather than in an RFC; it is cited here against RFC 4954 only because it is carried by the AUTH command. It takes three binary messages, each base64-encoded: the client sends a NEGOTIATE message (after AUTH NTLM and an empty 334, or as initial response), the server replies with a 334 carrying a CHALLENGE message with a random server challenge, and the client sends an AUTHENTICATE message with a response computed from the password hash, after which the server replies 235 or 535. The password is not sent, but NTLM has well-known weaknesses, including relay attacks and crackable responses in its older versions, and Microsoft is phasing it out in favour of Kerberos and modern authentication.',
		computable: false,
		sendsReusableSecret: false,
		rfc: {rfc: 4954},
	},
	{
		kind: 'mechanism',
		name: 'DIGEST-MD5',
		summary: 'HTTP-digest-style MD5 challenge-response; obsolete',
		description:
			'DIGEST-MD5 was meant as a stronger successor to CRAM-MD5. After AUTH DIGEST-MD5 the server sends a 334 whose base64 text is a list of fields such as realm, nonce, qop and charset; the client answers in base64 with its user name, its own nonce (cnonce), a nonce count, the digest-uri (for example "smtp/mail.example.org") and an MD5-based response. The server then sends one more 334 with "rspauth=" to prove it knows the password, the client replies with an empty line, and 235 follows. The specification proved complex and interoperated poorly, and its security is weak by today\'s standards, so RFC 6331 moved it to Historic in 2011. Do not enable it on new servers; use SCRAM instead.',
		computable: false,
		sendsReusableSecret: false,
		rfc: {rfc: 2831},
		obsolete: true,
	},
];
