"""The people view's Composition tab: a body's members drawn as a chart, a summary line and
what program health says about the composition (read only while the tab is showing).
A mixin of the people ``View``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kehila_desktop.core import health
from kehila_desktop.core.i18n import isolated_fields, ntr, tr
from kehila_desktop.core.structure import queries as structure_q
from kehila_desktop.core.structure.composition import composition, residents_definition
from kehila_desktop.gui.views.people.composition_chart import CompositionChart

COMPOSITION_TAB = 2


class CompositionTab:
    def _build_composition_page(self) -> QWidget:
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
        return comp_page

    def _retranslate_composition_page(self) -> None:
        self.comp_body.setAccessibleName(tr("body"))
        self.findings.setAccessibleName(tr("findings"))
        self.findings_heading.setText(tr("What program health says about the composition"))

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

    def show_body(self, body_id: str) -> None:
        """Open the Composition tab on ``body_id`` (a finding about a body leads here)."""
        self.tabs.setCurrentIndex(COMPOSITION_TAB)
        index = self.comp_body.findData(body_id)
        if index >= 0:
            self.comp_body.setCurrentIndex(index)

    def _show_composition(self, *args) -> None:
        """Draw the chosen body's composition — only when its tab is showing (it reads the
        memberships and runs the composition rules); otherwise remember to do it later."""
        if self.tabs.currentIndex() != COMPOSITION_TAB:
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
