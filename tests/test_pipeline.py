"""pipeline.py and nlp/pipeline.py: the components registered under versioned names (a snapshot: a
change to what a component reads or writes must bump its version), and the pipeline put together."""
from spacy import registry
from spacy.language import Language

from onrecord import Options, load_pipeline
from onrecord.nlp.pipeline import COMPONENTS

# factory: (requires, assigns, default config). Changing what a component reads or assigns means a
# new version (onrecord_statements_v3), so that stored records say which one made them.
REGISTERED = {
    "onrecord_statements_v2": (["token.dep", "token.lemma", "token.pos"], ["doc._.onrecord_statements"],
                               {"learned": False, "tagger": "minilm", "min_score": 0.0, "edges": True,
                                "sources": True}),
    "onrecord_speakers_v1": (["doc.ents", "token.dep", "doc._.onrecord_statements"],
                             ["doc._.onrecord_entities", "doc._.onrecord_statements"],
                             {"lang": "en", "resolver": "learned"}),
}


def test_the_registered_components_are_the_snapshot():
    load_pipeline()                                       # imports the component modules
    names = sorted(n for n in registry.factories.get_all() if n.startswith("onrecord"))
    assert names == sorted(REGISTERED)
    for name, (requires, assigns, config) in REGISTERED.items():
        meta = Language.get_factory_meta(name)
        assert (meta.requires, meta.assigns, dict(meta.default_config)) == (requires, assigns, config), name


def test_the_pipeline_runs_the_components_in_order_and_names_their_versions(pipeline):
    ours = [name for name in pipeline.nlp.pipe_names if name.startswith("onrecord")]
    assert ours == [name for name, _, _ in COMPONENTS]
    assert pipeline.components == ("onrecord_statements_v2", "onrecord_speakers_v1+ranker")
    assert pipeline.version.endswith("/onrecord_statements_v2+onrecord_speakers_v1+ranker+claims+prefilter")


def test_the_rule_resolver_is_an_option_and_a_wrong_one_an_error(monkeypatch):
    import pytest

    from onrecord.errors import PipelineError
    from onrecord.nlp.components.speakers import SpeakerResolver
    rules = load_pipeline(Options.from_env(resolver="rules", claims=False))
    assert rules.components[-1] == "onrecord_speakers_v1"
    assert rules.nlp.get_pipe("onrecord_speakers").ranker is None
    monkeypatch.setenv("ONRECORD_RESOLVER", "rules")
    assert Options.from_env().resolver == "rules"
    with pytest.raises(PipelineError) as err:
        SpeakerResolver(rules.nlp, "x", resolver="oracle")
    assert err.value.code == "E300"


def test_one_spacy_model_serves_with_and_without_claims():
    full = load_pipeline(Options.from_env())
    statements_only = load_pipeline(Options.from_env(claims=False))
    assert statements_only.nlp is full.nlp
    assert statements_only.claims is None and full.claims is not None
