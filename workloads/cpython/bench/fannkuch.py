"""fannkuch: the Benchmarks Game's fannkuch-redux, as pyperformance's bm_fannkuch (written for tailbench):
for every permutation of 1..N, flip the prefix whose length is the first element until 1 comes first;
report the checksum and the largest flip count.

usage: python fannkuch.py N
Prints "checksum" and "Pfannkuchen(N) = max flips" (the Benchmarks Game publishes 228 / 16 for N = 7).
"""
import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    permutations = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += -flips if permutations & 1 else flips
        permutations += 1
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1[0]
            perm1[:r] = perm1[1:r + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    n = int(sys.argv[1])
    checksum, flips = fannkuch(n)
    print(checksum)
    print(f"Pfannkuchen({n}) = {flips}")


if __name__ == "__main__":
    main()
