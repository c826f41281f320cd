"""The `irohub` command. Each sub-command is a Django management command of one of irohub's apps,
so everything the command line does runs through the same services as the web pages.

`irohub import` maps to the management command `import_folder` (`import` is a Python keyword);
`irohub manage ...` passes anything else to Django (migrate, createsuperuser, shell...).
"""

from __future__ import annotations

import os
import sys

ALIASES = {"import": "import_folder"}


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "irohub.config.settings")
    from django.core.management import execute_from_command_line

    if not args or args[0] in {"-h", "--help", "help"}:
        print(__doc__.strip().splitlines()[0])
        print("\nUsage: irohub COMMAND [options]   (irohub COMMAND --help for each)\n")
        print(
            "Commands: demo, serve, import, quality, rules, report, export, synth, remind, manage"
        )
        return
    if args[0] == "manage":
        args = args[1:]
    else:
        args[0] = ALIASES.get(args[0], args[0])
    execute_from_command_line(["irohub", *args])


if __name__ == "__main__":
    main()
