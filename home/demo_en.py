"""The demo's content pages in English, for `home.demo`."""

# The same two pages in English, in the same order, each with its English address.
CONTENT_PAGES_EN = [
    {
        "title": "About the campaign",
        "slug": "about",
        "introduction": (
            "“Liepāja is your voice!” asks every Liepāja resident to vote in the municipal "
            "election. This is a sample page."
        ),
        "body": [
            (
                "key_figures",
                {
                    "heading": "The campaign in figures",
                    "figures": [
                        {"figure": "28.84 %", "label": "voted in the last election"},
                        {"figure": "+10", "label": "percentage points: our goal"},
                        {"figure": "30", "label": "residents' stories"},
                    ],
                },
            ),
            (
                "text",
                "<p>The campaign is about people, not procedures: neighbours invite "
                "neighbours, children vote beside their parents.</p>",
            ),
            (
                "pull_quote",
                {
                    "quote": "Democracy begins at home.",
                    "attribution": "The children's election motto",
                },
            ),
        ],
    },
    {
        "title": "Children's election",
        "slug": "childrens-election",
        "introduction": (
            "“Democracy begins at home”: children and young people vote on questions they "
            "chose themselves, beside the precinct where their parents vote. This is a sample page."
        ),
        "body": [
            (
                "text",
                "<h2>Who can vote</h2>"
                "<p>Children and young people aged 5 to 17. Each age group has its own ballot: "
                "5–8 (easy to read, with pictures), 9–12, 13–15 and 16–17. Children vote on "
                "their own; nobody writes their name down.</p>"
                "<h2>Where</h2>"
                "<p>At six children's polling stations, each beside an adult precinct: in "
                "Vecliepāja (No. 702, Rožu iela 5/7), Jaunliepāja (No. 703), Karosta (No. 704), "
                "the Northern Suburb (No. 705), Tosmare (No. 706) and Ezerkrasts (No. 707). "
                "The addresses are on the “How to vote” page.</p>"
                "<h2>When</h2>"
                "<p>On the day of the next municipal election, from 7:00 to 20:00, while the "
                "adult precincts are open. The last children's election was on 7 June 2025: "
                "1,392 children and young people voted, and the results are published.</p>",
            ),
            (
                "call_to_action",
                {
                    "heading": "Come with your family",
                    "text": "Find your precinct: the children's station is right next to it.",
                    "button_text": "Where and how to vote",
                    "page": None,  # the how-to-vote page, set once it exists
                    "link_url": "",
                },
            ),
        ],
    },
]
