/** What the sub-commands (probe, send, run, view, demo-server) and the explorer's --help say, in English. */
export const commandsEn = {
	'explorer.seeHelp': '(smtp-explorer --help lists every option)',
	'explorer.needsTerminal': 'the explorer needs a terminal; for scripts use the sub-commands (smtp-explorer --help)',
	'explorer.note.lmtp': 'LMTP (RFC 2033): greet with LHLO; after the message each accepted recipient gets its own reply',
	'explorer.note.revealSecrets': '--reveal-secrets: saved transcripts will hold AUTH secrets in the clear',
	'explorer.note.demo': (server: string, user: string) =>
		`demo server ${server}: STARTTLS with a demo CA this session trusts; AUTH after STARTTLS as user ${user} (the password is in the sidebar, F4)`,
	'explorer.note.demoRecipients': 'recipients nobody@, unknown@ and reject*@ get 550 5.1.1, busy@ gets 450 4.2.1; Ctrl+N walks you through a whole session',
	'explorer.note.fileProblem': (reason: string) => `transcript file: ${reason}; the session goes on`,
	/** The help text for the connection flags the sub-commands share, indented as their help texts are. */
	'connection.help': `
	Connection
	  --starttls          require STARTTLS: fail if it is not offered or fails (default: use
	                      it when offered); --no-starttls never sends it
	  --tls               TLS from the first byte (implicit TLS, RFC 8314; port 465)
	  --require-tls       never send AUTH or mail in plaintext (RFC 3207 6)
	  --submission        default to port 587 (RFC 6409) instead of 25
	  --insecure          do not verify the server's certificate (said in the transcript)
	  --ca FILE           also trust the PEM certificate(s) in FILE
	  --servername NAME   check the certificate for NAME (and send it as SNI)
	  --ehlo NAME         the name to greet with (default: this machine's host name)
	  --timeout DURATION  give up any single wait after DURATION (30s, 2m, 1500ms);
	                      default: the RFC 5321 4.5.3.2 times
	  --transcript FILE   append every line to FILE as it happens (.jsonl JSON lines,
	                      .md Markdown, else text); AUTH secrets stay redacted

	Routes (HOST may be mx:DOMAIN[:PORT]: its MX hosts in order, RFC 5321 5.1)
	  --dns-server IP[:PORT]  ask this DNS server for MX records and addresses
	  --proxy URL         connect through a SOCKS5 proxy: socks5://[user@]host:port
	                      (socks5h:// lets the proxy resolve names); the proxy password
	                      comes from SMTP_EXPLORER_PROXY_PASSWORD or a prompt
	  --proxy-protocol v1|v2  send a PROXY protocol header first (HAProxy's)
	  --proxy-source IP:PORT  the client it names (default: this end of the socket)
	  --proxy-destination IP:PORT  the server it names (default: the other end)
	  --lmtp              speak LMTP (RFC 2033): LHLO, one reply per recipient; also
	                      lmtp:HOST[:PORT] or lmtp:/path/to/socket (default port 24)
	  --xclient NAME=VALUE  send XCLIENT with these attributes once greeted (Postfix;
	                      repeat for more), then greet again after its 220`,
	'send.help': (connection: string, exits: string) => `
	Usage
	  $ smtp-explorer send HOST[:PORT] --from A --to B [--to C ...] --subject S
	      (--body TEXT | --body-file F | body on stdin) [options]

	Sends one message in one whole transaction: EHLO, STARTTLS where offered, AUTH with
	--user, MAIL, RCPT for each --to and --cc, DATA (or BDAT), QUIT. The message gets Date,
	Message-ID, MIME headers and RFC 2047 encoding for non-ASCII header text; an 8-bit body
	goes as BODY=8BITMIME when the server takes it, else as quoted-printable.

	Message
	  --from ADDRESS      sender; "Name <a@example.com>" also sets the display name
	  --to ADDRESS        recipient (repeat for more)
	  --cc ADDRESS        copy recipient (repeat for more)
	  --subject TEXT      the subject
	  --body TEXT         the body text; or --body-file FILE; or the body on stdin
	  --header "K: V"     an extra header field (repeat for more)
	  --bdat              send with BDAT (needs CHUNKING, RFC 3030)
	  --chunk-size N      BDAT chunk size in bytes (default 1048576)
	  --max-size N        refuse a body over N bytes before connecting (default 104857600,
	                      100 MiB; 0 for no limit). A server's SIZE limit (RFC 1870) is
	                      checked too, before MAIL

	Authentication
	  --user NAME         authenticate as NAME. The password comes from the environment
	                      variable SMTP_EXPLORER_PASSWORD, or is asked on the terminal;
	                      never from a flag. It is never sent in plaintext to a host other
	                      than this machine.
	  --auth MECH         PLAIN, LOGIN, CRAM-MD5, XOAUTH2 or OAUTHBEARER (the token in the
	                      password's place); default: the first of PLAIN, LOGIN, CRAM-MD5
	                      the server offers
${connection}
	  --lang pt|en        language of the messages (default: from LC_ALL, LC_MESSAGES or LANG)
	  -v, --verbose       print the transcript to stderr as it happens (secrets redacted)


	Output
	  --json              print one JSON document on stdout: accepted and refused
	                      recipients with their replies, the final reply, the queue id
	                      when the server names one, warnings, and the error if any

${exits}

	With LMTP (--lmtp or lmtp:), each recipient gets its own reply after the message (RFC
	2033 4.2): 10 when some were delivered and some refused, 11 when none was delivered.

	Examples
	  $ smtp-explorer send mx.example.com --from a@example.com --to b@example.org \\
	      --subject "Test" --body "Hello"
	  $ SMTP_EXPLORER_PASSWORD=... smtp-explorer send smtp.example.com --submission \\
	      --user alice --from alice@example.com --to bob@example.org --subject Hi < body.txt
`,
	'send.recipientRefused': (line: string) => `recipient refused: ${line}`,
	'send.typeBody': 'Type the message body; end it with Ctrl+D on a line of its own.',
	'exit.heading': 'Exit codes (the same table for probe, send and run)',
	'exit.ok': 'done: every step went through',
	'exit.expectation': 'an EXPECT in the script did not hold (run)',
	'exit.usage': 'usage error, or an error in the script: nothing was sent',
	'exit.connect': 'could not connect (DNS, refused, unreachable, connect timeout)',
	'exit.tls': 'TLS failed (handshake, certificate), or STARTTLS was required and refused or not offered',
	'exit.greeting': 'the banner refused service (554, 421), never came, or a reply broke the protocol',
	'exit.ehlo': 'EHLO (and HELO) refused',
	'exit.auth': 'AUTH failed or is not offered, or a password would have gone out in plaintext',
	'exit.sender': 'MAIL FROM refused, or the server cannot take the message (SMTPUTF8, SIZE)',
	'exit.recipients': 'every recipient was refused (send)',
	'exit.someRecipients': 'sent, but some recipients were refused (send)',
	'exit.data': 'DATA or the message itself refused (also --bdat without CHUNKING)',
	'exit.lost': 'the server ended the session (421 after the banner), or the connection was lost or timed out',
	'exit.proxy': 'the SOCKS proxy failed (refused, sign-in refused, or it would not reach the server)',
	'exit.xclient': 'XCLIENT refused (--xclient)',
	'exit.transcript': 'done, but a write to the --transcript file failed: the file lacks lines',
} as const;
