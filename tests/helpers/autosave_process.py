"""Run by the autosave kill test: edit a plan through the real PlanSession and print an
acknowledgement whenever autosave reports that an edit reached the database.

Usage: autosave_process.py DATA_DIR PLAN_ID
"""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from drugspreventie_app import paths
from drugspreventie_app.storage.database import open_database
from drugspreventie_app.storage.plan_repository import PlanRepository
from drugspreventie_app.ui.plan.plan_session import PlanSession


def main() -> None:
    app = QApplication([])
    paths.set_data_dir_override(sys.argv[1])
    db = open_database(allow_read_only=False)
    repo = PlanRepository(db)
    session = PlanSession(repo)
    session.open(repo.get(sys.argv[2]))
    state = {"n": 0}

    def saved(_text: str) -> None:
        # everything typed so far is in the database now
        print(f"opgeslagen {state['n']}", flush=True)

    session.save_status.connect(saved)

    def type_more() -> None:
        state["n"] += 1
        n = state["n"]
        session.edit(
            "visie", lambda p: setattr(p.beleidsfocus, "visie", f"visie versie {n}"), "visie"
        )

    timer = QTimer()
    timer.timeout.connect(type_more)
    timer.start(150)
    print("klaar", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
