"""
A terminal with left/right margins for end-to-end tests: the command runs in a
pseudo-terminal whose output goes to libvterm (libvterm_screen.py), and libvterm's own
answers (DECRQM and other reports) go back to the command as a terminal's would.

usage: pty_libvterm.py COLUMNS ROWS -- COMMAND [ARGS...]
Line-delimited JSON requests on stdin, one JSON line answering each on stdout:
{"op": "keys", "data": "..."}      the bytes, in one write, as typed   -> {}
{"op": "screen"}                   every cell and the cursor          -> {"rows": ..., "cursor": ...}
{"op": "output"}                   all the command wrote so far       -> {"output": "..."}
{"op": "resize", "columns", "rows"} the window's new size (SIGWINCH)  -> {}
{"op": "stop"}                     SIGTERM to the command, then exit  -> {}
"""
import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios

from libvterm_screen import Screen

columns, rows = int(sys.argv[1]), int(sys.argv[2])
command = sys.argv[sys.argv.index("--") + 1:]

# pty.fork: a new session whose controlling terminal is the pty's other end, on fds 0-2.
pid, master = pty.fork()
if pid == 0:
    try:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.execvp(command[0], command)
    finally:
        os._exit(127)

screen = Screen(columns, rows)
output = bytearray()
requests = b""
open_master = True


def reply(value):
    sys.stdout.write(json.dumps(value) + "\n")
    sys.stdout.flush()


def read_master():
    global open_master
    try:
        chunk = os.read(master, 65536)
    except OSError:  # EIO: the command and its terminal are gone
        chunk = b""
    if not chunk:
        open_master = False
        return
    output.extend(chunk)
    screen.write(chunk)
    answers = screen.answers()
    if answers:
        os.write(master, answers)


while True:
    watched = [sys.stdin.buffer] + ([master] if open_master else [])
    ready, _, _ = select.select(watched, [], [], 30)
    if master in ready:
        read_master()
        continue
    if sys.stdin.buffer not in ready:
        continue
    data = os.read(sys.stdin.fileno(), 65536)
    if not data:
        break
    requests += data
    while b"\n" in requests:
        line, requests = requests.split(b"\n", 1)
        request = json.loads(line)
        op = request["op"]
        if op == "keys":
            os.write(master, request["data"].encode("utf-8"))
            reply({})
        elif op == "screen":
            # Take in whatever is already written before looking.
            while open_master and select.select([master], [], [], 0)[0]:
                read_master()
            reply(screen.cells())
        elif op == "output":
            reply({"output": output.decode("utf-8", "replace")})
        elif op == "resize":
            fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", request["rows"], request["columns"], 0, 0))
            screen.resize(request["columns"], request["rows"])
            reply({})
        elif op == "stop":
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            reply({})
            sys.exit(0)
try:
    os.kill(pid, signal.SIGTERM)
except ProcessLookupError:
    pass
