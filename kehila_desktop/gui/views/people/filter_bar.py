"""The people view's filter bar: search as you type, the sector / area / body / status
filters and the "shown of all" count. A mixin of the people ``View``."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
)

from kehila_desktop.core import enums
from kehila_desktop.core.i18n import capitalised, ntr, standalone_label, tr
from kehila_desktop.core.people.search import PeopleFilter
from kehila_desktop.core.structure import queries as structure_q


class FilterBar:
    """Builds and runs the filters above the people table (``self.model`` is filtered)."""

    def _build_filter_bar(self) -> QHBoxLayout:
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.sector_filter, self.area_filter = QComboBox(), QComboBox()
        self.body_filter, self.status_filter = QComboBox(), QComboBox()
        self.search.setMinimumWidth(180)  # room to type, before the filters get theirs
        for combo in self._filters():
            combo.currentIndexChanged.connect(self._filter_changed)
            # sized to a short choice, not the longest: the open list shows them whole
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        for combo in self._filters():
            top.addWidget(combo, 1)
        top.addWidget(self.count_label)
        return top

    def _filters(self) -> tuple[QComboBox, ...]:
        return (self.sector_filter, self.area_filter, self.body_filter, self.status_filter)

    def _retranslate_filter_bar(self) -> None:
        self.search.setPlaceholderText(tr("Search name, organisation, community, e-mail or phone"))
        self.search.setAccessibleName(tr("search people"))
        for combo, name in zip(self._filters(), ("sector", "area", "body", "pipeline status")):
            combo.setAccessibleName(tr("filter by {what}", what=tr(name)))

    def _fill_filters(self, conn) -> None:
        choices = [
            (
                self.sector_filter,
                "all sectors",
                [(k, standalone_label("SECTORS", k)) for k in enums.SECTORS],
            ),
            (self.area_filter, "all areas", structure_q.area_names(conn) if conn else []),
            (
                self.body_filter,
                "all bodies",
                [(i, n) for i, n, _k in structure_q.bodies(conn)] if conn else [],
            ),
            (
                self.status_filter,
                "any status",
                [(k, standalone_label("PIPELINE", k)) for k in enums.PIPELINE],
            ),
        ]
        for combo, everything, items in choices:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(capitalised(tr(everything)), None)
            for key, text in items:
                combo.addItem(text, key)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
            _show_whole(combo, combo.itemText(0))

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


def _show_whole(combo: QComboBox, text: str) -> None:
    """At least as wide as *text* (the "all …" choice, the one shown most) reads whole: a
    1024-pixel screen showed "כל השכונות והא"; longer names are read in the open list."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    metrics = combo.fontMetrics()
    size = QSize(metrics.horizontalAdvance(text) + 4, metrics.height())
    style = combo.style()
    whole = style.sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, size, combo)
    combo.setMinimumWidth(max(whole.width(), combo.minimumSizeHint().width()))
