"""The people view: the partner mapping table (search as you type, filters, sorting), the
person editor, memberships along the pipeline, the people × bodies matrix, the composition
of each body drawn as a chart with its health findings, and import / export of people.

Every write goes through ``context.run`` (one undo step) or, for an import, one step of kind
"import"; the view re-reads the file on ``context.changed``. The view assembles its parts; each
job lives in its own module: ``filter_bar`` (search and filters), ``person_actions`` (new, edit,
delete a person), ``membership_actions`` (the pipeline), ``composition_tab`` and
``sheet_actions`` (import / export).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core.i18n import ntr, tr
from kehila_desktop.core.people import queries as people_q
from kehila_desktop.core.structure import queries as structure_q
from kehila_desktop.gui.context import AppContext
from kehila_desktop.gui.direction import follow_text_direction
from kehila_desktop.gui.headers import wrap_headers
from kehila_desktop.gui.views.lazy import LazyView
from kehila_desktop.gui.views.people.composition_tab import CompositionTab
from kehila_desktop.gui.views.people.filter_bar import FilterBar
from kehila_desktop.gui.views.people.matrix import MatrixModel
from kehila_desktop.gui.views.people.membership_actions import MembershipActions
from kehila_desktop.gui.views.people.memberships_panel import MembershipsPanel
from kehila_desktop.gui.views.people.person_actions import PersonActions
from kehila_desktop.gui.views.people.sheet_actions import SheetActions
from kehila_desktop.gui.views.people.table_model import PeopleTableModel


class View(FilterBar, PersonActions, MembershipActions, CompositionTab, SheetActions, LazyView):
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
        top = self._build_filter_bar()

        self.new_button, self.edit_button, self.delete_button, self.join_button = (
            QPushButton(),
            QPushButton(),
            QPushButton(),
            QPushButton(),
        )
        self.import_button, self.export_button = QPushButton(), QPushButton()
        self.new_button.clicked.connect(self.new_person)
        self.edit_button.clicked.connect(self.edit_person)
        self.delete_button.clicked.connect(self.delete_person)
        self.join_button.clicked.connect(lambda _=False: self.join_with())
        self.import_button.clicked.connect(self.import_dialog)
        self.export_button.clicked.connect(self.export_dialog)
        actions = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.delete_button, self.join_button):
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
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._person_menu)
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
        self._connect_membership_actions()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.memberships)
        self.splitter.setStretchFactor(0, 1)  # the people take what the memberships leave
        self.splitter.setStretchFactor(1, 0)
        people_page = QWidget()
        page = QVBoxLayout(people_page)
        page.addLayout(actions)
        page.addWidget(self.splitter, 1)

        self.matrix = QTableView()
        self.matrix.setModel(self.matrix_model)
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setTabKeyNavigation(False)  # Tab moves on, arrows move in the table
        wrap_headers(self.matrix)  # a body's whole name, on two lines if need be
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        comp_page = self._build_composition_page()

        self.tabs = QTabWidget()
        self.tabs.addTab(people_page, "")
        self.tabs.addTab(self.matrix, "")
        self.tabs.addTab(comp_page, "")
        self.tabs.currentChanged.connect(self._load_matrix)
        self.tabs.currentChanged.connect(self._show_composition)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    # --- the contract -------------------------------------------------------------------
    def title(self) -> str:
        return tr("People & mapping")

    def retranslate(self) -> None:
        self._retranslate_filter_bar()
        for button, text in (
            (self.new_button, "New person…"),
            (self.edit_button, "Edit…"),
            (self.delete_button, "Delete person"),
            (self.join_button, "Join with…"),
            (self.import_button, "Import people…"),
            (self.export_button, "Export people…"),
        ):
            button.setText(tr(text))
            button.setAccessibleName(tr(text))
        for i, text in enumerate(("People", "Who sits where", "Composition")):
            self.tabs.setTabText(i, tr(text))
        self.table.setAccessibleName(tr("people"))
        self.matrix.setAccessibleName(tr("people and bodies"))
        self._retranslate_composition_page()
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
            self.show_body(row_id)
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
        """The person the table's cursor is on (one of the selected), or None."""
        ids = self.selected_person_ids()
        current = self.model.person(self.table.currentIndex().row())
        if current is not None and current.id in ids:
            return current.id
        return ids[0] if ids else None

    def selected_person_ids(self) -> list[str]:
        """The selected people (Ctrl/Shift-click, Ctrl+A), in the table's order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        people = (self.model.person(row) for row in rows)
        return [p.id for p in people if p is not None]

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
        one = len(self.selected_person_ids()) == 1
        self.edit_button.setEnabled(writable and one)  # several selected: pick one to edit
        self.edit_button.setToolTip("" if one or not writable else tr("Choose one person to edit."))
        self.delete_button.setEnabled(writable)
        self.delete_button.setText(self._delete_text())
        self.delete_button.setAccessibleName(self.delete_button.text())
        self.join_button.setEnabled(writable and one)  # a join is of two records
        self.join_button.setToolTip(
            "" if one or not writable else tr("Choose one person to join with another.")
        )
        conn = self.context.pf.conn if self.context.pf else None
        if pid is None or conn is None:
            self.memberships.show_person(None, [])
            return
        from kehila_desktop.core.structure.approval import approvals

        pids = self.selected_person_ids()
        approved = approvals(conn)
        rows = []
        for person in pids:
            name = people_q.person_name(conn, person)
            for row in structure_q.memberships_of_person(conn, person):
                row["approved_by"] = approved.get(row["id"])
                row["person"] = name
                rows.append(row)
        if len(pids) > 1:
            several = ntr("{n} person", "{n} people", len(pids))
            self.memberships.show_person(several, rows, several=True)
        else:
            self.memberships.show_person(people_q.person_name(conn, pid), rows)

    def person_menu(self) -> QMenu:
        """The table's context menu on a person: edit, join with another record, add to a body
        (every selected person), delete."""
        menu = QMenu(self)
        writable = self.selected_person_id() is not None and not self.context.read_only
        one = len(self.selected_person_ids()) == 1
        for text, slot, enabled in (
            (tr("Edit…"), self.edit_person, writable and one),
            (tr("Join with…"), self.join_with, writable and one),
            (tr("Add to a body…"), self.add_membership, writable),
            (self._delete_text(), self.delete_person, writable),
        ):
            action = menu.addAction(text)
            action.setEnabled(enabled)
            action.triggered.connect(lambda _=False, s=slot: s())
        return menu

    def _delete_text(self) -> str:
        """ "Delete person", or "Delete 3 people" when several are selected."""
        n = len(self.selected_person_ids())
        if n > 1:
            return ntr("Delete {n} person", "Delete {n} people", n)
        return tr("Delete person")

    def _person_menu(self, point) -> None:
        index = self.table.indexAt(point)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        self.person_menu().exec(self.table.viewport().mapToGlobal(point))

    def _changed(self, changed) -> None:
        tables = getattr(changed, "tables", None)
        if tables and not tables & {
            "person",
            "membership",
            "body",
            "area",
            "program",
            "channel",
            "decision",
        }:
            return
        # 5,000 people take ~150 ms to re-read: not on every edit in another view
        self.refresh_when_shown()

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
