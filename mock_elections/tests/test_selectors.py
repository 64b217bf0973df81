import pytest

from django.utils import translation

from mock_elections.models import EasyReadWording
from mock_elections.selectors import question_text_for, questions_for_age_band

from .factories import AgeBandFactory, BallotOptionFactory, BallotQuestionFactory, ElectionFactory

pytestmark = pytest.mark.django_db


def test_questions_for_age_band_respects_bands_and_order(django_assert_num_queries):
    election = ElectionFactory()
    young = AgeBandFactory(election=election, min_age=5, max_age=8, uses_easy_read=True)
    older = AgeBandFactory(election=election, min_age=9, max_age=12)
    for_all = BallotQuestionFactory(election=election, sort_order=2)
    only_older = BallotQuestionFactory(election=election, sort_order=1)
    only_older.age_bands.set([older])
    only_older.save()
    both = BallotQuestionFactory(election=election, sort_order=3)
    both.age_bands.set([young, older])
    both.save()
    BallotOptionFactory.create_batch(2, question=for_all)
    BallotQuestionFactory()  # another election's question

    assert questions_for_age_band(election, young) == [for_all, both]
    questions = questions_for_age_band(election, older)
    assert questions == [only_older, for_all, both]
    with django_assert_num_queries(0):
        assert [len(q.options.all()) for q in questions] == [0, 2, 0]


def test_question_text_for_uses_easy_read_for_easy_read_band():
    election = ElectionFactory()
    young = AgeBandFactory(election=election, min_age=5, max_age=8, uses_easy_read=True)
    older = AgeBandFactory(election=election, min_age=9, max_age=12)
    question = BallotQuestionFactory(
        election=election, text="Kā pilnveidot parku?", text_en="How to improve the park?"
    )
    EasyReadWording.objects.create(
        question=question, age_band=young, text="Ko likt parkā?", text_en="What goes in the park?"
    )
    [loaded] = questions_for_age_band(election, young)
    assert question_text_for(loaded, young) == "Ko likt parkā?"
    assert question_text_for(loaded, older) == "Kā pilnveidot parku?"
    with translation.override("en"):
        assert question_text_for(loaded, young) == "What goes in the park?"
        assert question_text_for(loaded, older) == "How to improve the park?"


def test_question_text_for_easy_read_band_without_wording_falls_back():
    election = ElectionFactory()
    young = AgeBandFactory(election=election, min_age=5, max_age=8, uses_easy_read=True)
    question = BallotQuestionFactory(election=election, text="Kā pilnveidot parku?")
    assert question_text_for(question, young) == "Kā pilnveidot parku?"
