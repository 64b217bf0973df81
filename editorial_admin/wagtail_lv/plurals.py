"""Our Latvian for the Wagtail and Django admin strings with plural forms. Latvian has three:
[1, 21, 31…], [2…20, 22…], [0], in the order of Wagtail's lv Plural-Forms header."""

# msgid: (msgid_plural, [1, 21…], [2…20…], [0]).
PLURAL: dict[str, tuple[str, list[str]]] = {
    "%(count)s document": (
        "%(count)s documents",
        ["%(count)s dokuments", "%(count)s dokumenti", "%(count)s dokumentu"],
    ),
    "%(count)s image": (
        "%(count)s images",
        ["%(count)s attēls", "%(count)s attēli", "%(count)s attēlu"],
    ),
    "%(num_parent_objects)d page": (
        "%(num_parent_objects)d pages",
        [
            "%(num_parent_objects)d lapa",
            "%(num_parent_objects)d lapas",
            "%(num_parent_objects)d lapu",
        ],
    ),
    "%(num_child_objects)d child page": (
        "%(num_child_objects)d child pages",
        [
            "%(num_child_objects)d apakšlapa",
            "%(num_child_objects)d apakšlapas",
            "%(num_child_objects)d apakšlapu",
        ],
    ),
    "Are you sure you want to delete this document?": (
        "Are you sure you want to delete these documents?",
        [
            "Vai tiešām dzēst šo dokumentu?",
            "Vai tiešām dzēst šos dokumentus?",
            "Vai tiešām dzēst šos dokumentus?",
        ],
    ),
    "Are you sure you want to delete this image?": (
        "Are you sure you want to delete these images?",
        [
            "Vai tiešām dzēst šo attēlu?",
            "Vai tiešām dzēst šos attēlus?",
            "Vai tiešām dzēst šos attēlus?",
        ],
    ),
    "This %(model_name)s is referenced %(usage_count)s time.": (
        "This %(model_name)s is referenced %(usage_count)s times.",
        [
            "Uz šo ierakstu ir %(usage_count)s atsauce.",
            "Uz šo ierakstu ir %(usage_count)s atsauces.",
            "Uz šo ierakstu ir %(usage_count)s atsauču.",
        ],
    ),
    "This page has one subpage. Unpublish this too": (
        "This page has %(live_descendant_count)s subpages. Unpublish these too",
        [
            "Šai lapai ir %(live_descendant_count)s apakšlapa. Noņemt no publikācijas arī to",
            "Šai lapai ir %(live_descendant_count)s apakšlapas. Noņemt no publikācijas arī tās",
            "Šai lapai ir %(live_descendant_count)s apakšlapu. Noņemt no publikācijas arī tās",
        ],
    ),
    "Used %(usage_count)s time": (
        "Used %(usage_count)s times",
        [
            "Izmantots %(usage_count)s reizi",
            "Izmantots %(usage_count)s reizes",
            "Izmantots %(usage_count)s reižu",
        ],
    ),
    '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>': (
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        [
            '%(total)s lapa <span class="w-sr-only">vietnē %(site_name)s</span>',
            '%(total)s lapas <span class="w-sr-only">vietnē %(site_name)s</span>',
            '%(total)s lapu <span class="w-sr-only">vietnē %(site_name)s</span>',
        ],
    ),
    '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>': (
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        [
            '%(total)s attēls <span class="w-sr-only">vietnē %(site_name)s</span>',
            '%(total)s attēli <span class="w-sr-only">vietnē %(site_name)s</span>',
            '%(total)s attēlu <span class="w-sr-only">vietnē %(site_name)s</span>',
        ],
    ),
    '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>': (
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
        [
            '%(total)s dokuments <span class="w-sr-only">vietnē %(site_name)s</span>',
            '%(total)s dokumenti <span class="w-sr-only">vietnē %(site_name)s</span>',
            '%(total)s dokumentu <span class="w-sr-only">vietnē %(site_name)s</span>',
        ],
    ),
    # Django's time units, as they follow "pirms" ("ago") in Wagtail: genitive singular,
    # dative plural ("pirms 1 minūtes", "pirms 5 minūtēm").
    "%(num)d year": ("%(num)d years", ["%(num)d gada", "%(num)d gadiem", "%(num)d gadiem"]),
    "%(num)d month": ("%(num)d months", ["%(num)d mēneša", "%(num)d mēnešiem", "%(num)d mēnešiem"]),
    "%(num)d week": ("%(num)d weeks", ["%(num)d nedēļas", "%(num)d nedēļām", "%(num)d nedēļām"]),
    "%(num)d day": ("%(num)d days", ["%(num)d dienas", "%(num)d dienām", "%(num)d dienām"]),
    "%(num)d hour": ("%(num)d hours", ["%(num)d stundas", "%(num)d stundām", "%(num)d stundām"]),
    "%(num)d minute": (
        "%(num)d minutes",
        ["%(num)d minūtes", "%(num)d minūtēm", "%(num)d minūtēm"],
    ),
    "a second ago": (
        "%(count)s seconds ago",
        ["pirms %(count)s sekundes", "pirms %(count)s sekundēm", "pirms %(count)s sekundēm"],
    ),
    "a minute ago": (
        "%(count)s minutes ago",
        ["pirms %(count)s minūtes", "pirms %(count)s minūtēm", "pirms %(count)s minūtēm"],
    ),
    "an hour ago": (
        "%(count)s hours ago",
        ["pirms %(count)s stundas", "pirms %(count)s stundām", "pirms %(count)s stundām"],
    ),
}
