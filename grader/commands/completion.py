"""grader completion: the shell completion script (verbs, options, exercise names), from argcomplete."""
from __future__ import annotations

from . import common

HELP = "print the shell completion script (verbs, options, exercise names)"
EXAMPLES = ('eval "$(grader completion bash)"   # in ~/.bashrc\n'
            '  eval "$(grader completion zsh)"    # in ~/.zshrc\n'
            "  grader completion fish | source    # in ~/.config/fish/config.fish")


def register(verbs) -> None:
    p = common.add_verb(verbs, "completion", HELP, EXAMPLES, main)
    p.add_argument("shell", choices=["bash", "zsh", "fish"])


def main(args) -> int:
    try:
        import argcomplete
    except ImportError:
        raise common.Refused("shell completion needs argcomplete: pip install argcomplete") from None
    print(argcomplete.shellcode(["grader"], shell=args.shell))
    return common.OK
