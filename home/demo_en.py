"""The demo's content pages in English, for `home.demo`."""

# The same three pages in English, in the same order, each with its English address.
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
        "title": "How to vote",
        "slug": "how-to-vote",
        "introduction": "All you need to know on election day. This is a sample page.",
        "body": [
            (
                "faq",
                {
                    "heading": "Frequently asked questions",
                    "items": [
                        {
                            "question": "What do I need to bring?",
                            "answer": "<p>A valid passport or identity card (eID card).</p>",
                        },
                        {
                            "question": "Where can I vote?",
                            "answer": "<p>At any polling station in Liepāja.</p>",
                        },
                        {
                            "question": "Can I bring my children?",
                            "answer": "<p>Yes! Children's polling stations stand beside six "
                            "of the precincts.</p>",
                        },
                    ],
                },
            ),
            (
                "table",
                {
                    "caption": "Polling station hours (sample)",
                    "table": {
                        "columns": [
                            {"type": "text", "heading": "Day"},
                            {"type": "text", "heading": "Hours"},
                        ],
                        "rows": [
                            {"values": ["Election day", "7:00–20:00"]},
                            {"values": ["Early voting", "9:00–13:00"]},
                        ],
                    },
                },
            ),
        ],
    },
    {
        "title": "Children's election",
        "slug": "childrens-election",
        "introduction": (
            "“Democracy begins at home”: children and young people vote on questions they "
            "chose themselves. This is a sample page."
        ),
        "body": [
            (
                "text",
                "<p>In six neighbourhoods, children's polling stations designed by students of "
                "the Art Academy stand beside the adult ones.</p>",
            ),
        ],
    },
]
