import {plural} from '../plural.js';

/** What the sub-commands (probe, send, run, view, demo-server) and the explorer's --help say, in English. */
export const commandsEn = {
	'explorer.seeHelp': '(smtp-explorer --help lists every option)',
	'explorer.error.messageFile': (reason: string) => `cannot read the message file: ${reason}`,
	'explorer.error.tlsAndStarttls': '--tls (TLS from the start) and --starttls (upgrade later) exclude each other',
	'explorer.error.demoWithHost': '--demo starts its own server: leave out HOST',
	'explorer.error.noServer': 'say which server to explore (HOST[:PORT]), or use --demo',
	'explorer.error.extraArgument': (words: string) => `unexpected argument: ${words}`,
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
	'explorer.tagline': 'A full-screen terminal explorer for live SMTP sessions, with the protocol reference built in',
	'explorer.help': `
	Usage
	  $ smtp-explorer HOST[:PORT] [options]      explore a real server
	  $ smtp-explorer --demo                     explore the built-in demo server
	  $ smtp-explorer @NAME [options]            explore a saved profile (see profiles)
	  $ smtp-explorer <command> [...]            see Commands

	Connection
	  --starttls             upgrade with STARTTLS right after EHLO (when offered)
	  --require-tls          never send AUTH or mail in plaintext; abort if TLS fails
	  --tls                  TLS from the first byte (implicit TLS, default port 465)
	  --submission           default to port 587 (mail submission)
	  --insecure             do NOT check the server certificate (shown loudly on screen)
	  --ca FILE              also trust the CA certificate(s) in FILE (PEM)
	  --cert FILE --key FILE client certificate and key (PEM)
	  --tls-min VERSION      lowest TLS version: TLSv1.2 (default) or TLSv1.3
	  --servername NAME      name to send as SNI and to check the certificate against
	  --ehlo NAME            name the walk (Ctrl+N) greets with (default: this host's name)
	  --user NAME            user for the AUTH helper; the password is asked on screen,
	                         or read from the environment variable SMTP_EXPLORER_PASSWORD

	Routes (HOST may also be mx:DOMAIN[:PORT], lmtp:HOST[:PORT] or lmtp:/socket)
	  --dns-server IP[:PORT] DNS server for MX records and addresses
	  --proxy URL            through a SOCKS5 proxy: socks5://[user@]host:port (socks5h://
	                         resolves names at the proxy); its password from
	                         SMTP_EXPLORER_PROXY_PASSWORD or a prompt
	  --proxy-protocol v1|v2 send a PROXY header first; --proxy-source IP:PORT and
	                         --proxy-destination IP:PORT name the ends
	  --lmtp                 speak LMTP (RFC 2033): LHLO, one reply per recipient

	Timeouts (e.g. 30s, 5m, 1500ms; defaults from RFC 5321 4.5.3.2)
	  --connect-timeout 30s  --greeting-timeout 5m  --command-timeout 5m
	  --data-timeout 2m      --data-block-timeout 3m  --data-end-timeout 10m

	Screen
	  --no-color             monochrome (also when NO_COLOR is set)
	  --transcript FILE      append every line to FILE as it happens (.txt, .jsonl, .md)
	  --reveal-secrets       put AUTH secrets in saved transcripts (never on screen)
	  --data FILE            start the message editor with the message in FILE
	  --demo                 start the built-in demo server and explore it
	  --lang pt|en           language of the screen and messages (default: from LC_ALL,
	                         LC_MESSAGES or LANG; LANG=pt_BR.UTF-8 gives Portuguese)

	Commands
	  catalog [QUERY]        search the reference catalog (--json for all of it)
	  explain CODE [ENH]     explain a reply code (e.g. explain 550 5.7.1) or a topic (ports)
	  demo-server            run the demo server alone (for swaks or your code)
	  probe HOST[:PORT]      banner, EHLO, STARTTLS and the extensions, as JSON or text
	  send HOST[:PORT] ...   send one message (--from --to --subject --body...)
	  run SCRIPT [HOST]      replay a session script with EXPECT checks
	  view FILE              open a saved transcript read-only, with explanations
	  export FILE.jsonl      turn a saved session into code: --as python|node|swaks|curl|script
	  profiles               list the saved targets (@NAME) and the file they live in
	  completion SHELL       print a completion script for bash, zsh or fish
	  Each command has its own --help.

	Keys: F1 (or ? on an empty line) lists them all inside the explorer.
`,
	'probe.help': (connection: string, exits: string) => `
	Usage
	  $ smtp-explorer probe HOST[:PORT] [options]

	Connects, reads the banner, sends EHLO, then STARTTLS and EHLO again where the server
	offers it, and QUIT. Prints what the server said: the banner, its extensions before and
	after TLS, the TLS protocol, cipher and certificate, and how long each step took.

	Options
	  --format json|text  JSON (the default, one document) or a readable report with each
	                      extension explained
	  --all               with mx:DOMAIN, probe every MX host and print one table (banner,
	                      TLS, extensions, certificate per host)
${connection}
	  --lang pt|en        language of the messages (default: from LC_ALL, LC_MESSAGES or LANG)

${exits}

	A domain with a null MX (RFC 7505) is reported as accepting no mail, with exit code 0.

	Examples
	  $ smtp-explorer probe mx.example.com
	  $ smtp-explorer probe smtp.example.com --submission --format text
	  $ smtp-explorer probe smtp.example.com --tls
	  $ smtp-explorer probe mx:example.org --all --format text
`,
	'run.help': (connection: string, exits: string) => `
	Usage
	  $ smtp-explorer run SCRIPT [HOST[:PORT]] [options]

	Replays a session script and checks each reply. It stops at the first expectation that
	fails and prints which line failed, what was expected, what came back, and the
	transcript so far (secrets redacted) on stderr.

	Script format, one item per line
	  EHLO client.example.com   any other line is a command, sent as typed
	  EXPECT 250                the reply to the previous command must be 250;
	  EXPECT 2xx                or of that class (x matches any digit);
	  EXPECT 250 2.1.5          and carry that enhanced status code
	  DATA                      DATA, then the message lines up to a line with a single
	  Subject: hello              "." (dot-stuffing is done for you; a line of only dots
	  ...                         stands for one dot fewer). An EXPECT after the "." checks
	  .                           the reply to the message, or to DATA if it was not 354
	  CONNECT host:port         (re)connect; an EXPECT after it checks the banner. Without
	                            it the run connects to HOST[:PORT] first
	  STARTTLS                  upgrade to TLS; EHLO again afterwards (RFC 3207 4.2)
	  AUTH PLAIN \${SECRET}      in a command line, \${NAME} is replaced by the environment
	                            variable NAME (only from the environment; unset is an error)
	  # comment                 comments and blank lines are ignored (not inside DATA)

	Every command is checked before anything is sent: a line the validator rejects stops
	the run with exit code 2. AUTH that would send a password in plaintext to a host that
	is not this machine is refused, whatever its mechanism, unless --plaintext-auth is
	given. Only AUTH lines and SASL responses are redacted in transcripts: keep secrets in
	them. A script is UTF-8 text of at most 1 MiB, each line at most 64 KiB; a byte order
	mark at its start is dropped.

	Options
${connection}
	  --plaintext-auth    allow AUTH in plaintext to a host that is not this machine
	                      (anyone on the path can read the secret)
	  -v, --verbose       print the transcript to stderr as it happens (secrets redacted),
	                      and notes about the script
	  --lang pt|en        language of the messages (default: from LC_ALL, LC_MESSAGES or LANG)
	  (--starttls, --no-starttls and --ehlo do not apply: the script sends STARTTLS and
	  EHLO itself. With --xclient, XCLIENT goes after the first accepted EHLO or LHLO of
	  each connection, and that greeting is sent again after its 220.)

	LMTP
	  After the "." of a message to an LMTP server (the script greeted with LHLO), each
	  accepted recipient gets its own reply (RFC 2033 4.2): write one EXPECT per recipient,
	  in RCPT order.

	A reply that ends the session (a banner other than 220, a 421 anywhere) stops the run
	with the exit code of its stage, unless the next line of the script EXPECTs it.

${exits}

	Example
	  $ smtp-explorer run check.smtp 127.0.0.1:2525 --transcript check.jsonl
`,
	'view.help': `
	Usage
	  $ smtp-explorer view FILE [--no-color] [--lang pt|en]

	Opens a saved session read-only in the transcript pane: the same explanations (Up/Down
	puts the cursor on a reply and explains it), filters (Ctrl+F), timestamps (Ctrl+T) and
	search (/, n, N). JSON lines files (.jsonl) keep everything; text and Markdown
	transcripts are read too. A file of any size opens at once: lines are found in the
	background (the header says how far) and read from the file only when shown. q or
	Ctrl+C closes it at any time.

	Options
	  --no-color    monochrome (also when NO_COLOR is set)
	  --lang pt|en  language of the screen (default: from LC_ALL, LC_MESSAGES or LANG)
`,
	'demoServer.help': `
	Usage
	  $ smtp-explorer demo-server [--port N] [--host ADDRESS] [--ca-out FILE] [--lang pt|en]

	Runs the built-in demo SMTP server alone, so other clients (swaks, a mail library) can
	practise on it. It offers STARTTLS with a certificate from a demo CA made at start,
	AUTH PLAIN LOGIN CRAM-MD5 after STARTTLS, and keeps what it receives in memory.
	Stop it with Ctrl+C.

	Options
	  --port N          port to listen on (default, or 0: one the system picks)
	  --host ADDRESS    address to listen on (default 127.0.0.1). An address other machines
	                    can reach needs --public as well: the demo password is published,
	                    and the server takes mail from anyone who connects
	  --public          allow --host on an address that is not this machine's loopback
	  --ca-out FILE     write the demo CA certificate to FILE, to verify the server with it
	                    (e.g. swaks --tls-verify --tls-ca-path FILE)
	  --lang pt|en      language of the messages (default: from LC_ALL, LC_MESSAGES or LANG)
`,
	'probe.error.format': (value: string) => `--format must be json or text, not "${value}"`,
	'probe.error.oneServer': (extra: string) => `one server at a time; unexpected "${extra}"`,
	'probe.error.all': '--all probes every MX host of a domain: give mx:DOMAIN',
	'probe.error.dns': (message: string) => `DNS lookup failed: ${message}`,
	'probe.failed': (stage: string, message: string) => `${stage} failed: ${message}`,
	'probe.stage.dns': 'DNS lookup',
	'probe.stage.connect': 'connect',
	'probe.stage.proxy': 'proxy',
	'probe.stage.greeting': 'banner',
	// probe --format text: the report of one host, the --all table, and each extension in words.
	'probe.text.title': (target: string) => `Probe of ${target}`,
	'probe.label.mail': 'mail',
	'probe.label.mxHosts': 'MX hosts',
	'probe.label.tried': 'tried',
	'probe.label.answered': 'answered',
	'probe.label.banner': 'banner',
	'probe.label.certificate': 'certificate',
	'probe.label.valid': 'valid',
	'probe.text.nullMx': 'this domain accepts no mail (null MX, RFC 7505)',
	'probe.text.implicitMx': ' (implicit MX: no MX record)',
	'probe.text.none': '(none)',
	'probe.text.tls': (protocol: string, cipher: string, verified: boolean) => `${protocol}, ${cipher}; certificate ${verified ? 'verified' : 'NOT verified (--insecure)'}`,
	'probe.text.certificate': (subject: string, names: string, issuer: string) => `${subject}${names ? ` (names: ${names})` : ''}; issuer ${issuer}`,
	'probe.text.valid': (from: string, to: string, days: number) => `${from} to ${to} (${days < 0 ? 'EXPIRED' : `${days} days left`})`,
	'probe.text.extensionsBefore': 'Extensions before TLS',
	'probe.text.extensionsAfter': 'Extensions after TLS',
	'probe.text.extensions': 'Extensions',
	'probe.text.tlsChanged': (changes: string) => `  TLS changed: ${changes}`,
	'probe.text.nothing': 'nothing',
	'probe.text.gained': (extension: string) => `gained ${extension}`,
	'probe.text.lost': (extension: string) => `lost ${extension}`,
	'probe.text.changed': (extension: string) => `changed ${extension}`,
	'probe.text.timings': 'Timings',
	'probe.text.step': (step: string) => step,
	'probe.text.injection': (bytes: number) => `Warning: ${bytes} bytes sent after STARTTLS's 220, before TLS, were discarded (possible STARTTLS response injection)`,
	'probe.text.failedAt': (stage: string, message: string) => `Failed at ${stage}: ${message}`,
	'probe.text.stage': (stage: string) => stage,
	'probe.text.ok': 'Result: ok',
	'probe.starttls.upgraded': 'upgraded',
	'probe.starttls.implicit': 'implicit TLS',
	'probe.starttls.notTried': 'not tried',
	'probe.starttls.notOffered': 'not offered',
	'probe.starttls.refused': 'refused',
	'probe.starttls.failed': 'failed',
	'probe.table.title': (domain: string, implicit: boolean) => `MX hosts of ${domain}${implicit ? ' (no MX record: the implicit MX, RFC 5321 5.1)' : ''}`,
	'probe.column.certificate': 'certificate',
	'probe.column.extensions': 'extensions',
	'probe.table.failed': (message: string) => `failed: ${message}`,
	'probe.table.none': 'none',
	'probe.table.certificate': (verified: boolean, days: number) => `${verified ? 'valid' : 'NOT verified'}, ${days < 0 ? 'EXPIRED' : `${days}d`}`,
	'probe.nullMx': (domain: string) => `${domain} accepts no mail: it publishes a null MX (RFC 7505)`,
	'probe.ext.sizeNone': 'no fixed message size limit',
	'probe.ext.size': (megabytes: number) => `messages up to ${megabytes} MB`,
	'probe.ext.sizeBad': (limit: string) => `size limit "${limit}" is not a number`,
	'probe.ext.auth': (mechanisms: string) => `sign in with ${mechanisms}`,
	'probe.ext.authNone': 'sign-in offered, but no mechanism listed',
	'probe.ext.local': 'a local extension (X-)',
	'run.error.noScript': 'no script given; see --help',
	'run.error.unexpected': (word: string) => `unexpected "${word}"`,
	'run.error.starttlsFlags': '--starttls, --no-starttls and --ehlo do not apply to run: the script sends STARTTLS and EHLO itself',
	'run.error.read': (reason: string) => `cannot read the script: ${reason}`,
	'run.error.noServer': 'no server: give HOST[:PORT], or start the script with CONNECT host:port',
	'run.error.hostUnused': 'the script starts with CONNECT, so HOST[:PORT] is not used; leave it out',
	'run.note.bom': 'a UTF-8 byte order mark at the start of the script was dropped',
	'run.script.long': (line: number, kib: number) => `line ${line}: longer than ${kib} KiB, the most a script line may hold`,
	'run.script.secondExpect': (line: number, previous: number) =>
		`line ${line}: a second EXPECT for the reply line ${previous} already checks; put the command it is meant for between them`,
	'run.script.expect': (line: number) => `line ${line}: EXPECT takes a reply code such as 250 or 2xx, and optionally an enhanced code such as 2.1.5`,
	'run.script.connect': (line: number, error: string) => `line ${line}: CONNECT ${error}`,
	'run.script.dataOpen': (line: number) => `line ${line}: the DATA block has no closing line with a single "."`,
	'run.script.badVariable': (line: number) => `line ${line}: a "\${" that does not form \${NAME} (a name of letters, digits and "_", then "}")`,
	'run.script.unset': (line: number, names: string, count: number) => `line ${line}: ${names} ${count === 1 ? 'is' : 'are'} not set in the environment`,
	'run.script.invalid': (line: number, message: string) => `line ${line}: ${message}`,
	'run.connectStep': (target: string) => `(connect to ${target})`,
	'run.where': (name: string, line: number) => `${name} line ${line}`,
	'run.plaintextAuth': (where: string) =>
		`${where}: not sent: AUTH in plaintext to a host that is not this machine; anyone on the path could read or replay it. Send STARTTLS first, or give --plaintext-auth to accept the risk`,
	'run.theMessage': (where: string, message: string) => `${where}: the message: ${message}`,
	'run.xclientRefused': (where: string, reply: string) => `${where}: --xclient: XCLIENT refused:\n    ${reply}`,
	'run.afterXclient': (where: string, greeting: string, message: string) => `${where}: ${greeting} after XCLIENT: ${message}`,
	'run.noFurtherReply': (where: string, wanted: string, line: number) =>
		`${where}: expected ${wanted}, but no further reply came to line ${line} (a message to an LMTP server gets one per accepted recipient; otherwise there is one)`,
	'run.expectedGot': (where: string, wanted: string, got: string, after: string) => `${where}: expected ${wanted}, got:\n    ${got}${after}`,
	'run.noReplyYet': 'no reply yet',
	'run.inReplyTo': (line: number, text: string) => `\n  in reply to ${line === 0 ? 'the connection' : `line ${line}`}: ${text}`,
	'run.transcriptSoFar': 'Transcript so far:',
	'run.summary': (sent: number, met: number) =>
		`${plural('en', sent, {one: '# command', other: '# commands'})} sent, ${plural('en', met, {one: '# expectation', other: '# expectations'})} met`,
	'view.error.oneFile': 'give one transcript file',
	'view.error.empty': (path: string, checked: number) => `${path} holds no transcript lines${checked > 0 ? ` (the first ${checked} lines could not be read)` : ''}`,
	'view.error.terminal': 'needs a terminal',
	'demoServer.error.port': (value: string) => `"${value}" is not a valid port (0-65535)`,
	'demoServer.error.exposed': (host: string) =>
		`refusing to listen on ${host}, which other machines may reach: the demo password is published and the server takes mail from anyone. Use the default 127.0.0.1, or add --public if you mean it`,
	'demoServer.error.start': (host: string, reason: string) => `could not start on ${host}: ${reason}`,
	'demoServer.warning.exposed': (where: string) =>
		`WARNING: the demo server listens on ${where}, which other machines may reach. Its password is published: anyone who can connect can sign in and leave mail here. Stop it with Ctrl+C when done.`,
	'send.recipientRefused': (line: string) => `recipient refused: ${line}`,
	'send.typeBody': 'Type the message body; end it with Ctrl+D on a line of its own.',
	// The shared connection flags' errors (connection-flags.ts), printed for a person by send, probe, run and the explorer.
	'flags.noServer': 'no server given: HOST[:PORT] is required',
	'flags.lmtpMx': 'LMTP delivers to one mailbox server, not to the MX hosts of a domain: give its host or socket',
	'flags.proxySourceAlone': '--proxy-source and --proxy-destination go with --proxy-protocol v1|v2',
	'flags.proxyProtocol': (value: string) => `--proxy-protocol must be v1 or v2, not "${value}"`,
	'flags.dnsServer': (value: string) => `--dns-server "${value}" is not IP[:PORT] (IPv6 as [addr]:port)`,
	'flags.xclientLong': (octets: number, most: number) => `--xclient: the XCLIENT line would be ${octets} octets; a command line holds at most ${most} (RFC 5321 4.5.3.1.4)`,
	'flags.proxyPasswordPrompt': (user: string) => `Password for the proxy user ${user}: `,
	'flags.proxyPassword': (variable: string) => `the proxy user needs a password: set ${variable}, or run in a terminal to be asked (never in the URL or a flag, where other users could read it)`,
	'flags.tlsAndStarttls': '--tls and --starttls exclude each other: --tls starts TLS at once, --starttls upgrades a plaintext connection',
	'flags.requireTlsNoStarttls': '--require-tls with --no-starttls leaves no way to encrypt: add --tls, or drop --no-starttls',
	'flags.cannotRead': (flag: string, reason: string) => `cannot read ${flag}: ${reason}`,
	'flags.noPem': (flag: string, path: string, key: boolean) => `${flag} ${path} holds no PEM ${key ? 'key' : 'certificate'}`,
	'flags.certAndKey': '--cert and --key go together',
	'flags.tlsMin': '--tls-min must be TLSv1.2 or TLSv1.3',
	'flags.servername': (value: string) => `--servername "${value}" is not a host name`,
	'flags.ehlo': (value: string) => `--ehlo "${value}" is not a domain or an address literal such as [192.0.2.1] (RFC 5321 4.1.1.1)`,
	// send's own errors: usage, what the server cannot take, and the summary.
	'send.error.bdatLmtp': '--bdat is not supported with LMTP; leave it out to send with DATA',
	'send.error.from': '--from is required',
	'send.error.to': 'at least one --to is required',
	'send.error.subject': '--subject is required (it may be empty: --subject "")',
	'send.error.subjectControl': 'the subject contains a line break or another control character, which would start a new header field',
	'send.error.bodyTwice': 'give the body once: --body or --body-file, not both',
	'send.error.chunkSizeAlone': '--chunk-size goes with --bdat',
	'send.error.chunkSize': (value: string) => `--chunk-size "${value}" is not a positive number of bytes`,
	'send.error.maxSize': (value: string) => `--max-size "${value}" is not a number of bytes (0 for no limit)`,
	'send.error.tooLarge': (limit: string) => `the message body is larger than ${limit} (--max-size); nothing was sent. Raise --max-size, or use --max-size 0 for no limit`,
	'send.error.readStdin': (reason: string) => `cannot read the body from stdin: ${reason}`,
	'send.error.readBodyFile': (reason: string) => `cannot read --body-file: ${reason}`,
	'send.error.authNeedsUser': '--auth needs --user',
	'send.error.userName': '--user needs a user name without control characters',
	'send.error.mechanism': (mechanism: string, choices: string) => `--auth ${mechanism} is not one send can do; choose ${choices}`,
	'send.passwordPrompt': (user: string) => `Password for ${user}: `,
	'send.error.noPassword': (variable: string) => `--user needs a password: set ${variable}, or run in a terminal to be asked (a password is never taken as a flag, where other users could read it)`,
	'send.error.plaintext': (why: string) => `refusing to send the password in plaintext to a host that is not this machine: ${why}, so anyone on the path could read it. Use --starttls (or --tls for port 465)`,
	'send.why.noStarttlsFlag': '--no-starttls keeps the connection in plaintext',
	'send.why.starttlsOff': 'STARTTLS is turned off',
	'send.why.starttlsRefused': 'STARTTLS was refused',
	'send.why.notOffered': 'the server does not offer STARTTLS',
	'send.error.smtputf8': 'MAIL not sent: an address is not ASCII, which needs SMTPUTF8 (RFC 6531), and the server does not offer it',
	'send.error.chunking': 'MAIL not sent: --bdat needs CHUNKING (RFC 3030), and the server does not offer it; leave --bdat out to send with DATA',
	'send.error.size': (size: number, limit: number) => `MAIL not sent: the message is ${size} bytes and the server takes at most ${limit} (SIZE, RFC 1870)`,
	'send.error.allRefused': (refused: string) => `every recipient was refused: ${refused}`,
	'send.error.noneDelivered': (refused: string) => `the message was delivered to no recipient: ${refused}`,
	'send.deliveredLmtp': (bytes: number | undefined, delivered: number, total: number, lines: string) => `delivered (LMTP, ${bytes} bytes) to ${delivered} of ${total}: ${lines}`,
	'send.error.noAuth': (tls: boolean) => `the server does not offer AUTH${tls ? '' : ' (many servers offer it only after STARTTLS)'}`,
	'send.error.mechanismNotOffered': (wanted: string | undefined, offered: string) => `the server does not offer ${wanted ? `AUTH ${wanted}` : 'PLAIN, LOGIN or CRAM-MD5'}; it offers ${offered} (choose with --auth)`,
	'send.sent': (reply: string, from: string, to: string, bytes: number | undefined) => `sent: ${reply} (from <${from}> to ${to}, ${bytes} bytes)`,
	'send.noReplyTo': (what: string, why: string) => `no reply to ${what}: ${why}`,
	'send.mailRefused': 'MAIL FROM refused',
	'send.dataRefused': 'DATA refused (the message was not sent)',
	'send.theMessage': 'the message',
	'send.noReplyToMessage': (why: string) => `no reply to the message: ${why}`,
	'send.messageRefused': 'the message was refused',
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
