import type {ReplyCodeEntry} from './types.js';

/**
The basic three-digit reply codes: every code RFC 5321 4.2 lists, plus the ones added by
AUTH (RFC 4954), STARTTLS (RFC 3207), ETRN (RFC 1985), ODMR (RFC 2645), CHECKPOINT
(RFC 1845) and RFC 7504, and the codes that only the enhanced status code registry
(RFC 5248) names as basic codes (422, 430, 523, 524, 525, 533). One entry per code;
when several documents use a code, the entry cites the main one and names the others.
*/
export const replyCodes: ReplyCodeEntry[] = [
	{
		kind: 'reply',
		code: 211,
		summary: 'System status or system help reply',
		description:
			'211 carries status information about the server, usually in answer to HELP. The text is meant for a human and its content is entirely up to the server; nothing in it is machine-readable. Seeing it means the command worked.',
		causes: ['HELP was sent and the server answers with status instead of help text', 'A vendor status command was used'],
		tryNext: ['Read the text; no action is needed', 'Use HELP with a command name for details on that command'],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['HELP'],
	},
	{
		kind: 'reply',
		code: 214,
		summary: 'Help message for a human reader',
		description:
			'214 is the normal answer to HELP: free text explaining how to use the server or a particular command. Each server writes its own text, often a list of commands or a link to documentation, so do not parse it. It tells you nothing about which extensions are enabled; the EHLO reply is the place for that.',
		causes: ['HELP was sent', 'HELP was sent with the name of a command'],
		tryNext: ['Read the text', 'Send EHLO to see the extensions that are actually offered'],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['HELP'],
	},
	{
		kind: 'reply',
		code: 220,
		summary: 'Service ready (greeting banner, or go ahead with TLS)',
		description:
			'220 appears in two places. As the first line after the connection opens, it is the greeting banner: the server names itself and is ready for EHLO. After STARTTLS it means "start the TLS handshake now" (RFC 3207 4), and Postfix also answers a successful XCLIENT with a new 220 greeting. Some servers wait a few seconds before the banner on purpose and drop clients that talk first, so always wait for it.',
		causes: ['A new connection was accepted', 'STARTTLS was accepted', 'XCLIENT succeeded and the session restarted'],
		tryNext: [
			'Send EHLO with your host name',
			'After STARTTLS: start the TLS handshake, then send EHLO again',
			'Wait for the banner before sending anything',
		],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['STARTTLS', 'XCLIENT'],
	},
	{
		kind: 'reply',
		code: 221,
		summary: 'Service closing the connection',
		description:
			'221 is the server saying goodbye: it is about to close the connection, normally because the client sent QUIT. Any transaction that had not received its final 250 is lost. After 221 nothing more can be sent on this connection.',
		causes: ['QUIT was sent', 'The server ends the session in an orderly way'],
		tryNext: ['Close the connection on your side', 'Open a new connection to send more mail'],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['QUIT'],
	},
	{
		kind: 'reply',
		code: 235,
		summary: 'Authentication succeeded',
		description:
			'235 ends a successful AUTH exchange, usually with enhanced code 2.7.0. From now on the server treats the session as belonging to the authenticated user, which typically allows relaying to any domain and may limit the sender addresses you can use in MAIL FROM. A second AUTH in the same session is refused with 503.',
		causes: ['The credentials or token sent during AUTH were accepted'],
		tryNext: ['Continue with MAIL FROM', 'Use a sender address the account is allowed to send as'],
		rfc: {rfc: 4954, section: '6'},
		typicalAfter: ['AUTH'],
	},
	{
		kind: 'reply',
		code: 250,
		summary: 'Requested action completed',
		description:
			'250 is the general "OK". After EHLO it comes as a multi-line reply listing the extensions; after MAIL or RCPT it means that address was accepted; after the final dot of DATA, or after BDAT LAST, it means the server has taken responsibility for delivering the message, often quoting a queue ID worth noting for log searches. In ETRN (RFC 1985) it means a queue run for the node was started. The enhanced code, when present, narrows the meaning (2.1.0 sender ok, 2.1.5 recipient ok, 2.0.0 queued).',
		causes: ['The command succeeded'],
		tryNext: [
			'Go on with the next step of the transaction',
			'Note the queue ID after DATA for tracing in logs',
		],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['EHLO', 'HELO', 'MAIL', 'RCPT', 'DATA', 'BDAT', 'RSET', 'NOOP', 'VRFY', 'ETRN', 'XFORWARD'],
	},
	{
		kind: 'reply',
		code: 251,
		summary: 'User not local; the server will forward the mail',
		description:
			'251 accepts a recipient that the server does not host itself and says it will forward the message to another address given in the reply text. RFC 5321 3.4 discusses it: it is legal but rarely used today, as most servers simply answer 250 and forward silently. ETRN gives 251 a different meaning (RFC 1985): no messages are waiting for that node.',
		causes: ['The recipient has moved and the server forwards for it', 'ETRN was sent for a node with an empty queue'],
		tryNext: ['Treat it as success and continue', 'Update your records to the new address if the text gives one'],
		rfc: {rfc: 5321, section: '3.4'},
		typicalAfter: ['RCPT', 'VRFY', 'ETRN'],
	},
	{
		kind: 'reply',
		code: 252,
		summary: 'Cannot verify the user, but will try to deliver',
		description:
			'252 is the usual answer to VRFY on servers that will not reveal which mailboxes exist. It says neither yes nor no about the address: only that a message to it would be accepted and tried. In ETRN (RFC 1985) it means pending messages were found and a delivery run has started.',
		causes: ['VRFY or EXPN is disabled for privacy', 'The address is not local so the server cannot check it', 'ETRN found pending mail'],
		tryNext: [
			'Do not read it as proof the mailbox exists',
			'Test with MAIL FROM, RCPT TO and then RSET instead',
		],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['VRFY', 'EXPN', 'ETRN'],
	},
	{
		kind: 'reply',
		code: 253,
		summary: 'ETRN: queue run started for a number of messages',
		description:
			'253 is specific to ETRN (RFC 1985). It says the server has found pending messages for the requested node, gives their count in the text, and has started delivering them. The mail is sent on separate connections to the node\'s MX hosts, not over the current session.',
		causes: ['ETRN was sent for a node with queued mail'],
		tryNext: ['Make sure the destination mail server is reachable so the run succeeds', 'Send QUIT; delivery continues without you'],
		rfc: {rfc: 1985},
		typicalAfter: ['ETRN'],
	},
	{
		kind: 'reply',
		code: 334,
		summary: 'AUTH challenge: send the next base64 response',
		description:
			'334 is the server\'s turn in an AUTH exchange (RFC 4954 4). The text after the code is a base64 string holding the SASL challenge, and it may be empty. The client answers with one line of base64, or with "*" to cancel. With LOGIN the challenges decode to "Username:" and "Password:"; with PLAIN an empty 334 simply asks for the credentials that were not sent as an initial response; with XOAUTH2 and OAUTHBEARER a 334 after the token carries a base64 JSON error, which the client acknowledges (an empty line for XOAUTH2, base64 of a single 0x01 byte for OAUTHBEARER) before the final failure reply.',
		causes: ['AUTH was sent without an initial response', 'The mechanism needs another round', 'A token was rejected and the server sends error details'],
		tryNext: [
			'Decode the challenge from base64 to see what is asked',
			'Answer with one base64 line',
			'Send * to cancel the exchange',
		],
		rfc: {rfc: 4954, section: '4'},
		typicalAfter: ['AUTH'],
	},
	{
		kind: 'reply',
		code: 354,
		summary: 'Start sending the message; end with a line holding "."',
		description:
			'354 is the go-ahead after DATA: the server now reads the message rather than commands. Send the headers, an empty line and the body, with every line ending in CRLF, add an extra dot before any line that starts with a dot, and finish with a line containing only a dot. The real verdict on the message comes in the reply after that final dot.',
		causes: ['DATA was sent after at least one recipient was accepted'],
		tryNext: [
			'Send the message with CRLF line endings',
			'Double any leading dot in a line',
			'End with CRLF.CRLF and wait for the final reply',
		],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['DATA'],
	},
	{
		kind: 'reply',
		code: 355,
		summary: 'Checkpoint: the server already holds part of this message',
		description:
			'355 belongs to the CHECKPOINT extension (RFC 1845), which lets a client resume a large transfer that was cut off. When the client starts a transaction again with the same TRANSID= parameter, the server answers 355 with the octet offset up to which it already has the message, and the client continues from there instead of starting over. The extension is practically unused today, so meeting 355 is rare.',
		causes: ['MAIL FROM with a TRANSID= of an earlier, interrupted transfer', 'A server that implements RFC 1845 checkpoint/restart'],
		tryNext: ['Send the rest of the message from the offset the server gives', 'Start a new transaction without TRANSID= to send it all again'],
		rfc: {rfc: 1845},
		typicalAfter: ['MAIL'],
	},
	{
		kind: 'reply',
		code: 421,
		summary: 'Service not available; the server is closing the connection',
		description:
			'421 is a temporary failure after which the server closes the connection, and it can come in answer to any command or instead of the greeting. Typical reasons are overload, a restart, too many connections from your address, rate limiting, or an idle timeout. Since it is a 4xx code, well-behaved clients keep the message and retry later; the enhanced code and text (such as 4.7.0 with a rate-limit note) usually hint at the reason.',
		causes: [
			'Too many connections or messages from your IP (rate limiting)',
			'Server shutting down, restarting or overloaded',
			'The session was idle for too long',
			'Temporary block by reputation or greylisting at connect time',
		],
		tryNext: [
			'Wait and reconnect later; do not retry in a tight loop',
			'Reduce parallel connections and sending rate',
			'Read the text for a reason or a URL explaining the limit',
		],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['EHLO', 'MAIL', 'RCPT', 'DATA', 'STARTTLS'],
	},
	{
		kind: 'reply',
		code: 422,
		summary: 'Password transition needed (registry variant of 432)',
		description:
			'No RFC defines 422 on its own: the enhanced status code registry (RFC 5248) lists it next to 432 as a basic code for X.7.12, "a password transition is needed". It means the account exists and the mechanism is fine, but the user must first set a new password, often through a plain-password mechanism over TLS, before other mechanisms will work. Some servers also use 422 loosely for a full mailbox; read the text and the enhanced code to tell which.',
		causes: ['The password expired or must be changed before this mechanism can be used', 'The server keeps no hash for this mechanism yet (4.7.12)'],
		tryNext: ['Log in once with PLAIN over TLS, or change the password as the provider asks', 'For 4.7.12, try AUTH PLAIN after STARTTLS, then the stronger mechanism', 'Read the reply text: some servers mean something else by 422'],
		rfc: {rfc: 5248},
		typicalAfter: ['AUTH', 'RCPT'],
	},
	{
		kind: 'reply',
		code: 430,
		summary: 'Temporary failure listed by the registry (unusual code)',
		description:
			'430 has no definition of its own in any RFC: it appears only in the enhanced status code registry (RFC 5248) as one of the basic codes that can carry X.5.1, "invalid command". In practice a few servers send 430 for a temporary refusal, for example a login that is briefly locked or a command they cannot process right now. As a 4xx it is transient: the same command may work later.',
		causes: ['A server-specific temporary refusal', 'A command the server cannot process at the moment (4.5.1)'],
		tryNext: ['Read the reply text and the enhanced code: they are the only real clue', 'Retry later', 'Check the server\'s documentation for what it means by 430'],
		rfc: {rfc: 5248},
		typicalAfter: ['AUTH', 'MAIL'],
	},
	{
		kind: 'reply',
		code: 432,
		summary: 'A password transition is needed',
		description:
			'432 answers AUTH (RFC 4954 6, enhanced code 4.7.12) when the account must first switch to the requested mechanism, usually because the server does not yet hold the kind of password data that mechanism needs. A single login with PLAIN over TLS typically lets the server create it. It is rare in practice.',
		causes: ['The account has no stored secret suitable for the chosen mechanism', 'A password change is pending on the account'],
		tryNext: [
			'Log in once with PLAIN over TLS, then retry the mechanism',
			'Contact the server administrator if it persists',
		],
		rfc: {rfc: 4954, section: '6'},
		typicalAfter: ['AUTH'],
	},
	{
		kind: 'reply',
		code: 450,
		summary: 'Mailbox temporarily unavailable; try again later',
		description:
			'450 refuses the action for now without making it final. The mailbox may be busy or locked, or the server may be deferring you on purpose: greylisting returns 450 (or 451) to unknown senders and accepts the same message when it is retried a few minutes later. A proper MTA keeps the message in its queue and retries; only a client that gives up immediately loses mail.',
		causes: [
			'Greylisting of an unknown sender and client combination',
			'The mailbox is locked or busy',
			'A temporary DNS failure when checking the sender or client',
			'A temporary policy block',
		],
		tryNext: [
			'Retry the same message after a few minutes',
			'Check the enhanced code and text for greylisting or DNS hints',
			'Make sure your host has working reverse DNS',
		],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['RCPT', 'MAIL', 'DATA'],
	},
	{
		kind: 'reply',
		code: 451,
		summary: 'Action aborted: local error in processing',
		description:
			'451 says something went wrong on the server side and the command was not carried out, but a later retry may work. Common sources are a failed lookup in a database or DNS, a content filter or milter that is down, a full queue disk, or greylisting on servers that use 451 instead of 450. It is never the client\'s fault in the strict sense, though its text often reveals a server misconfiguration worth reporting.',
		causes: [
			'A database, DNS or policy lookup failed temporarily',
			'A content filter or milter is unreachable',
			'Greylisting on servers that use 451 for it',
		],
		tryNext: [
			'Retry later; your MTA should queue and retry on its own',
			'If it persists, report the exact text to the server\'s postmaster',
		],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['MAIL', 'RCPT', 'DATA', 'BDAT'],
	},
	{
		kind: 'reply',
		code: 452,
		summary: 'Insufficient system storage, or too many recipients',
		description:
			'452 is a temporary refusal for lack of resources. After MAIL it usually means the server\'s disk or queue is full for now, or the SIZE you declared does not fit at the moment. After RCPT it is also the correct answer when a per-message recipient limit is hit (RFC 5321 4.5.3.1.10): the recipients accepted so far are fine, and the rest should go in a further transaction.',
		causes: [
			'The server\'s queue or disk is temporarily full',
			'Too many RCPT commands in one transaction',
			'The mailbox is over quota with a temporary policy (4.2.2)',
		],
		tryNext: [
			'After RCPT: send DATA for the accepted recipients, then start a new transaction for the rest',
			'Retry later for storage problems',
			'Lower the number of recipients per message',
		],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['RCPT', 'MAIL', 'DATA', 'BDAT'],
	},
	{
		kind: 'reply',
		code: 453,
		summary: 'ODMR: you have no mail waiting',
		description:
			'453 is the On-Demand Mail Relay answer to ATRN (RFC 2645) when the provider holds no mail for the domains you asked for. It is not an error in the login or the command: the queue is simply empty, so the roles are not reversed and the session stays as it was. The enhanced status code registry also lists 453 with X.3.2, "system not accepting network messages".',
		causes: ['ATRN for domains whose queue on the provider is empty', 'Mail for those domains was already collected by another session'],
		tryNext: ['Nothing to collect: send QUIT, or try ATRN again later', 'Check that ATRN named the right domains for this login'],
		rfc: {rfc: 2645},
		typicalAfter: ['ATRN'],
	},
	{
		kind: 'reply',
		code: 454,
		summary: 'TLS not available now, or temporary authentication failure',
		description:
			'454 has two users. In answer to STARTTLS (RFC 3207 4) it means the server cannot start TLS right now, for example because its certificate or key cannot be loaded. In answer to AUTH (RFC 4954 6, enhanced code 4.7.0) it means the login failed for a temporary reason on the server side, such as an unreachable authentication backend, not because of your password. In both cases retrying later is reasonable.',
		causes: [
			'STARTTLS: certificate, key or TLS library problem on the server',
			'AUTH: the password database, LDAP or SASL daemon is unreachable',
			'Server resource limits',
		],
		tryNext: [
			'Retry later',
			'Do not fall back to sending credentials without TLS',
			'Report it to the server administrator if it persists',
		],
		rfc: {rfc: 3207, section: '4'},
		typicalAfter: ['STARTTLS', 'AUTH'],
	},
	{
		kind: 'reply',
		code: 455,
		summary: 'Server unable to accommodate the parameters for now',
		description:
			'455 means the server understood the parameters you added to MAIL or RCPT (such as SIZE= or a DSN option) but cannot honour them at this moment. It is the temporary counterpart of 555. It was added in RFC 5321 and is uncommon.',
		causes: ['A parameter asks for something the server cannot provide right now'],
		tryNext: ['Retry later', 'Retry without the optional parameter if it is not essential'],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['MAIL', 'RCPT'],
	},
	{
		kind: 'reply',
		code: 458,
		summary: 'ETRN: unable to queue messages for the node',
		description:
			'458 is an ETRN reply (RFC 1985): the server accepted the request in principle but could not start a queue run for that node just now. It is temporary.',
		causes: ['The queue manager is busy or unavailable', 'A delivery run for the node could not be started'],
		tryNext: ['Retry ETRN later', 'Check the server\'s queue manager if you run it'],
		rfc: {rfc: 1985},
		typicalAfter: ['ETRN'],
	},
	{
		kind: 'reply',
		code: 459,
		summary: 'ETRN: node not allowed',
		description:
			'459 is an ETRN reply (RFC 1985): the server refuses to run the queue for the node you named, and the text gives the reason. Usually the domain is not one the server keeps mail for, or your client is not permitted to trigger the run. Despite its 4xx class, repeating the same request rarely helps.',
		causes: ['The domain is not configured for ETRN on this server', 'Your client is not allowed to use ETRN'],
		tryNext: ['Check the node name and the "@" or "#" prefix', 'Ask the server administrator to enable ETRN for the domain'],
		rfc: {rfc: 1985},
		typicalAfter: ['ETRN'],
	},
	{
		kind: 'reply',
		code: 500,
		summary: 'Syntax error: command unrecognized or line too long',
		description:
			'500 means the server could not make sense of the line at all: the command word is unknown, misspelled, or the line is longer than the server accepts. It also shows up when message text is sent as commands, for example because DATA was refused or a BDAT size was wrong. During AUTH, RFC 4954 uses 500 with enhanced code 5.5.6 for an authentication line that is too long.',
		causes: [
			'Unknown or misspelled command',
			'Line too long',
			'Message content sent while the server expected commands',
			'Talking SMTP to a port that speaks another protocol, or plain text to a TLS port',
		],
		tryNext: [
			'Check the spelling of the command',
			'Check which commands the EHLO reply advertises',
			'Make sure you are on the right port (25, 587, or 465 with implicit TLS)',
		],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['EHLO', 'AUTH', 'BDAT', 'LHLO'],
	},
	{
		kind: 'reply',
		code: 501,
		summary: 'Syntax error in parameters or arguments',
		description:
			'501 means the command word was understood but its argument was not. Frequent examples are an address without angle brackets, a space after "FROM:", an EHLO without a name, or an invalid base64 line during AUTH. RFC 4954 also uses 501 to confirm that an AUTH exchange was cancelled with "*", and RFC 3207 for STARTTLS sent with an argument.',
		causes: [
			'Missing angle brackets, e.g. MAIL FROM:alice@example.com',
			'Malformed address or host name',
			'Bad base64 during AUTH, or the exchange was cancelled with *',
			'An argument given to a command that takes none',
		],
		tryNext: [
			'Write addresses as <user@example.com> with no space after the colon',
			'Compare the command with its syntax line',
			'Re-encode the AUTH response in base64',
		],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['MAIL', 'RCPT', 'EHLO', 'HELO', 'AUTH', 'STARTTLS'],
	},
	{
		kind: 'reply',
		code: 502,
		summary: 'Command not implemented',
		description:
			'502 says the server knows of the command but does not offer it, either because it was never implemented or because it was turned off. It is the normal answer to VRFY and EXPN on many servers, and to EHLO on very old HELO-only servers (RFC 5321 4.2.4 explains when to prefer 502 over 500). Retrying will not help.',
		causes: ['VRFY or EXPN disabled by policy', 'An extension command the server does not support', 'EHLO sent to a server that only speaks basic SMTP'],
		tryNext: ['Use only commands listed in the EHLO reply', 'Fall back to HELO if EHLO got 502'],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['VRFY', 'EXPN', 'HELP', 'EHLO', 'ETRN'],
	},
	{
		kind: 'reply',
		code: 503,
		summary: 'Bad sequence of commands',
		description:
			'503 means the command is fine in itself but not allowed at this point in the session. Classic cases are MAIL before EHLO, a second MAIL without RSET, RCPT before MAIL, DATA with no accepted recipient, AUTH after you are already authenticated or during a transaction (RFC 4954), and mixing DATA with BDAT. Some servers also use it for "authenticate first". Look at which step was skipped or repeated.',
		causes: [
			'MAIL before EHLO or HELO',
			'MAIL while a transaction is already open',
			'RCPT before MAIL, or DATA with no accepted recipient',
			'AUTH repeated or sent during a transaction',
			'XCLIENT or XFORWARD sent inside a transaction',
		],
		tryNext: [
			'Send RSET and restart the transaction in order: MAIL, RCPT, DATA',
			'Send EHLO first if you have not',
			'Check that at least one RCPT got 250 before DATA',
		],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['MAIL', 'RCPT', 'DATA', 'AUTH', 'BDAT'],
	},
	{
		kind: 'reply',
		code: 504,
		summary: 'Command parameter not implemented',
		description:
			'504 says the command is supported but the particular parameter or option you gave is not. With AUTH (RFC 4954 4) it means the server does not support that SASL mechanism, so pick one from the list after AUTH in the EHLO reply. With HELP it can mean the server has no help on the topic.',
		causes: ['AUTH with a mechanism the server does not offer', 'A command option the server does not support'],
		tryNext: ['Use a mechanism listed in the EHLO AUTH line', 'Drop the unsupported option'],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['AUTH', 'HELP', 'VRFY', 'EXPN'],
	},
	{
		kind: 'reply',
		code: 521,
		summary: 'Host does not accept mail at all',
		description:
			'521 (RFC 7504) is sent instead of the 220 greeting, or in answer to commands, by a host that never accepts mail, for example a web server that answers on port 25 only to say so. It is permanent and applies to every message, not to one sender or recipient. The usual reason you reach such a host is a wrong MX record or a domain that declares itself mail-free.',
		causes: ['The host is configured to refuse all mail', 'An MX or A record points mail to a machine that is not a mail server'],
		tryNext: [
			'Check the MX records of the recipient domain',
			'Contact the domain owner by another channel',
			'Stop retrying: the failure is permanent',
		],
		rfc: {rfc: 7504},
		typicalAfter: ['EHLO', 'HELO', 'MAIL'],
	},
	{
		kind: 'reply',
		code: 523,
		summary: 'Encryption needed (registry code for 5.7.10)',
		description:
			'523 is not defined by an RFC of its own: the enhanced status code registry (RFC 5248) lists it as the basic code that goes with X.7.10, "encryption needed". The server refuses to go on over this connection because it is not encrypted, often for AUTH or for mail from a particular sender. Most servers say the same with 530 5.7.0 ("must issue STARTTLS first").',
		causes: ['The session is in plaintext and the server requires TLS for this command', 'A policy demanding TLS for this sender or domain'],
		tryNext: ['Send STARTTLS, then EHLO again, then retry', 'Connect to port 465 with implicit TLS (--tls)'],
		rfc: {rfc: 5248},
		typicalAfter: ['AUTH', 'MAIL'],
	},
	{
		kind: 'reply',
		code: 524,
		summary: 'Encryption required for this mechanism (registry variant of 538)',
		description:
			'524 appears only in the enhanced status code registry (RFC 5248), next to 538, as a basic code for X.7.11: "encryption required for the requested authentication mechanism". The server will accept this SASL mechanism, typically PLAIN or LOGIN, only inside TLS, because it would otherwise expose the password. RFC 4954 itself uses 538 for this.',
		causes: ['AUTH PLAIN or LOGIN sent over a plaintext connection'],
		tryNext: ['Send STARTTLS and EHLO, then AUTH again', 'Use implicit TLS on port 465'],
		rfc: {rfc: 5248},
		typicalAfter: ['AUTH'],
	},
	{
		kind: 'reply',
		code: 525,
		summary: 'User account disabled (5.7.13)',
		description:
			'525 comes from the enhanced status code registry (RFC 5248), where it is the basic code for X.7.13, "user account disabled". The credentials may be right, but the account has been locked or switched off by an administrator, so logging in again will not help until someone enables it.',
		causes: ['The account was disabled or suspended by the provider', 'Too many failed logins locked the account'],
		tryNext: ['Contact the provider or administrator to enable the account', 'Do not retry in a loop: it can extend a lock'],
		rfc: {rfc: 5248},
		typicalAfter: ['AUTH'],
	},
	{
		kind: 'reply',
		code: 530,
		summary: 'Authentication required (or STARTTLS required first)',
		description:
			'530 (RFC 4954 6, enhanced code 5.7.0) says server policy requires you to log in before doing this, typically before MAIL on a submission port. RFC 3207 uses the same code with the text "Must issue a STARTTLS command first" when the server insists on TLS before anything else. The text and enhanced code tell which of the two is wanted.',
		causes: [
			'Sending mail on port 587 without AUTH',
			'The server requires TLS before any transaction',
			'AUTH was not advertised because TLS is not active yet',
		],
		tryNext: [
			'Send STARTTLS, then EHLO again, then AUTH',
			'Authenticate with AUTH before MAIL FROM',
			'Read the text: it says whether a login or TLS is wanted',
		],
		rfc: {rfc: 4954, section: '6'},
		typicalAfter: ['MAIL', 'RCPT', 'VRFY'],
	},
	{
		kind: 'reply',
		code: 533,
		summary: 'Not authorized (registry code with 5.7.1)',
		description:
			'533 has no text of its own in an RFC: the enhanced status code registry (RFC 5248) lists it among the basic codes that can carry X.7.1, "delivery not authorized, message refused". When you meet it, read it like 550 5.7.1: a policy refused the command, for example relaying without AUTH or a sender the server does not accept.',
		causes: ['Relaying without AUTH', 'A sender or client address the server\'s policy refuses'],
		tryNext: ['Authenticate first (STARTTLS, then AUTH)', 'Read the reply text for the policy that refused it'],
		rfc: {rfc: 5248},
		typicalAfter: ['RCPT', 'MAIL'],
	},
	{
		kind: 'reply',
		code: 534,
		summary: 'Authentication mechanism is too weak',
		description:
			'534 (RFC 4954 6, enhanced code 5.7.9) answers AUTH when server policy does not let this user log in with the chosen mechanism, for example PLAIN or LOGIN on an unencrypted connection or a legacy mechanism the account has been moved away from. Some providers also send it when an account requires an app password or OAuth instead of the normal password.',
		causes: [
			'A plain-text mechanism on a connection without TLS',
			'The account requires a stronger mechanism or OAuth',
			'The provider blocks password logins for this account',
		],
		tryNext: [
			'Use STARTTLS first, or implicit TLS on port 465',
			'Pick a stronger mechanism from the EHLO AUTH list',
			'Use an app password or OAuth token as the provider asks',
		],
		rfc: {rfc: 4954, section: '6'},
		typicalAfter: ['AUTH'],
	},
	{
		kind: 'reply',
		code: 535,
		summary: 'Authentication credentials invalid',
		description:
			'535 (RFC 4954 6, enhanced code 5.7.8) means the login was refused: the user name, password or token did not check out. Check the exact user name form the server wants (full address or local part), the password, and the base64 encoding of what you sent. Large providers also return 535 when password logins are disabled and an app password or OAuth is required, and repeated failures may get your address blocked.',
		causes: [
			'Wrong user name or password',
			'User name in the wrong form (full address versus local part)',
			'Expired or wrong-scope OAuth token',
			'Provider requires an app password or OAuth',
			'Mistakes in base64 encoding, e.g. a trailing newline encoded',
		],
		tryNext: [
			'Decode what you sent and compare it with the real credentials',
			'Try the full e-mail address as user name',
			'Refresh the OAuth token or create an app password',
			'Wait before retrying to avoid lockouts',
		],
		rfc: {rfc: 4954, section: '6'},
		typicalAfter: ['AUTH'],
	},
	{
		kind: 'reply',
		code: 538,
		summary: 'Encryption required for this authentication mechanism',
		description:
			'538 (RFC 4954 6, enhanced code 5.7.11) answers AUTH when the chosen mechanism may only be used over an encrypted connection, which is the normal rule for PLAIN and LOGIN. Start TLS first and repeat EHLO and AUTH.',
		causes: ['PLAIN, LOGIN or another plain-text mechanism used without TLS'],
		tryNext: ['Send STARTTLS, then EHLO, then AUTH again', 'Connect to port 465 with implicit TLS'],
		rfc: {rfc: 4954, section: '6'},
		typicalAfter: ['AUTH'],
	},
	{
		kind: 'reply',
		code: 550,
		summary: 'Action not taken: mailbox unavailable or rejected by policy',
		description:
			'550 is the most common permanent refusal and covers very different problems, so always read the enhanced code and text that follow it. After RCPT it usually means the mailbox does not exist (5.1.1) or that the server will not relay to that domain for you (5.7.1). After MAIL or DATA it more often reflects policy: sender reputation, SPF or DMARC failures (5.7.23, 5.7.26), a blocklisted IP, or content judged as spam (5.7.1). Being permanent, it must not be retried unchanged; the message should be bounced or the cause fixed.',
		causes: [
			'The mailbox does not exist (enhanced code 5.1.1)',
			'Relaying denied: you are not authenticated or the domain is not hosted here (5.7.1)',
			'Policy or spam rejection, blocklisted IP or content filter (5.7.1)',
			'Sender authentication failed: SPF (5.7.23), or several checks such as DMARC (5.7.26)',
			'Mailbox disabled or access denied',
		],
		tryNext: [
			'Check the enhanced code: 5.1.1 means the mailbox does not exist',
			'For 5.7.1 on RCPT: authenticate with AUTH before relaying to outside domains',
			'For policy rejections: check your IP against blocklists and your SPF, DKIM and DMARC records',
			'Verify the recipient address for typos',
			'Follow any URL in the reply text; it often explains the block',
		],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['RCPT', 'MAIL', 'DATA', 'EHLO', 'VRFY'],
	},
	{
		kind: 'reply',
		code: 551,
		summary: 'User not local; try the given forward-path',
		description:
			'551 refuses a recipient that is not hosted here and, per RFC 5321 3.4, may name in its text the address where the user can now be reached. The server will not forward the message itself. It is rare in practice, and many servers say 550 instead; some return 551 for relaying refusals.',
		causes: ['The user has moved and the server does not forward', 'Relay refused on servers that use 551 for it'],
		tryNext: ['Resend to the address given in the reply text, if any', 'Ask the recipient for their current address'],
		rfc: {rfc: 5321, section: '3.4'},
		typicalAfter: ['RCPT', 'VRFY'],
	},
	{
		kind: 'reply',
		code: 552,
		summary: 'Exceeded storage allocation (message too big or mailbox full)',
		description:
			'552 permanently refuses because of size: the message is larger than the server accepts (5.3.4), often already at MAIL when you declared SIZE=, or the recipient\'s mailbox is over quota (5.2.2). Old servers also used 552 for "too many recipients"; RFC 5321 4.5.3.1.10 says clients should treat that case as temporary, like 452.',
		causes: [
			'Message larger than the server\'s size limit (5.3.4)',
			'Recipient mailbox full (5.2.2)',
			'Legacy "too many recipients" reply',
		],
		tryNext: [
			'Compare the message size with the SIZE value in the EHLO reply',
			'Send large files by link instead of attachment',
			'For a full mailbox, contact the recipient another way',
		],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['DATA', 'BDAT', 'MAIL', 'RCPT'],
	},
	{
		kind: 'reply',
		code: 553,
		summary: 'Mailbox name not allowed (bad address or sender not permitted)',
		description:
			'553 refuses an address because of its form or because you may not use it. Syntax problems such as a missing domain, bad characters or non-ASCII without SMTPUTF8 give 5.1.3 or 5.1.7. Submission servers also return 553 when the envelope sender is not owned by the authenticated user, and VRFY uses it for an ambiguous name.',
		causes: [
			'Malformed address syntax',
			'Sender address not allowed for the logged-in account',
			'Non-ASCII address without SMTPUTF8 support',
			'Ambiguous user name in VRFY',
		],
		tryNext: [
			'Check the address for typos and a full domain',
			'Use a MAIL FROM address that belongs to your account',
			'Check for SMTPUTF8 in the EHLO reply before using non-ASCII addresses',
		],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['MAIL', 'RCPT', 'VRFY'],
	},
	{
		kind: 'reply',
		code: 554,
		summary: 'Transaction failed (or no SMTP service here)',
		description:
			'554 is a permanent failure for the transaction as a whole. In place of the greeting it means the server will not talk to you at all, often because your IP is on a blocklist. After the final dot it usually means the message content was rejected by a spam or virus filter, and after DATA with no valid recipient it is the "no valid recipients" answer. Postfix also sends 554 5.7.1 for "Relay access denied" on RCPT.',
		causes: [
			'Your IP is blocklisted, refused at connection time',
			'Message rejected by a spam, virus or content filter',
			'No valid recipients when DATA was sent',
			'Relay access denied (Postfix)',
		],
		tryNext: [
			'Check your IP on public blocklists and request delisting',
			'Read the text and enhanced code (5.7.1 means policy)',
			'Authenticate before relaying',
			'Review the message for content that filters reject',
		],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['DATA', 'RCPT', 'BDAT', 'MAIL'],
	},
	{
		kind: 'reply',
		code: 555,
		summary: 'MAIL FROM or RCPT TO parameters not recognized',
		description:
			'555 (added in RFC 5321) says the server does not recognise or support a parameter you added after the address in MAIL or RCPT, such as SIZE=, BODY=, SMTPUTF8 or DSN options. The fix is to send only parameters of extensions that appear in the EHLO reply.',
		causes: ['A parameter for an extension the server did not advertise', 'A misspelled parameter name'],
		tryNext: ['Compare your parameters with the EHLO extension list', 'Resend without the unsupported parameter'],
		rfc: {rfc: 5321, section: '4.2.3'},
		typicalAfter: ['MAIL', 'RCPT'],
	},
	{
		kind: 'reply',
		code: 556,
		summary: 'Domain does not accept mail',
		description:
			'556 (RFC 7504) reports that the recipient\'s domain declares it does not receive mail at all, normally through a "null MX" record (RFC 7505), so there is nowhere to deliver. A relay sends it, usually with enhanced code 5.1.10, when it detects this for a recipient address. It is permanent.',
		causes: ['The recipient domain publishes a null MX record', 'The domain is known not to accept mail'],
		tryNext: ['Check the recipient domain for typos', 'Look up its MX records', 'Reach the recipient by another channel'],
		rfc: {rfc: 7504},
		typicalAfter: ['RCPT'],
	},
];
