"""
A terminal emulator for tests: libvterm (the library of libvterm-bin's unterm, Debian
package libvterm0), which honours DECSLRM left/right margins as xterm does. unterm itself
prints an erased cell as nothing, so a row's cells lose their columns; this reads each cell
through the library instead.

Line-delimited JSON on stdin: {"columns": C, "rows": R, "data": "..."}; for each, one line
on stdout: {"rows": [[char, cell fingerprint], ...], "cursor": [column, row]}. An erased
cell reads as a space (it looks like one); the fingerprint is the cell's width, attributes
and colours as libvterm stores them.
"""
import ctypes
import json
import sys

vterm = ctypes.CDLL("libvterm.so.0")


class Pos(ctypes.Structure):
    _fields_ = [("row", ctypes.c_int), ("col", ctypes.c_int)]


vterm.vterm_new.restype = ctypes.c_void_p
vterm.vterm_new.argtypes = [ctypes.c_int, ctypes.c_int]
vterm.vterm_set_utf8.argtypes = [ctypes.c_void_p, ctypes.c_int]
vterm.vterm_obtain_screen.restype = ctypes.c_void_p
vterm.vterm_obtain_screen.argtypes = [ctypes.c_void_p]
vterm.vterm_obtain_state.restype = ctypes.c_void_p
vterm.vterm_obtain_state.argtypes = [ctypes.c_void_p]
vterm.vterm_screen_reset.argtypes = [ctypes.c_void_p, ctypes.c_int]
vterm.vterm_input_write.restype = ctypes.c_size_t
vterm.vterm_input_write.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
vterm.vterm_screen_get_cell.argtypes = [ctypes.c_void_p, Pos, ctypes.c_void_p]
vterm.vterm_state_get_cursorpos.argtypes = [ctypes.c_void_p, ctypes.POINTER(Pos)]
vterm.vterm_free.argtypes = [ctypes.c_void_p]

# Larger than VTermScreenCell in any libvterm version; zeroed before each read.
CELL_SIZE = 128
CHARS = 6


def screen(columns, rows, data):
    term = vterm.vterm_new(rows, columns)
    vterm.vterm_set_utf8(term, 1)
    scr = vterm.vterm_obtain_screen(term)
    vterm.vterm_screen_reset(scr, 1)
    raw = data.encode("utf-8")
    vterm.vterm_input_write(term, raw, len(raw))
    cell = ctypes.create_string_buffer(CELL_SIZE)
    out = []
    for row in range(rows):
        cells = []
        for col in range(columns):
            ctypes.memset(cell, 0, CELL_SIZE)
            vterm.vterm_screen_get_cell(scr, Pos(row, col), cell)
            chars = [int.from_bytes(cell.raw[i * 4:i * 4 + 4], "little") for i in range(CHARS)]
            text = "".join(chr(c) for c in chars if c) or " "
            cells.append([text, cell.raw[CHARS * 4:CHARS * 4 + 24].hex()])
        out.append(cells)
    pos = Pos()
    vterm.vterm_state_get_cursorpos(vterm.vterm_obtain_state(term), ctypes.byref(pos))
    vterm.vterm_free(term)
    return {"rows": out, "cursor": [pos.col, pos.row]}


for line in sys.stdin:
    request = json.loads(line)
    sys.stdout.write(json.dumps(screen(request["columns"], request["rows"], request["data"])) + "\n")
    sys.stdout.flush()
