"""One module per verb of the `grader` command (grader/cli.py parses and dispatches).

A verb module holds its help, its examples, `register(verbs)` (adds its sub-parser to argparse's
sub-parsers, with `common.add_verb`, and its options) and `main(args) -> int` (the exit code: 0
done or passed, 1 a check failed or the verb was refused, 2 a usage error; raise
`common.UsageError` or `common.Refused` for the last two). To add a verb: write
grader/commands/NAME.py, then add "NAME" to `cli.VERBS`. Nothing here imports numpy or torch at
import time: every verb module is imported to build the parser.
"""
