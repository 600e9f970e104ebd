"""newsscan's rule layers as registered spaCy components.

Each component reads the Doc (and `doc._.article`, the `Article` it was made from, when the caller set it),
calls the plain function that holds the rules (`entities.canonicalize`, `dates.find_dates`,
`quotes.find_quotes`, `claims.find_claims`) and writes records into one Doc extension. The rules stay
testable without spaCy; the components only declare what they read and write, so `nlp.analyze_pipes()` can
check the order.

Each factory takes the user's table folders as its config (`tables`, a list: `Settings.tables`); the
component hands them to its layer, and runs the layer with them in effect (`tables.using`), so that a layer
that reads a table without naming folders reads this pipeline's too.
"""
from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from .tables import using

NO_TABLES: dict[str, list[str]] = {"tables": []}  # the packaged tables alone


def _article(doc: Doc):
    return doc._.article


def _first_part(doc: Doc, article) -> bool:
    """The Doc is the body's first part (a long body goes through in parts): only it holds the dateline."""
    return article is not None and article.body[:len(doc.text)] == doc.text


@Language.factory("newsscan_entities", requires=["doc.ents"], assigns=["doc._.mentions"],
                  default_config=NO_TABLES)
def make_entities(nlp: Language, name: str, tables: list[str]):
    from .entities import canonicalize, mentions_from_doc
    from .entities.scope import out_of_scope

    folders = tuple(tables)

    def entities(doc: Doc) -> Doc:
        article = _article(doc)
        first_part = _first_part(doc, article)
        with using(folders):
            skip = out_of_scope(doc.text, article.dateline_end if first_part else 0)
            doc._.mentions = tuple(canonicalize(mentions_from_doc(doc, skip), doc.text))
        return doc

    return entities


@Language.factory("newsscan_dates", assigns=["doc._.dates", "doc._.reference_date"], default_config=NO_TABLES)
def make_dates(nlp: Language, name: str, tables: list[str]):
    from .dates import find_dates, reference_date

    folders = tuple(tables)

    def dates(doc: Doc) -> Doc:
        article = _article(doc)
        # a publication date the loader read from the body is an event's date: the dates layer weighs it
        # against the body's other dates (dates/anchor.py)
        stated = article is not None and article.published_evidence.source != "body"
        with using(folders):
            ref = reference_date(doc.text, article.published if stated else None, folders=folders)
            anchor = date.fromisoformat(ref.value[:10]) if ref.value else None
            doc._.reference_date = ref
            doc._.dates = tuple(find_dates(doc.text, anchor, anchor_is_event=ref.source == "body",
                                           folders=folders))
        return doc

    return dates


@Language.factory("newsscan_quotes", requires=["doc._.mentions"], assigns=["doc._.quotes"],
                  default_config=NO_TABLES)
def make_quotes(nlp: Language, name: str, tables: list[str]):
    from .quotes import find_quotes

    folders = tuple(tables)

    def quotes(doc: Doc) -> Doc:
        article = _article(doc)
        # mentions only type the speaker (a place speaking is an organisation); names come from the text
        with using(folders):
            doc._.quotes = tuple(find_quotes(doc.text, doc._.mentions or (),
                                             outlet=article.outlet if article else None, folders=folders))
        return doc

    return quotes


@Language.factory("newsscan_claims", requires=["doc._.dates", "doc._.quotes", "doc._.mentions"],
                  assigns=["doc._.claims"], default_config=NO_TABLES)
def make_claims(nlp: Language, name: str, tables: list[str]):
    from .claims import find_claims

    folders = tuple(tables)

    def claims(doc: Doc) -> Doc:
        article = _article(doc)
        first_part = _first_part(doc, article)  # the dateline's place is the lead sentence's
        with using(folders):
            doc._.claims = tuple(find_claims(doc.text, dates=doc._.dates or (), quotes=doc._.quotes or (),
                                             mentions=doc._.mentions or (),
                                             title=article.title if article else None,
                                             dateline=article.dateline if first_part else None,
                                             dateline_end=article.dateline_end if first_part else 0))
        return doc

    return claims
