"""Run by the lock tests: open the database, say so, and wait until killed or told to stop."""

import sys

from drugspreventie_app import paths
from drugspreventie_app.storage.database import open_database

paths.set_data_dir_override(sys.argv[1])
db = open_database(allow_read_only=False)
print("vergrendeld", flush=True)
sys.stdin.readline()
db.close()
print("vrijgegeven", flush=True)
