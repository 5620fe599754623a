"""The two editing panels of the Structure view (forms from ``ui/``): a body's details and
the program settings. Every field is committed when it is left (one undo step each); bad
input gets one sentence and changes nothing."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from kehila_desktop.core.structure import edits, queries
from kehila_desktop.core import enums
from kehila_desktop.core.structure.composition import composition, residents_definition
from kehila_desktop.core.i18n import format_date, label, ntr, parse_date, standalone_label, tr
from kehila_desktop.gui.forms.ui_body_details import Ui_BodyDetails
from kehila_desktop.gui.forms.ui_program_settings import Ui_ProgramSettings
from kehila_desktop.gui.views.structure.areas_panel import AreasEditor
from kehila_desktop.gui.widgets import attach_calendar, number_locale
from kehila_desktop.gui.direction import align_to_text


def weekday_name(n: int) -> str:
    return {
        0: tr("Monday"),
        1: tr("Tuesday"),
        2: tr("Wednesday"),
        3: tr("Thursday"),
        4: tr("Friday"),
        5: tr("Saturday"),
        6: tr("Sunday"),
    }[n]


def seed_decisions(kind: str) -> str:
    """What the seed gives each mechanism to decide and do."""
    return {
        "steering": tr(
            "Approves processes and budgets. At the start it decides the program's "
            "boundaries (scope) and timelines, the geographic focus and the chosen "
            "channels, and it decides the composition of the design committee. "
            "Convenes once a quarter."
        ),
        "design": tr(
            "Defines shared goals and targets and formulates the local work plan; "
            "helps with the mapping and the strategic plan. Every member has an equal "
            "voice and equal weight in decisions. Two and a half hours once a month "
            "in the first year, then once a quarter."
        ),
        "work_team": tr(
            "Leads the local situation picture of its channel, helps define the "
            "problem space and the solution space, recommends shared long-term "
            "goals and helps formulate the strategic work plan. Its "
            "representatives sit in the design committee."
        ),
        "program_team": tr(
            "The program manager, the community companion and the fellows: "
            "regular meetings, trainings and team days; implements the program "
            "down to the small details."
        ),
    }.get(kind, "")


class _FocusOut(QObject):
    """Calls ``callback`` when the watched widget loses focus (for multi-line fields)."""

    def __init__(self, widget, callback) -> None:
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.callback()
        return False


class BodyPanel(QWidget):
    """Shows and edits one body: name, chair, cadence (the program team's: also of its
    trainings and team days), meeting length, day and hour,
    responsibilities; shows members and what the seed gives it to decide."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.body_id = ""
        self.row: dict = {}
        self.ui = Ui_BodyDetails()
        self.ui.setupUi(self)
        ui = self.ui
        for key in enums.CADENCES:
            ui.cadenceCombo.addItem("", key)
        # the longest cadence must not widen the panel (the window fits 1000 px)
        ui.cadenceCombo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        ui.cadenceCombo.setMinimumContentsLength(14)
        # the program team's trainings and team days: a cadence each, below its own
        self.extra_cadences: dict[str, tuple[QLabel, QComboBox]] = {}
        for row, field in enumerate(("training_cadence", "team_day_cadence"), start=6):
            combo = QComboBox()
            combo.setObjectName(field + "Combo")
            for key in ("", *enums.CADENCES):
                combo.addItem("", key)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
            caption = QLabel()
            caption.setBuddy(combo)
            ui.form.insertRow(row, caption, combo)
            combo.activated.connect(
                lambda _i, f=field, c=combo: self._set(
                    f,
                    c.currentData(),
                    tr("change the cadence of {name}", name=self.row.get("name", "")),
                )
            )
            self.extra_cadences[field] = (caption, combo)
        for n in range(7):
            ui.weekdayCombo.addItem("", n)
        # a clock time reads left to right in every language (else 10:00 shows as 00:10)
        ui.hourEdit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        ui.hourEdit.setDisplayFormat("HH:mm")  # re-parsed left to right (Qt reverses it in RTL)
        for field in (ui.hourEdit, ui.minutesSpin):
            field.setLocale(number_locale())
        font = ui.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        ui.heading.setFont(font)
        ui.nameEdit.editingFinished.connect(self._name_done)
        ui.chairCombo.activated.connect(
            lambda _i: self._set(
                "chair_person_id",
                ui.chairCombo.currentData() or None,
                tr("change the chair of {name}", name=self.row.get("name", "")),
            )
        )
        ui.cadenceCombo.activated.connect(
            lambda _i: self._set(
                "cadence",
                ui.cadenceCombo.currentData(),
                tr("change the cadence of {name}", name=self.row.get("name", "")),
            )
        )
        ui.minutesSpin.editingFinished.connect(
            lambda: self._set(
                "meeting_minutes",
                ui.minutesSpin.value(),
                tr("change the meeting length of {name}", name=self.row.get("name", "")),
            )
        )
        ui.weekdayCombo.activated.connect(
            lambda _i: self._set(
                "preferred_weekday",
                ui.weekdayCombo.currentData(),
                tr("change the meeting day of {name}", name=self.row.get("name", "")),
            )
        )
        ui.hourEdit.editingFinished.connect(
            lambda: self._set(
                "preferred_hour",
                ui.hourEdit.time().toString("HH:mm"),
                tr("change the meeting hour of {name}", name=self.row.get("name", "")),
            )
        )
        align_to_text(ui.responsibilitiesEdit)
        _FocusOut(
            ui.responsibilitiesEdit,
            lambda: self._set(
                "responsibilities",
                ui.responsibilitiesEdit.toPlainText(),
                tr("edit the responsibilities of {name}", name=self.row.get("name", "")),
            ),
        )
        self.retranslate()

    def retranslate(self) -> None:
        ui = self.ui
        pairs = (
            (ui.kindLabel, tr("Mechanism")),
            (ui.nameLabel, tr("Name")),
            (ui.chairLabel, tr("Chair")),
            (ui.membersLabel, tr("Members")),
            (ui.cadenceLabel, tr("Cadence")),
            (ui.minutesLabel, tr("Meeting length")),
            (ui.weekdayLabel, tr("Usual day")),
            (ui.hourLabel, tr("Usual hour")),
            (ui.responsibilitiesLabel, tr("Areas of responsibility")),
            (ui.decisionsLabel, tr("What the seed gives it")),
        )
        captions = {
            "training_cadence": tr("Trainings"),
            "team_day_cadence": tr("Team days"),
        }
        pairs += tuple((self.extra_cadences[f][0], text) for f, text in captions.items())
        for lbl, text in pairs:
            lbl.setText(text)
            buddy = lbl.buddy()
            if buddy is not None:
                buddy.setAccessibleName(text)
        ui.minutesSpin.setSuffix(" " + tr("minutes"))
        for i, key in enumerate(enums.CADENCES):
            ui.cadenceCombo.setItemText(i, standalone_label("CADENCES", key))
        for _caption, combo in self.extra_cadences.values():
            combo.setItemText(0, tr("none planned"))
            for i, key in enumerate(enums.CADENCES, start=1):
                combo.setItemText(i, standalone_label("CADENCES", key))
        for n in range(7):
            ui.weekdayCombo.setItemText(n, weekday_name(n))
        self.load(self.body_id)

    def load(self, body_id: str) -> None:
        """Show the body ``body_id`` (re-read from the file)."""
        self.body_id = body_id
        pf = self.context.pf
        self.setEnabled(bool(pf is not None and body_id))
        if pf is None or not body_id:
            return
        row = queries.body(pf.conn, body_id)
        if row is None:
            self.body_id = ""
            self.setEnabled(False)
            return
        self.row = row
        ui = self.ui
        read_only = self.context.read_only
        ui.heading.setText(row["name"])
        kind = standalone_label("BODY_KINDS", row["kind"])
        if row["kind"] == "work_team" and row["channel_key"]:
            kind = tr(
                "{kind} · channel: {channel}",
                kind=kind,
                channel=label("CHANNELS", row["channel_key"]),
            )
        ui.kindValue.setText(kind)
        ui.nameEdit.setText(row["name"])
        ui.nameEdit.setCursorPosition(0)
        ui.chairCombo.clear()
        ui.chairCombo.addItem(tr("(no chair)"), "")
        for person_id, name in queries.chair_candidates(pf.conn, body_id, row["chair_person_id"]):
            ui.chairCombo.addItem(name, person_id)
        ui.chairCombo.setCurrentIndex(max(0, ui.chairCombo.findData(row["chair_person_id"] or "")))
        joined, coming = queries.member_counts(pf.conn, body_id)
        ui.membersValue.setText(
            tr("{joined} joined, {coming} on the way", joined=joined, coming=coming)
        )
        ui.cadenceCombo.setCurrentIndex(max(0, ui.cadenceCombo.findData(row["cadence"])))
        for field, (caption, combo) in self.extra_cadences.items():
            ui.form.setRowVisible(caption, row["kind"] == "program_team")
            combo.setCurrentIndex(max(0, combo.findData(row.get(field, ""))))
            combo.setEnabled(not read_only)
        ui.minutesSpin.setValue(int(row["meeting_minutes"] or 0))
        ui.weekdayCombo.setCurrentIndex(int(row["preferred_weekday"] or 0))
        ui.hourEdit.setTime(QTime.fromString(row["preferred_hour"] or "17:00", "HH:mm"))
        if ui.responsibilitiesEdit.toPlainText() != row["responsibilities"]:
            ui.responsibilitiesEdit.setPlainText(row["responsibilities"])
        ui.decisionsValue.setText(seed_decisions(row["kind"]))
        for widget in (ui.nameEdit, ui.responsibilitiesEdit):
            widget.setReadOnly(read_only)
        for widget in (
            ui.chairCombo,
            ui.cadenceCombo,
            ui.minutesSpin,
            ui.weekdayCombo,
            ui.hourEdit,
        ):
            widget.setEnabled(not read_only)

    def _name_done(self) -> None:
        name = self.ui.nameEdit.text().strip()
        if not self.body_id or name == self.row.get("name"):
            return
        if not name:
            self.ui.nameEdit.setText(self.row.get("name", ""))
            self.context.show_error(tr("A body needs a name; the name was not changed."))
            return
        body_id = self.body_id
        self.context.run(
            tr("rename {name}", name=self.row.get("name", "")),
            lambda ops: edits.rename_body(ops, body_id, name),
        )
        if self.context.pf is not None and body_id == self.body_id:
            self.row["name"] = queries.body_name(self.context.pf.conn, body_id)

    def _set(self, field: str, value, step_label: str) -> None:
        if not self.body_id or self.context.read_only or self.row.get(field) == value:
            return
        body_id = self.body_id
        if (
            self.context.run(step_label, lambda ops: edits.edit_body(ops, body_id, {field: value}))
            is not None
        ):
            self.row[field] = value  # until the deferred refresh re-reads the row


class ProgramPanel(QWidget):
    """The program settings: names, scope, timelines, residents' share, chosen channels
    (with the seed's advice of two or three), and the geographic focus."""

    channelsChanged = Signal()

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.row: dict = {}
        self.ui = Ui_ProgramSettings()
        self.ui.setupUi(self)
        ui = self.ui
        box = QVBoxLayout(ui.channelsBox)
        box.setContentsMargins(0, 0, 0, 0)
        self.channel_checks: dict[str, QCheckBox] = {}
        for key in enums.CHANNELS:
            check = QCheckBox()
            check.clicked.connect(lambda _c=False: self._channels_done())
            box.addWidget(check)
            self.channel_checks[key] = check
        for field, edit in (
            ("name", ui.nameEdit),
            ("locality", ui.localityEdit),
            ("authority", ui.authorityEdit),
            ("timeline", ui.timelineEdit),
        ):
            edit.editingFinished.connect(lambda f=field, e=edit: self._text_done(f, e.text()))
        ui.startEdit.editingFinished.connect(lambda: self._date_done("start_date", ui.startEdit))
        ui.endEdit.editingFinished.connect(lambda: self._date_done("end_date", ui.endEdit))
        attach_calendar(ui.startEdit, lambda: self._date_done("start_date", ui.startEdit))
        attach_calendar(ui.endEdit, lambda: self._date_done("end_date", ui.endEdit))
        ui.residentsSpin.editingFinished.connect(
            lambda: self._set(
                "residents_target_pct",
                ui.residentsSpin.value(),
                tr("change the residents' target share"),
            )
        )
        align_to_text(ui.scopeEdit)
        _FocusOut(
            ui.scopeEdit,
            lambda: self._set(
                "scope", ui.scopeEdit.toPlainText(), tr("change the program boundaries")
            ),
        )
        ui.residentsSpin.setLocale(number_locale())
        ui.form.removeWidget(ui.focusList)
        self.areas = AreasEditor(context, ui.focusList)
        ui.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.areas)
        self._filling = False
        self.retranslate()

    def retranslate(self) -> None:
        ui = self.ui
        pairs = (
            (ui.nameLabel, tr("Program name")),
            (ui.localityLabel, tr("Locality")),
            (ui.authorityLabel, tr("Local authority")),
            (ui.scopeLabel, tr("Program boundaries (scope)")),
            (ui.startLabel, tr("Start date")),
            (ui.endLabel, tr("End date")),
            (ui.timelineLabel, tr("Timelines")),
            (ui.residentsLabel, tr("Residents' target share")),
            (ui.channelsLabel, tr("Chosen channels")),
            (ui.focusLabel, tr("Geographic focus")),
        )
        for lbl, text in pairs:
            lbl.setText(text)
            buddy = lbl.buddy()
            if buddy is not None:
                buddy.setAccessibleName(text)
        for edit in (ui.startEdit, ui.endEdit):
            edit.setPlaceholderText(tr("DD/MM/YYYY"))
        for key, check in self.channel_checks.items():
            check.setText(standalone_label("CHANNELS", key))
            check.setAccessibleName(tr("Channel: {channel}", channel=label("CHANNELS", key)))
        self.areas.retranslate()
        self.load()

    def load(self) -> None:
        pf = self.context.pf
        self.setEnabled(pf is not None)
        if pf is None:
            return
        conn = pf.conn
        self.row = row = queries.program(conn)
        ui = self.ui
        ui.nameEdit.setText(row["name"])
        ui.localityEdit.setText(row["locality"])
        ui.authorityEdit.setText(row["authority"])
        if ui.scopeEdit.toPlainText() != row["scope"]:
            ui.scopeEdit.setPlainText(row["scope"])
        ui.startEdit.setText(format_date(row["start_date"]))
        ui.endEdit.setText(format_date(row["end_date"]))
        ui.timelineEdit.setText(row["timeline"])
        for edit in (ui.nameEdit, ui.localityEdit, ui.authorityEdit, ui.timelineEdit):
            edit.setCursorPosition(0)  # show the start of a long text, not its end
        ui.residentsSpin.setValue(int(row["residents_target_pct"] or 0))
        design = queries.live_body_id(conn, "design")
        joined = composition(conn, design).total if design else 0
        for widget in (ui.residentsLabel, ui.residentsSpin):
            widget.setToolTip(residents_definition(joined))
        chosen = queries.chosen_channels(conn)
        for key, check in self.channel_checks.items():
            check.setChecked(key in chosen)
        advice = tr(
            "The program recommends starting with two or three channels and widening "
            "to the others later."
        )
        if len(chosen) not in (2, 3):
            advice += " " + ntr("{n} chosen now.", "{n} chosen now.", len(chosen))
        ui.channelsAdvice.setText(advice)
        read_only = self.context.read_only
        for widget in (
            ui.nameEdit,
            ui.localityEdit,
            ui.authorityEdit,
            ui.scopeEdit,
            ui.startEdit,
            ui.endEdit,
            ui.timelineEdit,
        ):
            widget.setReadOnly(read_only)
        for widget in (ui.residentsSpin, *self.channel_checks.values()):
            widget.setEnabled(not read_only)
        self.areas.load(conn, read_only)

    # --- edits --------------------------------------------------------------------------
    def _set(self, field: str, value, step_label: str) -> None:
        if not self.row or self.context.read_only or self.row.get(field) == value:
            return
        if (
            self.context.run(step_label, lambda ops: edits.edit_program(ops, {field: value}))
            is not None
        ):
            self.row[field] = value  # until the deferred refresh re-reads the row

    def _text_done(self, field: str, text: str) -> None:
        names = {
            "name": tr("rename the program"),
            "locality": tr("change the locality"),
            "authority": tr("change the local authority"),
            "timeline": tr("change the timelines"),
        }
        self._set(field, text.strip(), names[field])

    def _date_done(self, field: str, edit) -> None:
        try:
            text = parse_date(edit.text()) or ""
        except ValueError:
            edit.setText(format_date(self.row.get(field)))
            self.context.show_error(
                tr(
                    "Write the date as D/M/YYYY, for example 31/1/2027 "
                    "(or 2027-01-31); the date was not changed."
                )
            )
            return
        start = text if field == "start_date" else self.row.get("start_date")
        end = text if field == "end_date" else self.row.get("end_date")
        if start and end and end < start:
            edit.setText(format_date(self.row.get(field)))
            self.context.show_error(
                tr("The end date is before the start date; the date was not changed.")
            )
            return
        self._set(field, text or None, tr("change the program dates"))

    def _channels_done(self) -> None:
        if self.context.read_only:
            return
        keys = [k for k, check in self.channel_checks.items() if check.isChecked()]
        today = date.today().isoformat()
        self.context.run(
            tr("choose channels"), lambda ops: edits.set_chosen_channels(ops, keys, when=today)
        )
        self.load()  # shows the file's state whether or not the edit went through
        self.channelsChanged.emit()
