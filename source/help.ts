/** The top-level help, kept apart so `--help` prints without loading the app. */
export const help = `
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
`;
