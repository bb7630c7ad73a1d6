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
                             ["doc._.onrecord_entities", "doc._.onrecord_statements"], {"lang": "en"}),
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
    assert pipeline.components == tuple(factory for _, factory, _ in COMPONENTS)
    assert pipeline.version.endswith("/onrecord_statements_v2+onrecord_speakers_v1+claims+prefilter")


def test_one_spacy_model_serves_with_and_without_claims():
    full = load_pipeline(Options.from_env())
    statements_only = load_pipeline(Options.from_env(claims=False))
    assert statements_only.nlp is full.nlp
    assert statements_only.claims is None and full.claims is not None
