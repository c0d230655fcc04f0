"""Run by the kill test: write records as fast as possible and acknowledge each on stdout.

An acknowledgement is printed only after TinyDB's write call has returned, i.e. after the
storage reported the data durable. Usage: writer_process.py DATA_DIR START COUNT
"""

import sys

from drugspreventie_app import paths
from drugspreventie_app.storage.database import open_database


def main() -> None:
    data_dir, start, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    paths.set_data_dir_override(data_dir)
    db = open_database(allow_read_only=False)
    table = db.table("records")
    counter = db.table("teller")
    print("klaar", flush=True)
    for n in range(start, start + count):
        table.insert({"id": f"r{n}", "n": n, "tekst": "x" * (n % 97)})
        # an update in place too, so replacements of existing records are exercised
        counter.upsert({"id": "teller", "laatste": n}, lambda doc: doc.get("id") == "teller")
        print(n, flush=True)
    db.close()


if __name__ == "__main__":
    main()
