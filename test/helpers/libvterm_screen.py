"""
A terminal emulator for tests: libvterm (the library of libvterm-bin's unterm, Debian
package libvterm0), which honours DECSLRM left/right margins as xterm does, and answers
DECRQM. unterm itself prints an erased cell as nothing, so a row's cells lose their
columns; this reads each cell through the library instead.

Run as a script: line-delimited JSON on stdin, {"columns": C, "rows": R, "data": "..."};
for each, one line on stdout: {"rows": [[char, cell fingerprint], ...], "cursor": [column,
row]} of a fresh screen after `data`. An erased cell reads as a space (it looks like one);
the fingerprint is the cell's width, attributes and colours as libvterm stores them; the
second column of a wide character is ["", ""].
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
vterm.vterm_set_size.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
vterm.vterm_obtain_screen.restype = ctypes.c_void_p
vterm.vterm_obtain_screen.argtypes = [ctypes.c_void_p]
vterm.vterm_obtain_state.restype = ctypes.c_void_p
vterm.vterm_obtain_state.argtypes = [ctypes.c_void_p]
vterm.vterm_screen_reset.argtypes = [ctypes.c_void_p, ctypes.c_int]
vterm.vterm_input_write.restype = ctypes.c_size_t
vterm.vterm_input_write.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
vterm.vterm_output_read.restype = ctypes.c_size_t
vterm.vterm_output_read.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
vterm.vterm_screen_get_cell.argtypes = [ctypes.c_void_p, Pos, ctypes.c_void_p]
vterm.vterm_state_get_cursorpos.argtypes = [ctypes.c_void_p, ctypes.POINTER(Pos)]
vterm.vterm_free.argtypes = [ctypes.c_void_p]

# Larger than VTermScreenCell in any libvterm version; zeroed before each read.
CELL_SIZE = 128
CHARS = 6


class Screen:
    def __init__(self, columns, rows):
        self.columns, self.rows = columns, rows
        self.term = vterm.vterm_new(rows, columns)
        vterm.vterm_set_utf8(self.term, 1)
        self.screen = vterm.vterm_obtain_screen(self.term)
        vterm.vterm_screen_reset(self.screen, 1)

    def write(self, raw):
        vterm.vterm_input_write(self.term, raw, len(raw))

    def answers(self):
        """What the terminal sends back (its replies to queries such as DECRQM)."""
        buffer = ctypes.create_string_buffer(4096)
        count = vterm.vterm_output_read(self.term, buffer, 4096)
        return buffer.raw[:count]

    def resize(self, columns, rows):
        self.columns, self.rows = columns, rows
        vterm.vterm_set_size(self.term, rows, columns)

    def cells(self):
        cell = ctypes.create_string_buffer(CELL_SIZE)
        out = []
        for row in range(self.rows):
            cells = []
            for col in range(self.columns):
                ctypes.memset(cell, 0, CELL_SIZE)
                vterm.vterm_screen_get_cell(self.screen, Pos(row, col), cell)
                chars = [int.from_bytes(cell.raw[i * 4:i * 4 + 4], "little") for i in range(CHARS)]
                # The second column of a wide character holds (uint32_t)-1: it shows nothing of its own,
                # and its attributes are whatever the cell had before (libvterm draws the first column's).
                if chars[0] == 0xFFFFFFFF:
                    cells.append(["", ""])
                    continue
                text = "".join(chr(c) for c in chars if c) or " "
                cells.append([text, cell.raw[CHARS * 4:CHARS * 4 + 24].hex()])
            out.append(cells)
        pos = Pos()
        vterm.vterm_state_get_cursorpos(vterm.vterm_obtain_state(self.term), ctypes.byref(pos))
        return {"rows": out, "cursor": [pos.col, pos.row]}

    def close(self):
        vterm.vterm_free(self.term)


if __name__ == "__main__":
    for line in sys.stdin:
        request = json.loads(line)
        screen = Screen(request["columns"], request["rows"])
        screen.write(request["data"].encode("utf-8"))
        sys.stdout.write(json.dumps(screen.cells()) + "\n")
        sys.stdout.flush()
        screen.close()
