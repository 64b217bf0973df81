"""Whether a story's title already names its resident, so that the name is written once.

Titles are usually "Juris: kāpēc es balsoju"; feeds and the story page used to put the
name in front again ("Juris: Juris: kāpēc es balsoju"). The display name may carry an age
("Anna, 34"), so the name is its part before the first comma, and Latvian declines names
("Annas stāsts"), so the title is searched for the name as a word beginning, any case.
"""

import re


def name_of(display_name: str) -> str:
    """The resident's name without the age or other detail after a comma."""
    return display_name.split(",", 1)[0].strip()


def title_names(title: str, display_name: str) -> bool:
    name = name_of(display_name)
    if not name:
        return True
    return re.search(rf"(?<!\w){re.escape(name)}", title, re.IGNORECASE) is not None
