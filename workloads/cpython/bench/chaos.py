"""chaos: the chaos game drawing a fractal with random affine maps along a spline, as pyperformance's
bm_chaos (written for tailbench; float arithmetic, small classes, random with a fixed seed).

usage: python chaos.py ITERATIONS
Plays ITERATIONS points of the chaos game on a 64 x 64 grid (random.Random(1234): its Mersenne
Twister is the same on every platform) and prints the number of lit cells, a checksum of the grid
and the last point.
"""
import math
import random
import sys

WIDTH = HEIGHT = 64


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Spline:
    """A uniform quadratic B-spline through control points (the path the maps are spread along)."""

    def __init__(self, points):
        self.points = points

    def __call__(self, t):
        n = len(self.points) - 2
        seg = min(int(t * n), n - 1)
        u = t * n - seg
        p0, p1, p2 = self.points[seg], self.points[seg + 1], self.points[seg + 2]
        a = 0.5 * (1 - u) * (1 - u)
        b = 0.5 + u * (1 - u)
        c = 0.5 * u * u
        return Point(a * p0.x + b * p1.x + c * p2.x, a * p0.y + b * p1.y + c * p2.y)


class Chaosgame:
    def __init__(self, splines, rng):
        self.splines = splines
        self.rng = rng
        self.minx = min(p.x for s in splines for p in s.points)
        self.maxx = max(p.x for s in splines for p in s.points)
        self.miny = min(p.y for s in splines for p in s.points)
        self.maxy = max(p.y for s in splines for p in s.points)
        self.num_trafos = [max(1, int(len(s.points) * 3)) for s in splines]
        self.num_total = sum(self.num_trafos)

    def transform(self, point):
        x = (point.x - self.minx) / (self.maxx - self.minx)
        y = (point.y - self.miny) / (self.maxy - self.miny)
        r = self.rng.randrange(self.num_total)
        i = 0
        while r >= self.num_trafos[i]:
            r -= self.num_trafos[i]
            i += 1
        spline = self.splines[i]
        t = (r + x) / self.num_trafos[i]
        base = spline(t)
        angle = math.atan2(base.y, base.x) + y * 0.1
        scale = 0.3 + 0.1 * math.sin(angle)
        nx = base.x + scale * (y - 0.5) * math.cos(angle)
        ny = base.y + scale * (x - 0.5) * math.sin(angle)
        nx = min(max(nx, self.minx), self.maxx)
        ny = min(max(ny, self.miny), self.maxy)
        return Point(nx, ny)

    def play(self, iterations):
        grid = [[0] * WIDTH for _ in range(HEIGHT)]
        point = Point((self.maxx + self.minx) / 2, (self.maxy + self.miny) / 2)
        for _ in range(iterations):
            point = self.transform(point)
            gx = int((point.x - self.minx) / (self.maxx - self.minx) * (WIDTH - 1))
            gy = int((point.y - self.miny) / (self.maxy - self.miny) * (HEIGHT - 1))
            grid[gy][gx] += 1
        return grid, point


def main():
    iterations = int(sys.argv[1])
    splines = [
        Spline([Point(1.597350, 3.304460), Point(1.575810, 4.123260), Point(1.313210, 5.288350),
                Point(1.618900, 5.329910), Point(2.889940, 5.502700), Point(2.373060, 4.381830),
                Point(1.662000, 4.360280)]),
        Spline([Point(2.804500, 4.017350), Point(2.550500, 3.525230), Point(1.979010, 2.620360),
                Point(1.979010, 2.620360)]),
        Spline([Point(2.001670, 4.011320), Point(2.335040, 3.312830), Point(2.366800, 3.233460),
                Point(2.366800, 3.233460)]),
    ]
    game = Chaosgame(splines, random.Random(1234))
    grid, last = game.play(iterations)
    lit = sum(1 for row in grid for c in row if c)
    checksum = 0
    for row in grid:
        for c in row:
            checksum = (checksum * 131 + c) % 1000000007
    print(f"lit cells {lit} of {WIDTH * HEIGHT}, checksum {checksum}")
    print(f"last point {last.x:.9f} {last.y:.9f}")


if __name__ == "__main__":
    main()
