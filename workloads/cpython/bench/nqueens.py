"""nqueens: all solutions of the N-queens problem by generating permutations and filtering them with
sets of diagonals, as pyperformance's bm_nqueens (written for tailbench; generators, sets, tuples).

usage: python nqueens.py N REPEAT
Solves N queens REPEAT times; prints the number of solutions (OEIS A000170: 4, 40, 92 for
N = 6, 7, 8), the first and last solution and a checksum of them all.
"""
import sys


def permutations(iterable):
    pool = tuple(iterable)
    n = len(pool)
    indices = list(range(n))
    cycles = list(range(n, 0, -1))
    yield tuple(pool[i] for i in indices)
    while n:
        for i in reversed(range(n)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices)
                break
        else:
            return


def n_queens(queen_count):
    cols = range(queen_count)
    for vec in permutations(cols):
        if (queen_count == len(set(vec[i] + i for i in cols))
                == len(set(vec[i] - i for i in cols))):
            yield vec


def main():
    n, repeat = int(sys.argv[1]), int(sys.argv[2])
    for _ in range(repeat):
        solutions = list(n_queens(n))
    checksum = 0
    for vec in solutions:
        for i, q in enumerate(vec):
            checksum = (checksum * 31 + q * (i + 1)) % 1000000007
    print(f"{n} queens: {len(solutions)} solutions")
    print(f"first {solutions[0]} last {solutions[-1]} checksum {checksum}")


if __name__ == "__main__":
    main()
