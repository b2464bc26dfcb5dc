"""spectral-norm: the Benchmarks Game's power method, as pyperformance's bm_spectral_norm (written for tailbench).

usage: python spectral_norm.py N
Prints the spectral norm of the infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1)
truncated to N x N, after 10 power iterations (%.9f; the Benchmarks Game publishes
1.274219991 for N = 100).
Integer arithmetic, + - * / and math.sqrt only: the same digits on every IEEE-754 platform.
"""
import sys
from math import sqrt


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def eval_a_times_u(u):
    n = len(u)
    return [sum(eval_a(i, j) * u_j for j, u_j in enumerate(u)) for i in range(n)]


def eval_at_times_u(u):
    n = len(u)
    return [sum(eval_a(j, i) * u_j for j, u_j in enumerate(u)) for i in range(n)]


def eval_ata_times_u(u):
    return eval_at_times_u(eval_a_times_u(u))


def main(n):
    u = [1.0] * n
    for _ in range(10):
        v = eval_ata_times_u(u)
        u = eval_ata_times_u(v)
    vbv = vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    print("%.9f" % sqrt(vbv / vv))


if __name__ == "__main__":
    main(int(sys.argv[1]))
