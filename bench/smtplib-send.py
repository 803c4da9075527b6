# A baseline for the send benchmark: Python's standard smtplib doing one whole transaction
# (EHLO, MAIL, RCPT, DATA with its own dot-stuffing, QUIT).
# Usage: python3 bench/smtplib-send.py HOST PORT MESSAGE_FILE (the file: headers and body, CRLF lines).
import smtplib
import sys

host, port, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, 'rb') as handle:
    message = handle.read()
with smtplib.SMTP(host, port, local_hostname='bench.local') as client:
    client.sendmail('alice@example.com', ['bob@example.org'], message)
print(f'sent {len(message)} bytes')
