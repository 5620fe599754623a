"""The print window's choices: which handout, in which language, about what (meeting, body,
member, without contact details). The lists follow the open program; a change of choices
makes the preview again after a short pause. A mixin of ``PrintWindow``."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel

from kehila_desktop import printing
from kehila_desktop.core.i18n import LANGUAGE_NAMES, LANGUAGES, format_date, language, tr
from kehila_desktop.core.meetings import queries as mq
from kehila_desktop.core.people import queries as pq
from kehila_desktop.core.structure import queries as sq

EVERYONE = ""  # the combo data of "every body" / "every member of the body"


class HandoutChoices:
    def _build_choices(self) -> QFormLayout:
        form = QFormLayout()
        self.handout = QComboBox()
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.meeting = QComboBox()
        self.body = QComboBox()
        self.member = QComboBox()
        self.contacts = QCheckBox()
        self.labels = {}
        for key, widget in (
            ("handout", self.handout),
            ("language", self.language),
            ("meeting", self.meeting),
            ("body", self.body),
            ("member", self.member),
        ):
            self.labels[key] = QLabel()
            self.labels[key].setBuddy(widget)
            form.addRow(self.labels[key], widget)
        form.addRow(self.contacts)
        self.form = form
        return form

    def _connect_choices(self) -> None:
        self.handout.currentIndexChanged.connect(self._handout_changed)
        self.body.currentIndexChanged.connect(self._body_changed)
        for combo in (self.language, self.meeting, self.member):
            combo.currentIndexChanged.connect(self._choices_changed)
        self.contacts.toggled.connect(self._choices_changed)

    def _retranslate_choices(self) -> None:
        for key, text in (
            ("handout", tr("Handout:")),
            ("language", tr("Language:")),
            ("meeting", tr("Meeting:")),
            ("body", tr("Body:")),
            ("member", tr("Member:")),
        ):
            self.labels[key].setText(text)
        self.handout.setAccessibleName(tr("Handout"))
        self.language.setAccessibleName(tr("Language of the handout"))
        self.meeting.setAccessibleName(tr("Meeting"))
        self.body.setAccessibleName(tr("Body"))
        self.member.setAccessibleName(tr("Member"))
        self.contacts.setText(tr("Without contact details"))
        self.contacts.setAccessibleName(tr("Without contact details"))

    def _fill_handouts(self) -> None:
        current = self.handout.currentData()
        self.handout.blockSignals(True)
        self.handout.clear()
        for key in printing.HANDOUTS:
            self.handout.addItem(tr(printing.TITLES[key]), key)
        self.handout.setCurrentIndex(max(0, self.handout.findData(current)))
        self.handout.blockSignals(False)

    def _rows(self, query, *args) -> list:
        """``query(conn, *args)`` of the open file (nothing when none is open)."""
        pf = self.context.pf
        return query(pf.conn, *args) if pf is not None else []

    def _refill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current)
        combo.setCurrentIndex(index if index >= 0 else (0 if items else -1))
        combo.blockSignals(False)

    def _fill_lists(self) -> None:
        meetings = self._rows(mq.meeting_choices)
        self._refill(
            self.meeting,
            [(tr("{date} — {body}", date=format_date(s), body=n), i) for i, s, n in meetings],
        )
        self._fill_bodies()
        self._fill_members()

    def _fill_bodies(self) -> None:
        key = self.handout.currentData()
        rows = self._rows(sq.bodies)
        bodies = [(n, i) for i, n, _ in rows]
        if key == "calendar":
            bodies.insert(0, (tr("Every body"), EVERYONE))
        had = self.body.currentData()
        self._refill(self.body, bodies)
        if not had and key != "calendar":  # first fill (or "every body"): the design committee
            design = [i for i, _, k in rows if k == "design"]
            if design:
                self.body.setCurrentIndex(self.body.findData(design[0]))

    def _fill_members(self) -> None:
        body = self.body.currentData()
        people = self._rows(pq.seated_people, body or "")
        self._refill(
            self.member, [(tr("Every member of the body"), EVERYONE)] + [(n, i) for i, n in people]
        )

    def load(self, choice: dict) -> None:
        """Pre-select what the current view shows: ``handout``, ``meeting``, ``body``,
        ``member``, ``language`` (keys that are missing keep their defaults)."""
        widgets = {
            "handout": self.handout,
            "language": self.language,
            "meeting": self.meeting,
            "body": self.body,
        }
        choice = {
            "language": language() if language() in LANGUAGES else LANGUAGES[0],
            **{k: v for k, v in choice.items() if v},
        }
        if choice.get("member") and choice.get("handout") == "role-letter":
            choice.setdefault("body", self._body_of(choice["member"]))
        for key, widget in widgets.items():
            if key in choice:
                index = widget.findData(choice[key])
                if index >= 0:
                    widget.blockSignals(True)
                    widget.setCurrentIndex(index)
                    widget.blockSignals(False)
        self._fill_bodies()
        if choice.get("body"):
            self.body.setCurrentIndex(max(0, self.body.findData(choice["body"])))
        self._fill_members()
        if choice.get("member"):
            self.member.setCurrentIndex(max(0, self.member.findData(choice["member"])))
        self._update()
        self.build()

    def _body_of(self, person_id: str) -> str | None:
        pf = self.context.pf
        return pq.seated_body_of(pf.conn, person_id) if pf is not None else None

    def choices(self) -> tuple[str, str, dict]:
        """(handout, language, options) as ``printing.build`` takes them."""
        key = self.handout.currentData()
        uses = printing.OPTIONS.get(key, ())
        options: dict = {}
        if "meeting" in uses:
            options["meeting"] = self.meeting.currentData()
        if "body" in uses and self.body.currentData():
            options["body"] = self.body.currentData()
        if "member" in uses and self.member.currentData():
            options["member"] = self.member.currentData()
        if "contacts" in uses:
            options["contacts"] = not self.contacts.isChecked()
        return key, self.language.currentData(), options

    def _key(self) -> tuple:
        key, lang, options = self.choices()
        return key, lang, tuple(sorted(options.items()))

    def _program_changed(self, *_args) -> None:
        """An edit in the main window: new lists, and the preview made again."""
        if not self.isVisible() or self.context.pf is None:
            return
        for combo in (self.meeting, self.body, self.member):
            combo.blockSignals(True)
        try:
            self._fill_lists()
        finally:
            for combo in (self.meeting, self.body, self.member):
                combo.blockSignals(False)
        self._dirty = True
        self._choices_changed()

    def _handout_changed(self, *_args) -> None:
        self._fill_bodies()
        self._fill_members()
        self._choices_changed()

    def _body_changed(self, *_args) -> None:
        self._fill_members()
        self._choices_changed()

    def _choices_changed(self, *_args) -> None:
        self._timer.start()
        self._update()  # busy now: Print… and Export PDF… wait for the new preview

    def _update(self) -> None:
        uses = printing.OPTIONS.get(self.handout.currentData(), ())
        for key in ("meeting", "body", "member"):
            self.form.setRowVisible(self.labels[key], key in uses)
        self.contacts.setVisible("contacts" in uses)
        ready = self.built is not None and self.built[0] == self._key() and not self.busy
        self.print_button.setEnabled(ready)
        self.export_button.setEnabled(ready)
