"""The organisers' heavy downloads, made by the task worker (base.prepared_files): the
roster export and the thank-you certificates. Both hold adults' names and contacts, so only
someone with the people app's rights (the Organisers) may ask for them or download them."""

import csv
import io
from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from base.prepared_files.kinds import BuiltFile, Progress, register_file_kind
from mock_elections.models import Election

from . import pdfs, selectors

ROSTER_CSV = "people.roster_csv"
CERTIFICATES = "people.certificates"


def organisers_only(user: User) -> bool:
    """The same right as the organisers' screens (people.admin_views.organisers_only)."""
    return user.has_perm("people.change_assignment")


def roster_csv(params: Mapping[str, Any], progress: Progress) -> BuiltFile:
    """The roster for the organisers' spreadsheet, one row per placement."""
    election = Election.objects.get(pk=params["election"])
    total = selectors.placements_of(election)
    progress(0, total)
    text = io.StringIO()
    writer = csv.writer(text)
    rows = selectors.export_rows(election)
    writer.writerow(next(rows))  # the column names
    for done, row in enumerate(rows, start=1):
        writer.writerow(row)
        progress(done, total)
    return BuiltFile(
        text.getvalue().encode(), f"roster-{election.slug}.csv", "text/csv; charset=utf-8"
    )


def certificates(params: Mapping[str, Any], progress: Progress) -> BuiltFile:
    """A thank-you page for every volunteer who was placed on a shift."""
    volunteers = selectors.thanked_volunteers(Election.objects.get(pk=params["election"]))
    total = len(volunteers)
    progress(0, total)
    pdf = pdfs.certificates_pdf(volunteers, lambda done: progress(done, total))
    return BuiltFile(pdf, "paldies.pdf", "application/pdf")


def register_downloads() -> None:
    register_file_kind(ROSTER_CSV, _("Volunteer roster (CSV)"), roster_csv, may_use=organisers_only)
    register_file_kind(
        CERTIFICATES, _("Thank-you certificates (PDF)"), certificates, may_use=organisers_only
    )
