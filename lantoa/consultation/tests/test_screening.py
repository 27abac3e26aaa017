"""Comment screening uses the trained toxicity model where there is one, the lexicon otherwise."""

from lantoa.analysis.pipeline import ModelSet
from lantoa.analysis.training import train_classifier
from lantoa.consultation.screening import screen

CLEAN = ["đề nghị bổ sung quy định về thời hạn", "tôi đồng ý với khoản này"] * 6
# a slur the lexicon does not list: only a model trained on labelled comments knows it
SLUR = ["bọn vịt cạn này", "lũ vịt cạn đó", "đúng là vịt cạn"] * 4


def test_a_comment_is_held_when_the_trained_toxicity_model_says_so() -> None:
    model = train_classifier(
        task="toxicity", texts=CLEAN + SLUR, labels=["CLEAN"] * 12 + ["OFFENSIVE"] * 12
    )
    comment = "ý kiến của bọn vịt cạn"
    # without models the lexicon publishes it; with the trained model it is held
    assert not screen(comment).hold
    screened = screen(comment, ModelSet(accurate={"toxicity": model}))
    assert (screened.hold, screened.toxicity) == (True, "OFFENSIVE")
    assert screened.reason == "độc hại: OFFENSIVE"
    assert not screen("tôi đồng ý với khoản này", ModelSet(accurate={"toxicity": model})).hold
