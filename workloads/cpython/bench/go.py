"""go: a Go player choosing its first move on a 9 x 9 board by Monte-Carlo tree search (UCT) over random
playouts, as pyperformance's bm_go (written for tailbench; union-find groups with pseudo-liberties,
captures, ko, random.Random(1) for the playouts: its Mersenne Twister is the same on every platform).

usage: python go.py PLAYOUTS
Runs PLAYOUTS playouts from the empty board (black to play, komi 7.5, area scoring), each down the
tree by UCT, one new node, then random moves to the end of the game. Prints the chosen move with its
wins and visits, the tree's size, the moves played in all playouts, black's wins, and a consistency
check of the board bookkeeping (pseudo-liberties recounted from scratch after every 16th playout).
"""
import random
import sys

SIZE = 9
EMPTY, BLACK, WHITE = 0, 1, 2
KOMI = 7.5
PASS = -1
COLUMNS = "ABCDEFGHJ"


def _neighbours(pos):
    x, y = pos % SIZE, pos // SIZE
    out = []
    if x > 0: out.append(pos - 1)
    if x < SIZE - 1: out.append(pos + 1)
    if y > 0: out.append(pos - SIZE)
    if y < SIZE - 1: out.append(pos + SIZE)
    return out


NEIGHBOURS = [_neighbours(p) for p in range(SIZE * SIZE)]


def name(pos):
    return "pass" if pos == PASS else "%s%d" % (COLUMNS[pos % SIZE], pos // SIZE + 1)


def ln(x):
    """Natural logarithm from +, -, *, / only, so that it rounds the same on every IEEE-754 platform."""
    e = 0
    while x >= 2.0:
        x /= 2.0
        e += 1
    while x < 1.0:
        x *= 2.0
        e -= 1
    s = (x - 1.0) / (x + 1.0)         # ln x = 2 atanh s, |s| < 1/3
    s2 = s * s
    term, total = s, 0.0
    for k in range(1, 40, 2):
        total += term / k
        term *= s2
    return 2.0 * total + e * 0.6931471805599453


def sqrt(x):
    return x ** 0.5                   # correctly rounded (IEEE-754 sqrt)


class Board:
    """Stones, union-find groups (parent links, pseudo-liberties at each root), the empty points, ko."""

    def __init__(self):
        n = SIZE * SIZE
        self.color = [EMPTY] * n
        self.parent = list(range(n))
        self.ledges = [0] * n
        self.empties = list(range(n))
        self.empty_at = list(range(n))
        self.ko = PASS
        self.to_play = BLACK
        self.passes = 0
        self.moves = 0

    def copy(self):
        b = Board.__new__(Board)
        b.color = self.color[:]
        b.parent = self.parent[:]
        b.ledges = self.ledges[:]
        b.empties = self.empties[:]
        b.empty_at = self.empty_at[:]
        b.ko, b.to_play, b.passes, b.moves = self.ko, self.to_play, self.passes, self.moves
        return b

    def find(self, pos):
        parent = self.parent
        while parent[pos] != pos:
            parent[pos] = parent[parent[pos]]
            pos = parent[pos]
        return pos

    def _take_empty(self, pos):
        i = self.empty_at[pos]
        last = self.empties.pop()
        if last != pos:
            self.empties[i] = last
            self.empty_at[last] = i

    def _give_empty(self, pos):
        self.empty_at[pos] = len(self.empties)
        self.empties.append(pos)

    def legal(self, pos):
        """pos is empty, not the ko point, and not suicide (it has a liberty, joins a group keeping one, or captures)."""
        if self.color[pos] != EMPTY or pos == self.ko:
            return False
        me = self.to_play
        for n in NEIGHBOURS[pos]:
            c = self.color[n]
            if c == EMPTY:
                return True
            root = self.find(n)
            touching = sum(1 for m in NEIGHBOURS[pos] if self.color[m] != EMPTY and self.find(m) == root)
            if (c == me) == (self.ledges[root] > touching):
                return True                   # a friend keeps another liberty, or an enemy is captured
        return False

    def eye(self, pos):
        """pos is surrounded by the player's own stones, none of them in atari: filling it is useless."""
        me = self.to_play
        for n in NEIGHBOURS[pos]:
            if self.color[n] != me:
                return False
            root = self.find(n)
            touching = sum(1 for m in NEIGHBOURS[pos] if self.find(m) == root)
            if self.ledges[root] <= touching:
                return False
        return True

    def play(self, pos):
        """Plays a legal move (or PASS) for the player to move."""
        me = self.to_play
        self.to_play = 3 - me
        self.moves += 1
        if pos == PASS:
            self.passes += 1
            self.ko = PASS
            return
        self.passes = 0
        color, parent, ledges = self.color, self.parent, self.ledges
        color[pos] = me
        parent[pos] = pos
        ledges[pos] = 0
        self._take_empty(pos)
        for n in NEIGHBOURS[pos]:
            if color[n] == EMPTY:
                ledges[pos] += 1
            else:
                ledges[self.find(n)] -= 1
        for n in NEIGHBOURS[pos]:
            if color[n] == me:
                a, b = self.find(n), self.find(pos)
                if a != b:
                    parent[a] = b
                    ledges[b] += ledges[a]
        captured, last = 0, PASS
        for n in NEIGHBOURS[pos]:
            if color[n] == 3 - me and ledges[self.find(n)] == 0:
                removed = self._remove_group(n)
                captured += len(removed)
                last = removed[0]
        # ko: a single stone captured by a single stone that now has exactly that one liberty
        root = self.find(pos)
        self.ko = last if captured == 1 and ledges[root] == 1 and all(
            color[n] != me for n in NEIGHBOURS[pos]) else PASS

    def _remove_group(self, start):
        color, parent, ledges = self.color, self.parent, self.ledges
        c = color[start]
        group, todo = [start], [start]
        color[start] = EMPTY
        while todo:
            p = todo.pop()
            for n in NEIGHBOURS[p]:
                if color[n] == c:
                    color[n] = EMPTY
                    group.append(n)
                    todo.append(n)
        for p in group:
            parent[p] = p
            ledges[p] = 0
            self._give_empty(p)
        for p in group:
            for n in NEIGHBOURS[p]:
                if color[n] != EMPTY:
                    ledges[self.find(n)] += 1
        return group

    def random_move(self, rng):
        """A random legal move that does not fill the player's own eye, else PASS."""
        empties = self.empties
        count = len(empties)
        if count == 0:
            return PASS
        start = rng.randrange(count)
        for k in range(count):
            pos = empties[(start + k) % count]
            if self.legal(pos) and not self.eye(pos):
                return pos
        return PASS

    def useful_moves(self):
        return [pos for pos in sorted(self.empties) if self.legal(pos) and not self.eye(pos)]

    def score(self, who):
        """Area score of who: stones plus empty points whose neighbours are all who's (white gets komi)."""
        total = KOMI if who == WHITE else 0.0
        for pos in range(SIZE * SIZE):
            c = self.color[pos]
            if c == who or (c == EMPTY and all(self.color[n] == who for n in NEIGHBOURS[pos])):
                total += 1
        return total

    def consistent(self):
        """Recounts every group's pseudo-liberties from scratch and compares them with the bookkeeping."""
        count = {}
        for pos in range(SIZE * SIZE):
            if self.color[pos] != EMPTY:
                root = self.find(pos)
                if self.color[root] != self.color[pos]:
                    return False
                count[root] = count.get(root, 0) + sum(1 for n in NEIGHBOURS[pos] if self.color[n] == EMPTY)
        empties_ok = sorted(self.empties) == [p for p in range(SIZE * SIZE) if self.color[p] == EMPTY]
        return empties_ok and all(self.ledges[r] == c and c > 0 for r, c in count.items())


class Node:
    """A move in the search tree: who played it, its results for that player, its children."""
    __slots__ = ("pos", "player", "wins", "visits", "children", "unexplored")

    def __init__(self, pos, player, board):
        self.pos = pos
        self.player = player
        self.wins = 0
        self.visits = 0
        self.children = []
        self.unexplored = board.useful_moves()

    def select(self):
        """The child with the highest UCT value (first one on ties)."""
        log_n = ln(self.visits)
        best, best_value = None, -1.0
        for child in self.children:
            value = child.wins / child.visits + sqrt(2.0 * log_n / child.visits)
            if value > best_value:
                best, best_value = child, value
        return best


def computer_move(playouts, rng):
    board = Board()
    root = Node(PASS, WHITE, board)
    nodes, moves, black_wins, checks = 1, 0, 0, 0
    for game in range(playouts):
        b = board.copy()
        node, path = root, [root]
        while not node.unexplored and node.children:
            node = node.select()
            b.play(node.pos)
            path.append(node)
        if node.unexplored:
            i = rng.randrange(len(node.unexplored))
            pos = node.unexplored[i]
            node.unexplored[i] = node.unexplored[-1]
            node.unexplored.pop()
            player = b.to_play
            b.play(pos)
            child = Node(pos, player, b)
            node.children.append(child)
            path.append(child)
            nodes += 1
        while b.passes < 2 and b.moves < 3 * SIZE * SIZE:
            b.play(b.random_move(rng))
        moves += b.moves
        winner = BLACK if b.score(BLACK) > b.score(WHITE) else WHITE
        black_wins += winner == BLACK
        for n in path:
            n.visits += 1
            n.wins += n.player == winner
        if game % 16 == 0:
            checks += b.consistent()
    best = max(root.children, key=lambda c: c.visits)   # the most visited move (first one on ties)
    return best, root, nodes, moves, black_wins, checks, (playouts + 15) // 16


def main():
    playouts = int(sys.argv[1])
    best, root, nodes, moves, black_wins, checks, wanted = computer_move(playouts, random.Random(1))
    print("move %s: %d wins of %d visits" % (name(best.pos), best.wins, best.visits))
    print("tree: %d nodes, %d root children; %d moves played, black won %d of %d playouts"
          % (nodes, len(root.children), moves, black_wins, playouts))
    print("bookkeeping consistent in %d of %d checks" % (checks, wanted))


if __name__ == "__main__":
    main()
