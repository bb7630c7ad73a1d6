import numpy as np

from onrecord.claims import embed

SENTENCES = ["Iran has supplied drones to Russia for use in Ukraine.",
             "Tehran rejected claims that it sent drones to Moscow.",
             "The Pentagon could not confirm the report.",
             "Talks on the nuclear deal resumed in Vienna on Monday."]


def test_bf16_vectors_match_float32(seed_text):
    """bfloat16 autocast (used where the CPU has it) gives the float32 vectors to within cosine 0.999,
    unit length, so the claims' thresholds mean the same."""
    texts = SENTENCES + [p for p in seed_text.split("\n") if p.strip()][:6]
    full = embed.Encoder(bf16=False).encode(texts)
    half = embed.Encoder(bf16=True).encode(texts)
    assert half.dtype == np.float32 and half.shape == full.shape == (len(texts), embed.DIM)
    assert np.allclose(np.linalg.norm(half, axis=1), 1.0, atol=1e-5)
    assert float(np.sum(full * half, axis=1).min()) > 0.999
    # and the ranking of similar sentences is the one float32 gives
    assert np.argmax(full[1:4] @ full[0]) == np.argmax(half[1:4] @ half[0]) == 0


def test_bf16_choice_follows_the_environment(monkeypatch):
    monkeypatch.setenv("ONRECORD_BF16", "0")
    assert embed.bf16_wanted() is False
    monkeypatch.setenv("ONRECORD_BF16", "on")
    assert embed.bf16_wanted() is True
    monkeypatch.setenv("ONRECORD_BF16", "auto")
    assert isinstance(embed.bf16_wanted(), bool)


def test_empty_input_gives_an_empty_matrix():
    assert embed.encode([]).shape == (0, embed.DIM)
