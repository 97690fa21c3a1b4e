"""``@record`` (db/record.py) behaves as ``@dataclass(frozen=True)`` does: equality, hash, repr, frozen, fields."""

from __future__ import annotations

import dataclasses
import inspect
from dataclasses import dataclass, field

import pytest

from db.record import record


def _pair(body: dict) -> tuple[type, type]:
    """The same class made by @record and by @dataclass(frozen=True)."""
    made = []
    for deco in (record, dataclass(frozen=True)):
        ns = dict(body)
        ns["__annotations__"] = dict(body["__annotations__"])
        ns["__module__"] = __name__
        ns["__qualname__"] = "Rec"
        made.append(deco(type("Rec", (), ns)))
    return made[0], made[1]


BODY = {
    "__annotations__": {"a": "int", "b": "str", "c": "tuple", "hidden": "str", "loose": "int", "unhashed": "int",
                        "forced": "list", "memo": "dict", "fixed": "int"},
    "b": "x",
    "c": field(default_factory=tuple),
    "hidden": field(default="h", repr=False),
    "loose": field(default=0, compare=False),
    "unhashed": field(default=0, hash=False),
    "forced": field(default_factory=list, compare=False, hash=False),
    "memo": field(default_factory=dict, init=False, repr=False, compare=False, hash=False),
    "fixed": field(default=7, init=False),
}


def test_equality_hash_and_repr_are_the_dataclass_ones() -> None:
    rec, dc = _pair(BODY)
    cases = [dict(a=1), dict(a=1, b="y"), dict(a=1, hidden="other"), dict(a=1, loose=5), dict(a=1, unhashed=7),
             dict(a=2, c=(1, 2)), dict(a=1, forced=[1])]
    for x in cases:
        for y in cases:
            assert (rec(**x) == rec(**y)) is (dc(**x) == dc(**y))
            assert (rec(**x) != rec(**y)) is (dc(**x) != dc(**y))
        assert hash(rec(**x)) == hash(dc(**x))
        assert repr(rec(**x)) == repr(dc(**x))
    assert rec(a=1).__eq__(dc(a=1)) is NotImplemented  # another class: never equal
    assert rec(a=1) != (1, "x", ())
    assert {rec(a=1), rec(a=1, loose=9)} == {rec(a=1)}


def test_frozen_fields_replace_asdict_match_args() -> None:
    rec, dc = _pair(BODY)
    r = rec(a=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.a = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del r.a  # type: ignore[misc]
    assert [f.name for f in dataclasses.fields(rec)] == [f.name for f in dataclasses.fields(dc)]
    assert dataclasses.is_dataclass(rec) and dataclasses.is_dataclass(r)
    assert dataclasses.replace(r, a=3) == rec(a=3)
    assert dataclasses.asdict(r) == dataclasses.asdict(dc(a=1))
    assert rec.__match_args__ == dc.__match_args__
    assert rec.__doc__ == "Rec(a, b, c, hidden, loose, unhashed, forced, memo, fixed)"
    assert r.memo == {} and r.memo is not rec(a=1).memo and r.fixed == 7 and "fixed" not in r.__dict__
    assert inspect.signature(rec) == inspect.signature(dc)
    assert rec.__init__.__qualname__ == "Rec.__init__"
    assert rec.__dataclass_params__.frozen and rec.__dataclass_params__.eq  # type: ignore[attr-defined]
    assert rec(a=1).forced is not rec(a=1).forced  # default_factory: a new list each time
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'other'"):
        r.other = 1  # type: ignore[attr-defined]
    for bad in ({"__annotations__": {"a": "int", "b": "int"}, "a": 0},  # a default before a required field
                {"__annotations__": {"a": "int"}, "a": field(default=0, kw_only=True)},
                {"__annotations__": {"a": "int"}, "__post_init__": lambda self: None}):
        with pytest.raises(TypeError):
            record(type("Bad", (), dict(bad)))


def test_a_record_inside_its_own_repr_is_dots_and_subclasses_keep_their_fields() -> None:
    @record
    class Node:
        children: list = field(default_factory=list)

    n = Node()
    n.children.append(n)
    assert repr(n) == "test_a_record_inside_its_own_repr_is_dots_and_subclasses_keep_their_fields.<locals>." \
                      "Node(children=[...])"

    @record
    class Base:
        a: int

    @dataclass(frozen=True)
    class Child(Base):  # a dataclass may extend a record; a record extends no dataclass
        b: int = 0

    assert Child(1, 2) != Child(1, 3) and Child(1, 2) == Child(1, 2) and Base(1) != Child(1, 0)
    assert repr(Child(1, 2)).endswith("Child(a=1, b=2)")
    with pytest.raises(TypeError, match="dataclass base"):
        record(type("Grandchild", (Child,), {"__annotations__": {"c": "int"}, "c": 0}))

    class Plain(Base):  # a plain subclass may add attributes, never set a field
        pass

    p = Plain(1)
    p.extra = 2  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.a = 3  # type: ignore[misc]


def test_a_class_with_its_own_equality_or_repr_is_refused() -> None:
    with pytest.raises(TypeError, match="its own"):
        @record
        class Own:
            a: int

            def __repr__(self) -> str:
                return "own"


def test_init_is_compiled_when_first_looked_up_and_is_the_dataclass_one_from_the_start() -> None:
    rec, dc = _pair(BODY)
    assert not inspect.isfunction(rec.__dict__["__init__"])  # nothing compiled for a record never made
    assert inspect.signature(rec) == inspect.signature(dc)  # looking it up compiles it
    assert inspect.isfunction(rec.__dict__["__init__"])
    fresh, _ = _pair(BODY)
    assert fresh(1, "y") == fresh(a=1, b="y") and fresh(1).c == ()  # the first record made compiles it too
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'a'"):
        fresh()
