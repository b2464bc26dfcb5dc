"""raytrace: a small ray tracer (spheres and a plane, diffuse and specular light, shadows and
reflections), as pyperformance's bm_raytrace (written for tailbench; float arithmetic in small
vector objects, method calls, attribute access).

usage: python raytrace.py SIZE
Renders a SIZE x SIZE image and prints a checksum of its 8-bit pixels and the centre pixel.
"""
import math
import sys

EPSILON = 0.00001


class Vector:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def magnitude(self):
        return math.sqrt(self.dot(self))

    def __add__(self, o):
        return Vector(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vector(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, f):
        return Vector(self.x * f, self.y * f, self.z * f)

    def cross(self, o):
        return Vector(self.y * o.z - self.z * o.y, self.z * o.x - self.x * o.z, self.x * o.y - self.y * o.x)

    def normalized(self):
        return self.scale(1.0 / self.magnitude())

    def reflect_through(self, normal):
        return self - normal.scale(2 * self.dot(normal))


class Ray:
    def __init__(self, point, vector):
        self.point = point
        self.vector = vector.normalized()

    def point_at(self, t):
        return self.point + self.vector.scale(t)


class Sphere:
    def __init__(self, centre, radius):
        self.centre = centre
        self.radius = radius

    def intersection_time(self, ray):
        cp = self.centre - ray.point
        v = cp.dot(ray.vector)
        disc = self.radius * self.radius - (cp.dot(cp) - v * v)
        if disc < 0:
            return None
        return v - math.sqrt(disc)

    def normal_at(self, p):
        return (p - self.centre).normalized()


class Halfspace:
    def __init__(self, point, normal):
        self.point = point
        self.normal = normal.normalized()

    def intersection_time(self, ray):
        v = ray.vector.dot(self.normal)
        if v:
            return (self.point - ray.point).dot(self.normal) / v
        return None

    def normal_at(self, p):
        return self.normal


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []
        self.position = Vector(0, 1.8, 10)
        self.look_at = Vector(0, 3, 0)
        self.fov = 45

    def add(self, obj, surface):
        self.objects.append((obj, surface))

    def render(self, size):
        fov = math.radians(self.fov) / 2
        eye = (self.look_at - self.position).normalized()
        vp_right = eye.cross(Vector(0, 1, 0)).normalized()
        vp_up = vp_right.cross(eye).normalized()
        half = math.tan(fov)
        pixel = 2 * half / (size - 1)
        pixels = []
        for y in range(size):
            row = []
            for x in range(size):
                xc = vp_right.scale(x * pixel - half)
                yc = vp_up.scale(y * pixel - half)
                ray = Ray(self.position, eye + xc + yc)
                row.append(self.ray_colour(ray, 0))
            pixels.append(row)
        return pixels

    def first_hit(self, ray):
        best = None
        for obj, surface in self.objects:
            t = obj.intersection_time(ray)
            if t is not None and t > EPSILON and (best is None or t < best[0]):
                best = (t, obj, surface)
        return best

    def ray_colour(self, ray, depth):
        if depth > 3:
            return (0.0, 0.0, 0.0)
        hit = self.first_hit(ray)
        if hit is None:
            return (0.0, 0.0, 0.0)
        t, obj, surface = hit
        p = ray.point_at(t)
        return surface.colour_at(self, ray, p, obj.normal_at(p), depth)

    def visible(self, p, light):
        d = light - p
        hit = self.first_hit(Ray(p, d))
        return hit is None or hit[0] > d.magnitude()


class SimpleSurface:
    def __init__(self, base, specular=0.2, lambert=0.6, checker=False):
        self.base = base
        self.specular = specular
        self.lambert = lambert
        self.ambient = 1.0 - specular - lambert
        self.checker = checker

    def base_at(self, p):
        if self.checker and (int(math.floor(p.x) + math.floor(p.z)) & 1):
            return (0.0, 0.0, 0.0)
        return self.base

    def colour_at(self, scene, ray, p, normal, depth):
        b = self.base_at(p)
        c = [0.0, 0.0, 0.0]
        if self.specular:
            reflected = Ray(p, ray.vector.reflect_through(normal))
            rc = scene.ray_colour(reflected, depth + 1)
            c = [c[i] + rc[i] * self.specular for i in range(3)]
        if self.lambert:
            amount = 0.0
            for light in scene.lights:
                if scene.visible(p, light):
                    contribution = (light - p).normalized().dot(normal)
                    if contribution > 0:
                        amount += contribution
            amount = min(1.0, amount)
            c = [c[i] + b[i] * self.lambert * amount for i in range(3)]
        return tuple(c[i] + b[i] * self.ambient for i in range(3))


def main():
    size = int(sys.argv[1])
    scene = Scene()
    scene.lights.append(Vector(30, 30, 10))
    scene.lights.append(Vector(-10, 100, 30))
    scene.add(Sphere(Vector(1, 3, -10), 2), SimpleSurface((1.0, 1.0, 0.0)))
    for y in range(6):
        scene.add(Sphere(Vector(-3 - y * 0.4, 2.3, -5), 0.4), SimpleSurface((y / 6.0, 1 - y / 6.0, 0.5)))
    scene.add(Halfspace(Vector(0, 0, 0), Vector(0, 1, 0)), SimpleSurface((1.0, 1.0, 1.0), checker=True))
    pixels = scene.render(size)
    checksum = 0
    for row in pixels:
        for r, g, b in row:
            for v in (r, g, b):
                checksum = (checksum * 257 + max(0, min(255, int(v * 255)))) % 1000000007
    centre = pixels[size // 2][size // 2]
    print(f"{size}x{size} checksum {checksum}")
    print("centre %.9f %.9f %.9f" % centre)


if __name__ == "__main__":
    main()
