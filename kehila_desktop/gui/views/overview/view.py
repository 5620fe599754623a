"""The Overview: locality, timeline, chosen channels, focus areas, upcoming meetings, and the
program-health findings as a checklist whose items take you to the place that fixes them.

A program that is not yet set up shows the set-up guide on top (``core.structure.guide``): the
seed's steps in order, each ticked from what the file holds, each opening the place that
does it.

The cheap parts (program facts, guide, upcoming meetings) are filled at once; the health
rules run in a worker thread on a read-only connection of their own (``health.findings_in_file``)
while the list says "checking…". The result comes back through a queued signal and is dropped
when the file changed or another file was opened meanwhile (``_generation``)."""

from __future__ import annotations

import threading
from datetime import datetime

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOption,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core import health
from kehila_desktop.core.i18n import isolated_fields, label, language, ntr, tr
from kehila_desktop.core.structure import guide
from kehila_desktop.gui.views.lazy import LazyView
from kehila_desktop.gui.widgets import (
    Card,
    format_date,
    format_datetime,
    heading_label,
    plain_label,
)
from kehila_desktop.core.meetings import queries as mq
from kehila_desktop.core.structure import queries as sq

UPCOMING = 6
PER_KIND = 5  # findings shown of one kind; the rest are counted in one line


def _row(first: QWidget, second: QWidget) -> QHBoxLayout:
    """Two widgets on one line, from the leading side (the right in RTL)."""
    row = QHBoxLayout()
    row.setSpacing(16)
    row.addWidget(first)
    row.addWidget(second)
    row.addStretch(1)
    return row


class _Results(QObject):
    """Carries a worker's findings to the GUI thread (a queued connection)."""

    ready = Signal(int, object)  # generation, list[Finding] or an exception


class View(LazyView):
    key = "overview"

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.findings: list[health.Finding] = []
        self.findings_ready = False  # False while the health rules are being checked
        self._generation = 0
        self._results = _Results(self)
        self._results.ready.connect(self._findings_arrived, Qt.ConnectionType.QueuedConnection)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no unnamed tab stop
        outer.addWidget(scroll)
        page = QWidget()
        page.setObjectName("overviewPage")
        page.setStyleSheet("#overviewPage { background: #f7f8fa; }")
        scroll.setWidget(page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self.heading = heading_label(1.8)
        self.subheading = plain_label()
        self.subheading.setWordWrap(False)
        self.edit_settings = QPushButton()
        self.edit_settings.clicked.connect(self._edit_settings)
        layout.addWidget(self.heading)
        layout.addLayout(_row(self.subheading, self.edit_settings))
        self.guide_heading = heading_label(1.2)
        self.guide_summary = plain_label()
        self.guide_summary.setWordWrap(False)
        self.guide = QListWidget()
        self.guide.setWordWrap(True)
        self.guide.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.guide.itemActivated.connect(self._open_item)
        self.guide.itemClicked.connect(self._open_item)
        self.guide_steps: list[guide.GuideStep] = []
        layout.addLayout(_row(self.guide_heading, self.guide_summary))
        layout.addWidget(self.guide)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.cards = {name: Card() for name in ("timeline", "channels", "focus", "scope")}
        for n, card in enumerate(self.cards.values()):
            grid.addWidget(card, n // 2, n % 2)
        layout.addLayout(grid)
        self.meetings_heading = heading_label(1.2)
        self.meetings = QListWidget()
        self.meetings.setMaximumHeight(190)
        self.meetings.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.meetings.itemActivated.connect(self._open_item)
        self.meetings.itemClicked.connect(self._open_item)
        layout.addWidget(self.meetings_heading)
        layout.addWidget(self.meetings)
        self.health_heading = heading_label(1.2)
        self.health_summary = plain_label()
        self.health_summary.setWordWrap(False)
        self.health_intro = plain_label()
        self.health = QListWidget()
        self.health.setMinimumHeight(150)
        self.health.setWordWrap(True)
        self.health.itemActivated.connect(self._open_item)
        self.health.itemClicked.connect(self._open_item)
        layout.addLayout(_row(self.health_heading, self.health_summary))
        layout.addWidget(self.health_intro)
        layout.addWidget(self.health, 1)
        context.changed.connect(self._changed)
        context.fileOpened.connect(self._changed)
        context.languageChanged.connect(self.retranslate)
        self._texts()
        self.refresh()  # a view reads the file once, when it is built (not again by the window)

    def title(self) -> str:
        return tr("Overview")

    def retranslate(self, *_args) -> None:
        self._texts()
        self.refresh()  # the findings and dates are sentences in the language

    def _texts(self) -> None:
        self.guide_heading.setText(tr("Setting up the program"))
        self.guide.setAccessibleName(tr("Setting up the program"))
        self.meetings_heading.setText(tr("Upcoming meetings"))
        self.meetings.setAccessibleName(tr("Upcoming meetings"))
        self.health_heading.setText(tr("Program health"))
        self.health.setAccessibleName(tr("Program health"))
        self.edit_settings.setText(tr("Program settings…"))
        self.edit_settings.setAccessibleName(tr("Program settings…"))
        self.health_intro.setText(
            tr(
                "What the program still needs, by the seed's guidance. "
                "Click an item to go where it is fixed."
            )
        )

    # --- reading ------------------------------------------------------------------------
    def _changed(self, *_args) -> None:
        # health runs every rule: do it now only when the overview is on screen
        self._generation += 1  # a check still under way read the file before this change
        self.refresh_when_shown()

    def refresh(self, *_args) -> None:
        pf = self.context.pf
        if pf is None:
            return
        self._stale = False
        conn = pf.conn
        row = sq.program(conn)
        name, locality, authority, start, end, timeline, scope = (
            row[k]
            for k in (
                "name",
                "locality",
                "authority",
                "start_date",
                "end_date",
                "timeline",
                "scope",
            )
        )
        self.heading.setText(name or tr("Program"))
        place = " · ".join(p for p in (locality, authority) if p)
        self.subheading.setText(place or tr("The locality has not been set."))
        dates = " – ".join(d for d in (format_date(start), format_date(end)) if d)
        self.cards["timeline"].set_texts(
            tr("Timeline"), "\n".join(t for t in (dates, timeline) if t) or tr("Not set yet.")
        )
        chosen = [label("CHANNELS", k) for k in sq.chosen_channel_keys(conn)]
        self.cards["channels"].set_texts(
            tr("Chosen channels"), "\n".join(chosen) or tr("No channel chosen yet.")
        )
        areas = sq.focus_area_names(conn)
        self.cards["focus"].set_texts(
            tr("Geographic focus"), "\n".join(areas) or tr("No focus area chosen yet.")
        )
        self.cards["scope"].set_texts(tr("Program boundaries (scope)"), scope or tr("Not set yet."))
        self._fill_guide(conn)
        self._fill_meetings(conn)
        self._check_health(pf)

    # --- health, off the paint path -----------------------------------------------------
    def _check_health(self, pf) -> None:
        self._generation += 1
        generation, lang = self._generation, language()
        self.findings, self.findings_ready = [], False
        self.health.clear()
        item = QListWidgetItem(tr("Checking the program…"))
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.health.addItem(item)
        self.health_summary.setText(tr("Checking…"))
        self.health_summary.setVisible(True)
        path = pf.recovered_from or pf.path  # what the open connection reads
        results = self._results

        def work() -> None:
            try:
                with isolated_fields():  # names in another script keep their numbers in place
                    found: object = health.findings_in_file(path, lang)
            except Exception as exc:
                found = exc
            try:
                results.ready.emit(generation, found)
            except RuntimeError:  # the view is gone
                pass

        threading.Thread(target=work, name="overview-health", daemon=True).start()

    def _findings_arrived(self, generation: int, found: object) -> None:
        pf = self.context.pf
        if generation != self._generation or pf is None:
            return  # stale: the file changed or another file was opened since
        if isinstance(found, BaseException):  # e.g. the file was busy: read it here instead
            with isolated_fields():
                found = health.findings(pf.conn, language())
        self.findings = list(found)
        self.findings_ready = True
        self._fill_health()

    def _fill_guide(self, conn) -> None:
        self.guide.clear()
        with isolated_fields():
            self.guide_steps = guide.steps(conn, language())
        done = sum(step.done for step in self.guide_steps)
        shown = done < len(self.guide_steps)
        for widget in (self.guide_heading, self.guide_summary, self.guide):
            widget.setVisible(shown)
        if not shown:
            return
        self.guide_summary.setText(
            tr("{done} of {total} steps done.", done=done, total=len(self.guide_steps))
        )
        style, option = self.style(), QStyleOption()
        option.initFrom(self)  # "forward" in this view's reading direction: ◀ in he and ar
        icons = {
            True: style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
            False: style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward, option, self),
        }
        next_found = False
        for n, step in enumerate(self.guide_steps, start=1):
            state = tr("step done") if step.done else tr("step to do")
            item = QListWidgetItem(
                icons[step.done],
                tr("{n}. {title} — {detail}", n=n, title=step.title, detail=step.detail),
            )
            item.setData(Qt.ItemDataRole.UserRole, -1000 - (n - 1))  # a guide step
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole, f"{n}. {step.title} ({state}). {step.detail}"
            )
            item.setToolTip(state)
            if not step.done and not next_found:
                next_found = True
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.guide.addItem(item)

    def _fill_meetings(self, conn) -> None:
        self.meetings.clear()
        now = datetime.now().strftime("%Y-%m-%dT%H:%M")
        rows = mq.upcoming(conn, now, UPCOMING)
        for meeting_id, starts_at, body, place in rows:
            text = tr("{when} — {body}", when=format_datetime(starts_at), body=body)
            if place:
                text += " · " + place
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, meeting_id)
            self.meetings.addItem(item)
        if not rows:
            item = QListWidgetItem(tr("No meetings are planned."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.meetings.addItem(item)

    def _fill_health(self) -> None:
        self.health.clear()
        style = self.style()
        icons = {
            "problem": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            "advice": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }
        names = {"problem": tr("Problem"), "warning": tr("Warning"), "advice": tr("Advice")}
        shown: dict[str, int] = {}
        for row, finding in enumerate(self.findings):
            count = shown[finding.code] = shown.get(finding.code, 0) + 1
            if count > PER_KIND:
                continue
            item = QListWidgetItem(icons.get(finding.severity, icons["advice"]), finding.message)
            item.setData(Qt.ItemDataRole.UserRole, row)  # an int: index into self.findings
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"{names.get(finding.severity, '')}: {finding.message}",
            )
            item.setToolTip(names.get(finding.severity, ""))
            self.health.addItem(item)
            if count == PER_KIND:
                more = sum(1 for f in self.findings if f.code == finding.code) - PER_KIND
                if more > 0:
                    extra = QListWidgetItem(
                        ntr("… and {n} more like this.", "… and {n} more like this.", more)
                    )
                    extra.setData(Qt.ItemDataRole.UserRole, -1 - row)  # the kind's view
                    self.health.addItem(extra)
        counts = {k: sum(f.severity == k for f in self.findings) for k in names}
        self.health_summary.setText(
            tr(
                "{problems}, {warnings}, {advice}.",
                problems=ntr("{n} problem", "{n} problems", counts["problem"]),
                warnings=ntr("{n} warning", "{n} warnings", counts["warning"]),
                advice=ntr("{n} piece of advice", "{n} pieces of advice", counts["advice"]),
            )
        )
        self.health_summary.setVisible(bool(self.findings))
        if not self.findings:
            icon = style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
            item = QListWidgetItem(icon, tr("Everything the seed asks for is in place."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.health.addItem(item)

    # --- navigation ---------------------------------------------------------------------
    def _open_item(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if item.listWidget() is self.guide:
            if not isinstance(data, int) or not self.guide_steps:
                return
            view, table, row_id = self.guide_steps[-1000 - data].target
        elif item.listWidget() is self.health:
            if not isinstance(data, int) or not self.findings:
                return
            finding = self.findings[data if data >= 0 else -1 - data]
            view, table, row_id = finding.target
            if data < 0:  # "… and N more": the view where they are, no single row
                table, row_id = "", ""
        elif isinstance(data, str) and data:
            view, table, row_id = "meetings", "meeting", data
        else:
            return
        self.context.navigateRequested.emit(view or "overview", table or "", row_id or "")

    def _edit_settings(self) -> None:
        if self.context.pf is None:
            return
        self.context.navigateRequested.emit(
            "structure", "program", sq.program_id(self.context.pf.conn)
        )

    def navigate(self, table: str, row_id: str) -> None:
        pass
