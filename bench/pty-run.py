#!/usr/bin/env python3
"""Starts one command in a new pseudo-terminal and times it from the inside, for
bench/benchmarks/startup.mjs. Python's own start-up comes before the clock starts (just
before fork), so, unlike `script`, the wrapper adds nothing to what is measured, and the
command is exec'd directly (no shell, no stty).

usage: pty-run.py COLUMNS ROWS TIMEOUT_MS BANNER -- COMMAND [ARGS...]
BANNER '' means: run to exit. Otherwise the command is stopped (SIGTERM) once its output
held the status bar ('^C quit') and BANNER. Prints one JSON line of times in ms after the
fork: firstByte, statusBar, fullFrame, exit; and rssMb of the command at its full frame."""
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time

columns, rows, timeout_ms, banner = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
command = sys.argv[sys.argv.index('--') + 1:]
ansi = re.compile(rb'\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])')

started = time.monotonic()
# pty.fork: a new session whose controlling terminal is the pty's other end, on fds 0-2.
pid, master = pty.fork()
if pid == 0:
    try:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', rows, columns, 0, 0))
        os.execvp(command[0], command)
    finally:
        os._exit(127)

since = lambda: (time.monotonic() - started) * 1000
times = {}
text = b''
stopping = False

def rss_mb():
    try:
        with open(f'/proc/{pid}/status') as status:
            match = re.search(r'^VmRSS:\s+(\d+)', status.read(), re.M)
            return int(match.group(1)) / 1024 if match else None
    except OSError:
        return None

while True:
    remaining = timeout_ms - since()
    if remaining <= 0:
        times['timedOut'] = True
        os.kill(pid, signal.SIGKILL)
        break
    ready, _, _ = select.select([master], [], [], remaining / 1000)
    if not ready:
        continue
    try:
        chunk = os.read(master, 65536)
    except OSError:  # EIO: every holder of the terminal has gone
        break
    if not chunk:
        break
    times.setdefault('firstByte', since())
    if not banner or stopping:
        continue
    text += ansi.sub(b'', chunk)
    if 'statusBar' not in times and b'^C quit' in text:
        times['statusBar'] = since()
    if 'statusBar' in times and banner.encode() in text:
        times['fullFrame'] = since()
        times['rssMb'] = rss_mb()
        stopping = True
        os.kill(pid, signal.SIGTERM)

_, status = os.waitpid(pid, 0)
times['exit'] = since()
times['code'] = os.waitstatus_to_exitcode(status)
print(json.dumps(times))
