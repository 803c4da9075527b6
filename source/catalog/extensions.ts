import type {ExtensionEntry} from './types.js';

/*
EHLO keywords: first the IANA "SMTP Service Extensions" registry, then keywords that
servers commonly advertise outside it (`vendor` names the product). Keywords starting
with X are local extensions by definition and can never be registered.
*/
export const extensions: ExtensionEntry[] = [
	// IANA registry
	{
		kind: 'extension',
		keyword: 'SEND',
		summary: 'Deliver to the terminal of a logged-in user (historic)',
		description:
			'Came from RFC 821: instead of a mailbox, the message went straight to the screen of the user if they were logged in. Nobody uses it any more and RFC 2821 dropped it. A server listing it today is very old or unusual.',
		parameters: '',
		commands: ['SEND'],
		mailParams: [],
		rcptParams: [],
		rfc: {rfc: 821, section: '3.4'},
		obsolete: true,
	},
	{
		kind: 'extension',
		keyword: 'SOML',
		summary: 'Send to the terminal, or else to the mailbox (historic)',
		description:
			'An RFC 821 variant of SEND: show the message on the terminal of the user if they are logged in, otherwise deliver it as mail. Dropped by RFC 2821 and no longer in use.',
		parameters: '',
		commands: ['SOML'],
		mailParams: [],
		rcptParams: [],
		rfc: {rfc: 821, section: '3.4'},
		obsolete: true,
	},
	{
		kind: 'extension',
		keyword: 'SAML',
		summary: 'Send to the terminal and to the mailbox (historic)',
		description:
			'An RFC 821 variant of SEND: show the message on the terminal of the user and also deliver it as mail. Dropped by RFC 2821 and no longer in use.',
		parameters: '',
		commands: ['SAML'],
		mailParams: [],
		rcptParams: [],
		rfc: {rfc: 821, section: '3.4'},
		obsolete: true,
	},
	{
		kind: 'extension',
		keyword: 'EXPN',
		summary: 'Expand a mailing list into its members',
		description:
			'Says the server answers EXPN, which lists the addresses behind a mailing list or alias. Most public servers switch it off because it hands address lists to spammers. Useful when debugging your own aliases.',
		parameters: '',
		commands: ['EXPN'],
		mailParams: [],
		rcptParams: [],
		rfc: {rfc: 5321, section: '4.1.1.7'},
	},
	{
		kind: 'extension',
		keyword: 'HELP',
		summary: 'The server answers HELP',
		description:
			'Says the server answers HELP with some text for humans, sometimes a list of commands it knows. The content is free-form and varies a lot between servers.',
		parameters: '',
		commands: ['HELP'],
		mailParams: [],
		rcptParams: [],
		rfc: {rfc: 5321, section: '4.1.1.8'},
	},
	{
		kind: 'extension',
		keyword: 'TURN',
		summary: 'Swap client and server roles (historic, unsafe)',
		description:
			'Let the client ask the server to reverse roles and send it any mail waiting for it on the same connection. Without authentication anyone could collect somebody else\'s mail, so RFC 2821 deprecated it; ETRN and ATRN replace it.',
		parameters: '',
		commands: ['TURN'],
		mailParams: [],
		rcptParams: [],
		rfc: {rfc: 821, section: '3.8'},
		obsolete: true,
	},
	{
		kind: 'extension',
		keyword: '8BITMIME',
		summary: 'The server takes 8-bit MIME content',
		description:
			'The message body may contain bytes above 127 (lines still end in CRLF and stay under 1000 bytes). The client says so with BODY=8BITMIME on MAIL FROM; without this keyword, 8-bit content has to be encoded as quoted-printable or base64 first.',
		parameters: '',
		commands: [],
		mailParams: ['BODY'],
		rcptParams: [],
		rfc: {rfc: 6152},
	},
	{
		kind: 'extension',
		keyword: 'SIZE',
		summary: 'Message size declaration and the server limit',
		description:
			'The server tells its maximum message size, and the client can declare the size of its message with SIZE= on MAIL FROM. A message that is too big is then refused before any data is sent, instead of after the whole upload.',
		parameters: 'the maximum message size in bytes; 0 or no number means no fixed limit is announced',
		commands: [],
		mailParams: ['SIZE'],
		rcptParams: [],
		rfc: {rfc: 1870},
	},
	{
		kind: 'extension',
		keyword: 'VERB',
		summary: 'Verbose mode: show delivery progress (Sendmail, historic)',
		description:
			'A Sendmail keyword: after VERB the server reports what it does with the message as it happens. Listed in the registry without an RFC; administrators often switch it off because it reveals internal details.',
		parameters: '',
		commands: ['VERB'],
		mailParams: [],
		rcptParams: [],
		obsolete: true,
	},
	{
		kind: 'extension',
		keyword: 'ONEX',
		summary: 'One message transaction only (Sendmail, historic)',
		description:
			'A Sendmail keyword: with ONEX the client announces that only one message transaction will follow on this connection. Listed in the registry without an RFC and of no practical use today.',
		parameters: '',
		commands: ['ONEX'],
		mailParams: [],
		rcptParams: [],
		obsolete: true,
	},
	{
		kind: 'extension',
		keyword: 'CHUNKING',
		summary: 'Send the message in counted chunks with BDAT',
		description:
			'Instead of DATA with a dot at the end, the client sends the message as BDAT <size> chunks, the last marked LAST. No dot-stuffing is needed and binary content becomes possible (with BINARYMIME). Each BDAT gets its own reply.',
		parameters: '',
		commands: ['BDAT'],
		mailParams: [],
		rcptParams: [],
		rfc: {rfc: 3030},
	},
	{
		kind: 'extension',
		keyword: 'BINARYMIME',
		summary: 'The server takes raw binary MIME content',
		description:
			'Allows MIME parts in binary form, without base64, declared with BODY=BINARYMIME on MAIL FROM. Such a message must be sent with BDAT, so the server has to offer CHUNKING as well.',
		parameters: '',
		commands: [],
		mailParams: ['BODY'],
		rcptParams: [],
		rfc: {rfc: 3030},
	},
	{
		kind: 'extension',
		keyword: 'CHECKPOINT',
		summary: 'Resume an interrupted transfer (checkpoint/restart)',
		description:
			'The client labels a transaction with TRANSID= on MAIL FROM; if the connection breaks during a long transfer, the client can later continue from where the server says it got to, instead of starting again. Experimental and rarely seen.',
		parameters: '',
		commands: [],
		mailParams: ['TRANSID'],
		rcptParams: [],
		rfc: {rfc: 1845},
	},
	{
		kind: 'extension',
		keyword: 'DELIVERBY',
		summary: 'Deliver within a time limit, or return or report',
		description:
			'The client sets a deadline with BY=<seconds>;R or ;N on MAIL FROM: if the message cannot be delivered in time it is returned (R) or only reported (N). An added T asks for a trace of the delay.',
		parameters: 'optionally, the smallest deadline in seconds the server accepts; no number means no minimum is announced',
		commands: [],
		mailParams: ['BY'],
		rcptParams: [],
		rfc: {rfc: 2852},
	},
	{
		kind: 'extension',
		keyword: 'PIPELINING',
		summary: 'Several commands may be sent without waiting for replies',
		description:
			'The client may send a group of commands (such as MAIL FROM, several RCPT TO and DATA) in one go and then read the replies in order. This saves round trips on slow links. Commands that change the state of the session, like EHLO, STARTTLS, AUTH or DATA, must end a group.',
		parameters: '',
		commands: [],
		mailParams: [],
		rcptParams: [],
		rfc: {rfc: 2920},
	},
	{
		kind: 'extension',
		keyword: 'DSN',
		summary: 'Delivery status notifications on request',
		description:
			'The client chooses when it wants a report (NOTIFY=SUCCESS,FAILURE,DELAY or NEVER on each RCPT TO), how much of the message a bounce returns (RET=FULL or HDRS), and labels for matching reports (ENVID, ORCPT).',
		parameters: '',
		commands: [],
		mailParams: ['RET', 'ENVID'],
		rcptParams: ['NOTIFY', 'ORCPT'],
		rfc: {rfc: 3461},
	},
	{
		kind: 'extension',
		keyword: 'ETRN',
		summary: 'Ask the server to start delivering mail queued for a domain',
		description:
			'A host that is not always online sends ETRN <domain> to ask the server to flush the queue for that domain. The mail then arrives over a new, normal SMTP connection to the host, not on this session.',
		parameters: '',
		commands: ['ETRN'],
		mailParams: [],
		rcptParams: [],
		rfc: {rfc: 1985},
	},
	{
		kind: 'extension',
		keyword: 'ENHANCEDSTATUSCODES',
		summary: 'Replies carry enhanced status codes such as 5.1.1',
		description:
			'Replies in the 2xx, 4xx and 5xx ranges (apart from the greeting and the EHLO reply) start their text with a class.subject.detail code, as in 550 5.1.1. These codes say far more precisely what went wrong than the three-digit reply code alone.',
		parameters: '',
		commands: [],
		mailParams: [],
		rcptParams: [],
		rfc: {rfc: 2034},
	},
	{
		kind: 'extension',
		keyword: 'STARTTLS',
		summary: 'Upgrade the connection to TLS',
		description:
			'The client sends STARTTLS, waits for 220, and then runs a TLS handshake on the same connection. Afterwards it must send EHLO again, since the server may now offer other extensions (AUTH often appears only after TLS).',
		parameters: '',
		commands: ['STARTTLS'],
		mailParams: [],
		rcptParams: [],
		rfc: {rfc: 3207},
	},
	{
		kind: 'extension',
		keyword: 'NO-SOLICITING',
		summary: 'The server states which solicitation labels it refuses',
		description:
			'Lets a receiver announce that it does not want certain classes of unsolicited mail, and lets a sender label its message with SOLICIT= on MAIL FROM. Very rarely deployed.',
		parameters: 'optionally, the solicitation class keywords the server acts on',
		commands: [],
		mailParams: ['SOLICIT'],
		rcptParams: [],
		rfc: {rfc: 3865},
	},
	{
		kind: 'extension',
		keyword: 'MTRK',
		summary: 'Message tracking',
		description:
			'Lets the sender ask for the message to be trackable afterwards, with MTRK= on MAIL FROM. It builds on DSN and uses the ENVID of the message as the key. Rarely deployed.',
		parameters: '',
		commands: [],
		mailParams: ['MTRK'],
		rcptParams: [],
		rfc: {rfc: 3885},
	},
	{
		kind: 'extension',
		keyword: 'SUBMITTER',
		summary: 'Responsible submitter for Sender ID (deprecated)',
		description:
			'Let the client name the responsible submitter with SUBMITTER= on MAIL FROM so the receiver could run Sender ID checks early. Sender ID has been moved to historic status and the registry marks this keyword deprecated.',
		parameters: '',
		commands: [],
		mailParams: ['SUBMITTER'],
		rcptParams: [],
		rfc: {rfc: 4405},
		obsolete: true,
	},
	{
		kind: 'extension',
		keyword: 'ATRN',
		summary: 'Authenticated TURN: collect queued mail on this connection',
		description:
			'Used for on-demand mail relay (ODMR): an authenticated client sends ATRN <domains> and the roles swap, so the server delivers mail waiting for those domains over the same connection. Meant for hosts with dynamic addresses.',
		parameters: '',
		commands: ['ATRN'],
		mailParams: [],
		rcptParams: [],
		rfc: {rfc: 2645},
	},
	{
		kind: 'extension',
		keyword: 'AUTH',
		summary: 'SASL authentication',
		description:
			'The client logs in with AUTH <mechanism> before sending mail, which submission servers usually require and which unlocks relaying. AUTH= on MAIL FROM can pass the identity of the original submitter along. Many servers list AUTH only after STARTTLS.',
		parameters:
			'the SASL mechanisms the server accepts, separated by spaces (e.g. PLAIN LOGIN); some servers also send an old form AUTH=LOGIN PLAIN for ancient clients',
		commands: ['AUTH'],
		mailParams: ['AUTH'],
		rcptParams: [],
		rfc: {rfc: 4954, section: '3'},
	},
	{
		kind: 'extension',
		keyword: 'BURL',
		summary: 'Submit a message by reference to an IMAP URL',
		description:
			'A submission client can point at a message already stored on an IMAP server (BURL <url> LAST) instead of uploading it again, which saves bandwidth when sending a draft with large attachments. Meant for submission, not for relaying between servers.',
		parameters:
			'a space-separated list: "imap" means IMAP URLs with URLAUTH can be fetched; an imap:// URL names an IMAP server the server trusts; no parameter means BURL exists but no URL kind is usable yet (often before AUTH)',
		commands: ['BURL'],
		mailParams: [],
		rcptParams: [],
		rfc: {rfc: 4468},
	},
	{
		kind: 'extension',
		keyword: 'FUTURERELEASE',
		summary: 'Hold the message and release it later',
		description:
			'The client asks the server to keep the message and deliver it only after a delay (HOLDFOR=<seconds>) or at a given time (HOLDUNTIL=<date-time>), both on MAIL FROM. Useful for scheduled sending.',
		parameters: 'the longest hold in seconds, then the latest release date-time the server accepts',
		commands: [],
		mailParams: ['HOLDFOR', 'HOLDUNTIL'],
		rcptParams: [],
		rfc: {rfc: 4865},
	},
	{
		kind: 'extension',
		keyword: 'UTF8SMTP',
		summary: 'Experimental internationalized addresses (replaced by SMTPUTF8)',
		description:
			'The first, experimental form of email with UTF-8 addresses, which also carried an ASCII fallback address (ALT-ADDRESS). It was replaced by SMTPUTF8 and the registry marks it deprecated.',
		parameters: '',
		commands: [],
		mailParams: ['ALT-ADDRESS'],
		rcptParams: ['ALT-ADDRESS'],
		rfc: {rfc: 5336},
		obsolete: true,
	},
	{
		kind: 'extension',
		keyword: 'CONPERM',
		summary: 'Content conversion permission',
		description:
			'Lets the sender state which conversions of the content relays may make (for example for fax-like media), with a CONPERM parameter on MAIL FROM. Part of the Internet fax work and rarely seen.',
		parameters: '',
		commands: [],
		mailParams: ['CONPERM'],
		rcptParams: [],
		rfc: {rfc: 4141},
	},
	{
		kind: 'extension',
		keyword: 'CONNEG',
		summary: 'Content conversion negotiation',
		description:
			'Lets a client ask, per recipient with a CONNEG parameter on RCPT TO, what content the receiving side can handle, so it can convert before sending. Part of the Internet fax work and rarely seen.',
		parameters: '',
		commands: [],
		mailParams: [],
		rcptParams: ['CONNEG'],
		rfc: {rfc: 4141},
	},
	{
		kind: 'extension',
		keyword: 'SMTPUTF8',
		summary: 'Internationalized email: UTF-8 addresses and header fields',
		description:
			'The server accepts addresses and header fields in UTF-8, such as user@exämple.com or a non-Latin local part. The client asks for this per message with SMTPUTF8 on MAIL FROM. If any hop lacks it, such a message cannot be delivered.',
		parameters: '',
		commands: [],
		mailParams: ['SMTPUTF8'],
		rcptParams: [],
		rfc: {rfc: 6531},
	},
	{
		kind: 'extension',
		keyword: 'MT-PRIORITY',
		summary: 'Message transfer priorities',
		description:
			'The client gives a priority from -9 to 9 with MT-PRIORITY= on MAIL FROM, and servers handle more important messages first. The keyword names the policy that says who may use which priority.',
		parameters: 'the name of the priority assignment policy in use, e.g. MIXER, STANAG4406 or NSEP',
		commands: [],
		mailParams: ['MT-PRIORITY'],
		rcptParams: [],
		rfc: {rfc: 6710},
	},
	{
		kind: 'extension',
		keyword: 'RRVS',
		summary: 'Require the recipient address to be valid since a date',
		description:
			'The client adds RRVS=<date-time> to RCPT TO: deliver only if the mailbox has had the same owner since then. It protects, for example, password reset mail from reaching whoever took over a recycled address.',
		parameters: '',
		commands: [],
		mailParams: [],
		rcptParams: ['RRVS'],
		rfc: {rfc: 7293},
	},
	{
		kind: 'extension',
		keyword: 'REQUIRETLS',
		summary: 'Require TLS with valid certificates on every hop',
		description:
			'The client marks a message with REQUIRETLS on MAIL FROM: every server on the path must then relay it only over TLS with a verified certificate to a next hop that also supports REQUIRETLS, or return it. Only offered over a TLS session.',
		parameters: '',
		commands: [],
		mailParams: ['REQUIRETLS'],
		rcptParams: [],
		rfc: {rfc: 8689},
	},
	{
		kind: 'extension',
		keyword: 'LIMITS',
		summary: 'The server announces its per-session limits',
		description:
			'Tells the client in advance how many recipients per transaction, transactions per session, or recipient domains per transaction the server will take. A client can then split its work to fit instead of running into 452 replies.',
		parameters:
			'NAME=value pairs: RCPTMAX=n (recipients per transaction), MAILMAX=n (transactions per session), RCPTDOMAINMAX=n (recipient domains per transaction)',
		commands: [],
		mailParams: [],
		rcptParams: [],
		rfc: {rfc: 9422},
	},

	// Standard commands some servers list in EHLO
	{
		kind: 'extension',
		keyword: 'VRFY',
		summary: 'The server answers VRFY',
		description:
			'VRFY is a base SMTP command, but some servers (Postfix, for one) list it in EHLO to show it is switched on. It asks whether an address is valid; most public servers refuse it or answer a vague 252 to keep address harvesters out.',
		parameters: '',
		commands: ['VRFY'],
		mailParams: [],
		rcptParams: [],
		rfc: {rfc: 5321, section: '4.1.1.6'},
	},

	// Vendor keywords, outside the registry
	{
		kind: 'extension',
		keyword: 'XCLIENT',
		summary: 'Pass the real client details to the server (Postfix)',
		description:
			'A trusted proxy or filter uses XCLIENT to tell Postfix who the original client was (address, host name, HELO, login), so access rules and logs apply to that client rather than to the proxy. Only hosts allowed by smtpd_authorized_xclient_hosts may use it.',
		parameters:
			'the attribute names the server accepts, e.g. NAME ADDR PORT PROTO HELO LOGIN DESTADDR DESTPORT',
		commands: ['XCLIENT'],
		mailParams: [],
		rcptParams: [],
		vendor: 'Postfix',
	},
	{
		kind: 'extension',
		keyword: 'XFORWARD',
		summary: 'Forward original client details for logging (Postfix)',
		description:
			'A content filter sending mail back into Postfix uses XFORWARD to pass on the original client name, address and HELO, so the logs show the real origin. Unlike XCLIENT it does not change access decisions. Allowed only for hosts in smtpd_authorized_xforward_hosts.',
		parameters: 'the attribute names the server accepts, e.g. NAME ADDR PORT PROTO HELO IDENT SOURCE',
		commands: ['XFORWARD'],
		mailParams: [],
		rcptParams: [],
		vendor: 'Postfix',
	},
	{
		kind: 'extension',
		keyword: 'XVERP',
		summary: 'Variable envelope return paths (Postfix)',
		description:
			'With XVERP on MAIL FROM, Postfix gives every recipient its own bounce address that encodes the recipient, which lets mailing list software tell exactly which address bounced. Offered only to clients allowed by smtpd_authorized_verp_clients.',
		parameters: '',
		commands: [],
		mailParams: ['XVERP'],
		rcptParams: [],
		vendor: 'Postfix',
	},
	{
		kind: 'extension',
		keyword: 'X-EXPS',
		summary: 'Exchange server-to-server authentication (Microsoft Exchange)',
		description:
			'Exchange servers authenticate to each other with the X-EXPS command, usually with GSSAPI (Kerberos) or NTLM, before exchanging internal data. Outside an Exchange organisation it can be ignored.',
		parameters:
			'the mechanisms accepted, e.g. GSSAPI NTLM; older versions also send a form with an equals sign such as X-EXPS=LOGIN',
		commands: ['X-EXPS'],
		mailParams: [],
		rcptParams: [],
		vendor: 'Microsoft Exchange',
	},
	{
		kind: 'extension',
		keyword: 'X-LINK2STATE',
		summary: 'Link state routing updates (Microsoft Exchange 2000/2003)',
		description:
			'Exchange 2000 and 2003 servers used it to exchange routing information (link state) between routing groups. Only meaningful between such Exchange servers.',
		parameters: '',
		commands: ['X-LINK2STATE'],
		mailParams: [],
		rcptParams: [],
		vendor: 'Microsoft Exchange',
	},
	{
		kind: 'extension',
		keyword: 'XEXCH50',
		summary: 'Pass Exchange message properties along (Microsoft Exchange)',
		description:
			'Exchange servers use the XEXCH50 command to send extra message properties that do not fit in the message itself, such as MAPI data, to another Exchange server. Other servers simply do not offer it.',
		parameters: '',
		commands: ['XEXCH50'],
		mailParams: [],
		rcptParams: [],
		vendor: 'Microsoft Exchange',
	},
	{
		kind: 'extension',
		keyword: 'X-ANONYMOUSTLS',
		summary: 'TLS between Exchange servers (Microsoft Exchange)',
		description:
			'Exchange 2007 and later use X-ANONYMOUSTLS to encrypt traffic between their own transport servers with self-signed certificates. Ordinary clients should use STARTTLS instead.',
		parameters: '',
		commands: ['X-ANONYMOUSTLS'],
		mailParams: [],
		rcptParams: [],
		vendor: 'Microsoft Exchange',
	},
	{
		kind: 'extension',
		keyword: 'XSHADOW',
		summary: 'Shadow redundancy between transport servers (Microsoft Exchange)',
		description:
			'Exchange 2010 servers use it to keep a shadow copy of a message until the next hop confirms delivery, so a failed server does not lose mail. Only meaningful between Exchange servers.',
		parameters: '',
		commands: ['XSHADOW'],
		mailParams: [],
		rcptParams: [],
		vendor: 'Microsoft Exchange',
	},
	{
		kind: 'extension',
		keyword: 'XSHADOWREQUEST',
		summary: 'Request a shadow copy of a message (Microsoft Exchange)',
		description:
			'The later form of shadow redundancy in Exchange 2013 and newer: a transport server asks another to hold a shadow copy of a message until delivery is confirmed. Only meaningful between Exchange servers.',
		parameters: '',
		commands: ['XSHADOWREQUEST'],
		mailParams: [],
		rcptParams: [],
		vendor: 'Microsoft Exchange',
	},
	{
		kind: 'extension',
		keyword: 'XOORG',
		summary: 'Originating organisation of the message (Microsoft Exchange)',
		description:
			'Exchange and Exchange Online tag a message with the organisation it came from through XOORG= on MAIL FROM, used for routing and for applying the right rules in hybrid setups.',
		parameters: '',
		commands: [],
		mailParams: ['XOORG'],
		rcptParams: [],
		vendor: 'Microsoft Exchange',
	},
	{
		kind: 'extension',
		keyword: 'XRDST',
		summary: 'Internal Exchange transport keyword (Microsoft Exchange)',
		description:
			'Listed by Exchange 2013 and later between their own transport components. Microsoft does not document it publicly, and it means nothing to other clients.',
		parameters: '',
		commands: [],
		mailParams: [],
		rcptParams: [],
		vendor: 'Microsoft Exchange',
	},
	{
		kind: 'extension',
		keyword: 'PRDR',
		summary: 'Per-recipient replies after DATA (Exim and others)',
		description:
			'With PRDR on MAIL FROM, the server answers the end of DATA separately for each recipient, so one recipient can refuse the content (a spam filter setting, say) while others accept it. It comes from an Internet-Draft that never became an RFC.',
		parameters: '',
		commands: [],
		mailParams: ['PRDR'],
		rcptParams: [],
		vendor: 'Exim',
	},
	{
		kind: 'extension',
		keyword: 'X_PIPE_CONNECT',
		summary: 'Pipelining from the start of the connection (Exim)',
		description:
			'A client that remembers the earlier EHLO reply of this server may send EHLO and its next commands before the greeting arrives, saving round trips. If the capabilities changed, the client has to fall back to the normal order.',
		parameters: '',
		commands: [],
		mailParams: [],
		rcptParams: [],
		vendor: 'Exim',
	},
];

const byKeyword = new Map(extensions.map(entry => [entry.keyword, entry]));

/** The entry for an EHLO keyword, whatever its case: `size` finds SIZE. */
export function lookupExtension(keyword: string): ExtensionEntry | undefined {
	return byKeyword.get(keyword.trim().toUpperCase());
}
