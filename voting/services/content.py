"""What a ballot must hold to be counted: an age band of the election and, for every question
asked of that band, exactly one answer (an option of that question, or “I don't know” where
offered). Checked when the box is opened at counting: the server cannot read a sealed ballot
before."""

from django.utils.translation import gettext as _

from base.refusals import Refused

from ..selectors import BallotRules
from .common import as_int

Answers = tuple[tuple[int, int | None], ...]


def _invalid(message: str) -> Refused:
    return Refused("invalid_vote", message)


def check_ballot_content(rules: BallotRules, ballot: object) -> tuple[int, Answers]:
    """(age band id, ((question id, option id or None), ...)) of a well-formed ballot;
    raises Refused("invalid_vote") saying what is wrong."""
    if not isinstance(ballot, dict):
        raise _invalid(_("A ballot must be an object."))
    age_band_id = as_int(ballot.get("age_band"))
    if age_band_id is None or age_band_id not in rules:
        raise _invalid(_("A vote has no age band of this election."))
    answers = ballot.get("answers")
    if not isinstance(answers, list):
        raise _invalid(_("A vote has no answers."))
    asked = rules[age_band_id]
    given: dict[int, int | None] = {}
    for answer in answers:
        if not isinstance(answer, dict):
            raise _invalid(_("An answer must be an object."))
        question_id = as_int(answer.get("question"))
        if question_id is None or question_id not in asked:
            raise _invalid(
                _("An answer is to a question this age band is not asked in this election.")
            )
        if question_id in given:
            raise _invalid(_("A question is answered twice."))
        offers_abstain, option_ids = asked[question_id]
        if answer.get("option") is None:
            if not offers_abstain:
                raise _invalid(_("A question without “I don't know” was skipped."))
            given[question_id] = None
            continue
        option_id = as_int(answer.get("option"))
        if option_id is None or option_id not in option_ids:
            raise _invalid(_("An answer is an option of another question."))
        given[question_id] = option_id
    if set(given) != set(asked):
        raise _invalid(_("A question asked of this age band has no answer."))
    return age_band_id, tuple(given.items())
