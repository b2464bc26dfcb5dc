"""hexiom: solving Hexiom puzzles (place numbered tiles on a hexagonal board so that every tile's number
is its count of occupied neighbours) by constraint propagation and depth-first search, as
pyperformance's bm_hexiom (written for tailbench; bit-set domains, small loops, recursion).

usage: python hexiom.py PUZZLES
Makes PUZZLES boards of side 4 (37 cells) from random.Random(seed) with seeds 0, 1, ...: a random
set of occupied cells gives the tiles, two thirds of them stay locked in place. Each puzzle is
solved completely (every solution counted). Prints per puzzle the number of solutions, the search
nodes, whether every solution is valid (checked cell by cell, independently of the solver), and the
first solution row by row ('.' = empty cell).
"""
import random
import sys

SIDE = 4
EMPTY = 7                      # domain bit 7: the cell stays empty; bits 0..6: a tile with that number
EMPTY_BIT = 1 << EMPTY
ALL = (1 << 8) - 1


class Board:
    """The cells of a hexagon of side SIDE in axial coordinates (q, r), row by row, and their neighbours."""

    def __init__(self, side):
        n = side - 1
        self.cells = [(q, r) for r in range(-n, n + 1) for q in range(-n, n + 1) if -n <= q + r <= n]
        index = {c: i for i, c in enumerate(self.cells)}
        self.neighbours = []
        for q, r in self.cells:
            near = [(q + 1, r), (q - 1, r), (q, r + 1), (q, r - 1), (q + 1, r - 1), (q - 1, r + 1)]
            self.neighbours.append([index[c] for c in near if c in index])

    def rows(self, values):
        """values (one per cell, None = empty) as text rows, each indented like the hexagon."""
        out = []
        i = 0
        n = SIDE - 1
        for r in range(-n, n + 1):
            width = 2 * n + 1 - abs(r)
            row = ["." if v is None else str(v) for v in values[i:i + width]]
            out.append(" " * abs(r) + " ".join(row))
            i += width
        return out


class Puzzle:
    """The tiles to place (counts per number 0..6), the empty cells' count and the locked cells."""

    def __init__(self, board, seed):
        rng = random.Random(seed)
        size = len(board.cells)
        occupied = [rng.random() < 0.55 for _ in range(size)]
        self.solution = [sum(occupied[j] for j in board.neighbours[i]) if occupied[i] else None
                         for i in range(size)]
        self.counts = [0] * 8
        for v in self.solution:
            self.counts[EMPTY if v is None else v] += 1
        tiles = [i for i in range(size) if occupied[i]]
        self.locked = sorted(rng.sample(tiles, len(tiles) * 2 // 3))


class Solver:
    def __init__(self, board, puzzle):
        self.board = board
        self.puzzle = puzzle
        self.nodes = 0
        self.solutions = []

    def propagate(self, doms):
        """Narrows the domains in place until nothing changes; returns False on a contradiction."""
        neighbours = self.board.neighbours
        counts = self.puzzle.counts
        size = len(doms)
        changed = True
        while changed:
            changed = False
            for i in range(size):
                d = doms[i]
                lo = hi = 0
                for j in neighbours[i]:
                    dj = doms[j]
                    if dj != EMPTY_BIT:
                        hi += 1
                        if not dj & EMPTY_BIT:
                            lo += 1
                nd = d & ((((1 << (hi + 1)) - 1) & ~((1 << lo) - 1)) | EMPTY_BIT)
                if nd == 0:
                    return False
                if nd != d:
                    doms[i] = nd
                    changed = True
                if nd & EMPTY_BIT or nd & (nd - 1):
                    continue
                k = nd.bit_length() - 1          # a placed tile: its neighbours are settled at the bounds
                if k == lo:
                    for j in neighbours[i]:
                        if doms[j] & EMPTY_BIT and doms[j] != EMPTY_BIT:
                            doms[j] = EMPTY_BIT
                            changed = True
                elif k == hi:
                    for j in neighbours[i]:
                        if doms[j] != EMPTY_BIT and doms[j] & EMPTY_BIT:
                            doms[j] &= ~EMPTY_BIT
                            changed = True
            for v in range(8):
                bit = 1 << v
                placed = possible = 0
                for d in doms:
                    if d & bit:
                        possible += 1
                        if d == bit:
                            placed += 1
                if placed > counts[v] or possible < counts[v]:
                    return False
                if placed == counts[v] and possible > placed:
                    for i in range(size):
                        if doms[i] & bit and doms[i] != bit:
                            doms[i] &= ~bit
                            changed = True
                elif possible == counts[v] and possible > placed:
                    for i in range(size):
                        if doms[i] & bit and doms[i] != bit:
                            doms[i] = bit
                            changed = True
        return True

    def search(self, doms):
        self.nodes += 1
        if not self.propagate(doms):
            return
        best, best_bits = -1, 9
        for i, d in enumerate(doms):
            bits = d.bit_count()
            if 1 < bits < best_bits:
                best, best_bits = i, bits
        if best < 0:
            self.solutions.append([None if d == EMPTY_BIT else d.bit_length() - 1 for d in doms])
            return
        d = doms[best]
        for v in range(8):
            if d & (1 << v):
                child = list(doms)
                child[best] = 1 << v
                self.search(child)

    def solve(self):
        doms = [ALL] * len(self.board.cells)
        for i in self.puzzle.locked:
            doms[i] = 1 << self.puzzle.solution[i]
        self.search(doms)
        return self.solutions


def valid(board, puzzle, values):
    """Every tile's number is its count of occupied neighbours, the tiles are the puzzle's, the locks hold."""
    counts = [0] * 8
    for i, v in enumerate(values):
        counts[EMPTY if v is None else v] += 1
        if v is not None and v != sum(values[j] is not None for j in board.neighbours[i]):
            return False
    return counts == puzzle.counts and all(values[i] == puzzle.solution[i] for i in puzzle.locked)


def main():
    puzzles = int(sys.argv[1])
    board = Board(SIDE)
    total_nodes = total_solutions = 0
    for seed in range(puzzles):
        puzzle = Puzzle(board, seed)
        solver = Solver(board, puzzle)
        solutions = solver.solve()
        ok = bool(solutions) and all(valid(board, puzzle, s) for s in solutions)
        tiles = len(board.cells) - puzzle.counts[EMPTY]
        print("puzzle %d: %d tiles, %d locked: %d solutions, %d nodes, %s" % (
            seed, tiles, len(puzzle.locked), len(solutions), solver.nodes, "valid" if ok else "INVALID"))
        for row in board.rows(solutions[0] if solutions else [None] * len(board.cells)):
            print("  " + row)
        total_nodes += solver.nodes
        total_solutions += len(solutions)
    print("total: %d solutions, %d nodes" % (total_solutions, total_nodes))


if __name__ == "__main__":
    main()
