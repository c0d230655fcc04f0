"""`python -m drugspreventie_app` behaves exactly like the `drugspreventie` command."""

import sys

from drugspreventie_app.cli.main import main

sys.exit(main())
