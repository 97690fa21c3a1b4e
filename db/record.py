"""``@record``: a frozen dataclass that costs a third as much to define.

CPython 3.11 defines a ``@dataclass(frozen=True)`` by compiling six methods from generated source,
one ``exec`` each (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``,
``__delattr__``), and a class without a docstring also gets one from ``inspect.signature``: ~5 M
instructions per class of 8 fields, 1-2 ms on an office PC. A kelurahan window defined ~50 of them
before its first paint (``db/records.py``, ``db/template.py``, ...), a tenth of its start-up, and
the city window ~70 (issue 13).

``@record`` is ``@dataclass(frozen=True)``: the module's dataclass machinery still collects the
fields (``dataclasses.fields``/``replace``/``asdict``/``is_dataclass``, ``__match_args__``,
``__dataclass_fields__`` are its own), and the methods behave exactly as the generated ones:

- ``__init__``: the same signature (annotations, defaults, ``default_factory``), every field set
  with ``object.__setattr__``: the one method still compiled from source, as the dataclass does,
  but when it is first looked up (a record the run never makes costs no compilation: about half
  of those a window defines);
- ``__setattr__``/``__delattr__``: ``FrozenInstanceError`` for a field, or for any attribute of an
  instance of the class itself (a subclass may add attributes);
- ``a == b``: the same class (``other.__class__ is self.__class__``) and equal tuples of the
  fields that compare (``field(compare=False)`` left out), else ``NotImplemented``;
- ``hash(a)``: the hash of the tuple of the fields that hash (``field(hash=...)``, else compare);
- ``repr(a)``: ``Name(field=value, ...)`` of the fields shown (``field(repr=False)`` left out),
  ``...`` for a record met again inside its own repr;

all but ``__init__`` closures over the class's field names instead of compiled source. A class
without a docstring gets ``Name(field, ...)`` as its ``__doc__`` (the dataclass would have computed
the whole signature for it). What the dataclass offers beyond that (its own ``__eq__``, ``__repr__``
or ``__hash__`` in the class, ``__post_init__``, ``InitVar``, keyword-only fields,
``slots``, a dataclass base) is refused: use ``@dataclass(frozen=True)`` there.
"""

from __future__ import annotations

import dataclasses
import sys
from _thread import get_ident
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

_T = TypeVar("_T")


# The dataclass's own "<factory>" default, so that a record's signature is the dataclass's to the object.
_HAS_FACTORY: Any = dataclasses._HAS_DEFAULT_FACTORY  # type: ignore[attr-defined]


def _tuple_of(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _methods(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> None:
    compared = _tuple_of(tuple(f.name for f in fields if f.compare))
    hashed = _tuple_of(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))
    shown = tuple(f.name for f in fields if f.repr)
    running: set[tuple[int, int]] = set()

    def __eq__(self: Any, other: Any) -> Any:  # noqa: N807
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: Any) -> int:  # noqa: N807
        return hash(hashed(self))

    def __repr__(self: Any) -> str:  # noqa: N807
        key = id(self), get_ident()
        if key in running:
            return "..."
        running.add(key)
        try:
            return f"{self.__class__.__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in shown)})"
        finally:
            running.discard(key)

    for fn in (__eq__, __hash__, __repr__):
        fn.__qualname__ = f"{cls.__qualname__}.{fn.__name__}"
        fn.__module__ = cls.__module__
        setattr(cls, fn.__name__, fn)


def _init(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    """``__init__`` as ``@dataclass(frozen=True)`` compiles it (CPython 3.11 ``dataclasses._init_fn``)."""
    env: dict[str, Any] = {"__dataclass_HAS_DEFAULT_FACTORY__": _HAS_FACTORY, "__dataclass_builtins_object__": object,
                           "__dataclass_return_type__": None}
    args, body = ["self"], []
    for f in fields:
        if not f.init:  # not a parameter: made by its factory, or left to the class attribute (its default)
            if f.default_factory is not dataclasses.MISSING:
                env[f"__dataclass_dflt_{f.name}__"] = f.default_factory
                body.append(f"  __dataclass_builtins_object__.__setattr__(self,{f.name!r},__dataclass_dflt_{f.name}__())\n")
            continue
        env[f"__dataclass_type_{f.name}__"] = f.type
        annotated = f"{f.name}:__dataclass_type_{f.name}__"
        value = f.name
        if f.default_factory is not dataclasses.MISSING:
            env[f"__dataclass_dflt_{f.name}__"] = f.default_factory
            args.append(f"{annotated}=__dataclass_HAS_DEFAULT_FACTORY__")
            value = f"__dataclass_dflt_{f.name}__() if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ else {f.name}"
        elif f.default is not dataclasses.MISSING:
            env[f"__dataclass_dflt_{f.name}__"] = f.default
            args.append(f"{annotated}=__dataclass_dflt_{f.name}__")
        else:
            args.append(annotated)
        body.append(f"  __dataclass_builtins_object__.__setattr__(self,{f.name!r},{value})\n")
    text = (f"def __create_fn__({', '.join(env)}):\n"
            f" def __init__({','.join(args)})->__dataclass_return_type__:\n{''.join(body) or '  pass' + chr(10)}"
            f" return __init__")
    module = sys.modules.get(cls.__module__)
    ns: dict[str, Any] = {}
    # dont_inherit: this module's ``from __future__ import annotations`` would make the annotations strings
    code = compile(text, "<string>", "exec", dont_inherit=True)
    exec(code, module.__dict__ if module is not None else {}, ns)  # noqa: S102 - what dataclasses does
    fn: Callable[..., None] = ns["__create_fn__"](**env)
    return fn


class _LazyInit:
    """``__init__`` compiled the first time it is looked up (the first record made, or
    ``inspect.signature``), then put on the class in its place: a record the run never makes never
    compiles it. Looking it up is what every use does, so nothing can see the difference."""

    def __init__(self, cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> None:
        self.cls, self.fields = cls, fields

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        fn = _init(self.cls, self.fields)
        fn.__qualname__ = f"{self.cls.__qualname__}.__init__"
        type.__setattr__(self.cls, "__init__", fn)
        return fn if obj is None else fn.__get__(obj, owner)


def _frozen(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> tuple[Callable[..., None], Callable[..., None]]:
    names = frozenset(f.name for f in fields)

    def __setattr__(self: Any, name: str, value: Any) -> None:  # noqa: N807
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)  # type: ignore[arg-type] # mypy: cls is a type

    def __delattr__(self: Any, name: str) -> None:  # noqa: N807
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)  # type: ignore[arg-type]

    return __setattr__, __delattr__


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: type[_T]) -> type[_T]:
    """``@dataclass(frozen=True)``, defined at a third of the cost (see the module docstring)."""
    own = cls.__dict__
    if any(name in own for name in ("__eq__", "__repr__", "__setattr__", "__delattr__", "__init__", "__post_init__",
                                    "__slots__")) or own.get("__hash__") is not None:
        raise TypeError(f"{cls.__qualname__} defines its own methods: use @dataclass(frozen=True)")
    if any(dataclasses.is_dataclass(base) for base in cls.__mro__[1:]):
        raise TypeError(f"{cls.__qualname__} has a dataclass base: use @dataclass(frozen=True)")
    documented = bool(own.get("__doc__"))
    if not documented:
        cls.__doc__ = cls.__qualname__  # the dataclass would compute inspect.signature(cls) for it
    # The machinery only: fields, __match_args__, nothing compiled.
    made = dataclasses.dataclass(init=False, repr=False, eq=False)(cls)
    fields = dataclasses.fields(made)  # type: ignore[arg-type]
    every: dict[str, dataclasses.Field[Any]] = getattr(made, "__dataclass_fields__")  # noqa: B009
    if len(every) != len(fields) or any(f.kw_only for f in fields):
        raise TypeError(f"{cls.__qualname__} has ClassVar, InitVar or keyword-only fields: use @dataclass(frozen=True)")
    seen_default = False
    for f in (f for f in fields if f.init):  # what the dataclass refuses, refused now, not at the first record
        if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
    params = getattr(made, "__dataclass_params__")  # noqa: B009
    params.init = params.repr = params.eq = params.frozen = True  # what the class now does
    if not documented:
        made.__doc__ = f"{made.__name__}({', '.join(f.name for f in fields)})"
    type.__setattr__(made, "__init__", _LazyInit(made, fields))
    setattr_, delattr_ = _frozen(made, fields)
    for fn in (setattr_, delattr_):
        fn.__qualname__ = f"{made.__qualname__}.{fn.__name__}"
        setattr(made, fn.__name__, fn)
    _methods(made, fields)
    return made
