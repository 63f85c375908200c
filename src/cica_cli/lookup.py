"""Finding one record by what a person types: a member's name, a source's id or file."""

from __future__ import annotations

from .dataset import Dataset
from .model import Document, Member, Source
from .names import resolve


def source_keys(source: Source) -> list[str]:
    return [source.id, source.file, source.file.rsplit(".", 1)[0]]


def member_keys(member: Member) -> list[str]:
    return [member.name, member.id, *member.aliases]


def document_keys(document: Document) -> list[str]:
    return [document.title, document.id, *document.aliases]


def find_source(ds: Dataset, query: str) -> Source:
    return resolve(query, ds.sources, source_keys, "source")


def find_member(ds: Dataset, query: str) -> Member:
    return resolve(query, ds.members, member_keys, "member")


def find_document(ds: Dataset, query: str) -> Document:
    return resolve(query, ds.documents, document_keys, "document")
