"""generators: a pipeline of generators and generator expressions (yield, yield from, send, a
recursive tree walk), as pyperformance's bm_generators (written for tailbench).

usage: python generators.py N
Walks a balanced binary tree of N nodes in order with recursive `yield from`, filters and maps the
stream through generator stages, runs a coroutine-style accumulator fed with send(); prints the
counts and sums (independent closed forms are printed next to them: n(n-1)/2 and the like).
"""
import sys


class Tree:
    __slots__ = ("left", "value", "right")

    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def tree(lo, hi):
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Tree(tree(lo, mid), mid, tree(mid + 1, hi))


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares_mod(it, m):
    for x in it:
        yield x * x % m


def accumulator():
    total = 0
    count = 0
    while True:
        x = yield total
        if x is None:
            return count
        total += x
        count += 1


def main():
    n = int(sys.argv[1])
    root = tree(0, n)
    total = sum(root)
    ordered = all(a < b for a, b in zip(root, list(root)[1:]))
    even_count = sum(1 for _ in evens(root))
    m = 1000003
    sq = sum(squares_mod(evens(iter(root)), m))
    acc = accumulator()
    next(acc)
    last = 0
    for x in root:
        last = acc.send(x)
    try:
        acc.send(None)
    except StopIteration as stop:
        sent = stop.value
    print(f"sum {total} (n(n-1)/2 = {n * (n - 1) // 2}) in order: {ordered}")
    print(f"evens {even_count} (ceil(n/2) = {(n + 1) // 2}) squares mod {m}: {sq}")
    print(f"accumulated {last} over {sent} sends")


if __name__ == "__main__":
    main()
