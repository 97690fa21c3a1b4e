"""One calm visual style for the whole program (Fusion + a small style sheet, scoped).

The rules of :data:`STYLE_SHEET` are not set on the application: an application style sheet
puts every widget of every window under Qt's style-sheet style, which re-checks its rules on
each draw call (the city summary page measured 104 ms per layout and paint with it, 19 ms
without). Each widget gets only the rules that select that widget itself (by class or object
name), as the widget's own sheet: a button gets the button rules, ``#summary`` its
``#summary[state=...]`` rules, and a label, container, table or scroll bar that no rule selects
stays plain Fusion, and so do its children. The rules and their order are the same as before,
so the look is the same. Three kinds are handled without a sheet:

- the disabled text colour of labels, check boxes and tool buttons: the palette's Disabled
  group already gives it (:func:`apply_style`);
- the focus ring of tables, lists and trees: set while the view has keyboard focus only, so
  their cells paint through Fusion directly (they are the largest painters of the program);
- containers whose rules only paint their own background and border (``#card``, ``#header``,
  ``#evidencePanel``, ...) keep their rule as their own sheet, ``#id`` selectors match no child.

When each widget gets its share: a window (or a dialog without a parent) calls
:func:`scope_window` once it is built, which gives every widget in it its share and watches
each container; a widget polished later under a watched container (a page built when first
shown, a dialog, a row added, an editor, the widgets Qt makes itself inside a spin box, a combo
box or a button box) gets its share from the container's ``ChildPolished`` event, before it is
first painted. This used to be a ``QProxyStyle`` whose ``polish`` was Python: PySide6 then made
Python enums for all of ``QStyle`` (644 members) at start, and the first widget Qt made itself
(a scroll area's viewport) that reached it made PySide6 create every widget class of QtWidgets
to find its type (~120 M instructions of a window's start, bench/README.md "Start-up").

A widget whose code sets its own sheet keeps it as it is (it says its whole look itself).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QChildEvent, QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSplitterHandle,
    QWidget,
)

ACCENT = "#2a6fb0"
TEXT = "#1f2a33"
SUBTLE = "#5b6670"

DISABLED = "#8c969f"
FOCUS = ACCENT

# No "QWidget {{ color }}" rule: it coloured disabled widgets like enabled ones, so a disabled
# "Buat kiriman" looked clickable. Text colours come from the palette (apply_style), disabled
# ones included; keyboard focus gets a 2 px ring in the accent colour on every control.
STYLE_SHEET = f"""
#header {{ background: #ffffff; border-bottom: 1px solid #d5dde5; }}
#headerTitle {{ font-size: 15pt; font-weight: 600; }}
#sidebar {{ background: #eef2f6; border: none; border-right: 1px solid #d5dde5; outline: 0; }}
#sidebar::item {{ padding: 8px 10px; border-radius: 6px; margin: 2px 6px; }}
#sidebar::item:selected {{ background: {ACCENT}; color: white; }}
#sidebar::item:hover:!selected {{ background: #dfe7ef; }}
#pageTitle {{ font-size: 14pt; font-weight: 600; }}
#sectionTitle {{ font-size: 11pt; font-weight: 600; margin-top: 4px; }}
#fieldLabel {{ font-weight: 600; }}
#subtle, #helpText {{ color: {SUBTLE}; }}
#guidance {{ background: #f3f7fb; border-left: 3px solid {ACCENT}; padding: 8px; }}
#summary {{ padding: 6px 8px; border-radius: 4px; background: #f5f7f9; }}
#reviewNote {{ padding: 6px 8px; border-radius: 4px; font-weight: bold; background: #e8f0fa; }}
#reviewNote[state="perlu_perbaikan"] {{ background: #fdecea; color: #8a1c12; border-left: 3px solid #c62828; }}
#reviewNote[state="diterima"] {{ background: #e6f4ea; color: #1e5e2e; }}
#summary[state="ready"] {{ background: #e6f4ea; }}
#summary[state="complete"] {{ background: #e8f0fa; }}
#summary[state="partial"] {{ background: #fff4e0; }}
#errorText, #helpText[kind="error"] {{ color: #a61b1b; }}
#flagText {{ color: #7a4b00; background: #fff6d8; border-left: 3px solid #e0a800; padding: 4px 8px; }}
QLineEdit[invalid="true"] {{ border: 1px solid #c0392b; background: #fde8e8; }}
#card {{ background: #ffffff; border: 1px solid #d5dde5; border-radius: 6px; }}
#evidencePanel {{ background: #fafbfc; border-left: 1px solid #d5dde5; }}
#evidencePanel[dropping="true"] {{ background: #e8f0fa; border: 2px dashed {ACCENT}; }}
#preview {{ background: #ffffff; border: 1px solid #d5dde5; }}
#computedValue {{ font-weight: 600; color: {ACCENT}; }}
#bigProgress {{ min-height: 22px; }}
#optionButton {{ text-align: left; padding: 12px; font-size: 11pt; }}
QPushButton {{ padding: 4px 10px; background: #ffffff; border: 1px solid #aebbc7; border-radius: 4px; }}
QPushButton:hover {{ background: #eef4fa; }}
QPushButton:pressed {{ background: #dde8f3; }}
QPushButton:focus {{ border: 2px solid {FOCUS}; padding: 3px 9px; }}
QPushButton:disabled {{ color: {DISABLED}; background: #eef1f4; border: 1px dashed #c3ccd4; }}
QToolButton:focus {{ border: 2px solid {FOCUS}; border-radius: 3px; }}
QToolButton:disabled {{ color: {DISABLED}; }}
QLineEdit:focus, QPlainTextEdit:focus, QSpinBox:focus {{ border: 2px solid {FOCUS}; border-radius: 3px; }}
QLineEdit:disabled, QPlainTextEdit:disabled {{ color: {DISABLED}; background: #eef1f4; }}
QLineEdit#gridEditor {{ border: 2px solid {FOCUS}; border-radius: 0; padding: 0 3px; background: #ffffff; }}
QComboBox:focus {{ border: 2px solid {FOCUS}; border-radius: 3px; padding: 0 2px 0 3px; }}
QCheckBox:focus, QRadioButton:focus {{ background: #dbe7f3; border-radius: 3px; }}
QCheckBox:disabled, QRadioButton:disabled, QLabel:disabled {{ color: {DISABLED}; }}
QTableView:focus, QListView:focus, QTreeView:focus {{ border: 2px solid {FOCUS}; }}
#sidebar:focus {{ border: none; border-right: 3px solid {FOCUS}; }}
#lastYear {{ color: #6b7680; }}
QLineEdit[flagged="true"] {{ border: 1px solid #d99a00; background: #fff6d8; }}
#cellNote {{ padding: 4px 8px; border-radius: 3px; }}
#cellBubble {{ padding: 5px 8px; border-radius: 4px; border: 1px solid #c9a227; background: #fff3c4; color: #4d3500; }}
#cellBubble[kind="error"] {{ border: 1px solid #c0392b; background: #fdecea; color: #7a1a10; }}
#cellBubble[kind="report"] {{ border: 1px solid {ACCENT}; background: #eef4fa; color: {TEXT}; }}
#cellNote[kind="error"] {{ color: #8a1c12; background: #fdecea; border-left: 3px solid #c0392b; }}
#cellNote[kind="flag"] {{ color: #6b4300; background: #fff6d8; border-left: 3px solid #d99a00; }}
#cellNote[kind="report"] {{ color: {TEXT}; background: #eef4fa; border-left: 3px solid {ACCENT}; }}
#reqRow {{ border: 1px solid transparent; border-radius: 4px; }}
#reqMark[state="ok"] {{ color: #1b7f3b; }}
#reqMark[state="old"] {{ color: #b26a00; }}
#reqMark[state="missing"] {{ color: #b42318; }}
#reqMark[state="optional"] {{ color: {SUBTLE}; }}
#reqRow[dropping="true"] {{ border: 2px dashed {ACCENT}; background: #e8f0fa; }}
#evidenceToggle {{ text-align: left; padding: 6px 8px; background: #eef2f6; border: none;
                   border-left: 1px solid #d5dde5; border-bottom: 1px solid #d5dde5; }}
#evidenceToggle:focus {{ border: 2px solid {FOCUS}; }}
#evidenceStrip {{ background: #fafbfc; border-left: 1px solid #d5dde5; color: {SUBTLE}; padding-top: 8px; }}
"""


# The sheet as (class name or "", object name or "", selector, body) per selector, in order.
_SELECTOR = re.compile(r"^(Q[A-Za-z]+)?(?:#([A-Za-z_]\w*))?(.*)$")
# Disabled text colours the palette gives already (apply_style).
_PALETTE_DONE = frozenset({"QLabel:disabled", "QCheckBox:disabled", "QRadioButton:disabled",
                           "QToolButton:disabled"})
_VIEWS = frozenset({"QTableView", "QListView", "QTreeView"})
MARK = "/* kla: scoped rules */\n"


def _rules(sheet: str) -> list[tuple[str, str, str, str]]:
    out = []
    for sel_text, body in re.findall(r"([^{}]+)\{([^}]*)\}", sheet):
        for sel in (x.strip() for x in sel_text.split(",")):
            m = _SELECTOR.match(sel)
            if m is None or sel in _PALETTE_DONE:
                continue
            out.append((m.group(1) or "", m.group(2) or "", sel, " ".join(body.split())))
    return out


_RULES = _rules(STYLE_SHEET)
_BY_ID: dict[str, list[int]] = {}
_BY_CLASS: dict[str, list[int]] = {}
for _n, (_cls, _oid, _sel, _body) in enumerate(_RULES):
    if _oid:
        _BY_ID.setdefault(_oid, []).append(_n)
    else:
        _BY_CLASS.setdefault(_cls, []).append(_n)
_VIEW_RULES = [n for cls in _VIEWS for n in _BY_CLASS.get(cls, ())]
_VIEW_FOCUS_MARK = MARK + "/* focused view */\n"
_VIEW_FOCUS = _VIEW_FOCUS_MARK + "".join(f"{_RULES[n][2]} {{ {_RULES[n][3]} }}\n" for n in sorted(_VIEW_RULES))


_CLASS_CACHE: dict[type, list[str]] = {}


def _classes(widget: QWidget) -> list[str]:
    """The Qt class names of ``widget`` and its bases (what a type selector matches), once per Python type."""
    names = _CLASS_CACHE.get(type(widget))
    if names is None:
        names = []
        meta = widget.metaObject()
        while meta is not None:
            names.append(meta.className())
            meta = meta.superClass()
        _CLASS_CACHE[type(widget)] = names
    return names


def sheet_for(widget: QWidget, views: bool = True) -> str:
    """The rules of :data:`STYLE_SHEET` that select ``widget`` itself, in the sheet's order ("" when
    none); without the focus ring of tables, lists and trees when ``views`` is False."""
    classes = _classes(widget)
    picked = [n for n in _BY_ID.get(widget.objectName(), ()) if not _RULES[n][0] or _RULES[n][0] in classes]
    for cls in classes:
        if cls in _BY_CLASS and (views or cls not in _VIEWS):
            picked += _BY_CLASS[cls]
    if not picked:
        return ""
    return MARK + "".join(f"{_RULES[n][2]} {{ {_RULES[n][3]} }}\n" for n in sorted(picked))


# Labels whose rules set only a font or a colour get them as font and palette (what the sheet
# would have set on them), without a sheet of their own: there
# are hundreds of them (section titles, help texts) and a sheet per label costs a style-sheet
# style, a parse and a second polish each. Anything else (a box, a background) goes by sheet.
_LOOK_PROPS = frozenset({"font-size", "font-weight", "color"})


def _label_look(oid: str) -> dict[str, str] | None:
    props: dict[str, str] = {}
    for n in _BY_ID.get(oid, ()):
        cls, _oid, sel, body = _RULES[n]
        if sel != f"#{oid}" or (cls and cls != "QLabel"):
            return None  # a state or a class of its own: by sheet
        for part in body.split(";"):
            if part.strip():
                key, _, value = part.partition(":")
                if key.strip() not in _LOOK_PROPS:
                    return None
                props[key.strip()] = value.strip()
    return props or None


_LABEL_LOOKS = {oid: look for oid in _BY_ID if (look := _label_look(oid)) is not None}


def _apply_look(label: QLabel, look: dict[str, str]) -> None:
    if "font-size" in look or "font-weight" in look:
        font = QFont(label.font())
        if "font-size" in look:
            font.setPointSizeF(float(look["font-size"].removesuffix("pt")))
        if "font-weight" in look:
            weight = look["font-weight"]
            font.setWeight(QFont.Weight.Bold if weight == "bold" else QFont.Weight(int(weight)))
        label.setFont(font)
    if "color" in look:
        pal = QPalette(label.palette())
        color = QColor(look["color"])
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
            for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
                pal.setColor(group, role, color)
        label.setPalette(pal)


def _view_focus_sheet(width: int) -> str:
    """The views' focus rules with a border as wide as the frame the view already has: under the
    application sheet the 2 px ring was drawn over the unfocused frame's geometry (Fusion's 1 px), so
    only its outer pixels showed; a sheet set at focus time would otherwise move the view's contents in."""
    return _VIEW_FOCUS.replace("border: 2px solid", f"border: {width}px solid")


_COMBO_FOCUS = _VIEW_FOCUS_MARK + "".join(f"{_RULES[n][2]} {{ {_RULES[n][3]} }}\n"
                                          for n in _BY_CLASS.get("QComboBox", ()))
_COMBO_FOCUS_ONLY = all(_RULES[n][2] == "QComboBox:focus" for n in _BY_CLASS.get("QComboBox", ()))


class _ViewFocus(QObject):
    """The focus ring of a table, list, tree or combo box: its rules set only while it has keyboard
    focus. (A sheet on a combo box makes it build its drop-down list at once: ~3 ms each at start-up.
    It keeps the size it had: under the application sheet its size came from the unfocused state.)"""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.Wheel and isinstance(obj, QComboBox):
            # The wheel over a closed box scrolls the page, as on a web form; it changed the box ("Jenis:
            # otomatis" became "Lainnya" under a scrolling panel; a Ya/Tidak answer reached by Tab
            # became "Ya" and was saved). Its list, once open, scrolls with the wheel as ever.
            area = obj.parentWidget()
            while area is not None and not isinstance(area, QAbstractScrollArea):
                area = area.parentWidget()
            if area is not None:
                QCoreApplication.sendEvent(area.verticalScrollBar(), event)
            return True
        if isinstance(obj, QComboBox) and kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            # Never inside the focus change: a click focuses the box and then opens its list in the
            # same press, and a sheet set in between rebuilt the list's container under the press
            # (QComboBox::showPopup on a deleted container: the program died). Nor while its list is
            # open (its opening and closing are focus changes too): see _combo_ring.
            QTimer.singleShot(0, obj, lambda: _combo_ring(obj))
            return False
        if kind == QEvent.Type.FocusIn and isinstance(obj, QFrame) and not obj.styleSheet():
            width = min(2, obj.frameWidth())
            if width > 0:
                obj.setStyleSheet(_view_focus_sheet(width))
        elif kind == QEvent.Type.FocusOut and isinstance(obj, QWidget) and obj.styleSheet().startswith(_VIEW_FOCUS_MARK):
            obj.setStyleSheet("")
        return False


def _combo_ring(box: QComboBox) -> None:
    """The focus ring's sheet on ``box`` while it has the focus, off when not; left as it is while
    its list is open (changing a combo box's sheet then rebuilds the list under the clerk's hand)."""
    if box.view().isVisible():
        return
    focused = box.hasFocus()
    if focused and not box.styleSheet():
        box.setProperty("klaMinSize", box.minimumSize())
        box.setMinimumSize(box.size())
        box.setStyleSheet(_COMBO_FOCUS)
    elif not focused and box.styleSheet() == _COMBO_FOCUS:
        box.setStyleSheet("")
        box.setMinimumSize(box.property("klaMinSize"))


# Widgets that get no children of their own after they are made: not watched (a watched container's
# events all pass through Python, ~2 us each; an indicator switch shows and hides ~150 watched
# ones). A view's editors go into its viewport, which is watched; a line edit's or spin box's
# inner widgets are made with it.
_LEAVES = (QLabel, QAbstractButton, QAbstractSlider, QProgressBar, QLineEdit, QAbstractSpinBox, QAbstractItemView,
           QSplitterHandle)
# A scroll area's boxes for its scroll bars: they hold the bar and nothing else.
_BAR_BOXES = frozenset({"qt_scrollarea_vcontainer", "qt_scrollarea_hcontainer"})


def _scope(widget: QWidget) -> None:
    """Give ``widget`` its own share of :data:`STYLE_SHEET` (a sheet, a label's font and colour, or
    the focus ring's watcher); nothing when it already has it or its code set a sheet of its own."""
    own = widget.styleSheet()
    if own and not own.startswith(MARK):
        return  # set by the code: the widget's whole look
    if own.startswith(_VIEW_FOCUS_MARK):
        return  # a focused view (_ViewFocus)
    if isinstance(widget, QLabel) and not own:
        name = widget.objectName()
        look = _LABEL_LOOKS.get(name)
        if look is not None:
            if widget.property("klaLook") != name:
                widget.setProperty("klaLook", name)
                _apply_look(widget, look)
            return
    if isinstance(widget, QComboBox) and _COMBO_FOCUS_ONLY and not _BY_ID.get(widget.objectName()):
        if not widget.property("klaViewFocus"):
            widget.setProperty("klaViewFocus", True)
            widget.installEventFilter(_FOCUS_WATCH)
            if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel alone does not pick it
        return
    sheet = sheet_for(widget, views=False)
    if isinstance(widget, QAbstractItemView) and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
        if sheet:
            sheet = sheet_for(widget)  # a view with rules of its own (#sidebar) keeps them all, always
        elif not widget.property("klaViewFocus"):
            widget.setProperty("klaViewFocus", True)
            widget.installEventFilter(_FOCUS_WATCH)
            if widget.hasFocus() and widget.frameWidth() > 0:
                sheet = _view_focus_sheet(min(2, widget.frameWidth()))
    if sheet != own:
        widget.setStyleSheet(sheet)


class _Watcher(QObject):
    """On a container: a child polished under it (first shown, or measured) gets its share, and a
    new container among them is watched too. Qt polishes a widget's children before telling its
    parent, so a new subtree (a page, a dialog) is walked once, when its root is polished."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        # A type check first: ``event.type()`` makes a Python enum member (~2 us), and a watched
        # container sees ~100 events of other kinds per indicator switch.
        if isinstance(event, QChildEvent) and event.type() == _CHILD_POLISHED:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget):
                if child.property("klaWatched"):
                    _scope(child)
                else:
                    scope_tree(child)  # new: it and what it holds (a view its viewport, a page its rows)
        return False


def fixed_children(cls: type) -> type:
    """Class decorator: a container whose children are all made in its ``__init__`` (a field, a
    requirement row) is not watched. Its children get their share when it (or what holds it) is
    first polished, like every subtree; watching it would pass each of its own events through
    Python (~20 per row on an indicator switch) for a child that never comes."""
    cls.kla_fixed_children = True  # type: ignore[attr-defined]
    return cls


def fixed_container(widget: QWidget) -> None:
    """One widget (a box whose code scopes what it adds with :func:`scope_tree` itself, a view's
    viewport whose editors are scoped where they are made) not watched, as :func:`fixed_children`."""
    widget.setProperty("klaFixedChildren", True)


def _unwatched(widget: QWidget) -> bool:
    """A leaf, a container with fixed children, or a view's viewport that never gets a child: a
    header's, or a view's that edits nothing (an editor is the only child Qt puts there)."""
    if isinstance(widget, _LEAVES) or getattr(widget, "kla_fixed_children", False) or widget.property("klaFixedChildren"):
        return True
    name = widget.objectName()
    if name in _BAR_BOXES:
        return True
    view = widget.parent()
    return isinstance(view, QAbstractItemView) and name == "qt_scrollarea_viewport" and (
        isinstance(view, QHeaderView) or view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers)


def scope_tree(root: QWidget, watch: bool = True) -> None:
    """Give ``root`` and every widget under it its share of the sheet, and watch the containers."""
    for widget in (root, *root.findChildren(QWidget)):
        _scope(widget)
        if watch and not widget.property("klaWatched") and not _unwatched(widget):
            widget.setProperty("klaWatched", True)
            widget.installEventFilter(_WATCHER)


class _WatchAfterPaint(QObject):
    """Watches a window's containers once the window has painted: a watched container's events all
    pass through Python (the first of each kind costs PySide6 its Python type), which a window's
    start-up need not pay; what was polished in between is given its share then."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            obj.removeEventFilter(self)
            QTimer.singleShot(0, obj, lambda: scope_tree(obj))
        return False


def scope_window(window: QWidget) -> None:
    """For a window (or a dialog without a parent) once it is built: see the module docstring."""
    scope_tree(window, watch=False)
    window.installEventFilter(_WATCH_AFTER_PAINT)


def rescope(widget: QWidget) -> None:
    """After the code changed ``widget``'s object name: its share for the new name, matched again."""
    before = widget.styleSheet()
    _scope(widget)
    if widget.styleSheet() == before and before:
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)


_CHILD_POLISHED = QEvent.Type.ChildPolished
_FOCUS_WATCH = _ViewFocus()
_WATCHER = _Watcher()
_WATCH_AFTER_PAINT = _WatchAfterPaint()


def apply_style(app: QApplication, fusion: bool = False) -> None:
    """Fusion (``fusion``: the application was made with it already, ``-style Fusion``; asking Qt
    for a style object here would make PySide6 build QStyle's enums) and the palette."""
    if not fusion:
        from PySide6.QtWidgets import QStyleFactory

        app.setStyle(QStyleFactory.create("Fusion"))
    pal = app.palette()
    pal.setColor(QPalette.ColorRole.Window, QColor("#f7f9fb"))
    pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#f3f6f9"))
    pal.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    pal.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    pal.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED))
    app.setPalette(pal)


# A flat scroll bar: Fusion's own (gradients, drawn into pixmaps) cost 3-4 ms per repaint of a tall
# one, and the indicator page's bar repaints on every switch (its range follows the form's height).
FLAT_SCROLLBAR = """
QScrollBar:vertical { background: #eef1f4; width: 12px; margin: 0; }
QScrollBar:horizontal { background: #eef1f4; height: 12px; margin: 0; }
QScrollBar::handle:vertical { background: #b8c3cd; min-height: 24px; border-radius: 4px; margin: 2px; }
QScrollBar::handle:horizontal { background: #b8c3cd; min-width: 24px; border-radius: 4px; margin: 2px; }
QScrollBar::handle:hover { background: #97a6b4; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }
"""


def restyle(widget, name: str, value) -> bool:  # noqa: ANN001 - a QWidget and a property value
    """Set a property the style sheet selects on (``#summary[state="ready"]``) and repolish, only when it
    changed: a repolish re-matches every rule of the sheet, and the indicator page did it for a dozen
    widgets on each switch. True when it changed."""
    if widget.property(name) == value:
        return False
    widget.setProperty(name, value)
    if not widget.styleSheet():
        return True  # no rules of its own (yet): nothing to match the property against
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    return True
