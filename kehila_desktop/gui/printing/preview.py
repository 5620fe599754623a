"""The in-app preview of a built PDF: every page below the other in a scroll area, rendered
with pypdfium2 only when it comes into sight (a cache keeps the recent ones), with zoom
(fit width or a percentage) and page navigation (previous / next / go to page N)."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QEvent, QLocale, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kehila_desktop.core.i18n import tr
from kehila_desktop.gui.printing import output

GAP = 16
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
SCREEN = 96 / 72  # pixels per point at 100%
CACHE = 12


class PageCanvas(QWidget):
    """Paints the pages of ``doc`` that are in sight, at ``zoom``."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.doc = None
        self.sizes: list[tuple[float, float]] = []
        self.zoom = 1.0
        self._cache: OrderedDict = OrderedDict()
        self.rendered = 0  # pages rendered so far (tests and benchmarks read it)

    def set_document(self, doc) -> None:
        self.doc = doc
        self.sizes = output.page_sizes(doc) if doc is not None else []
        self._cache.clear()
        self._resize()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self._cache.clear()
        self._resize()

    def _px(self, points: float) -> int:
        return round(points * self.zoom * SCREEN)

    def _resize(self) -> None:
        self.resize(self.sizeHint())
        self.update()

    def sizeHint(self) -> QSize:
        if not self.sizes:
            return QSize(1, 1)
        width = max(self._px(w) for w, _ in self.sizes) + 2 * GAP
        height = sum(self._px(h) for _, h in self.sizes) + GAP * (len(self.sizes) + 1)
        return QSize(width, height)

    def page_rect(self, index: int) -> QRect:
        top = GAP + sum(self._px(h) + GAP for _, h in self.sizes[:index])
        w, h = (self._px(v) for v in self.sizes[index])
        return QRect((self.width() - w) // 2, top, w, h)

    def page_at(self, y: int) -> int:
        """The page shown at height ``y`` (the nearest one above a gap)."""
        top = GAP
        for i, (_, h) in enumerate(self.sizes):
            top += self._px(h) + GAP
            if y < top:
                return i
        return max(0, len(self.sizes) - 1)

    def image(self, index: int):
        ratio = self.devicePixelRatioF()
        key = (index, self.zoom, ratio)
        image = self._cache.get(key)
        if image is None:
            image = output.render_page(self.doc, index, self.zoom * SCREEN * ratio)
            image.setDevicePixelRatio(ratio)
            self.rendered += 1
            self._cache[key] = image
            while len(self._cache) > CACHE:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return image

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#8a8f98"))
        for i in range(len(self.sizes)):
            rect = self.page_rect(i)
            if rect.top() > event.rect().bottom():
                break
            if not rect.intersects(event.rect()):
                continue
            painter.fillRect(rect.translated(3, 3), QColor("#5d6169"))  # a shadow
            painter.fillRect(rect, Qt.GlobalColor.white)
            painter.drawImage(rect, self.image(i))
        painter.end()


class Preview(QWidget):
    """The toolbar (pages, zoom) above the scrolling pages; ``show_pdf(path)`` / ``clear()``."""

    pageChanged = Signal(int)  # 0-based

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.doc = None
        self.path = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.prev = QToolButton()
        self.prev.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next = QToolButton()
        self.next.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page = QSpinBox()
        self.page.setMinimum(1)
        self.page.setLocale(QLocale.c())  # the same digits as "of N" and the printed pages
        self.page.setKeyboardTracking(False)
        self.page.valueChanged.connect(lambda v: self.go_to(v - 1))
        self.of = QLabel()
        self.of.setTextFormat(Qt.TextFormat.PlainText)
        self.zoom_out = QToolButton()
        self.zoom_out.setText("−")
        self.zoom_out.clicked.connect(lambda: self._step_zoom(-1))
        self.zoom = QComboBox()
        self.zoom.addItem("", "fit")
        for z in ZOOMS:
            self.zoom.addItem(f"{round(z * 100)}%", z)
        self.zoom.currentIndexChanged.connect(self._zoom_chosen)
        self.zoom_in = QToolButton()
        self.zoom_in.setText("+")
        self.zoom_in.clicked.connect(lambda: self._step_zoom(1))
        for w in (self.prev, self.page, self.of, self.next):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.zoom_out, self.zoom, self.zoom_in):
            bar.addWidget(w)
        layout.addLayout(bar)
        self.canvas = PageCanvas()
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.canvas)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows, Page Up / Down
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setBackgroundRole(self.scroll.backgroundRole())
        self.scroll.setStyleSheet("QScrollArea { background: #8a8f98; }")
        self.scroll.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.scroll.viewport().installEventFilter(self)  # Ctrl + wheel zooms
        self.message = QLabel()  # a word instead of the pages: being made, cancelled, why not
        self.message.setObjectName("previewMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet(
            "#previewMessage { background: #8a8f98; color: white; font-size: 12pt; padding: 24px; }"
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.scroll)
        self.stack.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        self.retranslate()
        self._update_bar()

    def retranslate(self) -> None:
        self.prev.setText(tr("Previous page"))
        self.prev.setAccessibleName(tr("Previous page"))
        self.next.setText(tr("Next page"))
        self.next.setAccessibleName(tr("Next page"))
        self.page.setAccessibleName(tr("Page shown"))
        self.zoom.setItemText(0, tr("Fit width"))
        self.zoom.setAccessibleName(tr("Zoom"))
        self.zoom_out.setAccessibleName(tr("Zoom out"))
        self.zoom_in.setAccessibleName(tr("Zoom in"))
        self.scroll.setAccessibleName(tr("Preview of the pages"))
        self._update_bar()

    # --- the document -------------------------------------------------------------------
    def show_pdf(self, path) -> None:
        self.clear()
        self.doc = output.open_pdf(path)
        self.path = path
        self.set_message("")
        self.canvas.set_document(self.doc)
        self._apply_zoom()
        self.scroll.verticalScrollBar().setValue(0)
        self._update_bar()

    def clear(self, message: str = "") -> None:
        self.canvas.set_document(None)
        if self.doc is not None:
            self.doc.close()
        self.doc = None
        self.path = None
        self.set_message(message)
        self._update_bar()

    def set_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.stack.setCurrentWidget(self.message if text else self.scroll)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.zoom.currentData() == "fit":
            self._apply_zoom()

    def page_count(self) -> int:
        return len(self.canvas.sizes)

    # --- navigation ---------------------------------------------------------------------
    def current_page(self) -> int:
        if not self.page_count():
            return 0
        bar = self.scroll.verticalScrollBar()
        return self.canvas.page_at(bar.value() + self.scroll.viewport().height() // 3)

    def go_to(self, index: int) -> None:
        if not self.page_count():
            return
        index = max(0, min(index, self.page_count() - 1))
        self.scroll.verticalScrollBar().setValue(self.canvas.page_rect(index).top() - GAP // 2)
        self._update_bar()

    def _scrolled(self, *_args) -> None:
        self._update_bar()

    def _update_bar(self) -> None:
        count = self.page_count()
        current = self.current_page()
        self.page.blockSignals(True)
        self.page.setMaximum(max(1, count))
        self.page.setValue(current + 1)
        self.page.blockSignals(False)
        self.of.setText(tr("of {pages}", pages=count) if count else "")
        for w in (self.page, self.zoom, self.zoom_in, self.zoom_out):
            w.setEnabled(bool(count))
        self.prev.setEnabled(count > 0 and current > 0)
        self.next.setEnabled(count > 0 and current < count - 1)
        if count:
            self.pageChanged.emit(current)

    # --- zoom ---------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and self.page_count()
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._step_zoom(1 if event.angleDelta().y() > 0 else -1)
            return True
        return super().eventFilter(watched, event)

    def zoom_factor(self) -> float:
        return self.canvas.zoom

    def _fit_zoom(self) -> float:
        if not self.page_count():
            return 1.0
        widest = max(w for w, _ in self.canvas.sizes) * SCREEN
        # leave room for the vertical scroll bar even before it shows: no sideways scrolling
        room = (
            self.scroll.width()
            - self.scroll.verticalScrollBar().sizeHint().width()
            - 2 * self.scroll.frameWidth()
            - 2 * GAP
        )
        return max(0.2, min(3.0, room / widest))

    def _apply_zoom(self) -> None:
        data = self.zoom.currentData()
        zoom = self._fit_zoom() if data == "fit" else float(data)
        if abs(zoom - self.canvas.zoom) > 1e-3 or not self.canvas._cache:
            page = self.current_page()
            self.canvas.set_zoom(zoom)
            self.go_to(page)

    def _zoom_chosen(self, *_args) -> None:
        self._apply_zoom()

    def _step_zoom(self, step: int) -> None:
        now = self.canvas.zoom
        if step > 0:
            bigger = [z for z in ZOOMS if z > now + 1e-3]
            target = bigger[0] if bigger else ZOOMS[-1]
        else:
            smaller = [z for z in ZOOMS if z < now - 1e-3]
            target = smaller[-1] if smaller else ZOOMS[0]
        self.zoom.setCurrentIndex(self.zoom.findData(target))
