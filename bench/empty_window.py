"""The floor for the start-up benchmark: an empty PySide6 main window, shown and idle."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("leeg")
window.show()
QTimer.singleShot(0, window.close)
sys.exit(app.exec())
