"""Qt Linguist translations. Source strings are Indonesian; see README.md in this folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the translations for ``language`` ('id' or 'en'); keep the returned list alive.

    Indonesian is the source language of our strings, so 'id' needs only ``qt_id``, which
    puts Qt's own few words (context-menu entries, standard buttons) into Indonesian.
    """
    loaded = []
    names = ["kla_en"] if language == "en" else ["qt_id"]
    for name in names:
        tr = QTranslator(app)
        if tr.load(str(I18N_DIR / f"{name}.qm")):
            app.installTranslator(tr)
            loaded.append(tr)
    QLocale.setDefault(QLocale(QLocale.Language.English if language == "en" else QLocale.Language.Indonesian,
                               QLocale.Country.Indonesia))
    return loaded
