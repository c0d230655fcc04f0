"""The floor for the start-up benchmarks: an empty PySide6 main window with three empty tabs
(the Werkbank has three), shown and idle. bench/frozen_floor.spec freezes this same file with
the Werkbank's exclusions for the frozen comparison."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("leeg")
tabs = QTabWidget()
for name in ("Een", "Twee", "Drie"):
    tabs.addTab(QWidget(), name)
window.setCentralWidget(tabs)
window.show()
QTimer.singleShot(0, window.close)
sys.exit(app.exec())
