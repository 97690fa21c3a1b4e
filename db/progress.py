"""The long-job protocol of db/ and exports/: ``progress(done, total, step)`` and ``cancelled()``.

A :class:`Step` says what the job is doing as a stable code with parameters, the way
:class:`db.errors.KlaError` says what went wrong: db/ and exports/ never make the sentence.
The front ends word it (``ui.messages.progress_text``: Indonesian for the CLI, Qt Linguist
for the window). Codes in use:

- ``reading_unit`` (name): reading one kelurahan's data; ``making_demo`` (name): demo data
- ``export_part_evidence`` / ``export_part_done`` (part, parts): writing one part of an export
- ``checking_file`` (name): opening one file of an import
- ``receipt_for`` (name): writing one kelurahan's receipt
- ``copying_evidence``, ``restoring_data``: the setup file with a restore
- ``adding_file`` (name), ``checking_pack``: the evidence pack
- ``composing_sheet``, ``composing_city_report``, ``composing_template_change``, ``writing_pdf``: a PDF report
- ``writing_summary``, ``writing_values``, ``writing_evidence``, ``writing_activities``,
  ``writing_facilities``, ``writing_figures``, ``saving_workbook``: the workbook;
  ``reading_figures``: adding up the figures per area (the workbook, the figures page)
- ``template_backup``, ``template_moving``, ``template_origins``: putting a template version in force
- ``done``
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from typing import Any

from db.record import record


@record
class Step:
    code: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)

    def __str__(self) -> str:  # for logs, not for users
        if not self.params:
            return self.code
        return f"{self.code} ({', '.join(f'{k}={v!r}' for k, v in self.params.items())})"


def step(code: str, /, **params: Any) -> Step:
    return Step(code, params)


Progress = Callable[[int, int, Step], None]
Cancelled = Callable[[], bool]
