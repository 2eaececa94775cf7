#!/usr/bin/env python3
"""Turns a CUDA source into C++ for the host emulator (tests/gpu/emu): every launch
`kernel<Args><<<grid, block, smem, stream>>>(args)` becomes
`::mxcemu::launch_cfg(grid, block, smem, stream).bind(kernel<Args>, "kernel<Args>")(args)`.
Nothing else changes: the CUDA keywords and runtime calls are declared by cuda_emu.h.

usage: rewrite_launches.py IN.cu OUT.cc"""
import re
import sys

IDENT = re.compile(r"[A-Za-z0-9_:]")


def kernel_start(src, end):
    """Index where the kernel expression that ends just before `end` begins:
    an identifier (with ::) optionally followed by balanced template arguments."""
    i = end
    while i > 0 and src[i - 1].isspace():
        i -= 1
    if i > 0 and src[i - 1] == ">":  # template arguments: walk back to the matching '<'
        depth = 0
        while i > 0:
            i -= 1
            ch = src[i]
            if ch == ">":
                depth += 1
            elif ch == "<":
                depth -= 1
                if depth == 0:
                    break
        if depth != 0:
            raise SyntaxError("unbalanced template arguments before <<<")
    while i > 0 and IDENT.match(src[i - 1]):
        i -= 1
    return i


def rewrite(src):
    out, pos = [], 0
    while True:
        open_ = src.find("<<<", pos)
        if open_ < 0:
            out.append(src[pos:])
            return "".join(out)
        close = src.find(">>>", open_)
        if close < 0:
            raise SyntaxError("<<< without >>> at offset %d" % open_)
        start = kernel_start(src, open_)
        kernel = src[start:open_].strip()
        if not kernel:
            raise SyntaxError("no kernel name before <<< at offset %d" % open_)
        cfg = src[open_ + 3:close]
        name = " ".join(kernel.split())
        out.append(src[pos:start])
        out.append('::mxcemu::launch_cfg(%s).bind(%s, "%s")' % (cfg, kernel, name))
        pos = close + 3


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1]) as f:
        src = f.read()
    try:
        text = rewrite(src)
    except SyntaxError as e:
        sys.exit("%s: %s" % (sys.argv[1], e))
    with open(sys.argv[2], "w") as f:
        f.write("// Generated from %s by tests/gpu/emu/rewrite_launches.py: do not edit.\n" % sys.argv[1])
        f.write('#line 1 "%s"\n' % sys.argv[1])
        f.write(text)


if __name__ == "__main__":
    main()
