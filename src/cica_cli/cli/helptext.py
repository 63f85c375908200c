"""Help as plain text: the app sets `rich_markup_mode=None`, so that help is never read as Rich
markup ("[untitled]" stays) and Click wraps each paragraph at sentence width. Typer 0.20 still
escapes the "[default: ...]" and "[required]" it adds, for Rich, whenever Rich is installed;
this command class takes the escape out again."""

from __future__ import annotations

from typer.core import TyperCommand


class PlainHelpCommand(TyperCommand):
    def format_help(self, ctx, formatter) -> None:
        super().format_help(ctx, formatter)
        formatter.buffer[:] = [part.replace("\\[", "[") for part in formatter.buffer]
