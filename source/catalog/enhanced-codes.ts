import type {EnhancedCodeEntry} from './types.js';

/*
The IANA "SMTP Enhanced Status Codes" registry: the three class entries (2.X.X, 4.X.X,
5.X.X) and every subject.detail pair of the "Enumerated Status Codes" table, keyed as the
registry writes them (X.1.1). `basicCodes` is the registry's "associated basic status code"
column; rows where the registry says "Not given", "Any" or only "5XX" have none. `classes`
holds every class the basic codes imply plus those the registry text names as valid (for
example X.2.2 comes with 552 but is meant as a persistent transient failure).
*/
export const enhancedCodes: EnhancedCodeEntry[] = [
	// Classes (RFC 3463 2)
	{
		kind: 'enhanced',
		code: '2.X.X',
		summary: 'Success: the action was carried out',
		description:
			'A first digit of 2 reports a positive outcome: the command or message was accepted, delivered or relayed. The subject and detail digits can add a remark, for instance that the content had to be converted on the way. Nothing needs fixing.',
		basicCodes: [],
		classes: [2],
		tryNext: [],
		rfc: {rfc: 3463, section: '2'},
	},
	{
		kind: 'enhanced',
		code: '4.X.X',
		summary: 'Persistent transient failure: try again later',
		description:
			'A first digit of 4 means the message itself looked acceptable but some temporary condition stopped it for now. A sending server keeps such a message queued and tries again; in a delay report it means attempts are still going on. The same message may well go through later unchanged.',
		basicCodes: [],
		classes: [4],
		tryNext: [
			'wait and send again later; a normal mail server retries by itself',
			'read the subject and detail digits to see what was temporarily wrong',
			'if it keeps failing for hours, contact the postmaster of the receiving site',
		],
		rfc: {rfc: 3463, section: '2'},
	},
	{
		kind: 'enhanced',
		code: '5.X.X',
		summary: 'Permanent failure: resending unchanged will not help',
		description:
			'A first digit of 5 means the message or command failed and trying again as is will fail the same way. Something has to change first: the address, the content, the way you send, or the policy of the receiver. The sender usually gets a bounce.',
		basicCodes: [],
		classes: [5],
		tryNext: [
			'read the subject and detail digits and the reply text for the reason',
			'fix the address, the message or the sending setup before resending',
			'if the rejection looks wrong, reach the recipient by another channel',
		],
		rfc: {rfc: 3463, section: '2'},
	},

	// X.0 Other or undefined (RFC 3463 3.1)
	{
		kind: 'enhanced',
		code: 'X.0.0',
		summary: 'Undefined status: only the class is known',
		description:
			'The catch-all code: the server says only whether this is success, a temporary failure or a permanent failure. It is common on replies with no better match, such as 250 2.0.0 after DATA or 221 2.0.0 after QUIT. When it comes with a failure, the reply text is the only clue to the cause.',
		basicCodes: [],
		classes: [2, 4, 5],
		tryNext: [
			'read the text after the code for the actual reason',
			'go by the class digit: 4 means retry later, 5 means change something first',
			'check the logs of the receiving server if you have access to them',
		],
		rfc: {rfc: 3463, section: '3.1'},
	},

	// X.1 Addressing (RFC 3463 3.2)
	{
		kind: 'enhanced',
		code: 'X.1.0',
		summary: 'Other address status',
		description:
			'An address in the transaction, sender or recipient, is what this reply is about, with no finer detail. Servers also use it on success, as in 250 2.1.0 after an accepted MAIL FROM. On a failure, compare the address named in the reply text with the one you sent.',
		basicCodes: [],
		classes: [2, 4, 5],
		tryNext: [
			'see which address the reply text names',
			'check both the MAIL FROM and the RCPT TO addresses for mistakes',
		],
		rfc: {rfc: 3463, section: '3.2'},
	},
	{
		kind: 'enhanced',
		code: 'X.1.1',
		summary: 'Bad destination mailbox: the recipient does not exist',
		description:
			'The domain is fine, but the part before the @ matches no mailbox there: the classic "user unknown" bounce. It is meant as a permanent failure. A 4.1.1 usually means the server could not check the mailbox at that moment.',
		basicCodes: [451, 550],
		classes: [4, 5],
		tryNext: [
			'check the recipient address for typos',
			'ask the recipient for a current address',
			'for 4.1.1, wait: the server could not look up the mailbox and may accept it later',
		],
		rfc: {rfc: 3463, section: '3.2'},
	},
	{
		kind: 'enhanced',
		code: 'X.1.2',
		summary: 'Bad destination system: the recipient domain cannot take mail',
		description:
			'The part after the @ does not exist or cannot receive mail, for example because the domain has no usable MX or address records. This is a permanent failure.',
		basicCodes: [],
		classes: [5],
		tryNext: [
			'check the domain part of the address for typos',
			'look up the MX records of the domain (dig MX example.com)',
			'ask the recipient for an address that works',
		],
		rfc: {rfc: 3463, section: '3.2'},
	},
	{
		kind: 'enhanced',
		code: 'X.1.3',
		summary: 'Bad destination address syntax',
		description:
			'The recipient address is not well formed, so the server could not even parse it. Usual causes are missing angle brackets, stray spaces, two @ signs or characters that are not allowed. This is a permanent failure.',
		basicCodes: [501],
		classes: [5],
		tryNext: [
			'write the address as RCPT TO:<user@example.com>, with angle brackets and no spaces',
			'remove quotes, commas or other characters that do not belong',
			'for non-ASCII characters, check that the server offers SMTPUTF8',
		],
		rfc: {rfc: 3463, section: '3.2'},
	},
	{
		kind: 'enhanced',
		code: 'X.1.4',
		summary: 'Destination address ambiguous',
		description:
			'The address matches more than one mailbox on the receiving system, often because the server maps names loosely (by surname, say) and found several people. It will not guess which one you meant.',
		basicCodes: [],
		classes: [4, 5],
		tryNext: ['use the full, exact mailbox address', 'ask the recipient for their precise address'],
		rfc: {rfc: 3463, section: '3.2'},
	},
	{
		kind: 'enhanced',
		code: 'X.1.5',
		summary: 'Destination address valid',
		description:
			'The recipient address was accepted. It is the usual companion of 250 after RCPT TO, as in 250 2.1.5 Ok, and it appears in reports of successful delivery.',
		basicCodes: [250],
		classes: [2],
		tryNext: [],
		rfc: {rfc: 3463, section: '3.2'},
	},
	{
		kind: 'enhanced',
		code: 'X.1.6',
		summary: 'Mailbox has moved, no forwarding address',
		description:
			'The address used to work but no longer takes mail, and the server has no new address to give. Typical for someone who left an organisation. This is a permanent failure.',
		basicCodes: [],
		classes: [5],
		tryNext: ['ask the person for their new address by another route', 'remove the address from your lists'],
		rfc: {rfc: 3463, section: '3.2'},
	},
	{
		kind: 'enhanced',
		code: 'X.1.7',
		summary: 'Bad sender address syntax',
		description:
			'The reverse-path in MAIL FROM is not a valid address, so the server refused it. Check brackets, spaces and characters. The empty path <> is valid; it is what bounces use.',
		basicCodes: [],
		classes: [5],
		tryNext: [
			'write it as MAIL FROM:<you@example.com>',
			'check the sender address configured in your mail client or script',
		],
		rfc: {rfc: 3463, section: '3.2'},
	},
	{
		kind: 'enhanced',
		code: 'X.1.8',
		summary: 'Bad sender system address: the sender domain cannot take mail',
		description:
			'The domain of the sender address does not exist or cannot receive mail, so replies and bounces could not reach it. Many servers refuse such senders. A 4.1.8 often means the DNS lookup of the sender domain failed for the moment.',
		basicCodes: [451, 501],
		classes: [4, 5],
		tryNext: [
			'send from an address whose domain has MX or address records',
			'check the sender domain in DNS',
			'for 4.1.8, retry later: the DNS check may have timed out',
		],
		rfc: {rfc: 3463, section: '3.2'},
	},
	{
		kind: 'enhanced',
		code: 'X.1.9',
		summary: 'Message relayed to a mailer that cannot report further',
		description:
			'The address was valid, but the message was handed to a system that does not speak the reporting protocol in use, so nothing more can be said about what became of it. It shows up in delivery and tracking reports rather than as a rejection.',
		basicCodes: [],
		classes: [2],
		tryNext: [
			'treat the message as passed on but no longer tracked',
			'ask the recipient to confirm receipt if it matters',
		],
		rfc: {rfc: 3886},
	},
	{
		kind: 'enhanced',
		code: 'X.1.10',
		summary: 'Recipient domain has a null MX and takes no mail',
		description:
			'The domain of the recipient publishes a null MX record (MX 0 .), an explicit statement that it never accepts mail. Retrying or trying another server will not help.',
		basicCodes: [556],
		classes: [5],
		tryNext: [
			'check the domain of the recipient address for typos',
			'ask the recipient for an address at a domain that receives mail',
		],
		rfc: {rfc: 7505},
	},

	// X.2 Mailbox (RFC 3463 3.3)
	{
		kind: 'enhanced',
		code: 'X.2.0',
		summary: 'Other mailbox status',
		description:
			'The mailbox exists, but something about it caused this reply and the server gave no finer reason. The reply text should say more.',
		basicCodes: [],
		classes: [4, 5],
		tryNext: [
			'read the reply text',
			'retry later if the class is 4',
			'reach the recipient another way if it goes on',
		],
		rfc: {rfc: 3463, section: '3.3'},
	},
	{
		kind: 'enhanced',
		code: 'X.2.1',
		summary: 'Mailbox disabled, not accepting messages',
		description:
			'The mailbox exists but has been switched off for incoming mail, for example a suspended or locked account. It can be temporary (4.2.1) or for good (5.2.1).',
		basicCodes: [],
		classes: [4, 5],
		tryNext: [
			'for 4.2.1, retry later',
			'contact the recipient by another channel',
			'ask the postmaster of the receiving site whether the account was closed',
		],
		rfc: {rfc: 3463, section: '3.3'},
	},
	{
		kind: 'enhanced',
		code: 'X.2.2',
		summary: 'Mailbox full',
		description:
			'The recipient has used up their storage quota. Because they can make room by deleting mail, the code is meant as a temporary failure, though many servers send it as 5.2.2.',
		basicCodes: [552],
		classes: [4, 5],
		tryNext: [
			'wait and send again later',
			'tell the recipient by another route that their mailbox is full',
			'send a smaller message, or a link instead of attachments',
		],
		rfc: {rfc: 3463, section: '3.3'},
	},
	{
		kind: 'enhanced',
		code: 'X.2.3',
		summary: 'Message too long for this mailbox',
		description:
			'The message is bigger than a size limit set for this one mailbox, which is lower than the general limit of the server. This message will keep failing.',
		basicCodes: [552],
		classes: [5],
		tryNext: [
			'make the message smaller: compress or drop attachments',
			'share large files through a link',
			'ask the recipient whether their mailbox limit can be raised',
		],
		rfc: {rfc: 3463, section: '3.3'},
	},
	{
		kind: 'enhanced',
		code: 'X.2.4',
		summary: 'Mailing list expansion problem',
		description:
			'The address is a mailing list and the server could not expand it into its members. It can be a passing fault (the list database was unreachable, say) or a lasting one.',
		basicCodes: [450, 452],
		classes: [4, 5],
		tryNext: ['retry later if the class is 4', 'tell the owner of the list'],
		rfc: {rfc: 3463, section: '3.3'},
	},

	// X.3 Mail system (RFC 3463 3.4)
	{
		kind: 'enhanced',
		code: 'X.3.0',
		summary: 'Other mail system status',
		description:
			'The receiving system normally takes mail, but something about it caused this reply, with no finer detail. It comes with many reply codes, from 221 and 250 to 421 and 554.',
		basicCodes: [221, 250, 421, 451, 550, 554],
		classes: [2, 4, 5],
		tryNext: [
			'read the reply text',
			'retry later if the class is 4',
			'report a lasting failure to the postmaster of the receiving site',
		],
		rfc: {rfc: 3463, section: '3.4'},
	},
	{
		kind: 'enhanced',
		code: 'X.3.1',
		summary: 'Mail system full',
		description:
			'The receiving system has run out of storage, such as a full queue disk. Unlike a full mailbox, the recipient cannot fix this by deleting mail; the operators have to. It is a temporary failure.',
		basicCodes: [452],
		classes: [4],
		tryNext: ['retry later', 'tell the administrator of the receiving site if it lasts'],
		rfc: {rfc: 3463, section: '3.4'},
	},
	{
		kind: 'enhanced',
		code: 'X.3.2',
		summary: 'System not accepting network messages',
		description:
			'The host refuses mail, for now or for good: it may be shutting down, overloaded or in maintenance, or it may not be a mail host at all (521).',
		basicCodes: [453, 521],
		classes: [4, 5],
		tryNext: [
			'for 4.3.2, retry later',
			'for 5.3.2, check that you are talking to the right host (an MX of the domain)',
		],
		rfc: {rfc: 3463, section: '3.4'},
	},
	{
		kind: 'enhanced',
		code: 'X.3.3',
		summary: 'System not capable of selected features',
		description:
			'The message asks for a feature the destination cannot provide. This happens mostly at gateways that cannot map a feature of one mail system onto another.',
		basicCodes: [],
		classes: [5],
		tryNext: [
			'send without the special option (a DSN or priority request, for example)',
			'check which extensions the server lists in its EHLO reply',
		],
		rfc: {rfc: 3463, section: '3.4'},
	},
	{
		kind: 'enhanced',
		code: 'X.3.4',
		summary: 'Message too big for the system',
		description:
			'The message is larger than the per-message limit of the server, whether the limit is physical or set by policy. The same message will be refused again.',
		basicCodes: [552, 554],
		classes: [5],
		tryNext: [
			'look at the SIZE value in the EHLO reply for the limit',
			'make the message smaller or send files as links',
			'split attachments across several messages',
		],
		rfc: {rfc: 3463, section: '3.4'},
	},
	{
		kind: 'enhanced',
		code: 'X.3.5',
		summary: 'System incorrectly configured',
		description:
			'The receiving system is set up in a way that keeps it from accepting this message, such as broken routing or a missing local domain. The fault is on the server side, not in your message.',
		basicCodes: [],
		classes: [4, 5],
		tryNext: [
			'report it to the postmaster of the receiving site',
			'retry later: such faults are often fixed quickly',
		],
		rfc: {rfc: 3463, section: '3.4'},
	},
	{
		kind: 'enhanced',
		code: 'X.3.6',
		summary: 'Requested priority was changed',
		description:
			'With the MT-PRIORITY extension: the message was accepted, but not at the priority asked for (or the default one). The priority actually used is the first word of the reply text.',
		basicCodes: [250, 251],
		classes: [2],
		tryNext: [
			'read the priority actually used at the start of the reply text',
			'check the MT-PRIORITY policy of the server if priority matters to you',
		],
		rfc: {rfc: 6710},
	},

	// X.4 Network and routing (RFC 3463 3.5)
	{
		kind: 'enhanced',
		code: 'X.4.0',
		summary: 'Other network or routing status',
		description:
			'Something went wrong in networking or routing, but the server could not pin it down to one of the more precise codes.',
		basicCodes: [],
		classes: [4, 5],
		tryNext: ['retry later', 'check DNS and the network path towards the destination'],
		rfc: {rfc: 3463, section: '3.5'},
	},
	{
		kind: 'enhanced',
		code: 'X.4.1',
		summary: 'No answer from host',
		description:
			'A server tried to connect to the next host and got no answer: the host was down, busy or unreachable, or a firewall dropped the attempt. It is a temporary failure.',
		basicCodes: [451],
		classes: [4],
		tryNext: [
			'retry later; a mail queue does so by itself',
			'check that the MX hosts of the destination accept connections on port 25',
			'check firewalls between the two servers',
		],
		rfc: {rfc: 3463, section: '3.5'},
	},
	{
		kind: 'enhanced',
		code: 'X.4.2',
		summary: 'Bad connection',
		description:
			'A connection was made but broke down before the transaction finished, by a timeout or a poor link. Servers also use it when they drop clients they consider too slow or too many.',
		basicCodes: [421],
		classes: [4],
		tryNext: [
			'retry later',
			'open fewer parallel connections to this server',
			'look for network trouble or timeouts on your side',
		],
		rfc: {rfc: 3463, section: '3.5'},
	},
	{
		kind: 'enhanced',
		code: 'X.4.3',
		summary: 'Directory server failure (usually DNS)',
		description:
			'A lookup service needed to route the message, most often DNS, could not be reached. It is meant as temporary; a 5.4.3 points to a DNS fault that is not going away.',
		basicCodes: [451, 550],
		classes: [4, 5],
		tryNext: [
			'check that your DNS resolver works',
			'look up the MX records of the destination',
			'retry later',
		],
		rfc: {rfc: 3463, section: '3.5'},
	},
	{
		kind: 'enhanced',
		code: 'X.4.4',
		summary: 'Unable to route',
		description:
			'The system could not find the next hop because the routing data was missing, for example a domain with no MX or address record, where DNS returns only an SOA. It can be temporary or lasting.',
		basicCodes: [],
		classes: [4, 5],
		tryNext: [
			'check the recipient domain for typos',
			'query the MX and A/AAAA records of the domain',
			'if the domain is yours, publish correct MX records',
		],
		rfc: {rfc: 3463, section: '3.5'},
	},
	{
		kind: 'enhanced',
		code: 'X.4.5',
		summary: 'Mail system congestion',
		description:
			'The mail system is too busy to take the message now; servers also use it when a rate limit is hit. It is a temporary failure.',
		basicCodes: [451],
		classes: [4],
		tryNext: ['retry later', 'send more slowly or over fewer connections'],
		rfc: {rfc: 3463, section: '3.5'},
	},
	{
		kind: 'enhanced',
		code: 'X.4.6',
		summary: 'Routing loop detected',
		description:
			'The message went round between systems too many times, because of wrong routing or a forwarding loop (two mailboxes forwarding to each other, say). Servers notice it by counting Received header fields.',
		basicCodes: [],
		classes: [4, 5],
		tryNext: [
			'check forwarding rules and aliases on both ends',
			'check MX and relay settings for a server that points back at itself',
			'read the Received header fields of the bounced message to see the loop',
		],
		rfc: {rfc: 3463, section: '3.5'},
	},
	{
		kind: 'enhanced',
		code: 'X.4.7',
		summary: 'Delivery time expired',
		description:
			'The message sat in a queue too long, or outlived a limit the sender set (for example with DELIVERBY), and was given up. The real cause is whatever kept delivery from succeeding; earlier delay reports usually name it.',
		basicCodes: [],
		classes: [4, 5],
		tryNext: [
			'look for the underlying error in earlier delay reports or in logs',
			'check that the destination is reachable, then send again',
		],
		rfc: {rfc: 3463, section: '3.5'},
	},

	// X.5 Mail delivery protocol (RFC 3463 3.6)
	{
		kind: 'enhanced',
		code: 'X.5.0',
		summary: 'Other protocol status',
		description:
			'Something about the SMTP exchange itself is the subject of this reply, with no finer detail. It appears on ordinary success replies as well as on failures.',
		basicCodes: [220, 250, 251, 252, 253, 451, 452, 454, 458, 459, 501, 502, 503, 554],
		classes: [2, 4, 5],
		tryNext: [
			'read the reply text',
			'compare the commands you sent with what the server offered in its EHLO reply',
		],
		rfc: {rfc: 3463, section: '3.6'},
	},
	{
		kind: 'enhanced',
		code: 'X.5.1',
		summary: 'Invalid command',
		description:
			'The command is not supported or came out of order, for example RCPT before MAIL, DATA with no accepted recipient, or a command that needs TLS or authentication first.',
		basicCodes: [430, 500, 501, 503, 530, 550, 554, 555],
		classes: [4, 5],
		tryNext: [
			'check the order: EHLO, MAIL FROM, RCPT TO, DATA',
			'send EHLO again and see which commands the server offers',
			'if the text mentions STARTTLS or AUTH, do that first',
		],
		rfc: {rfc: 3463, section: '3.6'},
	},
	{
		kind: 'enhanced',
		code: 'X.5.2',
		summary: 'Syntax error',
		description:
			'The server could not make sense of the command line: the syntax is wrong or the verb is unknown. Sending the same line again will fail again.',
		basicCodes: [500, 501, 502, 550, 555],
		classes: [5],
		tryNext: [
			'check the spelling and spacing of the command',
			'check colons and brackets, as in MAIL FROM:<addr>',
			'make sure each line ends with CRLF',
		],
		rfc: {rfc: 3463, section: '3.6'},
	},
	{
		kind: 'enhanced',
		code: 'X.5.3',
		summary: 'Too many recipients',
		description:
			'More recipients were given than the server takes in one transaction. The sender is expected to deliver to the rest in a further transaction, which most clients do on their own.',
		basicCodes: [451],
		classes: [4, 5],
		tryNext: [
			'send to the remaining recipients in a new transaction',
			'look for a LIMITS RCPTMAX value in the EHLO reply',
			'split long recipient lists into batches',
		],
		rfc: {rfc: 3463, section: '3.6'},
	},
	{
		kind: 'enhanced',
		code: 'X.5.4',
		summary: 'Invalid command arguments',
		description:
			'The command is valid, but an argument is out of range or names something the server does not know, such as a MAIL FROM parameter of an extension it does not offer.',
		basicCodes: [451, 501, 502, 503, 504, 550, 555],
		classes: [4, 5],
		tryNext: [
			'drop parameters the server did not advertise in EHLO',
			'check parameter values (the SIZE number, the BODY value and so on)',
		],
		rfc: {rfc: 3463, section: '3.6'},
	},
	{
		kind: 'enhanced',
		code: 'X.5.5',
		summary: 'Wrong protocol version',
		description:
			'Client and server use protocol versions that do not match, and they could not settle the difference between themselves.',
		basicCodes: [],
		classes: [5],
		tryNext: ['check the versions of the client and server software', 'try again without optional extensions'],
		rfc: {rfc: 3463, section: '3.6'},
	},
	{
		kind: 'enhanced',
		code: 'X.5.6',
		summary: 'Authentication exchange line too long',
		description:
			'During AUTH, the client sent a base64 response longer than the buffer the server keeps for that SASL mechanism. It can be a permanent or a temporary failure.',
		basicCodes: [500],
		classes: [4, 5],
		tryNext: [
			'send the initial response on its own line after the 334 prompt instead of on the AUTH line',
			'use a mechanism with shorter responses',
			'check for an unusually long token (for example with XOAUTH2 or OAUTHBEARER)',
		],
		rfc: {rfc: 4954, section: '6'},
	},

	// X.6 Message content or media (RFC 3463 3.7)
	{
		kind: 'enhanced',
		code: 'X.6.0',
		summary: 'Other media error',
		description:
			'Something in the content of the message made it undeliverable, and none of the more precise codes fits.',
		basicCodes: [],
		classes: [4, 5],
		tryNext: ['read the reply text for the content problem', 'try a plain text version of the message'],
		rfc: {rfc: 3463, section: '3.7'},
	},
	{
		kind: 'enhanced',
		code: 'X.6.1',
		summary: 'Media not supported',
		description:
			'The message holds a kind of content that the delivery protocol or the next system on the path cannot carry. This is a permanent failure.',
		basicCodes: [],
		classes: [5],
		tryNext: ['send the content in a more common format', 'remove or convert the attachment that is refused'],
		rfc: {rfc: 3463, section: '3.7'},
	},
	{
		kind: 'enhanced',
		code: 'X.6.2',
		summary: 'Conversion required but prohibited',
		description:
			'The content would have to be converted before delivery, but conversion is forbidden, either by the sender inside the message or by the policy of the sending host.',
		basicCodes: [],
		classes: [5],
		tryNext: [
			'allow conversion, or send content the next hop can take as is',
			'encode 8-bit text as quoted-printable or base64',
		],
		rfc: {rfc: 3463, section: '3.7'},
	},
	{
		kind: 'enhanced',
		code: 'X.6.3',
		summary: 'Conversion required but not supported',
		description:
			'The content must be converted to travel further, but a host on the path cannot do it. The usual case is 8-bit content that would need downgrading to 7-bit for a server without 8BITMIME.',
		basicCodes: [554],
		classes: [5],
		tryNext: [
			'encode the message as 7-bit (quoted-printable or base64)',
			'check whether the next hop offers 8BITMIME or BINARYMIME',
		],
		rfc: {rfc: 3463, section: '3.7'},
	},
	{
		kind: 'enhanced',
		code: 'X.6.4',
		summary: 'Conversion with loss performed',
		description:
			'The message was delivered, but a conversion on the way lost some of its data. If the sender had forbidden lossy conversion, the same code comes as a permanent failure instead.',
		basicCodes: [250],
		classes: [2, 5],
		tryNext: [
			'check with the recipient that the content arrived readable',
			'send in a format that needs no conversion',
		],
		rfc: {rfc: 3463, section: '3.7'},
	},
	{
		kind: 'enhanced',
		code: 'X.6.5',
		summary: 'Conversion failed',
		description: 'A conversion of the content was needed and attempted, but it did not work. It can be permanent or temporary.',
		basicCodes: [],
		classes: [4, 5],
		tryNext: ['send the content in a simpler format', 'retry later if the class is 4'],
		rfc: {rfc: 3463, section: '3.7'},
	},
	{
		kind: 'enhanced',
		code: 'X.6.6',
		summary: 'Message content not available',
		description:
			'The server could not fetch the message content from another system, as with BURL, where a submission server pulls the message from an IMAP server by URL. It can be permanent or temporary.',
		basicCodes: [554],
		classes: [4, 5],
		tryNext: [
			'check that the URL given to BURL is right and still valid',
			'check that the IMAP server can be reached',
			'send the message with DATA or BDAT instead',
		],
		rfc: {rfc: 4468},
	},
	{
		kind: 'enhanced',
		code: 'X.6.7',
		summary: 'Non-ASCII address not allowed for this sender or recipient',
		description:
			'A MAIL FROM or RCPT TO carried an address with non-ASCII characters that the server will not take, for instance because SMTPUTF8 was not requested for the transaction or is not supported.',
		basicCodes: [553, 550],
		classes: [5],
		tryNext: [
			'add the SMTPUTF8 parameter to MAIL FROM if the server advertises SMTPUTF8',
			'use an all-ASCII address of the same person if there is one',
		],
		rfc: {rfc: 6531},
	},
	{
		kind: 'enhanced',
		code: 'X.6.8',
		summary: 'UTF-8 reply needed but the client did not allow it',
		description:
			'To show a mailbox name (in a VRFY or EXPN answer, for example) the server would have to use UTF-8, but the client did not say that it can handle UTF-8 in replies.',
		basicCodes: [252, 553, 550],
		classes: [2, 5],
		tryNext: [
			'repeat the command with the SMTPUTF8 option, e.g. VRFY name SMTPUTF8',
			'use a client that supports SMTPUTF8',
		],
		rfc: {rfc: 6531},
	},
	{
		kind: 'enhanced',
		code: 'X.6.9',
		summary: 'UTF-8 header fields cannot be passed on to a recipient',
		description:
			'The message has UTF-8 in its header fields and at least one recipient cannot be reached over a path that carries them, so the whole message is refused after the final dot of DATA.',
		basicCodes: [550],
		classes: [5],
		tryNext: [
			'check whether the next hops advertise SMTPUTF8',
			'send with ASCII-only header fields (encoded words for names and subjects)',
		],
		rfc: {rfc: 6531},
	},
	{
		kind: 'enhanced',
		code: 'X.6.10',
		summary: 'Deprecated duplicate of X.6.8',
		description:
			'This code was registered as a copy of X.6.8 and is deprecated. If a server still sends it, read it as X.6.8: a reply would need UTF-8 but the client has not allowed that.',
		basicCodes: [],
		classes: [2, 5],
		tryNext: ['treat it as X.6.8 and repeat the command with the SMTPUTF8 option'],
		rfc: {rfc: 6531},
	},

	// X.7 Security or policy (RFC 3463 3.8)
	{
		kind: 'enhanced',
		code: 'X.7.0',
		summary: 'Other security or policy status',
		description:
			'Security or policy is the reason, with no finer detail, sometimes because the server does not want to reveal its rules. It is also common on success, as in 220 2.7.0 before TLS or 235 2.7.0 after AUTH.',
		basicCodes: [220, 235, 450, 454, 500, 501, 503, 504, 530, 535, 550],
		classes: [2, 4, 5],
		tryNext: [
			'read the reply text for the policy involved',
			'if it asks for TLS or authentication, do STARTTLS and AUTH first',
			'for 4.7.0, retry later; greylisting often uses it',
		],
		rfc: {rfc: 3463, section: '3.8'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.1',
		summary: 'Delivery not authorized, message refused',
		description:
			'The sender may not send to this destination because of per-host or per-recipient filtering: relaying denied, a blocklisted IP address, a blocked sender or a spam verdict. The registry meant it as permanent, but 4.7.1 is common for temporary blocks such as greylisting.',
		basicCodes: [451, 454, 502, 503, 533, 550, 551],
		classes: [4, 5],
		tryNext: [
			'if the text says relay denied, authenticate with AUTH or send through your own provider',
			'check whether your IP address is on a blocklist',
			'check SPF, DKIM and DMARC for your domain',
			'for 4.7.1, wait and retry',
		],
		rfc: {rfc: 3463, section: '3.8'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.2',
		summary: 'Mailing list expansion prohibited',
		description:
			'The sender is not allowed to post to the mailing list at this address, often because only members may post. This is a permanent failure.',
		basicCodes: [550],
		classes: [5],
		tryNext: ['post from the address that is subscribed', 'ask the owner of the list for permission'],
		rfc: {rfc: 3463, section: '3.8'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.3',
		summary: 'Security conversion required but not possible',
		description:
			'Delivery needed the message converted from one secure messaging format to another, and that could not be done. This is a permanent failure.',
		basicCodes: [],
		classes: [5],
		tryNext: [
			'send in a security format the recipient supports',
			'ask the recipient which secure mail format they use',
		],
		rfc: {rfc: 3463, section: '3.8'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.4',
		summary: 'Security features not supported',
		description:
			'The message asked for security features, such as a kind of authentication, that the delivery protocol cannot provide. This is a permanent failure.',
		basicCodes: [504],
		classes: [5],
		tryNext: ['send without the security option that is refused', 'check what the server offers in its EHLO reply'],
		rfc: {rfc: 3463, section: '3.8'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.5',
		summary: 'Cryptographic failure',
		description:
			'A system that was entitled to verify or decrypt the message could not, because a key or other piece of information was missing or invalid.',
		basicCodes: [],
		classes: [4, 5],
		tryNext: [
			'check the keys or certificates used to sign or encrypt',
			'for a TLS failure, check the server certificate and its chain',
		],
		rfc: {rfc: 3463, section: '3.8'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.6',
		summary: 'Cryptographic algorithm not supported',
		description:
			'A system that was entitled to verify or decrypt the message could not, because it does not support the algorithm that was used.',
		basicCodes: [],
		classes: [5],
		tryNext: ['use a more widely supported algorithm', 'check the signing or encryption settings of the sender'],
		rfc: {rfc: 3463, section: '3.8'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.7',
		summary: 'Message integrity failure',
		description:
			'A system entitled to check the message found it corrupted or altered, so it could not be validated. The code can mark a permanent failure, a temporary one, or a warning on a delivered message.',
		basicCodes: [],
		classes: [2, 4, 5],
		tryNext: [
			'look for software on the path that changes messages (footers, filters)',
			'send the original message again unchanged',
		],
		rfc: {rfc: 3463, section: '3.8'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.8',
		summary: 'Authentication credentials invalid',
		description:
			'The AUTH exchange failed because the user name, password or token was wrong or not sufficient. The client should ask the user for new credentials rather than retry blindly.',
		basicCodes: [535, 554],
		classes: [5],
		tryNext: [
			'check the user name and password; many servers want the full address as user name',
			'use an app password if the account has two-step sign-in',
			'check the encoding of the mechanism (for PLAIN: base64 of NUL user NUL password)',
		],
		rfc: {rfc: 4954, section: '6'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.9',
		summary: 'Authentication mechanism too weak',
		description:
			'The chosen SASL mechanism is weaker than the policy of the server allows for this user. The client should try a stronger one.',
		basicCodes: [534],
		classes: [5],
		tryNext: [
			'pick a stronger mechanism from the AUTH list in the EHLO reply',
			'run STARTTLS first; some servers accept simpler mechanisms over TLS',
		],
		rfc: {rfc: 4954, section: '6'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.10',
		summary: 'Encryption needed',
		description:
			'The requested authentication mechanism may only be used over an encrypted connection; this mostly concerns mechanisms that send the password in clear. Start TLS and authenticate again, or choose a stronger mechanism.',
		basicCodes: [523],
		classes: [5],
		tryNext: [
			'send STARTTLS, then EHLO and AUTH again',
			'connect to port 465 with implicit TLS instead',
			'pick a mechanism that does not send the password in clear',
		],
		rfc: {rfc: 5248},
	},
	{
		kind: 'enhanced',
		code: 'X.7.11',
		summary: 'Encryption required for this authentication mechanism',
		description:
			'The server allows the selected mechanism only on an encrypted connection. The code is kept mostly for history: servers should not offer such mechanisms before TLS is running.',
		basicCodes: [524, 538],
		classes: [5],
		tryNext: ['run STARTTLS first, then EHLO and AUTH again', 'use port 465 with implicit TLS'],
		rfc: {rfc: 4954, section: '6'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.12',
		summary: 'A password transition is needed',
		description:
			'The user has to move to the chosen mechanism, usually by logging in once with PLAIN so the server can store what the new mechanism needs. After that the mechanism should work in later sessions.',
		basicCodes: [422, 432],
		classes: [4],
		tryNext: ['authenticate once with PLAIN, over TLS', 'then use the original mechanism again'],
		rfc: {rfc: 4954, section: '6'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.13',
		summary: 'User account disabled',
		description:
			'The login itself worked, but an administrator has disabled the account (for abuse or non-payment, for example). Typing the password again will not help; this lasts until the administrator re-enables the account.',
		basicCodes: [525],
		classes: [5],
		tryNext: [
			'contact the mail provider or administrator to have the account re-enabled',
			'stop retrying automatically; it can make things worse',
		],
		rfc: {rfc: 5248},
	},
	{
		kind: 'enhanced',
		code: 'X.7.14',
		summary: 'Trust relationship required',
		description:
			'A submission server needs a configured trust relationship with another server, such as the IMAP server behind a BURL, to fetch message content, and there is none. It takes over this case from X.7.8.',
		basicCodes: [535, 554],
		classes: [5],
		tryNext: [
			'send the message content directly with DATA or BDAT',
			'ask the administrator to set up trust between the two servers',
		],
		rfc: {rfc: 5248},
	},
	{
		kind: 'enhanced',
		code: 'X.7.15',
		summary: 'Priority level too low',
		description:
			'With MT-PRIORITY: the priority of the message is below the lowest the server accepts. It can be temporary, for example while the server only takes higher-priority traffic.',
		basicCodes: [450, 550],
		classes: [4, 5],
		tryNext: ['retry later', 'send with a higher MT-PRIORITY if you are allowed to'],
		rfc: {rfc: 6710},
	},
	{
		kind: 'enhanced',
		code: 'X.7.16',
		summary: 'Message too big for the specified priority',
		description:
			'With MT-PRIORITY: at this priority the server only takes messages up to a smaller size. It can be temporary.',
		basicCodes: [552],
		classes: [4, 5],
		tryNext: ['make the message smaller', 'send it at another priority', 'retry later'],
		rfc: {rfc: 6710},
	},
	{
		kind: 'enhanced',
		code: 'X.7.17',
		summary: 'Mailbox owner has changed',
		description:
			'The message asked for a Require-Recipient-Valid-Since check (RRVS parameter or header field), and the receiver knows the mailbox has not had the same owner all along since the given date. It refuses so that mail does not reach a new owner.',
		basicCodes: [],
		classes: [5],
		tryNext: [
			'confirm the current address of the recipient another way',
			'update your records: the person you knew no longer has this mailbox',
		],
		rfc: {rfc: 7293},
	},
	{
		kind: 'enhanced',
		code: 'X.7.18',
		summary: 'Domain owner has changed',
		description:
			'The message asked for a Require-Recipient-Valid-Since check, and the receiver chooses to say that the domain of the recipient has changed hands since the given date.',
		basicCodes: [],
		classes: [5],
		tryNext: [
			'confirm the current address of the recipient another way',
			'update your records before sending again',
		],
		rfc: {rfc: 7293},
	},
	{
		kind: 'enhanced',
		code: 'X.7.19',
		summary: 'RRVS test cannot be completed',
		description:
			'The message asked for a Require-Recipient-Valid-Since check, but the receiver cannot do it because it never recorded the date it would need. The sender has to decide whether to send again without that protection.',
		basicCodes: [],
		classes: [5],
		tryNext: [
			'send again without the RRVS parameter if the risk is acceptable',
			'confirm the recipient another way first',
		],
		rfc: {rfc: 7293},
	},
	{
		kind: 'enhanced',
		code: 'X.7.20',
		summary: 'No passing DKIM signature found',
		description:
			'The policy of the receiver requires a valid DKIM signature, and the message had none that verified.',
		basicCodes: [550],
		classes: [5],
		tryNext: [
			'make sure your outgoing mail is DKIM-signed',
			'check the public key in DNS (selector._domainkey.example.com)',
			'check that nothing changes the message after it was signed',
		],
		rfc: {rfc: 7372, section: '3'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.21',
		summary: 'No acceptable DKIM signature found',
		description:
			'At least one DKIM signature verified, but none met the requirements of the receiver, for example because of the signing domain or the algorithm.',
		basicCodes: [550],
		classes: [5],
		tryNext: [
			'sign with your own domain, the one in the From address',
			'use a current algorithm such as rsa-sha256 with a 2048-bit key',
		],
		rfc: {rfc: 7372, section: '3'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.22',
		summary: 'No valid DKIM signature matching the author',
		description:
			'Signatures verified, but none was made by a domain that matches the author address in the From header field. It is a special case of X.7.21.',
		basicCodes: [550],
		classes: [5],
		tryNext: [
			'sign with d= set to the domain of the From address',
			'if a service sends for you, set up DKIM for your domain there',
		],
		rfc: {rfc: 7372, section: '3'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.23',
		summary: 'SPF validation failed',
		description:
			'The SPF check gave "fail": the sending IP address is not authorized for the domain of the envelope sender, and local policy refuses such mail. It replaces 5.7.1 for this case.',
		basicCodes: [550],
		classes: [5],
		tryNext: [
			'add the IP address of the sending server (or an include) to the SPF record of your domain',
			'check which IP address the receiver saw, often named in the reply text',
			'if the mail was forwarded, ask the forwarder to rewrite the sender (SRS)',
		],
		rfc: {rfc: 7372, section: '3'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.24',
		summary: 'SPF validation error',
		description:
			'Evaluating SPF ran into an error, such as a DNS timeout (temporary) or a broken SPF record (permanent). It replaces 4.4.3 and 5.5.2 for these cases.',
		basicCodes: [451, 550],
		classes: [4, 5],
		tryNext: [
			'check the syntax of the SPF record with a validator',
			'keep the record under 10 DNS lookups',
			'for 4.7.24, retry later: DNS may have timed out',
		],
		rfc: {rfc: 7372, section: '3'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.25',
		summary: 'Reverse DNS validation failed',
		description:
			'The IP address of the connecting client failed a reverse DNS check: it has no PTR record, or the name does not lead back to the same address.',
		basicCodes: [550],
		classes: [5],
		tryNext: [
			'set a PTR record for the sending IP address (ask your hosting provider)',
			'make that name resolve back to the same address',
			'use a HELO name that matches the PTR name',
		],
		rfc: {rfc: 7372, section: '3'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.26',
		summary: 'Multiple authentication checks failed',
		description:
			'The message failed more than one of the authentication checks of the receiver, such as SPF and DKIM; the reply does not say which.',
		basicCodes: [550],
		classes: [5],
		tryNext: [
			'check SPF, DKIM and DMARC for the sending domain',
			'send a test to a mailbox that shows the Authentication-Results header field',
		],
		rfc: {rfc: 7372, section: '3'},
	},
	{
		kind: 'enhanced',
		code: 'X.7.27',
		summary: 'Sender domain has a null MX',
		description:
			'The domain of the sender address publishes a null MX, declaring that it takes no mail, so it could not receive a bounce. The receiver refuses mail from such senders.',
		basicCodes: [550],
		classes: [5],
		tryNext: [
			'send from an address at a domain that receives mail',
			'if the domain is yours, replace the null MX with real MX records',
		],
		rfc: {rfc: 7505},
	},
	{
		kind: 'enhanced',
		code: 'X.7.28',
		summary: 'Mail flood detected',
		description:
			'The message looks like part of a flood of similar abusive messages, a mail bomb, so the receiver refuses it. The code was registered from an Internet-Draft (draft-levine-mailbomb-header), not an RFC.',
		basicCodes: [550],
		classes: [5],
		tryNext: [
			'check that your system is not sending bursts of identical messages, e.g. a web form abused for mail bombing',
			'add rate limits and send more slowly',
			'contact the receiving site if the traffic is legitimate',
		],
		// No RFC defines it; it was registered under the RFC 5248 procedure.
		rfc: {rfc: 5248},
	},
	{
		kind: 'enhanced',
		code: 'X.7.29',
		summary: 'ARC validation failure',
		description:
			'The message carried ARC header fields, which keep authentication results across forwarders and lists, and checking them failed.',
		basicCodes: [550],
		classes: [5],
		tryNext: [
			'check any forwarder or list on the path that adds ARC sets',
			'check that nothing changes the message after it was sealed',
		],
		rfc: {rfc: 8617},
	},
	{
		kind: 'enhanced',
		code: 'X.7.30',
		summary: 'REQUIRETLS support required',
		description:
			'The message was sent with REQUIRETLS, and no next hop offers REQUIRETLS, so it could not be passed on with the protection the sender demanded. It is returned rather than sent on unprotected.',
		basicCodes: [550],
		classes: [5],
		tryNext: [
			'send without REQUIRETLS if relaying without that guarantee is acceptable',
			'ask the provider of the recipient to support REQUIRETLS',
			'check that the hops on the path offer STARTTLS with valid certificates',
		],
		rfc: {rfc: 8689},
	},
];

const byCode = new Map(enhancedCodes.map(entry => [entry.code, entry]));

/**
The registry entry for a concrete code such as `5.7.1` (or `X.7.1`): the X.7.1 row,
whatever the class. Subject and detail are compared as numbers. A class form such as
`5.X.X` gives the class entry. Codes with no row of their own give undefined.
*/
export function lookupEnhanced(code: string): EnhancedCodeEntry | undefined {
	const text = code.trim();
	const classForm = /^([245])\.X\.X$/i.exec(text);
	if (classForm) return byCode.get(`${classForm[1]}.X.X`);
	const match = /^([245X])\.(\d{1,3})\.(\d{1,3})$/i.exec(text);
	if (!match) return undefined;
	return byCode.get(`X.${Number(match[2])}.${Number(match[3])}`);
}

/** What the class digit alone says: the 2.X.X, 4.X.X or 5.X.X entry. */
export function enhancedClassEntry(cls: 2 | 4 | 5): EnhancedCodeEntry {
	const entry = byCode.get(`${cls}.X.X`);
	if (!entry) throw new Error(`no class entry for ${cls}.X.X`);
	return entry;
}
