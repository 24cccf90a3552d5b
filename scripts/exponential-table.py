#!/usr/bin/env python3
"""Prints the table of Sources/Stochastics/Special/Exponential.swift.

For i = 0…127: the bits of tail = (2^(i/128) − s)/s rounded to a double, then
the bits of s − (i << 45), where s is 2^(i/128) rounded to the nearest double.
Exact powers come from Python's decimal module at 60 digits; float(Decimal) is
correctly rounded. (The result equals the table of glibc's exp, which comes
from ARM's optimized-routines.)
"""
import struct
from decimal import Decimal, getcontext

getcontext().prec = 60


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


words = []
for i in range(128):
    exact = Decimal(2) ** (Decimal(i) / Decimal(128))
    scale = float(exact)
    tail = float((exact - Decimal(scale)) / Decimal(scale))
    words += [bits(tail), (bits(scale) - (i << 45)) % 2**64]


def literal(v):
    return "0x" + "_".join("%04X" % ((v >> shift) & 0xFFFF) for shift in (48, 32, 16, 0))


for row in range(0, len(words), 4):
    print("            " + ", ".join(literal(v) for v in words[row:row + 4]) + ",")
