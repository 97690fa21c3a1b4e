"""A stack of pages built the first time they are shown (start-up builds only the first page).

Each page is a factory; until it is needed the stack holds an empty placeholder in its
place. :meth:`LazyStack.page` builds a page on demand (also for code that talks to a page
the user has not opened yet, e.g. "open indicator 4" from the home page), and
:meth:`LazyStack.built` lists the ones that exist, so closing the window flushes only
those. A page built later reads the store then, so it never shows stale data, and a page
never built never listens to ``data_changed``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget


class LazyStack(QStackedWidget):
    """A QStackedWidget over ``(name, factory)`` pairs."""

    page_built = Signal(str, QWidget)
    """A page was just built: (name, page). Connect its signals here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: list[str] = []
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._pages: dict[str, QWidget] = {}

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
