"""The subcommands of `pvm`: one module per command, each with ``run(options) -> exit status``."""
