"""deltablue: the DeltaBlue incremental constraint solver on a chain and a projection of variables, as
pyperformance's bm_deltablue (written for tailbench after Freeman-Benson, Maloney and Borning's
algorithm: constraint strengths, walkabout strengths, method choice, plans; objects and method calls).

usage: python deltablue.py N ROUNDS
Each round runs the chain test (N + 1 variables joined by N required equalities, a stay on the last,
an edit of the first: the plan must carry 100 values to the end) and the projection test (N pairs
dst = src * scale + offset, then edits of src, dst, scale and offset: the solver must keep every
relation). Prints one line per test with the values the algorithm fixes (1170, 5, the sums of the
destinations) and the number of failed checks, which is 0.
"""
import sys
from collections import deque


class Strength:
    """A constraint strength: lower value = stronger; REQUIRED constraints must be satisfied."""

    def __init__(self, value, name):
        self.value = value
        self.name = name

    def next_weaker(self):
        return STRENGTHS[self.value + 1]

    @staticmethod
    def stronger(a, b):
        return a.value < b.value

    @staticmethod
    def weaker(a, b):
        return a.value > b.value

    @staticmethod
    def weakest_of(a, b):
        return a if a.value > b.value else b


STRENGTHS = [Strength(i, n) for i, n in enumerate(
    ["required", "strong preferred", "preferred", "strong default", "normal", "weak default", "weakest"])]
REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST = STRENGTHS

NONE, FORWARD, BACKWARD = 0, 1, 2


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.mark = 0
        self.walk_strength = WEAKEST
        self.stay = True

    def add_constraint(self, c):
        self.constraints.append(c)

    def remove_constraint(self, c):
        self.constraints.remove(c)
        if self.determined_by is c:
            self.determined_by = None


class Constraint:
    def __init__(self, planner, strength):
        self.planner = planner
        self.strength = strength

    def add_constraint(self):
        self.add_to_graph()
        self.planner.incremental_add(self)

    def satisfy(self, mark):
        """Chooses a method; returns the constraint this one overrides (or None)."""
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength is REQUIRED:
                raise RuntimeError("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not self.planner.add_propagate(self, mark):
            raise RuntimeError("cycle encountered")
        out.mark = mark
        return overridden

    def destroy_constraint(self):
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def is_input(self):
        return False


class UnaryConstraint(Constraint):
    def __init__(self, planner, v, strength):
        super().__init__(planner, strength)
        self.my_output = v
        self.satisfied = False
        self.add_constraint()

    def add_to_graph(self):
        self.my_output.add_constraint(self)
        self.satisfied = False

    def choose_method(self, mark):
        out = self.my_output
        self.satisfied = out.mark != mark and Strength.stronger(self.strength, out.walk_strength)

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.my_output

    def recalculate(self):
        out = self.my_output
        out.walk_strength = self.strength
        out.stay = not self.is_input()
        if out.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True

    def remove_from_graph(self):
        if self.my_output is not None:
            self.my_output.remove_constraint(self)
            self.satisfied = False


class StayConstraint(UnaryConstraint):
    """Keeps its variable's value (unless something stronger changes it)."""

    def execute(self):
        pass


class EditConstraint(UnaryConstraint):
    """Marks its variable as an input the user changes."""

    def is_input(self):
        return True

    def execute(self):
        pass


class BinaryConstraint(Constraint):
    def __init__(self, planner, v1, v2, strength):
        super().__init__(planner, strength)
        self.v1 = v1
        self.v2 = v2
        self.direction = NONE
        self.add_constraint()

    def choose_method(self, mark):
        v1, v2 = self.v1, self.v2
        if v1.mark == mark:
            if v2.mark != mark and Strength.stronger(self.strength, v2.walk_strength):
                self.direction = FORWARD
            else:
                self.direction = NONE
            return
        if v2.mark == mark:
            if Strength.stronger(self.strength, v1.walk_strength):
                self.direction = BACKWARD
            else:
                self.direction = NONE
            return
        # neither end is fixed in this pass: write the weaker one, if this constraint is stronger than it
        if Strength.weaker(v1.walk_strength, v2.walk_strength):
            self.direction = BACKWARD if Strength.stronger(self.strength, v1.walk_strength) else NONE
        else:
            self.direction = FORWARD if Strength.stronger(self.strength, v2.walk_strength) else NONE

    def add_to_graph(self):
        self.v1.add_constraint(self)
        self.v2.add_constraint(self)
        self.direction = NONE

    def is_satisfied(self):
        return self.direction != NONE

    def mark_inputs(self, mark):
        self.input().mark = mark

    def input(self):
        return self.v1 if self.direction == FORWARD else self.v2

    def output(self):
        return self.v2 if self.direction == FORWARD else self.v1

    def recalculate(self):
        ihn, out = self.input(), self.output()
        out.walk_strength = Strength.weakest_of(self.strength, ihn.walk_strength)
        out.stay = ihn.stay
        if out.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.direction = NONE

    def inputs_known(self, mark):
        i = self.input()
        return i.mark == mark or i.stay or i.determined_by is None

    def remove_from_graph(self):
        self.v1.remove_constraint(self)
        self.v2.remove_constraint(self)
        self.direction = NONE


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    """v2 = v1 * scale + offset, in whichever direction the solver chose."""

    def __init__(self, planner, src, scale, offset, dest, strength):
        self.scale = scale
        self.offset = offset
        super().__init__(planner, src, dest, strength)

    def add_to_graph(self):
        super().add_to_graph()
        self.scale.add_constraint(self)
        self.offset.add_constraint(self)

    def remove_from_graph(self):
        super().remove_from_graph()
        self.scale.remove_constraint(self)
        self.offset.remove_constraint(self)

    def mark_inputs(self, mark):
        super().mark_inputs(mark)
        self.scale.mark = mark
        self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.v2.value = self.v1.value * self.scale.value + self.offset.value
        else:
            self.v1.value = (self.v2.value - self.offset.value) // self.scale.value

    def recalculate(self):
        ihn, out = self.input(), self.output()
        out.walk_strength = Strength.weakest_of(self.strength, ihn.walk_strength)
        out.stay = ihn.stay and self.scale.stay and self.offset.stay
        if out.stay:
            self.execute()


class Plan:
    """The constraints to execute, in order, to propagate new input values."""

    def __init__(self):
        self.constraints = []

    def execute(self):
        for c in self.constraints:
            c.execute()


class Planner:
    def __init__(self):
        self.current_mark = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, c):
        mark = self.new_mark()
        overridden = c.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, c):
        out = c.output()
        c.mark_unsatisfied()
        c.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        strength = REQUIRED
        while True:
            for u in unsatisfied:
                if u.strength is strength:
                    self.incremental_add(u)
            if strength is WEAKEST:
                break
            strength = strength.next_weaker()

    def make_plan(self, sources):
        mark = self.new_mark()
        plan = Plan()
        todo = deque(sources)
        while todo:
            c = todo.popleft()
            out = c.output()
            if out.mark != mark and c.inputs_known(mark):
                plan.constraints.append(c)
                out.mark = mark
                self.add_constraints_consuming_to(out, todo)
        return plan

    def extract_plan_from_constraints(self, constraints):
        return self.make_plan([c for c in constraints if c.is_input() and c.is_satisfied()])

    def add_propagate(self, c, mark):
        todo = deque([c])
        while todo:
            d = todo.popleft()
            if d.output().mark == mark:
                self.incremental_remove(c)
                return False
            d.recalculate()
            self.add_constraints_consuming_to(d.output(), todo)
        return True

    def remove_propagate_from(self, out):
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = deque([out])
        while todo:
            v = todo.popleft()
            for c in v.constraints:
                if not c.is_satisfied():
                    unsatisfied.append(c)
            determining = v.determined_by
            for c in v.constraints:
                if c is not determining and c.is_satisfied():
                    c.recalculate()
                    todo.append(c.output())
        return unsatisfied

    def add_constraints_consuming_to(self, v, coll):
        determining = v.determined_by
        for c in v.constraints:
            if c is not determining and c.is_satisfied():
                coll.append(c)


def change(planner, v, value):
    """Sets v to value through an edit constraint, as a user interface would, then removes the edit."""
    edit = EditConstraint(planner, v, PREFERRED)
    plan = planner.extract_plan_from_constraints([edit])
    for _ in range(10):
        v.value = value
        plan.execute()
    edit.destroy_constraint()


def chain_test(n):
    """Returns (failed checks, plan length, the last variable's final value)."""
    planner = Planner()
    variables = [Variable("v%d" % i) for i in range(n + 1)]
    for prev, v in zip(variables, variables[1:]):
        EqualityConstraint(planner, prev, v, REQUIRED)
    first, last = variables[0], variables[-1]
    StayConstraint(planner, last, STRONG_DEFAULT)
    edit = EditConstraint(planner, first, PREFERRED)
    plan = planner.extract_plan_from_constraints([edit])
    failed = 0
    for i in range(100):
        first.value = i
        plan.execute()
        if last.value != i:
            failed += 1
    edit.destroy_constraint()
    return failed, len(plan.constraints), last.value


def projection_test(n):
    """Returns (failed checks, the values the solver fixed)."""
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    dests = []
    src = dst = None
    for i in range(n):
        src = Variable("src%d" % i, i)
        dst = Variable("dst%d" % i, i)
        dests.append(dst)
        StayConstraint(planner, src, NORMAL)
        ScaleConstraint(planner, src, scale, offset, dst, REQUIRED)
    failed = 0
    change(planner, src, 17)
    failed += dst.value != 1170
    d1 = dst.value
    change(planner, dst, 1050)
    failed += src.value != 5
    s2 = src.value
    change(planner, scale, 5)
    failed += sum(1 for i in range(n - 1) if dests[i].value != i * 5 + 1000)
    sum3 = sum(d.value for d in dests)
    change(planner, offset, 2000)
    failed += sum(1 for i in range(n - 1) if dests[i].value != i * 5 + 2000)
    sum4 = sum(d.value for d in dests)
    return failed, d1, s2, sum3, sum4


def main():
    n, rounds = int(sys.argv[1]), int(sys.argv[2])
    for r in range(rounds):
        failed, plan_len, last = chain_test(n)
        print("%d chain %d: plan of %d constraints, last value %d, failed checks %d" % (r, n, plan_len, last, failed))
        failed, d1, s2, sum3, sum4 = projection_test(n)
        print("%d projection %d: dst %d, src %d, dests %d then %d, failed checks %d" % (r, n, d1, s2, sum3, sum4, failed))


if __name__ == "__main__":
    main()
