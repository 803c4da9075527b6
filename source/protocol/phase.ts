/**
The explicit phases of an SMTP session, as the client sees them. TLS and authentication
are not phases of their own: they are facts about the session that hold across phases
(a session can be `greeted` in plaintext or over TLS, before or after AUTH).
*/
export type Phase =
	/** No connection. */
	| 'disconnected'
	/** TCP connect (and, for implicit TLS, the handshake) under way. */
	| 'connecting'
	/** Connected; waiting for the server's 220 banner (RFC 5321 3.1). */
	| 'greeting'
	/** Banner received; no EHLO or HELO accepted yet. */
	| 'connected'
	/** EHLO or HELO accepted; no mail transaction open. */
	| 'greeted'
	/** STARTTLS got its 220; the TLS handshake is under way (RFC 3207 4). */
	| 'tls-handshake'
	/** MAIL accepted: a transaction is open, no recipient accepted yet (RFC 5321 4.1.1.2). */
	| 'mail'
	/** At least one RCPT accepted (RFC 5321 4.1.1.3). */
	| 'rcpt'
	/** DATA got 354: the message body is expected, ending with CRLF.CRLF (RFC 5321 4.1.1.4). */
	| 'data'
	/** BDAT chunks are being sent and the LAST chunk is still to come (RFC 3030 2). */
	| 'bdat'
	/** QUIT sent or 421 received; the connection is about to close. */
	| 'closing'
	/** The connection is closed. */
	| 'closed';

export const allPhases: readonly Phase[] = [
	'disconnected',
	'connecting',
	'greeting',
	'connected',
	'greeted',
	'tls-handshake',
	'mail',
	'rcpt',
	'data',
	'bdat',
	'closing',
	'closed',
];

/** Short words for a phase, for headers and sidebars. */
