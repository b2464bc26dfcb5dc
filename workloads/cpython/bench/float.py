"""float: pyperformance's bm_float (written for tailbench): build N points from sin/cos, normalize
each, and fold them with a component-wise maximum. Stresses float objects, attribute access with
__slots__ and method calls.

usage: python float.py N
Prints the maximum point's coordinates (%.9f; sin and cos are not correctly rounded everywhere,
so nine digits, not seventeen) and the number of points.
"""
import sys
from math import sin, cos, sqrt


class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    return best


def main(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    m = maximize(points)
    print("%.9f %.9f %.9f" % (m.x, m.y, m.z))
    print("%d points" % n)


if __name__ == "__main__":
    main(int(sys.argv[1]))
