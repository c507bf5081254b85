"""One module per `pvm` subcommand; each has ``run(options) -> exit status``."""
