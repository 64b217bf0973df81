import pytest

from django.contrib.auth import get_user_model
from django.utils import translation

from wagtail.models import ModelLogEntry

from base.refusals import Refused
from results.models import AdultPrecinctTurnout
from results.services import import_precinct_turnout, mark_results
from results.tests.factories import AdultElectionFactory, PrecinctFactory, build_election

pytestmark = pytest.mark.django_db
HEADER = "precinct_number,name,registered_voters,votes_cast\n"


def refusal(election, text, encoding="utf-8"):
    with pytest.raises(Refused) as caught:
        import_precinct_turnout(election, text.encode(encoding))
    assert caught.value.reason == "bad_file"
    return [(error.row, error.message) for error in caught.value.details["errors"]]


@pytest.fixture
def election():
    """An adult election that already has one precinct: a refused file must leave it be."""
    election = AdultElectionFactory()
    PrecinctFactory(adult_election=election, precinct_number="999")
    return election


def test_a_good_file_replaces_the_precincts_and_keeps_the_special_mark():
    election = AdultElectionFactory()
    PrecinctFactory(adult_election=election, precinct_number="701", is_specially_designed=True)
    text = HEADER + "701,Latviešu biedrības nams,1200,600\n702,Skola,900,300\n"
    assert import_precinct_turnout(election, ("\ufeff" + text).encode()) == 2
    rows = {p.precinct_number: p for p in election.precincts.all()}
    assert rows["701"].is_specially_designed and rows["701"].name == "Latviešu biedrības nams"
    assert (rows["702"].registered_voters, rows["702"].votes_cast) == (900, 300)


def test_semicolon_separated_files_from_spreadsheets_are_read():
    election = AdultElectionFactory()
    text = HEADER.replace(",", ";") + "701;Skola;1 200;600\n"
    assert import_precinct_turnout(election, text.encode()) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nr,name,registered,votes\n701,A,10,5\n", [(1, "galvenei")]),
        (HEADER + "701,A,10,5\n702,B,desmit,5\n", [(3, "vesel")]),
        (HEADER + "701,A,10,11\n", [(2, "vairāk")]),
        (HEADER + "701,A,10,5\n702,B,10,5\n701,C,10,5\n", [(4, "jau ir")]),
        ("", [(1, "tukš")]),
        (HEADER, [(2, "nav neviena")]),
    ],
    ids=["bad-header", "non-numeric", "votes-above-registered", "duplicate", "empty", "no-rows"],
)
def test_each_bad_file_is_refused_whole_with_the_row_and_nothing_imported(election, text, expected):
    errors = refusal(election, text)
    assert [
        (row, fragment)
        for (row, message), (_, fragment) in zip(errors, expected, strict=True)
        if fragment in message
    ] == expected
    assert list(election.precincts.values_list("precinct_number", flat=True)) == ["999"]


def test_wrong_encoding_is_refused_with_the_row_of_the_first_bad_byte(election):
    text = HEADER + "701,Skola,10,5\n702,Liepājas Latviešu biedrības nams,10,5\n"
    errors = refusal(election, text, encoding="windows-1257")
    assert errors[0][0] == 3 and "UTF-8" in errors[0][1]
    assert AdultPrecinctTurnout.objects.filter(adult_election=election).count() == 1


def test_every_error_is_listed_not_only_the_first(election):
    errors = refusal(election, HEADER + "701,A,x,5\n702,B,10,50\n702,C,10,5\n")
    assert [row for row, _ in errors] == [2, 3, 4]


def test_results_are_marked_preliminary_then_final():
    election, *_ = build_election()
    assert mark_results(election, is_final=False).label == "provizoriski"
    assert mark_results(election, is_final=True).is_final


def test_importing_turnout_is_in_the_audit_log_with_who_did_it():
    importer = get_user_model().objects.create_user("importer", password="x")
    election = AdultElectionFactory()
    import_precinct_turnout(election, (HEADER + "701,Skola,900,300\n").encode(), by=importer)
    entry = ModelLogEntry.objects.get(action="results.turnout_imported")
    assert entry.user == importer and entry.object_id == str(election.pk)
    assert entry.data == {"precincts": 1}
    with translation.override("lv"):
        assert entry.message == "Iecirkņu aktivitāte importēta: 1 iecirknis"


def test_a_refused_file_leaves_no_audit_entry(election):
    importer = get_user_model().objects.create_user("importer", password="x")
    with pytest.raises(Refused):
        import_precinct_turnout(election, b"", by=importer)
    assert not ModelLogEntry.objects.filter(action="results.turnout_imported").exists()


def test_labelling_results_final_or_preliminary_is_in_the_audit_log_with_who_did_it():
    organiser = get_user_model().objects.create_user("organiser", password="x")
    election, *_ = build_election(published=True)
    mark_results(election, is_final=True, by=organiser)
    mark_results(election, is_final=False, by=organiser)
    entries = ModelLogEntry.objects.filter(action__startswith="results.marked").order_by("pk")
    assert [(e.action, e.user) for e in entries] == [
        ("results.marked_final", organiser),
        ("results.marked_preliminary", organiser),
    ]
