"""unpack_sequence: tuple and list unpacking in straight-line code (UNPACK_SEQUENCE, BUILD_TUPLE,
swaps), as pyperformance's bm_unpack_sequence (written for tailbench).

usage: python unpack_sequence.py LOOPS
Each loop unpacks a 10-tuple and a 10-list 20 times each and rotates values through tuple swaps;
prints the rotated values and the loop count, which follow from LOOPS alone (the rotation has
period 10).
"""
import sys


def do_unpacking(loops, to_unpack):
    s = 0
    for _ in range(loops):
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        s += a + j
    return s


def rotate(loops):
    a, b, c, d, e, f, g, h, i, j = range(10)
    for _ in range(loops):
        a, b, c, d, e, f, g, h, i, j = b, c, d, e, f, g, h, i, j, a
    return a, b, c, d, e, f, g, h, i, j


def main():
    loops = int(sys.argv[1])
    t = do_unpacking(loops, tuple(range(10)))
    lst = do_unpacking(loops, list(range(10)))
    r = rotate(loops * 10 + 3)
    print(f"tuple sum {t} list sum {lst} (9 * LOOPS = {9 * loops})")
    print("rotated", r)


if __name__ == "__main__":
    main()
