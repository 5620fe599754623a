"""The people view: the partner mapping table (search as you type, filters, sorting), the
person editor, memberships along the pipeline, the people × bodies matrix, the composition
of each body drawn as a chart with its health findings, and import / export of people.

Every write goes through ``context.run`` (one undo step) or, for an import, one step of kind
"import"; the view re-reads the file on ``context.changed``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core import enums, health
from kehila_desktop.core.structure.composition import composition, residents_definition
from kehila_desktop.core.errors import KehilaError
from kehila_desktop.core.i18n import isolated_fields, label, ntr, tr
from kehila_desktop.core.people import edits as people, queries as people_q
from kehila_desktop.core.people.search import PeopleFilter
from kehila_desktop.core.structure import memberships, queries as structure_q
from kehila_desktop.gui import dialogs
from kehila_desktop.gui.context import AppContext
from kehila_desktop.gui.filedialogs import name_filter, open_path, save_path
from kehila_desktop.gui.views.lazy import LazyView
from kehila_desktop.gui.views.people.composition_chart import CompositionChart
from kehila_desktop.gui.views.people.import_dialog import ImportPreview
from kehila_desktop.gui.views.people.matrix import MatrixModel
from kehila_desktop.gui.views.people.membership_editor import MembershipEditor
from kehila_desktop.gui.views.people.memberships_panel import MembershipsPanel
from kehila_desktop.gui.views.people.person_editor import PersonEditor
from kehila_desktop.gui.views.people.table_model import PeopleTableModel
from kehila_desktop.gui.direction import follow_text_direction

MEMBERSHIP_FIELDS = (
    "id",
    "body_id",
    "role",
    "role_requirements",
    "expected_attendance",
    "responsibilities",
    "status",
    "source",
    "represents_body_id",
)


class View(LazyView):
    key = "people"

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        # tests replace these three to answer dialogs without a modal loop
        self.exec_dialog = lambda dialog: dialog.exec()
        self.ask_open_sheet = self._ask_open_sheet
        self.ask_save_sheet = self._ask_save_sheet
        self.model = PeopleTableModel(self)
        self.matrix_model = MatrixModel(self.model, self)
        self._ready = False
        self._composition_dirty = True
        self._matrix_dirty = True
        self._build()
        context.changed.connect(self._changed)
        context.fileOpened.connect(self.refresh)
        context.languageChanged.connect(lambda *_: self.retranslate())
        self.retranslate()
        self._ready = True
        self.refresh()

    # --- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.sector_filter, self.area_filter = QComboBox(), QComboBox()
        self.body_filter, self.status_filter = QComboBox(), QComboBox()
        for combo in self._filters():
            combo.currentIndexChanged.connect(self._filter_changed)
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        for combo in self._filters():
            top.addWidget(combo, 1)
        top.addWidget(self.count_label)

        self.new_button, self.edit_button, self.delete_button = (
            QPushButton(),
            QPushButton(),
            QPushButton(),
        )
        self.import_button, self.export_button = QPushButton(), QPushButton()
        self.new_button.clicked.connect(self.new_person)
        self.edit_button.clicked.connect(self.edit_person)
        self.delete_button.clicked.connect(self.delete_person)
        self.import_button.clicked.connect(self.import_dialog)
        self.export_button.clicked.connect(self.export_dialog)
        actions = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.delete_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)

        self.table = QTableView()
        self.table.setModel(self.model)
        follow_text_direction(self.table)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab moves on, arrows move in the table
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        for column, width in enumerate((170, 160, 170, 120, 120, 200, 110, 120)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda *_: self.edit_person())
        # the keyboard: Ctrl+F to search, Enter to edit the person, Delete to delete them
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.search.setFocus)
        for key, slot in (
            (Qt.Key.Key_Return, self.edit_person),
            (Qt.Key.Key_Enter, self.edit_person),
            (Qt.Key.Key_Delete, self.delete_person),
        ):
            QShortcut(
                QKeySequence(key), self.table, slot, context=Qt.ShortcutContext.WidgetShortcut
            )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.memberships = MembershipsPanel()
        self.memberships.addRequested.connect(self.add_membership)
        self.memberships.editRequested.connect(self.edit_membership)
        self.memberships.advanceRequested.connect(self.advance_membership)
        self.memberships.removeRequested.connect(self.remove_membership)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.memberships)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        people_page = QWidget()
        page = QVBoxLayout(people_page)
        page.addLayout(actions)
        page.addWidget(self.splitter, 1)

        self.matrix = QTableView()
        self.matrix.setModel(self.matrix_model)
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setTabKeyNavigation(False)  # Tab moves on, arrows move in the table
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.comp_body = QComboBox()
        self.comp_body.currentIndexChanged.connect(self._show_composition)
        self.comp_summary = QLabel()
        self.comp_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.comp_summary.setWordWrap(True)
        self.chart = CompositionChart()
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.findings.itemActivated.connect(self._finding_activated)
        comp_page = QWidget()
        comp = QVBoxLayout(comp_page)
        comp.addWidget(self.comp_body)
        comp.addWidget(self.comp_summary)
        comp.addWidget(self.chart)
        self.findings_heading = QLabel()
        comp.addWidget(self.findings_heading)
        comp.addWidget(self.findings, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(people_page, "")
        self.tabs.addTab(self.matrix, "")
        self.tabs.addTab(comp_page, "")
        self.tabs.currentChanged.connect(self._load_matrix)
        self.tabs.currentChanged.connect(self._show_composition)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def _filters(self) -> tuple[QComboBox, ...]:
        return (self.sector_filter, self.area_filter, self.body_filter, self.status_filter)

    # --- the contract -------------------------------------------------------------------
    def title(self) -> str:
        return tr("People & mapping")

    def retranslate(self) -> None:
        self.search.setPlaceholderText(tr("Search name, organisation, community, e-mail or phone"))
        self.search.setAccessibleName(tr("search people"))
        for button, text in (
            (self.new_button, "New person…"),
            (self.edit_button, "Edit…"),
            (self.delete_button, "Delete person"),
            (self.import_button, "Import people…"),
            (self.export_button, "Export people…"),
        ):
            button.setText(tr(text))
            button.setAccessibleName(tr(text))
        for i, text in enumerate(("People", "Who sits where", "Composition")):
            self.tabs.setTabText(i, tr(text))
        self.table.setAccessibleName(tr("people"))
        self.matrix.setAccessibleName(tr("people and bodies"))
        self.comp_body.setAccessibleName(tr("body"))
        self.findings.setAccessibleName(tr("findings"))
        self.findings_heading.setText(tr("What program health says about the composition"))
        for combo, name in zip(self._filters(), ("sector", "area", "body", "pipeline status")):
            combo.setAccessibleName(tr("filter by {what}", what=tr(name)))
        self.model.retranslate()
        self.memberships.retranslate()
        if self._ready:
            conn = self.context.pf.conn if self.context.pf is not None else None
            self._fill_filters(conn)
            self._matrix_dirty = True
            self._load_matrix()
            self._selection_changed()
            self._composition_dirty = True
            self._show_composition()
            self._update_count()

    def refresh(self) -> None:
        self._stale = False
        conn = self.context.pf.conn if self.context.pf is not None else None
        selected = self.selected_person_id()
        self._fill_filters(conn)
        self.model.load(conn)
        self._matrix_dirty = True
        self._load_matrix()
        self._fill_bodies(conn)
        self._update_count()
        if selected:
            self.select_person(selected)
        self._selection_changed()
        self._composition_dirty = True
        self._show_composition()
        writable = conn is not None and not self.context.read_only
        for b in (self.new_button, self.import_button):
            b.setEnabled(writable)
        self.export_button.setEnabled(conn is not None)
        self.memberships.setEnabled(writable)

    def navigate(self, table: str, row_id: str) -> None:
        conn = self.context.pf.conn if self.context.pf else None
        if conn is None:
            return
        if table == "body":
            self.tabs.setCurrentIndex(2)
            index = self.comp_body.findData(row_id)
            if index >= 0:
                self.comp_body.setCurrentIndex(index)
            return
        person_id, membership_id = row_id, None
        if table == "membership":
            person_id = people_q.person_of_membership(conn, row_id)
            if person_id is None:
                return
            membership_id = row_id
        self.tabs.setCurrentIndex(0)
        if self.model.row_of(person_id) < 0:
            self.clear_filters()
        self.select_person(person_id)
        if membership_id:
            self.memberships.select(membership_id)

    # --- filters ------------------------------------------------------------------------
    def _fill_filters(self, conn) -> None:
        choices = [
            (self.sector_filter, "all sectors", [(k, label("SECTORS", k)) for k in enums.SECTORS]),
            (self.area_filter, "all areas", structure_q.area_names(conn) if conn else []),
            (
                self.body_filter,
                "all bodies",
                [(i, n) for i, n, _k in structure_q.bodies(conn)] if conn else [],
            ),
            (self.status_filter, "any status", [(k, label("PIPELINE", k)) for k in enums.PIPELINE]),
        ]
        for combo, everything, items in choices:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr(everything), None)
            for key, text in items:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def current_filter(self) -> PeopleFilter:
        return PeopleFilter(
            self.search.text(),
            self.sector_filter.currentData(),
            self.area_filter.currentData(),
            self.body_filter.currentData(),
            self.status_filter.currentData(),
        )

    def _filter_changed(self, *args) -> None:
        selected = self.selected_person_id()
        self.model.set_filter(self.current_filter())
        self._update_count()
        if selected:
            self.select_person(selected)
        self._selection_changed()

    def clear_filters(self) -> None:
        self.search.clear()
        for combo in self._filters():
            combo.setCurrentIndex(0)

    def _update_count(self) -> None:
        self.count_label.setText(
            ntr(
                "{shown} of {n} person",
                "{shown} of {n} people",
                self.model.total,
                shown=self.model.rowCount(),
            )
        )

    # --- selection ----------------------------------------------------------------------
    def print_context(self) -> dict:
        """What File → Print… starts with: the partner mapping (the selected person and the
        composition's body for a role letter or a roster)."""
        return {
            "handout": "people",
            "member": self.selected_person_id(),
            "body": self.comp_body.currentData(),
        }

    def selected_person_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        person = self.model.person(rows[0].row()) if rows else None
        return person.id if person else None

    def select_person(self, person_id: str) -> bool:
        row = self.model.row_of(person_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _selection_changed(self, *args) -> None:
        pid = self.selected_person_id()
        writable = pid is not None and not self.context.read_only
        self.edit_button.setEnabled(writable)
        self.delete_button.setEnabled(writable)
        conn = self.context.pf.conn if self.context.pf else None
        if pid is None or conn is None:
            self.memberships.show_person(None, [])
            return
        from kehila_desktop.core.structure.guide import approving_decisions

        rows = structure_q.memberships_of_person(conn, pid)
        approved = approving_decisions(conn)
        for row in rows:
            row["approved_by"] = approved.get(row["id"])
        self.memberships.show_person(people_q.person_name(conn, pid), rows)

    def _changed(self, changed) -> None:
        tables = getattr(changed, "tables", None)
        if tables and not tables & {"person", "membership", "body", "area", "program", "channel"}:
            return
        # 5,000 people take ~150 ms to re-read: not on every edit in another view
        self.refresh_when_shown()

    # --- people -------------------------------------------------------------------------
    def _areas(self) -> list[tuple[str, str]]:
        return structure_q.area_names(self.context.pf.conn)

    def new_person(self) -> str | None:
        if self.context.ops is None:
            return None
        editor = PersonEditor(self._areas(), parent=self)
        if self.exec_dialog(editor) != QDialog.DialogCode.Accepted:
            return None
        values = editor.result_values()
        person_id = self.context.run(
            tr("add {person}", person=values["name"]), lambda ops: people.add_person(ops, values)
        )
        if person_id:
            if self.model.row_of(person_id) < 0:  # hidden by the filters: show everyone
                self.clear_filters()
            self.select_person(person_id)
        return person_id

    def edit_person(self) -> None:
        pid = self.selected_person_id()
        if pid is None or self.context.ops is None or self.context.read_only:
            return
        values = people_q.person(self.context.pf.conn, pid)
        editor = PersonEditor(self._areas(), values, parent=self)
        if self.exec_dialog(editor) != QDialog.DialogCode.Accepted:
            return
        new = editor.result_values()
        self.context.run(
            tr("edit {person}", person=new["name"]), lambda ops: people.update_person(ops, pid, new)
        )

    def delete_person(self) -> None:
        pid = self.selected_person_id()
        if pid is None or self.context.ops is None:
            return
        conn = self.context.pf.conn
        name = people_q.person_name(conn, pid)
        bodies = people_q.membership_body_names(conn, pid)
        chairs = people_q.chaired_body_names(conn, pid)
        question = tr("Delete {name}?", name=name)
        if bodies:
            question += " " + ntr(
                "Their {n} membership goes with them ({bodies}).",
                "Their {n} memberships go with them ({bodies}).",
                len(bodies),
                bodies=", ".join(bodies),
            )
        if chairs:
            question += " " + tr("They will no longer chair {bodies}.", bodies=", ".join(chairs))
        question += " " + tr("Undo brings it all back.")
        if not dialogs.confirm(self, question, tr("Delete")):
            return
        self.context.run(
            tr("delete {person}", person=name), lambda ops: people.delete_person(ops, pid)
        )

    # --- memberships ----------------------------------------------------------------------
    def _bodies(self) -> list[tuple[str, str, str]]:
        return structure_q.bodies(self.context.pf.conn)

    def add_membership(self) -> str | None:
        pid = self.selected_person_id()
        if pid is None or self.context.ops is None:
            return None
        name = people_q.person_name(self.context.pf.conn, pid)
        editor = MembershipEditor(name, self._bodies(), parent=self)
        if self.exec_dialog(editor) != QDialog.DialogCode.Accepted:
            return None
        values = editor.result_values()
        body = editor.body.currentText()
        return self.context.run(
            tr("add {person} to {body}", person=name, body=body),
            lambda ops: memberships.add_membership(ops, pid, values.pop("body_id"), values),
        )

    def _membership(self, mid: str) -> dict:
        return memberships.membership(self.context.pf.conn, mid)

    def edit_membership(self, mid: str) -> None:
        m = self._membership(mid)
        editor = MembershipEditor(
            m["person"], self._bodies(), {k: m[k] for k in MEMBERSHIP_FIELDS}, parent=self
        )
        if self.exec_dialog(editor) != QDialog.DialogCode.Accepted:
            return
        values = editor.result_values()
        values.pop("body_id")
        self.context.run(
            tr("edit {person} in {body}", person=m["person"], body=m["body"]),
            lambda ops: memberships.update_membership(ops, mid, values),
        )

    def advance_membership(self, mid: str) -> None:
        m = self._membership(mid)
        nxt = memberships.NEXT_STATUS.get(m["status"])
        if nxt is None:
            return
        self.context.run(
            tr("{person}: {status}", person=m["person"], status=label("PIPELINE", nxt)),
            lambda ops: memberships.advance_membership(ops, mid),
        )

    def remove_membership(self, mid: str) -> None:
        m = self._membership(mid)
        self.context.run(
            tr("remove {person} from {body}", person=m["person"], body=m["body"]),
            lambda ops: memberships.remove_membership(ops, mid),
        )

    # --- the matrix ---------------------------------------------------------------------
    def _load_matrix(self, *args) -> None:
        """Read who sits where — only when the matrix tab is showing."""
        self.matrix_model.active = self.tabs.currentIndex() == 1
        if not self.matrix_model.active:
            self._matrix_dirty = True
            return
        if self._matrix_dirty:
            self._matrix_dirty = False
            self.matrix_model.load(self.context.pf.conn if self.context.pf else None)

    # --- composition ----------------------------------------------------------------------
    def _fill_bodies(self, conn) -> None:
        current = self.comp_body.currentData()
        self.comp_body.blockSignals(True)
        self.comp_body.clear()
        if conn is not None:
            for bid, name, kind in structure_q.bodies(conn):
                self.comp_body.addItem(name, bid)
                if current is None and kind == "design":
                    current = bid
        self.comp_body.setCurrentIndex(max(0, self.comp_body.findData(current)))
        self.comp_body.blockSignals(False)

    def _show_composition(self, *args) -> None:
        """Draw the chosen body's composition — only when its tab is showing (it reads the
        memberships and runs the composition rules); otherwise remember to do it later."""
        if self.tabs.currentIndex() != 2:
            self._composition_dirty = True
            return
        self._composition_dirty = False
        conn = self.context.pf.conn if self.context.pf else None
        bid = self.comp_body.currentData()
        self.findings.clear()
        if conn is None or bid is None:
            self.chart.set_composition(None)
            self.comp_summary.setText("")
            return
        comp = composition(conn, bid)
        self.chart.set_composition(comp)
        text = ntr(
            "{n} member has joined; residents are {share}% (target {target}%).",
            "{n} members have joined; residents are {share}% (target {target}%).",
            comp.total,
            share=round(comp.residents_pct),
            target=comp.target_pct,
        )
        if comp.in_pipeline:
            text += " " + ntr(
                "{n} more is on the way (mapped to invited).",
                "{n} more are on the way (mapped to invited).",
                comp.in_pipeline,
            )
        self.comp_summary.setText(text)
        self.comp_summary.setToolTip(residents_definition(comp.total))
        with isolated_fields():  # names in another script keep their numbers in place
            findings = self.composition_findings()
        for finding in findings:
            item = QListWidgetItem(finding.message)
            item.setData(Qt.ItemDataRole.UserRole, finding.target)
            self.findings.addItem(item)

    def composition_findings(self) -> list[health.Finding]:
        from kehila_desktop.core.structure import composition_rules, rules as structure

        conn = self.context.pf.conn
        out = [f for f in structure.bodies(conn, None) if f.code in ("no_chair", "no_members")]
        for rule in composition_rules.RULES:
            out.extend(rule(conn, None))
        order = {s: i for i, s in enumerate(health.SEVERITIES)}
        return sorted(out, key=lambda f: order.get(f.severity, 9))

    def _finding_activated(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target:
            self.context.navigateRequested.emit(*target)

    # --- import / export ------------------------------------------------------------------
    def _ask_open_sheet(self) -> str:
        return open_path(
            self,
            tr("Import people"),
            "",
            name_filter(tr("Sheets"), "*.xlsx", "*.xlsm", "*.xlsb", "*.xls", "*.ods", "*.csv"),
        )

    def _ask_save_sheet(self) -> str:
        return save_path(
            self,
            tr("Export people"),
            tr("people") + ".xlsx",
            name_filter(tr("Sheets"), "*.xlsx", "*.csv"),
        )

    def import_dialog(self) -> None:
        path = self.ask_open_sheet()
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> bool:
        """Show the preview of importing ``path``; import it (one step) if the user agrees."""
        from kehila_desktop.core.people.sheet_io import (
            plan_import,
            read_people_sheet,
            run_import,
        )

        if self.context.ops is None:
            return False
        try:
            grid = read_people_sheet(path)
            source = Path(path).name + (f" — {grid.sheet_name}" if grid.sheet_name else "")
            plan = plan_import(self.context.pf.conn, grid, source, add_areas=True)
        except KehilaError as exc:
            self.context.show_error(exc.text(tr))
            return False
        conn = self.context.pf.conn
        preview = ImportPreview(
            plan,
            self,
            replan=lambda add_areas, consent: plan_import(
                conn, grid, source, add_areas=add_areas, consent=consent
            ),
        )
        if self.exec_dialog(preview) != QDialog.DialogCode.Accepted:
            return False
        try:  # planned again and written in one write transaction, after an integrity check
            run_import(
                self.context.ops,
                grid,
                source,
                add_areas=preview.add_areas.isChecked(),
                consent=preview.consent.currentData(),
            )
        except KehilaError as exc:
            self.context.show_error(exc.text(tr))
            return False
        return True

    def export_dialog(self) -> None:
        path = self.ask_save_sheet()
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> list[Path]:
        from kehila_desktop.core.people.sheet_io import export_people

        try:
            return export_people(self.context.pf.conn, path)
        except (KehilaError, OSError) as exc:
            self.context.show_error(
                exc.text(tr)
                if isinstance(exc, KehilaError)
                else tr(
                    "{path} cannot be written ({error}).",
                    path=path,
                    error=getattr(exc, "strerror", None) or exc,
                )
            )
            return []
