"""A stack of pages built the first time they are shown (start-up builds only the first page).

Each page is a factory; until it is needed the stack holds an empty placeholder in its
place. :meth:`LazyStack.page` builds a page on demand (also for code that talks to a page
the user has not opened yet, e.g. "open indicator 4" from the home page), and
:meth:`LazyStack.built` lists the ones that exist, so closing the window flushes only
those. A page built later reads the store then, so it never shows stale data, and a page
never built never listens to ``data_changed``.

The stack is a frame over a ``QStackedLayout`` of its own (what ``QStackedWidget`` is) so that
its height for a width, the largest of its pages' as in Qt, is not measured again for every
hidden page at every page switch: Qt's stacked layout asks each page directly, at two widths
per switch (the window's and its minimum's), and a page's layout keeps one width's answer, so
every word-wrapped label of every page was laid out again twice per switch (~45 % of a switch
between two light city pages). A hidden page's answers are kept per width until its layout is
invalidated (``QLayout.activate()`` tells: it redoes a layout only when something in it
changed); the page on screen is asked as before.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QStackedLayout, QWidget


class _KeptHeights(QStackedLayout):
    """A stacked layout whose hidden pages' heights for a width are kept (see the module docstring)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._kept: dict[int, dict[int, int]] = {}  # id(page) -> width -> height

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        hfw = 0
        current = self.currentWidget()
        for i in range(self.count()):
            w = self.widget(i)
            if w is None:
                continue
            layout = w.layout()
            if w is current or layout is None:
                self._kept.pop(id(w), None)
                hfw = max(hfw, w.heightForWidth(width))
                continue
            kept = self._kept.setdefault(id(w), {})
            if layout.activate():
                kept.clear()  # something in the page changed since it was measured
            h = kept.get(width)
            if h is None:
                h = kept[width] = w.heightForWidth(width)
            hfw = max(hfw, h)
        return max(hfw, self.minimumSize().height())

    def forget(self, page: QWidget) -> None:
        self._kept.pop(id(page), None)


class LazyStack(QFrame):
    """A stack of pages (as QStackedWidget) over ``(name, factory)`` pairs."""

    page_built = Signal(str, QWidget)
    """A page was just built: (name, page). Connect its signals here."""
    currentChanged = Signal(int)  # noqa: N815 - QStackedWidget's
    """The page shown changed (its index)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stack = _KeptHeights(self)
        self._stack.currentChanged.connect(self.currentChanged)
        self._names: list[str] = []
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._pages: dict[str, QWidget] = {}

    # QStackedWidget's interface
    def addWidget(self, widget: QWidget) -> int:  # noqa: N802
        return self._stack.addWidget(widget)

    def insertWidget(self, index: int, widget: QWidget) -> int:  # noqa: N802
        return self._stack.insertWidget(index, widget)

    def removeWidget(self, widget: QWidget) -> None:  # noqa: N802
        self._stack.forget(widget)
        self._stack.removeWidget(widget)

    def widget(self, index: int) -> QWidget | None:
        return self._stack.widget(index)

    def count(self) -> int:
        return self._stack.count()

    def indexOf(self, widget: QWidget) -> int:  # noqa: N802
        return self._stack.indexOf(widget)

    def currentIndex(self) -> int:  # noqa: N802
        return self._stack.currentIndex()

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        return self._stack.currentWidget()

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        self._stack.setCurrentIndex(index)

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802
        self._stack.setCurrentWidget(widget)

    def add_page(self, name: str, factory: Callable[[], QWidget]) -> None:
        self._names.append(name)
        self._factories[name] = factory
        placeholder = QWidget()
        placeholder.setObjectName(f"placeholder_{name}")
        self.addWidget(placeholder)

    def names(self) -> list[str]:
        return list(self._names)

    def is_built(self, name: str) -> bool:
        return name in self._pages

    def built(self) -> dict[str, QWidget]:
        """The pages built so far, by name."""
        return dict(self._pages)

    def page(self, name: str) -> QWidget:
        """The page called ``name``, built now if it was not yet."""
        page = self._pages.get(name)
        if page is not None:
            return page
        index = self._names.index(name)
        page = self._factories[name]()
        self._pages[name] = page
        placeholder = self.widget(index)
        showing = self.currentIndex() == index
        self.blockSignals(True)
        self.insertWidget(index, page)
        self.removeWidget(placeholder)
        if showing:
            self.setCurrentIndex(index)
        self.blockSignals(False)
        placeholder.deleteLater()
        self.page_built.emit(name, page)
        return page

    def show_index(self, index: int) -> None:
        """Show page ``index`` (a navigation row), building it first."""
        if 0 <= index < len(self._names):
            self.page(self._names[index])
            self.setCurrentIndex(index)
