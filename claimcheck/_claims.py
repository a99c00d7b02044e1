"""Splitting articles into atomic, attributed claims with spaCy."""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

from ._frames import build_frame, ent_containing, entity_key
from ._nlp import DEFAULT_SPACY_MODEL, load_spacy
from ._text import Prepared, prepare, squash
from ._types import Article, Claim, Skipped

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = ["PARALLEL_FROM", "REPORTING_VERBS", "Splitter", "SpacySplitter"]

#: Articles from which :class:`SpacySplitter` splits in two worker processes by default.
PARALLEL_FROM = 24

#: Lemmas of verbs that introduce reported speech or a stated position.
REPORTING_VERBS = frozenset({
    "say", "tell", "announce", "suggest", "claim", "deny", "insist", "add", "note", "state",
    "confirm", "warn", "report", "write", "post", "argue", "predict", "acknowledge", "admit",
    "explain", "stress", "emphasize", "emphasise", "reiterate", "declare", "assert", "allege",
    "maintain", "estimate", "indicate", "reveal", "disclose", "promise", "pledge", "vow",
    "signal", "hint", "concede", "contend", "caution", "tweet", "respond", "reply", "repeat",
    "testify", "conclude", "underline", "observe", "remark", "complain", "believe", "think",
    "expect", "hope", "fear", "agree", "recall", "describe", "inform", "assure", "reassure",
    "forecast", "project", "calculate", "find", "show", "dispute", "reject", "counter",
    "mention", "highlight", "underscore", "point", "told", "unveil", "accuse", "urge", "blame",
    "comment", "clarify", "specify", "speculate", "suspect", "brief",
    "reckon", "guess", "boast", "lament", "affirm", "proclaim",
    # a newsroom's own sourcing: "the Post understands", "the BBC has learned that"
    "understand", "learn",
})
#: Verbs that only report speech: a clause joined to another by one of these
#: ("…, adding that …", "… and said that …") reports what that clause's subject said.
_SPEECH_VERBS = frozenset({
    "say", "tell", "announce", "claim", "insist", "add", "note", "state", "warn", "argue",
    "acknowledge", "admit", "explain", "stress", "emphasize", "emphasise", "reiterate", "declare",
    "assert", "allege", "maintain", "concede", "contend", "caution", "tweet", "reply", "testify",
    "deny", "confirm", "predict", "write", "post", "complain", "promise", "pledge", "vow",
})
_RELATIVE = {"which", "who", "that", "whom"}
_OPEN_QUOTES = {"“", '"', "‘"}
_CLOSE_QUOTES = {"”", '"'}
_NEGATING_REPORT = frozenset({"deny", "dispute", "reject"})
_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
_PLURAL_PRONOUNS = {"they", "them", "their"}
_ROLE_NOUNS = {
    "leader", "president", "premier", "minister", "chief", "head", "envoy", "adviser",
    "advisor", "official", "spokesman", "spokeswoman", "spokesperson", "secretary",
    "chancellor", "governor", "mayor", "director", "commander", "ambassador", "counterpart",
    "prime", "diplomat", "negotiator", "aide", "officer", "general", "king", "queen",
    "lawmaker", "legislator", "senator", "congressman", "congresswoman", "mp", "deputy",
    "chairman", "chairwoman", "chair", "ceo", "founder", "executive", "manager", "coach",
    "judge", "prosecutor", "lawyer", "attorney", "police", "commissioner", "inspector",
    "politician", "candidate", "campaigner", "activist", "analyst", "economist", "expert",
}
_LEADER_SYNONYMS = {"leader", "president", "premier", "head", "chief", "counterpart"}
_DET = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.IGNORECASE)


@runtime_checkable
class Splitter(Protocol):
    """Turns articles into claims.

    A splitter's ``split`` yields, for each article in order, the claims
    it found and what it skipped.  Claim ids must be unique and stable:
    the same article always yields the same ids.
    """

    def split(self, articles: Sequence[Article]) -> list[tuple[list[Claim], list[Skipped]]]:
        ...


@attrs.define
class _Person:
    name: str
    key: str
    mentions: int = 0
    descriptors: set[str] = attrs.field(factory=set)


@attrs.define
class _Registry:
    """People and institutions an article names, for resolving mentions."""

    people: dict[str, _Person] = attrs.field(factory=dict)
    last_person: str | None = None
    last_speaker: str | None = None
    last_group: str | None = None

    def add_person(self, ent: Span) -> _Person:
        name = _clean_name(ent.text)
        key = entity_key(name)
        person = self.people.get(key)
        if person is None:
            person = _Person(name=name, key=key)
            self.people[key] = person
        elif len(name.split()) > len(person.name.split()):
            person.name = name
        person.mentions += 1
        for t in ent.root.children:
            if t.i < ent.start and t.dep_ in {"compound", "amod", "nmod", "poss"}:
                person.descriptors.update(_words(t.subtree))
        person.descriptors.update(
            w for t in ent.doc[max(0, ent.start - 5):ent.start]
            if t.dep_ in {"compound", "amod"} and t.head.i in range(ent.start, ent.end)
            for w in (t.lower_, t.lemma_.lower())
        )
        k = ent.start - 1
        while k >= 0 and ent.doc[k].is_title and ent.doc[k].is_alpha and ent.start - k <= 5:
            # the title written before the name, whatever the parse made of it:
            # "First Deputy Governor Lucia Brandvold"
            person.descriptors.update((ent.doc[k].lower_, ent.doc[k].lemma_.lower()))
            k -= 1
        for t in ent.root.children:
            if t.dep_ == "appos":
                person.descriptors.update(_words(t.subtree))
        if ent.root.dep_ == "appos":
            person.descriptors.update(_words(x for x in ent.root.head.subtree if x.i < ent.start))
        return person

    def canonical(self, text: str) -> str:
        key = entity_key(text)
        p = self.people.get(key)
        return p.name if p else _clean_name(text)

    def resolve_nominal(self, words: set[str]) -> str | None:
        """Resolve "the Russian leader" or "Trump's envoy" to a person."""
        roles = words & _ROLE_NOUNS
        if not roles:
            return None
        best: tuple[float, int, str] | None = None
        nat = {entity_key(w) for w in words if entity_key(w) != w}
        for p in self.people.values():
            d = p.descriptors
            dnat = {entity_key(w) for w in d if entity_key(w) != w}
            if nat and dnat and not (nat & dnat):
                continue
            if (d & _RANK_WORDS) - words:
                continue  # "the governor" is not "First Deputy Governor Lucia Brandvold"
            droles = d & _ROLE_NOUNS
            if droles and not (droles & roles) and not (
                roles & _LEADER_SYNONYMS and droles & _LEADER_SYNONYMS
            ):
                continue  # "the Kremlin leader" is not the Kremlin's adviser
            overlap = len((words - {"the", "'s", "’s"}) & d)
            if roles & _LEADER_SYNONYMS and d & _LEADER_SYNONYMS:
                overlap += 1
            if overlap == 0 and not (roles & _LEADER_SYNONYMS):
                continue
            if words & {p.key} :
                continue  # "Trump's envoy" is not Trump
            cand = (overlap, p.mentions, p.name)
            if best is None or cand[:2] > best[:2]:
                best = cand
        return best[2] if best else None


# Words that make a title another post than the bare role: a "deputy
# governor" or a "former president" is not "the governor" or "the president".
_RANK_WORDS = frozenset({"deputy", "vice", "assistant", "former", "acting", "interim", "ex", "outgoing",
                         "incoming", "associate"})


def _words(tokens: Iterable[Token]) -> set[str]:
    out: set[str] = set()
    for t in tokens:
        if t.is_alpha or t.lower_ in {"u.s.", "'s"}:
            out.add(t.lower_)
            out.add(t.lemma_.lower())
    return out


def _clean_name(text: str) -> str:
    s = squash(text)
    s = _DET.sub("", s)
    s = re.sub(r"['’]s$", "", s)
    return s.strip()


@attrs.define
class _Attribution:
    verb: Token
    speaker: str | None
    mention: str | None
    content: list[Token]
    negating: bool = False
    exclude: set[int] = attrs.field(factory=set)
    phrase: str | None = None


@attrs.define(kw_only=True)
class SpacySplitter:
    """The default splitter: spaCy parse, clause splitting, attribution.

    Sentences are split into atomic claims at coordinated clauses,
    participial additions ("…, adding that …") and non-restrictive
    relative clauses.  Reported speech is attributed to its speaker,
    and later mentions ("he", "the Russian leader") are resolved to the
    person the article named.

    >>> from claimcheck import Article
    >>> s = SpacySplitter()
    >>> [(c.speaker, c.text) for c in s.split_one(Article(id="a", source="W",
    ...     text="Putin told reporters that the meeting was still far off."))[0]]
    [('Putin', 'the meeting was still far off')]
    """

    model: str = DEFAULT_SPACY_MODEL
    min_words: int = 3
    max_claims_per_article: int = 2000
    batch_size: int = 16
    chunk_chars: int = 100_000
    #: Worker processes for :meth:`split` (each parses and splits a run of
    #: articles); None: two when there are two or more CPUs and at least
    #: :data:`PARALLEL_FROM` articles (the parse is single-threaded, so a
    #: second core would otherwise idle), else one.  Worker processes give
    #: the same claims as one process.
    n_process: int | None = None
    _nlp: Language | None = attrs.field(default=None, init=False, repr=False)

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_spacy(self.model)
        return self._nlp

    def split(self, articles: Sequence[Article]) -> list[tuple[list[Claim], list[Skipped]]]:
        """Claims and skips for each article, in the order given.

        Articles longer than ``chunk_chars`` are parsed a chunk at a time
        (cut at paragraph breaks), so memory stays bounded, and parsing
        stops once ``max_claims_per_article`` is reached; the skipped list
        says which text was not analysed.

        With more than one process (see ``n_process``) each worker process
        parses *and* splits a run of articles and sends back only the
        claims, so neither the parsed documents nor the claim extraction
        pass through this process.  Every article is split on its own, so
        the claims are the same for any number of processes.
        """
        procs = self._processes(len(articles))
        if procs > 1:
            return self._split_in_workers(articles, procs)
        return self._split_here(articles)

    def _split_here(self, articles: Sequence[Article]) -> list[tuple[list[Claim], list[Skipped]]]:
        """:meth:`split` in this process, one parsed document at a time."""
        prepared = [prepare(a.text) for a in articles]
        short = [len(p.text) <= self.chunk_chars for p in prepared]
        docs = iter(self.nlp.pipe((p.text for p, ok in zip(prepared, short) if ok), batch_size=self.batch_size))
        return [self._split_article(article, prep, next(docs) if ok else None)
                for article, prep, ok in zip(articles, prepared, short)]

    def _split_in_workers(self, articles: Sequence[Article], procs: int) -> list[tuple[list[Claim], list[Skipped]]]:
        """:meth:`split` in ``procs`` worker processes, runs of articles of
        about equal length each, results in input order."""
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        from .errors import ModelError

        ctx = multiprocessing.get_context()
        if ctx.get_start_method() == "fork":
            _ = self.nlp  # load once; the forked workers inherit it
            worker = self
        else:  # spawned workers load the model themselves
            worker = attrs.evolve(self)
        try:
            with ProcessPoolExecutor(max_workers=procs, mp_context=ctx,
                                     initializer=_set_worker_splitter, initargs=(worker,)) as pool:
                futures = [pool.submit(_split_in_worker, list(run))
                           for run in _runs(articles, parts=8 * procs)]
                return [result for f in futures for result in f.result()]
        except BrokenProcessPool as exc:
            raise ModelError(f"a spaCy worker process stopped unexpectedly (out of memory?): {exc}; "
                             "SpacySplitter(n_process=1) splits in this process") from exc

    def _split_article(self, article: Article, prep: Prepared,
                       doc: Doc | None) -> tuple[list[Claim], list[Skipped]]:
        """Claims and skips of one article; ``doc`` is its parse, or None when
        it is too long to parse whole."""
        skipped = [
            Skipped(article=article.id, what="text", reason=why, start=s, end=e)
            for s, e, why in prep.furniture
        ]
        reg = _Registry()
        claims: list[Claim] = []
        if doc is not None:
            claims.extend(self._claims(article, doc, skipped, reg=reg))
        else:
            spans = list(_chunks(prep.text, self.chunk_chars))
            chunk_docs = self.nlp.pipe(prep.text[s:e] for s, e in spans)
            for (s, _e), chunk_doc in zip(spans, chunk_docs):
                if len(claims) >= self.max_claims_per_article:
                    skipped.append(Skipped(
                        article=article.id, what="text", start=s, end=len(article.text),
                        reason=f"not analysed: the limit max_claims_per_article="
                               f"{self.max_claims_per_article} was reached"))
                    break
                claims.extend(self._claims(article, chunk_doc, skipped, reg=reg, offset=s,
                                           number_from=len(claims)))
        if len(claims) > self.max_claims_per_article:
            skipped.append(Skipped(
                article=article.id, what="claims",
                reason=f"{len(claims) - self.max_claims_per_article} claims past the limit "
                       f"max_claims_per_article={self.max_claims_per_article}",
            ))
            claims = claims[: self.max_claims_per_article]
        return claims, skipped

    def _processes(self, n_docs: int) -> int:
        if self.n_process is not None:
            return max(1, self.n_process)
        if n_docs < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
            return 1
        if multiprocessing.current_process().daemon:
            return 1  # daemonic workers (multiprocessing pools, Dask) may not start processes
        return 2

    def split_one(self, article: Article) -> tuple[list[Claim], list[Skipped]]:
        """Claims and skips for one article."""
        return self.split([article])[0]

    # -- internals ---------------------------------------------------------

    def _claims(self, article: Article, doc: Doc, skipped: list[Skipped], *, reg: _Registry,
                offset: int = 0, number_from: int = 0) -> Iterator[Claim]:
        """Claims of one parsed doc; ``offset`` places a chunk in the article."""
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent.text.split()) >= 2 and "http" not in ent.text:
                reg.add_person(ent)
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent.text.split()) < 2:
                key = entity_key(_clean_name(ent.text))
                if key in reg.people:
                    reg.people[key].mentions += 1
        n = number_from

        def emit(top: Token, exclude: set[int], covered: set[int], att: _Attribution | None = None,
                 verb: str | None = None, fallback: Token | None = None) -> Iterator[Claim]:
            """The claims of the atomic clauses under ``top`` (numbered from ``n``),
            marking their tokens in ``covered``; ``fallback`` is the subject of a
            clause that has none of its own."""
            nonlocal n
            for clause, subj in self._clauses(top, exclude):
                covered.update(t.i for t in clause)
                claim = self._make_claim(article, clause, subj or fallback, att, n, si, reg, verb, offset)
                if claim is not None:
                    n += 1
                    yield claim

        prev_speaker: tuple[str | None, str | None, str | None] = (None, None, None)
        prev_ended_in_quote = False
        open_quote: tuple[str | None, str | None, str | None] | None = None
        sents = list(doc.sents)
        for si, sent in enumerate(sents):
            toks = [t for t in sent if not t.is_space]
            if not toks:
                continue
            words = [t for t in toks if t.is_alpha]
            stext = squash(sent.text)
            if len(words) < self.min_words:
                if stext:
                    skipped.append(Skipped(article=article.id, what="sentence",
                                           reason="too short to be a claim",
                                           start=offset + toks[0].idx,
                                           end=offset + toks[-1].idx + len(toks[-1])))
                continue
            attributions = self._attributions(sent, reg)
            opens_quote = toks[0].text in {"“", '"', "‘"}
            if not attributions and open_quote is not None and open_quote[0] and not opens_quote:
                # inside a quotation opened in an earlier, attributed sentence
                speaker, mention, verb = open_quote
                attributions = [_Attribution(verb=toks[0], speaker=speaker, mention=mention,
                                             content=[_root(sent)])]
                attributions[0].verb = None  # type: ignore[assignment]
                inherited_verb = verb
            elif not attributions and opens_quote and prev_ended_in_quote and prev_speaker[0]:
                # A quotation that runs on from the previous sentence.
                speaker, mention, verb = prev_speaker
                attributions = [_Attribution(verb=toks[0], speaker=speaker, mention=mention,
                                             content=[_root(sent)])]
                attributions[0].verb = None  # type: ignore[assignment]
                inherited_verb = verb
            elif not attributions and opens_quote and not any(t.text in _CLOSE_QUOTES for t in toks[1:]):
                # A quotation whose speaker comes after it closes: "“A. B,” X said."
                att_next = self._speaker_after_quote(sents[si + 1:si + 4], reg)
                if att_next is not None:
                    attributions = [_Attribution(verb=toks[0], speaker=att_next.speaker,
                                                 mention=att_next.mention, content=[_root(sent)])]
                    attributions[0].verb = None  # type: ignore[assignment]
                    inherited_verb = att_next.verb.lemma_.lower() if att_next.verb is not None else None
                else:
                    inherited_verb = None
            else:
                inherited_verb = None
            if attributions:
                covered: set[int] = set()
                root = _root(sent)
                reported = {x.i for att in attributions
                            for top in ([att.verb] if att.verb is not None else []) + att.content
                            for x in top.subtree}
                if root.i not in reported and _stands_alone(root, reported):
                    # The reporting verb hangs off a clause of its own ("The case was
                    # brought by X, which argued that …", "X arrived and said …"): that
                    # clause is a claim too, without the attribution inside it.
                    yield from emit(root, reported, covered)
                # "Brask Water, which shut its intake on Monday, said …": what the
                # writer says about the speaker is a claim of the text, not of the
                # speaker, and must not be lost with the speaker's phrase
                for att in attributions:
                    if att.verb is None:
                        continue
                    inside = {x.i for top in att.content for x in top.subtree}
                    for s in att.verb.children:
                        if s.dep_ not in {"nsubj", "nsubjpass"}:
                            continue
                        for c in s.subtree:
                            if c.dep_ != "relcl" or c.pos_ not in {"VERB", "AUX"} or c.i in covered \
                                    or c.i in inside or c.left_edge.i == 0 \
                                    or c.doc[c.left_edge.i - 1].text != ",":
                                continue
                            yield from emit(c, att.exclude | covered, covered, fallback=c.head)
                for att in attributions:
                    for root in att.content:
                        yield from emit(root, att.exclude | covered, covered, att, inherited_verb)
                # "X grew, the service said, and gusts pushed it east": a clause
                # joined to the reporting verb is not what was reported, but it
                # is a claim of the text and must not be lost; nor is a clause
                # with its own subject that says when or why of the report ("its
                # director said on Sunday, after water was found escaping")
                for att in attributions:
                    if att.verb is None:
                        continue
                    inside = {x.i for top in att.content for x in top.subtree} - att.exclude
                    for c in att.verb.children:
                        joined = c.dep_ == "conj" or c.dep_ == "advcl" and any(
                            g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
                        if not joined or c.pos_ not in {"VERB", "AUX"} or c.i in covered or c.i in inside \
                                or c.lemma_.lower() in REPORTING_VERBS and (
                                    c.dep_ == "conj" or any(o.verb is c for o in attributions)):
                            continue  # (a report of its own is emitted as one)
                        # (a clause inside the attribution's own words, as in "Eleven were
                        # taken to hospital, a spokeswoman confirmed, and three remained
                        # there": the attribution is left out, the clause is not)
                        marks = {g.i for g in c.children if g.dep_ == "mark"}  # "after", "as"
                        yield from emit(c, (att.exclude - {x.i for x in c.subtree}) | covered | marks, covered)
                first = attributions[0]
                prev_speaker = (first.speaker, first.mention,
                                first.verb.lemma_ if first.verb is not None else inherited_verb)
            else:
                yield from emit(_root(sent), set(), set())
                prev_speaker = (None, None, None)
            prev_ended_in_quote = bool(attributions) and any(t.text in {"”", '"'} for t in toks)
            opened = sum(t.text == "“" for t in toks) - sum(t.text == "”" for t in toks)
            if attributions and opened > 0:
                open_quote = prev_speaker  # "X said: “A. B.”": the next sentences are X's
            elif open_quote is not None and any(t.text == "”" for t in toks):
                open_quote = None
            self._update_salience(sent, reg, attributions)

    def _speaker_after_quote(self, following: list[Span], reg: _Registry) -> _Attribution | None:
        """The attribution of the sentence where an open quotation closes."""
        for nxt in following:
            ntoks = [t for t in nxt if not t.is_space]
            if not ntoks or ntoks[0].text in _OPEN_QUOTES:
                return None  # a new quotation starts: the old one was never closed
            if any(t.text in _CLOSE_QUOTES for t in ntoks):
                atts = self._attributions(nxt, reg)
                return atts[0] if atts and atts[0].speaker else None
        return None

    def _update_salience(self, sent: Span, reg: _Registry, atts: list[_Attribution]) -> None:
        for ent in sent.ents:
            if ent.label_ == "PERSON" and "http" not in ent.text:
                if ent.root.dep_ in {"nsubj", "nsubjpass"}:
                    reg.last_person = reg.canonical(ent.text)
            if ent.label_ in {"ORG", "NORP", "GPE"} and ent.root.dep_ in {"nsubj"}:
                reg.last_group = _clean_name(ent.text)
        for att in atts:
            if att.speaker and entity_key(att.speaker) in reg.people:
                reg.last_person = att.speaker
                reg.last_speaker = att.speaker
            elif att.speaker and att.mention and att.mention.lower() not in _PRONOUNS | _PLURAL_PRONOUNS | {"it"}:
                reg.last_group = att.speaker  # an institution that spoke: "It added …" refers back to it

    def _speaker_of(self, subj: Token, reg: _Registry) -> tuple[str | None, str | None]:
        """The speaker a subject token names, and the mention as written."""
        low = subj.lower_
        if low == "it" and reg.last_group:
            return reg.last_group, subj.text  # "It said …" after "The ministry said …"
        if low in _RELATIVE and subj.head.dep_ == "relcl" and subj.head.head.i != subj.head.i:
            # "the union, which argued that …": the relative pronoun stands for its
            # antecedent, when that names someone who can speak
            ante = subj.head.head
            speaker = self._speaker_of(ante, reg)[0]
            e = ent_containing(ante)
            if e is not None and e.label_ in {"PERSON", "ORG", "GPE", "NORP"} \
                    or ante.lower_ in _ROLE_NOUNS or ante.lemma_.lower() in _ROLE_NOUNS \
                    or speaker is not None and entity_key(speaker) in reg.people:
                return speaker, subj.text
            return None, subj.text
        if low in {"i", "we", "you", "it", "this", "that", "which", "who"}:
            return None, subj.text
        if low in _PRONOUNS:
            return (reg.last_speaker or reg.last_person), subj.text
        if low in _PLURAL_PRONOUNS:
            return reg.last_group, subj.text
        ent = ent_containing(subj)
        if ent is not None and (ent.label_ == "PERSON" or entity_key(ent.text) in reg.people):
            return reg.canonical(ent.text), ent.text
        phrase = [t for t in _phrase(subj) if t.dep_ not in {"punct", "prep"} or t.i == subj.i]
        # keep the contiguous stretch that holds the head
        phrase = _contiguous(phrase, subj)
        mention = squash(" ".join(t.text for t in phrase)).replace(" 's", "'s").replace(" ’s", "’s")
        words = {t.lower_ for t in phrase}
        # A named person inside the phrase ("Secretary of State Marco Rubio")
        for t in phrase:
            e = ent_containing(t)
            if e is not None and e.label_ == "PERSON" and e.root.i == subj.i:
                return reg.canonical(e.text), mention
        if subj.lower_ in _ROLE_NOUNS:
            # "his spokeswoman Vera Lind", "the minister, Anna Berg": the name in
            # apposition to the role is the speaker
            for c in subj.children:
                if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > subj.i:
                    name = _contiguous([x for x in c.subtree if x.pos_ == "PROPN"], c)
                    if len(name) >= 2:
                        named = squash(" ".join(x.text for x in name))
                        full = squash(" ".join(x.text for x in _contiguous(
                            [x for x in subj.subtree if not x.is_punct], subj)))
                        return reg.canonical(named), full
        resolved = reg.resolve_nominal(words)
        if resolved is not None:
            return resolved, mention
        if ent is not None and ent.label_ in {"ORG", "GPE", "NORP"} and ent.root.i == subj.i:
            return _clean_name(ent.text), mention
        return _clean_name(mention) or None, mention

    def _attributions(self, sent: Span, reg: _Registry) -> list[_Attribution]:
        atts: list[_Attribution] = []
        by_verb: dict[int, _Attribution] = {}
        for t in sent:
            lemma = t.lemma_.lower()
            if t.pos_ in {"VERB", "AUX"} and lemma in REPORTING_VERBS:
                content = [c for c in t.children if c.dep_ in {"ccomp", "parataxis"}
                           and c.pos_ in {"VERB", "AUX"}]
                exclude: set[int] = set()
                late_subj = [c for c in t.children if c.dep_ == "nsubj"]
                if not content and t.dep_ in {"advcl", "parataxis", "conj"} and t.i > t.head.i \
                        and late_subj and late_subj[0].left_edge.i > 0 \
                        and t.doc[late_subj[0].left_edge.i - 1].text in {",", "”", '"'}:
                    # "Russia agreed to meet, Kremlin officials announced."
                    content = [t.head]
                    exclude = {x.i for x in t.subtree if x.i >= late_subj[0].left_edge.i}
                if not content:
                    continue
                subj = [c for c in t.children if c.dep_ == "nsubj"]
                if subj:
                    speaker, mention = self._speaker_of(subj[0], reg)
                elif t.dep_ in {"advcl", "conj", "xcomp"} and t.head.i in by_verb:
                    # "…, adding that …" shares the speaker of its head.
                    head = by_verb[t.head.i]
                    speaker, mention = head.speaker, head.mention
                elif t.dep_ in {"advcl", "conj"} and lemma in _SPEECH_VERBS and t.i > t.head.i \
                        and _subject(t.head) is not None \
                        and _subject(t.head).dep_ == "nsubj":  # type: ignore[union-attr]
                    # "X slammed the plan, adding that …", "X arrived and said that …":
                    # the speaker is the subject of the clause the reporting verb joins
                    speaker, mention = self._speaker_of(_subject(t.head), reg)  # type: ignore[arg-type]
                elif (stray := _stray_speaker(t, content)) is not None:
                    # "…, a source close to the club said." parsed with the speaker
                    # inside the reported clause: take it out and let it speak
                    speaker, mention = self._speaker_of(stray[0], reg)
                    if ent_containing(stray[0]) is None:
                        # the parse inside the phrase is unreliable: name it by its
                        # words up to the head noun ("a source close to the club": source)
                        words = [x for x in t.doc[min(stray[1]) + 1:stray[0].i + 1]]
                        speaker = _clean_name(_render(words)) or speaker
                        mention = squash(t.doc[min(stray[1]) + 1:t.i].text)
                    exclude |= stray[1]
                else:
                    continue
                if speaker is None and mention is None:
                    continue
                att = _Attribution(verb=t, speaker=speaker, mention=mention, content=content,
                                   negating=lemma in _NEGATING_REPORT, exclude=exclude)
                by_verb[t.i] = att
                atts.append(att)
            elif t.lower_ == "according" and any(c.lower_ == "to" for c in t.children):
                to = next(c for c in t.children if c.lower_ == "to")
                pobj = [c for c in to.children if c.dep_ == "pobj"]
                if not pobj:
                    continue
                speaker, mention = self._speaker_of(pobj[0], reg)
                root = _root(sent)
                att = _Attribution(verb=t, speaker=speaker, mention=mention, content=[root],
                                   exclude={x.i for x in t.subtree}, phrase="according to")
                atts.append(att)
        # An attribution nested inside another's content is handled by its own entry;
        # keep outer content from swallowing it.
        for att in atts:
            for other in atts:
                if other is att or other.verb is None or att.verb is None:
                    continue
                if any(other.verb.i in {x.i for x in root.subtree} for root in att.content):
                    att.exclude |= {x.i for x in other.verb.subtree}
        # "Anneke Solberg said she expected …, though she cautioned …": a he or
        # she in the sentence of a named person's statement is that person,
        # before the registry has seen the sentence
        for att in atts:
            if att.speaker is None and att.mention is not None and att.mention.lower() in {"he", "she"} \
                    and att.verb is not None:
                earlier = [o for o in atts if o.verb is not None and o.verb.i < att.verb.i and o.speaker
                           and entity_key(o.speaker) in reg.people]
                if earlier:
                    att.speaker = earlier[-1].speaker
        return atts

    def _clauses(self, root: Token, exclude: set[int]) -> Iterator[tuple[list[Token], Token | None]]:
        """Split a clause into atomic clauses: (tokens, inherited subject)."""
        heads: list[tuple[Token, Token | None]] = [(root, None)]
        split_off: set[int] = set()
        marks: set[int] = set()
        lead: dict[int, Token] = {}
        queue = [root]
        while queue:
            h = queue.pop(0)
            subj = _subject(h)
            for c in h.children:
                if c.i in exclude:
                    continue
                if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}:
                    misread = _subject_in_phrase(c) if _subject(c) is None else None
                    if misread is not None:
                        # "spent Sunday searching after seven of the baboons got out":
                        # the parser hung "got out" on "spent", but its subject is
                        # the noun phrase of "after" right before it
                        lead[c.i] = misread
                        split_off.add(misread.head.i)
                        marks.add(misread.head.i)
                    heads.append((c, None if _subject(c) is not None or misread is not None else subj))
                    split_off.add(c.i)
                    queue.append(c)
                elif c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() not in REPORTING_VERBS \
                        and not any(x.dep_ == "mark" for x in c.children) and c.i > h.i \
                        and not _modal(h):
                    heads.append((c, subj))
                    split_off.add(c.i)
                    queue.append(c)
                elif c.dep_ == "prep" and c.lower_ == "with" and c.i > h.i and c.doc[c.i - 1].text == "," \
                        and _absolute(c):
                    # "…lowered its key rate, with the seven-member committee backing
                    # the cut by six votes to one": a fact of its own
                    heads.append((c, None))
                    split_off.add(c.i)
                    marks.add(c.i)
                elif c.dep_ == "advcl" and c.pos_ in {"VERB", "AUX"} and _asserting_mark(c) is not None:
                    # "… landed after the pilots reported smoke": the reason or the
                    # earlier event is a fact of its own
                    heads.append((c, None if _subject(c) is not None else subj))
                    split_off.add(c.i)
                    marks.update(x.i for x in c.children if x.dep_ == "mark")
                    queue.append(c)
                elif c.dep_ == "advcl" and c.pos_ in {"VERB", "AUX"} and c.i > h.i \
                        and any(x.dep_ == "mark" and x.lower_ in {"while", "whereas"} for x in c.children):
                    # "revenue rose, while spending climbed": two assertions
                    heads.append((c, None if _subject(c) is not None else subj))
                    split_off.add(c.i)
                    queue.append(c)
            for c in h.subtree:
                if c.i in exclude or c.i in split_off or c.i == h.i:
                    continue
                if c.dep_ == "relcl" and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == "," \
                        and c.pos_ in {"VERB", "AUX"}:
                    # a non-restrictive relative clause: "The bridge, which opened in 1998, …"
                    heads.append((c, c.head))
                    split_off.add(c.i)
                    queue.append(c)
                elif c.dep_ == "prep" and c.lower_ == "including" and c.i > 0 and c.doc[c.i - 1].text == "," \
                        and any(x.dep_ == "pobj" for x in c.children):
                    # "The recall covers 212,000 cars worldwide, including about
                    # 38,000 sold at home": the part is a fact of its own
                    heads.append((c, None))
                    split_off.add(c.i)
        for head, subj in heads:
            toks = [t for t in lead[head.i].subtree if t.i not in exclude and not t.is_space] \
                if head.i in lead else []
            for t in head.subtree:
                if t.i in exclude or t.is_space or t.i in marks:
                    continue
                if any(a.i in split_off and a.i != head.i for a in _ancestors_until(t, head)):
                    continue
                toks.append(t)
            # drop coordinators and punctuation that link to a split-off clause
            toks = [t for t in toks if not (t.dep_ in {"cc", "punct"} and t.head.i == head.i
                                            and any(t.i < s for s in split_off if s != head.i)
                                            and t.i > head.i
                                            and t.doc[t.i + 1].i in split_off)]
            if toks:
                yield toks, subj

    def _make_claim(self, article: Article, toks: list[Token], subj: Token | None,
                    att: _Attribution | None, n: int, si: int, reg: _Registry,
                    inherited_verb: str | None, offset: int = 0) -> Claim | None:
        toks = _drop_orphan_punct(_trim(toks))
        if toks and toks[0].lower_ in {"when", "where"} and toks[0].head.dep_ == "relcl":
            toks = toks[1:]  # ", when the Kremlin leader met …" states that he met
        if not toks or subj is None and sum(1 for t in toks if t.is_alpha) < self.min_words:
            return None
        start = offset + toks[0].idx
        end = offset + toks[-1].idx + len(toks[-1])
        body = _render(toks)
        subj_toks: list[Token] = []
        if subj is not None and toks and toks[0].lower_ in _RELATIVE and toks[0].dep_ in {"nsubj", "nsubjpass"}:
            # the relative pronoun stands for its antecedent
            toks = toks[1:]
            subj_toks = _antecedent(subj, before=toks[0].i)
            body = _render(subj_toks) + " " + _render(toks)
        elif subj is not None and not any(t.dep_ in {"nsubj", "nsubjpass", "expl"} for t in toks):
            # all subject children of the verb (the parser sometimes splits one
            # noun phrase into two), without relative clauses and appositions
            if subj.lower_ in _RELATIVE and subj.head.dep_ == "relcl" and subj.head.head.i < subj.i:
                # "The bridge, which opened in 1998 and carries …": the second
                # clause's subject is the relative pronoun's antecedent
                subj_toks = _antecedent(subj.head.head, before=subj.i)
            else:
                subjects = [c for c in subj.head.children if c.dep_ == subj.dep_] or [subj]
                subj_toks = _contiguous([t for c in subjects for t in _phrase(c)], subj)
            while subj_toks and subj_toks[-1].is_punct:
                subj_toks = subj_toks[:-1]
            body = _render(subj_toks) + " " + body
        if sum(1 for t in list(toks) + subj_toks if t.is_alpha) < self.min_words:
            return None  # counted with the subject it shares: "… and needs repairs"
        if subj_toks and sum(1 for t in toks if t.is_alpha) < 2:
            # a bare verb and a borrowed subject ("The earthquake flattening", where
            # the parser gave the verb's object to "said") state nothing
            return None
        if att is not None and not subj_toks:
            named = _speaker_for_pronoun(toks[0], att, reg)
            if named is not None and body.startswith(toks[0].text):
                # "Observers said they had found …" -> "Observers had found …"
                body = named + body[len(toks[0].text):]
        text = squash(body)
        if not text:
            return None
        text = text[0].upper() + text[1:] if att is None else text
        resolved = []
        for t in toks:
            if t.lower_ in {"his", "her", "he", "she", "him"} and att is not None and att.speaker:
                if entity_key(att.speaker) in reg.people:
                    # a named speaker only: "asked him to step aside, according to
                    # two officials familiar with the discussions" is not about them
                    resolved.append(entity_key(att.speaker))
            elif t.lower_ in _ROLE_NOUNS and t.pos_ == "NOUN" and t.ent_type_ != "PERSON" \
                    and t.head.ent_type_ != "PERSON":
                words = {x.lower_ for x in t.subtree if x.i in {y.i for y in toks}}
                r = reg.resolve_nominal(words | {t.lower_})
                if r:
                    resolved.append(entity_key(r))
        extra = [att.verb.text] if att is not None and att.negating and att.verb is not None else []
        frame = build_frame(toks, text=text, extra_negation=extra, resolved=resolved, context=subj_toks,
                            published=article.published)
        return Claim(
            id=f"{article.id}:{n}",
            article=article.id,
            source=article.source,
            speaker=att.speaker if att else None,
            text=text,
            start=start,
            end=end,
            speaker_mention=att.mention if att else None,
            attribution=(att.phrase or att.verb.lemma_.lower() if att and att.verb is not None
                         else inherited_verb),
            frame=frame,
            sentence=si,
            published=article.published,
        )


_NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "ADP", "PART", "NUM"}


def _stray_speaker(verb: Token, content: list[Token]) -> tuple[Token, set[int]] | None:
    """The speaker of a sentence-final "…, a source close to the club said"
    (or "…, the trust's project manager, Owain Clement, said") that the
    parser hung inside the reported clause, and the tokens to take out of
    that clause: the noun phrase between the last comma and the verb (or a
    title and a name between commas, where the name speaks).
    ``None`` unless the verb has no subject, ends its sentence and follows
    such a phrase."""
    doc = verb.doc
    sent = verb.sent
    after = [x for x in doc[verb.i + 1:sent.end] if not x.is_punct and not x.is_space]
    if any(x.dep_ not in {"prep", "pobj", "npadvmod", "advmod", "det", "compound", "amod"}
           for x in after):
        return None  # "…, the official said on Monday" is fine; a new clause is not
    def segment(end: int) -> tuple[int, list[Token]] | None:
        # the noun phrase between the comma before ``end`` and ``end``
        k = end - 1
        while k > sent.start and doc[k].text != ",":
            k -= 1
        if doc[k].text != "," or end - k - 1 < 1 or end - k - 1 > 8:
            return None
        words = list(doc[k + 1:end])
        if any(x.pos_ not in _NP_POS for x in words) or not any(x.pos_ in {"NOUN", "PROPN"} for x in words):
            return None
        return k, words

    if verb.i - 1 <= sent.start:
        return None
    found = segment(verb.i) if doc[verb.i - 1].text != "," else None
    if found is not None and len(found[1]) >= 2:
        k, phrase = found
        name: list[Token] = []
    else:
        # "…, the trust's project manager, Owain Clement, said": a title and a
        # name in apposition, each between commas; the name speaks
        last = segment(verb.i - 1) if doc[verb.i - 1].text == "," else None
        if last is None or not all(x.pos_ == "PROPN" for x in last[1]):
            return None
        title = segment(last[0])
        if title is None or len(title[1]) < 2:
            return None
        k, phrase, name = title[0], [*title[1], doc[last[0]], *last[1], doc[verb.i - 1]], last[1]
    if not any(x.i in {y.i for c in content for y in c.subtree} for x in phrase):
        return None  # the phrase is not inside the reported clause: nothing was misparsed
    if name:
        return name[-1], {x.i for x in phrase} | {k}
    head = next(x for x in phrase if x.pos_ in {"NOUN", "PROPN"})
    while head.i + 1 < verb.i and doc[head.i + 1].pos_ in {"NOUN", "PROPN"} and doc[head.i + 1].dep_ != "pobj":
        head = doc[head.i + 1]  # "a club spokesman": the last noun of the compound
    return head, {x.i for x in phrase} | {k}


def _speaker_for_pronoun(first: Token, att: _Attribution, reg: _Registry) -> str | None:
    """What to write for a pronoun that opens a reported clause and stands for
    the speaker: "Observers said they had found …", "Sebo said he would …".
    ``None`` when the pronoun does not start the clause as its subject, does
    not agree with the speaker (a "he" after an organisation, a "they" after
    one person), or sits inside a quotation, where "he" is someone else.
    """
    low = first.lower_
    if low not in {"he", "she", "they", "it"} or first.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    if low == "it" and (first.dep_ != "nsubj" or first.head.lemma_.lower() in _DUMMY_IT_VERBS):
        return None  # "it was not clear …", "it had been serviced": a dummy or another thing
    if att.verb is None or not att.speaker or not att.mention:
        return None
    doc = first.doc
    nxt = doc[first.i + 1] if first.i + 1 < len(doc) else None
    if nxt is not None and not first.whitespace_ and nxt.text[:1] in {"'", "’"}:
        return None  # "they'll", "he's": the clause would read "Observers'll"
    if any(t.is_quote or t.text in _OPEN_QUOTES | _CLOSE_QUOTES for t in first.sent):
        return None  # in a quotation "he" is someone the speaker talks about
    subj = next((c for c in att.verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.lower_ in _PRONOUNS | _PLURAL_PRONOUNS | {"it", "i", "we", "you", "who", "which", "that"}:
        return None  # a pronoun speaker: the clause already reads as well as it can
    if subj.i > first.i:
        return None  # "He will play on Saturday, Demir said": "he" is someone named before
    is_person = entity_key(att.speaker) in reg.people or subj.ent_type_ == "PERSON"
    plural = subj.tag_ in {"NNS", "NNPS"} or any(c.lower_ in {"both", "all"} for c in subj.children) \
        or any(c.dep_ == "conj" for c in subj.children)
    if low in {"he", "she"}:
        return att.mention if is_person and not plural else None
    if low == "it":
        # "The Transport Safety Board said it had opened an investigation"
        return att.mention if not is_person and not plural and subj.pos_ in {"NOUN", "PROPN"} else None
    return att.mention if plural else None


# Verbs whose "it" is mostly a dummy or a thing, not the speaker: "it was
# unclear", "it seems", "it remains to be seen", "it takes time".
_DUMMY_IT_VERBS = frozenset({"be", "seem", "appear", "remain", "look", "sound", "become", "take", "make",
                             "happen", "matter", "mean", "cost", "help"})


# The splitter a worker process of SpacySplitter.split uses (set on start).
_WORKER_SPLITTER: SpacySplitter | None = None


def _set_worker_splitter(splitter: SpacySplitter) -> None:
    global _WORKER_SPLITTER
    _WORKER_SPLITTER = splitter


def _split_in_worker(articles: list[Article]) -> list[tuple[list[Claim], list[Skipped]]]:
    assert _WORKER_SPLITTER is not None, "worker started without a splitter"
    return _WORKER_SPLITTER._split_here(articles)


def _runs(articles: Sequence[Article], parts: int) -> Iterator[Sequence[Article]]:
    """Consecutive runs of ``articles``, about ``parts`` of them, of about
    equal total length (a run is never empty).

    >>> from claimcheck import Article
    >>> arts = [Article(id=str(k), source="s", text="x" * n) for k, n in enumerate([4, 4, 7, 1])]
    >>> [[a.id for a in run] for run in _runs(arts, parts=2)]
    [['0', '1'], ['2', '3']]
    """
    total = sum(len(a.text) for a in articles)
    target = max(1, -(-total // max(1, parts)))
    start, size = 0, 0
    for k, article in enumerate(articles):
        size += len(article.text)
        if size >= target:
            yield articles[start:k + 1]
            start, size = k + 1, 0
    if start < len(articles):
        yield articles[start:]


def _chunks(text: str, size: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` windows of at most ``size`` characters that cover
    ``text``, cut at a paragraph break, else a sentence end, else a space."""
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            window = text[start:end]
            for sep in ("\n\n", ". ", " "):
                cut = window.rfind(sep, size // 2)
                if cut > 0:
                    end = start + cut + len(sep)
                    break
        yield start, end
        start = end


# Subordinators whose clause is asserted as true, not supposed or wished:
# "after the pilots reported smoke", "because a hose can crack".
# Not "since": mostly a time bound ("rivals since Isis started its
# involvement"), and a split would lose it.
_ASSERTING_MARKS = frozenset({"after", "because", "although", "though", "as", "once"})


def _past(verb: Token) -> bool:
    """Whether a verb states something that has happened: a past tense, or a
    participle with "had", "has", "was" … ("as the network had been
    reconfigured")."""
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in {"had", "has", "have", "was", "were"} for c in verb.children)


def _asserting_mark(clause: Token) -> Token | None:
    """The subordinator of an adverbial clause that states a fact of its own."""
    marks = [x for x in clause.children if x.dep_ == "mark"]
    if len(marks) != 1 or marks[0].lower_ not in _ASSERTING_MARKS:
        return None  # "even though", "so that", "as if": leave them whole
    word = marks[0].lower_
    if word in {"after", "as", "once"} and _modal(clause.head) and clause.tag_ != "VBD":
        # "the toll may rise as rescuers reach villages": a forecast (but "will
        # see relief after the bank lowered its rate" states the cut)
        return None
    if word in {"as", "once"} and (not _past(clause) or _subject(clause) is None):
        return None  # "as expected", "once the deal is signed"
    if _subject(clause) is None and not (word == "after" and clause.tag_ == "VBG"):
        return None
    return marks[0]


def _absolute(prep: Token) -> bool:
    """Whether a "with" phrase is an absolute clause, someone doing
    something: "with two members preferring to hold rates steady", "with
    the committee backing the cut" (not "with his wife", "with a knife")."""
    for c in prep.children:
        if c.dep_ == "pcomp" and c.tag_ == "VBG" and any(x.dep_ in {"nsubj", "nsubjpass"} for x in c.children):
            return True
        if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN", "NUM"} \
                and any(x.dep_ == "acl" and x.tag_ == "VBG" for x in c.children):
            return True
    return False


def _modal(verb: Token) -> bool:
    """Whether ``verb`` carries a modal ("may be looking", "will rise")."""
    return any(x.dep_ == "aux" and x.tag_ == "MD" for x in verb.children)


def _root(sent: Span) -> Token:
    return sent.root


_CLAUSE_PREPS = frozenset({"after", "before", "since", "until", "as", "because", "when", "while", "once"})


def _subject_in_phrase(verb: Token) -> Token | None:
    """The real subject of a coordinated verb that the parser misread: a
    verb with no subject, no "and", "or" or comma before it, right after a
    noun phrase that is the object of "after", "before", "since", "until"
    ... ("after seven of the park's baboons got out", parsed as "after
    seven of the park's baboons" and "got out" coordinated with the main
    verb).  The head of that noun phrase ("seven"), or ``None``."""
    doc = verb.doc
    k = verb.left_edge.i - 1
    if k < 0 or verb.left_edge.i != verb.i or doc[k].pos_ not in {"NOUN", "PROPN", "NUM", "PRON"}:
        return None
    if any(c.dep_ in {"cc", "punct"} and c.i < verb.i for c in verb.children):
        return None
    np = doc[k]
    for _ in range(6):
        if np.dep_ == "pobj" and np.head.lower_ == "of" and np.head.head.i < np.i:
            np = np.head.head  # "seven of the park's baboons": the head is "seven"
        elif np.dep_ in {"compound", "poss", "amod", "nummod", "case"} and np.head.i > np.i:
            np = np.head
        else:
            break
    if np.dep_ == "pobj" and np.head.lower_ in _CLAUSE_PREPS and np.head.dep_ == "prep" \
            and np.head.i < np.i and np.right_edge.i == k:
        return np
    return None


def _subject(h: Token) -> Token | None:
    for c in h.children:
        if c.dep_ in {"nsubj", "nsubjpass", "expl"}:
            return c
    return None


def _ancestors_until(t: Token, stop: Token) -> Iterator[Token]:
    cur = t
    while cur.i != stop.i:
        yield cur
        if cur.head.i == cur.i:
            return
        cur = cur.head


def _contiguous(toks: list[Token], anchor: Token) -> list[Token]:
    idx = sorted(t.i for t in toks)
    pos = idx.index(anchor.i) if anchor.i in idx else 0
    lo = hi = pos
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi + 1 < len(idx) and idx[hi + 1] == idx[hi] + 1:
        hi += 1
    keep = set(idx[lo:hi + 1])
    return [t for t in toks if t.i in keep]


_EDGE_WORDS = {"that", "and", "but", "or", "so", "however", "if", "whether", "also", "then",
               "while", "though", "although", "yet"}
_TAIL_WORDS = {"and", "but", "or", "while", "yet", "so"}


def _trim(toks: list[Token]) -> list[Token]:
    toks = sorted(toks, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].lower_ in _EDGE_WORDS
                    and (toks[0].dep_ in {"mark", "cc", "advmod", "prep"} or toks[0].lower_ == "that")):
        if toks[0].lower_ == "if":
            # "If confirmed, …": drop the whole conditional lead-in up to the comma
            comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
            if comma is not None and comma < 6:
                toks = toks[comma + 1:]
                continue
        toks = toks[1:]
    while toks and (toks[-1].is_punct and toks[-1].text not in {")", "%"}
                    or toks[-1].lower_ in _TAIL_WORDS and toks[-1].dep_ in {"cc", "mark"}):
        toks = toks[:-1]
    return toks


# Dependents a clause cannot lose and still say something: its subject,
# object or complement.
_CORE_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "dobj", "dative", "attr", "acomp", "oprd",
              "ccomp", "xcomp", "pobj", "pcomp"}


def _stands_alone(root: Token, removed: set[int]) -> bool:
    """Whether the clause headed by ``root`` still makes a claim once the
    tokens in ``removed`` (a reported statement inside it) are taken out.

    It must be a verb with a subject, and what was taken out must have been
    a modifier (a relative or adverbial clause, a coordinated clause), not
    the subject, object or complement the clause needs ("Reports said that
    …", "He got others telling him that …").
    """
    if root.pos_ not in {"VERB", "AUX"}:
        return False
    if not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"} and c.i not in removed
               for c in root.children):
        return False
    for t in root.subtree:
        if t.i not in removed or t.head.i in removed or t.head.i == t.i:
            continue
        # ``t`` tops a stretch that was taken out
        if t.dep_ in _CORE_DEPS:
            return False
        if t.dep_ == "acl" and any(c.dep_ == "mark" for c in t.children):
            return False  # "the claim that …": the noun needs its clause
        head = t.head
        if head.lemma_.lower() == "be" and not any(
                c.dep_ in {"attr", "acomp", "oprd", "prep"} and c.i not in removed for c in head.children):
            return False  # "Another reason is because …"
    return True


def _antecedent(noun: Token, *, before: int) -> list[Token]:
    """The noun phrase a relative clause starting at token ``before`` refers
    back to: ``noun`` with its modifiers up to the clause ("the National Union
    of Journalists, which …"), without appositions or other clauses."""
    phrase = [t for t in _phrase(noun) if t.i < before and not t.is_punct]
    return _contiguous(phrase, noun)


def _phrase(head: Token) -> list[Token]:
    """``head``'s subtree without the clauses and appositions hanging off it
    ("Alhakim, who said …," is "Alhakim")."""
    skip: set[int] = set()
    for t in head.subtree:
        if t.i != head.i and t.dep_ in {"relcl", "acl", "appos"}:
            skip.update(x.i for x in t.subtree)
    return [t for t in head.subtree if t.i not in skip and not t.is_space]


_GAP_PUNCT = {",", ";", "—", "–", "-"}
_BRACKETS = {"(": ")", "[": "]"}


def _drop_orphan_punct(toks: list[Token]) -> list[Token]:
    """Drop punctuation left on both sides of a cut-out stretch.

    When a clause ("who scored 31 goals") is split off from the middle of
    a sentence, the commas, dashes or brackets around it stay behind and
    would read "Reyka, , has agreed".  A pair of such marks with nothing
    kept between them goes, so the claim reads "Reyka has agreed".
    """
    out: list[Token] = []
    for t in toks:
        if out and t.is_punct and out[-1].is_punct and t.i > out[-1].i + 1 and (
            out[-1].text in _GAP_PUNCT and t.text in _GAP_PUNCT
            or _BRACKETS.get(out[-1].text) == t.text
        ):
            out.pop()
            continue
        out.append(t)
    return out


def _render(toks: list[Token]) -> str:
    parts: list[str] = []
    for k, t in enumerate(toks):
        parts.append(t.text)
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is None:
            continue
        if nxt.i != t.i + 1 and nxt.text in {",", ";", ":", "."}:
            continue  # no space before a comma left after a cut-out stretch: "relief, a move"
        if nxt.i != t.i + 1 or t.whitespace_:
            parts.append(" ")
    return "".join(parts)
