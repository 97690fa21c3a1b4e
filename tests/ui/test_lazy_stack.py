"""The page stack (ui/widgets/lazy_stack.py): pages built when first shown, and its height for a width.

The stack keeps a hidden page's height for a width until something in that page changes; what it
answers must stay what Qt's own stacked layout answers (the tallest page's), also after a hidden
page's text grew.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStackedLayout, QVBoxLayout, QWidget

from ui.widgets.lazy_stack import LazyStack


def _page(text: str) -> QWidget:
    page = QWidget()
    lay = QVBoxLayout(page)
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("words")
    lay.addWidget(label)
    return page


def test_pages_are_built_when_first_shown_and_the_height_follows_a_hidden_page(qtbot) -> None:  # noqa: ANN001
    built: list[str] = []

    def factory(name: str, words: int):  # noqa: ANN202
        def make() -> QWidget:
            built.append(name)
            return _page("kata " * words)
        return make

    stack = LazyStack()
    qtbot.addWidget(stack)
    stack.add_page("a", factory("a", 10))
    stack.add_page("b", factory("b", 200))
    stack.show_index(0)
    stack.resize(300, 200)
    stack.show()
    qtbot.waitExposed(stack)
    assert built == ["a"]
    stack.show_index(1)
    stack.show_index(0)
    assert built == ["a", "b"]
    assert stack.currentWidget() is stack.page("a")

    layout = stack.layout()
    for width in (150, 300, 600):
        assert layout.heightForWidth(width) == QStackedLayout.heightForWidth(layout, width)
    before = layout.heightForWidth(300)
    stack.page("b").findChild(QLabel, "words").setText("kata " * 800)  # on the hidden page
    assert layout.heightForWidth(300) == QStackedLayout.heightForWidth(layout, 300)
    assert layout.heightForWidth(300) > before
