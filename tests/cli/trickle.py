#!/usr/bin/env python3
"""trickle.py FILE: writes FILE to stdout in pieces, each cut just after a
backslash or a UTF-8 lead byte, and pauses between pieces, so that a reader
on a pipe sees reads end at those places."""
import os
import sys
import time

data = open(sys.argv[1], "rb").read()
out = sys.stdout.buffer
start = 0
for i, byte in enumerate(data):
    if byte == 0x5C or byte >= 0xC0:
        out.write(data[start:i + 1])
        out.flush()
        start = i + 1
        time.sleep(0.002)
out.write(data[start:])
out.flush()
