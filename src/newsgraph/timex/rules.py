"""The time-expression grammar as data: word classes and rules.

The rest of the package reads these tables; nothing else decides what a time
expression is. A rule is ``(name, pattern, norm, type)``:

- ``pattern`` is a space-separated sequence of elements, each matching one
  token (``NUM`` matches a whole number phrase: "twenty - four", "2 1/2"):
  an UPPER-CASE word names a word class (``WORD_CLASSES`` or a shape class
  computed in ``timex.py``), a lower-case word or ``a|an`` matches the
  token's lower-cased text, and a trailing ``?`` makes the element optional.
- ``norm`` names the normaliser (``norm_dates.py``, ``norm_amounts.py``) that turns the matched tokens
  into a TIMEX3 value (it may reject the match, or keep only part of it as the
  expression: "for the year" -> "the year"); ``type`` is the TIMEX3 type it gives.

Where several rules match at one token the longest match wins (then the
earlier rule). Modifiers ("early", "the end of", "about", "more than") are
added around a match by ``LEFT_MODIFIERS``. Every rule has a test table in
``tests/test_timex_rules.py``.
"""
from __future__ import annotations

MONTHS = {
    "january": 1, "jan": 1, "jan.": 1, "february": 2, "feb": 2, "feb.": 2,
    "march": 3, "mar.": 3, "april": 4, "apr": 4, "apr.": 4, "may": 5,
    "june": 6, "jun.": 6, "july": 7, "jul.": 7, "august": 8, "aug": 8, "aug.": 8,
    "september": 9, "sept": 9, "sept.": 9, "sep.": 9, "october": 10, "oct": 10,
    "oct.": 10, "november": 11, "nov": 11, "nov.": 11, "december": 12, "dec": 12,
    "dec.": 12,
}
# Month names that are also common words or names: alone they need a cue
# ("in March", "last May"); with a day or a year they are always months.
AMBIGUOUS_MONTHS = {"may", "march", "august", "june", "april", "jan", "dec", "oct", "sept"}
MONTH_CUES = {
    "in", "since", "until", "till", "by", "through", "during", "of", "early", "late",
    "mid", "last", "next", "this", "before", "after", "from", "to", "between",
    "-", "and", "or", "or", "throughout", "every", "each", "that", "same",
}

WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7, "mon.": 1, "tue.": 2, "tues.": 2, "wed.": 3,
    "thu.": 4, "thurs.": 4, "fri.": 5, "sat.": 6, "sun.": 7,
}
WEEKDAYS_PLURAL = {w + "s": d for w, d in WEEKDAYS.items() if not w.endswith(".")}

# unit -> (TIMEX3 duration letter, granularity used for "ago"/"last" values)
UNITS = {
    "second": "S", "seconds": "S", "minute": "M", "minutes": "M", "hour": "H", "hours": "H",
    "day": "D", "days": "D", "week": "W", "weeks": "W", "fortnight": "2W",
    "month": "M", "months": "M", "quarter": "Q", "quarters": "Q", "year": "Y", "years": "Y",
    "decade": "DE", "decades": "DE", "century": "CE", "centuries": "CE",
    "weekend": "WE", "weekends": "WE",
}
TIME_UNITS = {"second", "seconds", "minute", "minutes", "hour", "hours"}
PLURAL_UNITS = {u for u in UNITS if u.endswith("s") and u != "hours" or u in ("hours", "centuries")}
SINGULAR_UNITS = set(UNITS) - PLURAL_UNITS

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    "half": 0.5,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "final": 4, "last": -1,
}
# words standing for an unknown amount: "several years" -> PXY
FUZZY = {"several", "few", "many", "some", "numerous", "couple"}

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "overnight": "NI", "nights": "NI", "mornings": "MO", "evenings": "EV",
                "afternoons": "AF"}
PARTS_OF_DAY_PLURAL = {"nights", "mornings", "evenings", "afternoons"}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
DEICTIC_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}

REF_WORDS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "presently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF",
    "soon": "FUTURE_REF",
}
SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
               "annually": "P1Y", "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D",
               "biweekly": "P2W", "biannually": "P6M", "semiannually": "P6M"}
AMPM = {"a.m.": "am", "a.m": "am", "am": "am", "p.m.": "pm", "p.m": "pm", "pm": "pm"}
TIMEZONES = {"edt", "est", "cdt", "cst", "mdt", "mst", "pdt", "pst", "gmt", "utc", "et", "pt"}

# holiday name (lower-case tokens joined by space) -> (month, day) or a rule name
HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year 's day": (1, 1), "new year 's eve": (12, 31), "new year ’s day": (1, 1),
    "independence day": (7, 4), "halloween": (10, 31), "valentine 's day": (2, 14),
    "veterans day": (11, 11), "thanksgiving": "thanksgiving", "thanksgiving day": "thanksgiving",
    "labor day": "labor_day", "memorial day": "memorial_day", "election day": "election_day",
    "easter": "easter", "easter sunday": "easter",
}

# word -> set of class names. Shape classes (YEAR, DAYNUM, DIGITS, DECADE, CLOCK,
# ORDNUM, NUMDATE, QTOKEN, FYEAR) are computed from the token in timex.py.
WORD_CLASSES: dict[str, set[str]] = {}


def _add(cls: str, words) -> None:
    for w in words:
        WORD_CLASSES.setdefault(w, set()).add(cls)


_add("MONTH", MONTHS)
_add("WEEKDAY", WEEKDAYS)
_add("WEEKDAYS", WEEKDAYS_PLURAL)
_add("UNIT", UNITS)
_add("UNITS", PLURAL_UNITS)
_add("UNIT1", SINGULAR_UNITS)
_add("NUMWORD", NUMBER_WORDS)
_add("ORD", ORDINALS)
_add("POD", set(PARTS_OF_DAY) - PARTS_OF_DAY_PLURAL)
_add("PODS", PARTS_OF_DAY_PLURAL)
_add("SEASON", SEASONS)
_add("DECADEWORD", DECADE_WORDS)
_add("DEICTIC", DEICTIC_DAYS)
_add("REF", REF_WORDS)
_add("SETADV", SET_ADVERBS)
_add("AMPM", AMPM)
_add("TZ", TIMEZONES)
_add("FUZZY", FUZZY)
_add("PAST", {"last", "past", "previous", "preceding", "prior"})
_add("NEXT", {"next", "coming", "following", "upcoming"})
_add("THIS", {"this", "current", "latest", "present"})
_add("AGO", {"ago", "earlier", "later", "hence", "before", "after"})
_add("EVERY", {"every", "each"})
_add("HOLIDAY", {"christmas", "thanksgiving", "easter", "halloween", "independence", "labor",
                 "memorial", "election", "valentine", "veterans", "new"})
_add("APPROX", {"about", "around", "approximately", "nearly", "almost", "roughly", "some"})

RULES: list[tuple[str, str, str, str]] = [
    # -- calendar dates ---------------------------------------------------------------
    ("date_mdy", "MONTH DAYNUM ,? YEAR", "date", "DATE"),
    ("date_md", "MONTH DAYNUM", "date", "DATE"),
    ("date_dmy", "DAYNUM of? MONTH ,? YEAR?", "date", "DATE"),
    ("date_the_dmy", "the DAYNUM of MONTH ,? YEAR?", "date", "DATE"),
    ("date_wmdy", "WEEKDAY ,? MONTH DAYNUM ,? YEAR?", "date", "DATE"),
    ("date_wdmy", "WEEKDAY ,? DAYNUM MONTH YEAR?", "date", "DATE"),
    ("date_numeric", "NUMDATE", "date", "DATE"),
    ("date_iso", "YEAR - DAYNUM - DAYNUM", "date", "DATE"),
    ("date_rel_md", "PAST|NEXT|this MONTH DAYNUM", "date", "DATE"),
    ("month_year", "MONTH ,? of? YEAR", "month", "DATE"),
    ("month_rel_year", "MONTH of? PAST|THIS|NEXT year", "month", "DATE"),
    ("month", "MONTH", "month", "DATE"),
    ("month_rel", "PAST|THIS|NEXT|that MONTH", "month", "DATE"),
    ("year", "YEAR", "year", "DATE"),
    ("year_fiscal", "fiscal year? YEAR", "year", "DATE"),
    ("year_fy", "FYEAR", "year", "DATE"),
    ("year_prefixed", "PFXYEAR", "year", "DATE"),
    ("year_range", "YEAR -|\u2013 YEAR|YY", "range", "DATE"),
    ("year_spoken", "NUMWORD NUMWORD -? NUMWORD?", "spoken_year", "DATE"),
    ("year_two_thousand", "the? year two thousand NUMWORD?", "spoken_year", "DATE"),
    ("decade", "DECADE", "decade", "DATE"),
    ("decade_apostrophe", "' DECADE", "decade", "DATE"),
    ("decade_word", "DECADEWORD", "decade", "DATE"),
    ("decade_prefixed", "PFXDECADE", "decade", "DATE"),
    ("century", "the? ORD century", "century", "DATE"),
    ("century_rel", "PAST|THIS|NEXT century", "rel", "DATE"),
    # -- quarters, halves, fiscal periods ----------------------------------------------
    ("quarter_ord", "the? fiscal? ORD -? fiscal? quarter|period of? fiscal? YEAR?", "quarter", "DATE"),
    ("quarter_q", "QTOKEN YEAR?", "quarter", "DATE"),
    ("quarter_year", "YEAR 's? ORD -? quarter", "quarter", "DATE"),
    ("quarter_rel", "the? PAST|THIS|NEXT|same quarter|period", "rel_quarter", "DATE"),
    ("quarter_rel_year", "the? PAST|THIS|NEXT year 's ORD quarter", "quarter", "DATE"),
    ("quarter_the", "the quarter", "rel_quarter", "DATE"),
    ("quarter_year_ago", "the? year -? ago|earlier quarter|period", "year_ago_quarter", "DATE"),
    ("quarter_year_ago_ord", "the? year -? ago|earlier ORD -? quarter|period", "year_ago_quarter", "DATE"),
    ("quarter_year_period", "the YEAR quarter|period", "year_quarter", "DATE"),
    ("half_ord", "the? ORD -? half of? YEAR?", "half", "DATE"),
    ("fiscal_year_the", "the fiscal year", "rel", "DATE"),
    ("fiscal_year_rel", "the? PAST|THIS|NEXT fiscal year", "rel", "DATE"),
    # -- seasons, holidays ---------------------------------------------------------------
    ("season_year", "SEASON of? YEAR", "season", "DATE"),
    ("season_rel", "PAST|THIS|NEXT SEASON", "season", "DATE"),
    ("season", "the? SEASON", "season", "DATE"),
    ("holiday", "HOLIDAY HOLWORD? HOLWORD? HOLWORD?", "holiday", "DATE"),
    ("holiday_rel", "PAST|THIS|NEXT HOLIDAY HOLWORD? HOLWORD? HOLWORD?", "holiday", "DATE"),
    # -- weekdays, days, parts of days ---------------------------------------------------
    ("weekday", "WEEKDAY 's?", "weekday", "DATE"),
    ("weekday_pod", "WEEKDAY POD", "weekday", "TIME"),
    ("weekday_rel", "PAST|THIS|NEXT WEEKDAY", "weekday", "DATE"),
    ("weekday_rel_pod", "PAST|THIS|NEXT WEEKDAY POD", "weekday", "TIME"),
    ("deictic", "DEICTIC 's?", "deictic", "DATE"),
    ("deictic_pod", "DEICTIC POD", "deictic", "TIME"),
    ("day_before_yesterday", "the day before|after yesterday|tomorrow", "deictic", "DATE"),
    ("pod_rel", "this|last|tomorrow POD", "pod", "TIME"),
    ("pod_mid", "mid -? POD DAYREF?", "pod", "TIME"),
    ("ref_that_day", "that same? day|night|morning|evening|week|month|year", "ref_day", "DATE"),
    ("ref_same_day", "the same day|night|morning|evening|week|month|year", "ref_day", "DATE"),
    ("ref_next_day", "the following|previous|preceding|next day|morning|night|evening", "ref_next", "DATE"),
    ("ref_next_unit", "the following|previous|preceding week|month|year", "ref_next", "DATE"),
    ("ref_day_before", "the day before|earlier", "ref_next", "DATE"),
    ("ref_the_year", "the year", "the_year", "DATE"),
    # -- relative to the publication date -------------------------------------------------
    ("rel_unit", "PAST|THIS|NEXT UNIT1", "rel", "DATE"),
    ("rel_the_unit", "the PAST|THIS|NEXT UNIT1", "rel", "DATE"),
    ("rel_this_past", "this past UNIT1", "rel", "DATE"),
    ("weekend", "the weekend", "rel", "DATE"),
    ("unit_ended", "the fiscal? year ended|ending", "unit_ended", "DURATION"),
    ("full_year", "the full year|quarter", "for_the_unit", "DATE"),
    ("for_the_unit", "for the year|quarter|month|week", "for_the_unit", "DATE"),
    ("end_of_unit", "the end|beginning|start|middle of the|this|next|last UNIT1", "edge_rel", "DATE"),
    ("year_end", "year|month -? end", "edge_rel", "DATE"),
    ("year_s_end", "year|month 's|\u2019s end", "edge_rel", "DATE"),
    ("ago", "NUM UNIT ago|earlier|later|hence", "ago", "DATE"),
    ("ago_a", "a|an UNIT1 ago|earlier|later", "ago", "DATE"),
    ("ago_fuzzy", "a? FUZZY of? UNITS ago|earlier|later", "ago", "DATE"),
    ("ago_year_adj", "year -? ago|earlier", "year_ago", "DATE"),
    ("ago_year_adj_a", "a|an year - ago|earlier", "year_ago", "DATE"),
    # -- references ---------------------------------------------------------------------
    ("ref_word", "REF", "ref", "DATE"),
    ("ref_the_past", "the past|future", "ref", "DATE"),
    ("ref_these_days", "these days", "ref", "DATE"),
    ("ref_at_present", "at present", "ref", "DATE"),
    ("ref_at_the_time", "at the time", "ref", "DATE"),
    ("duration_a_while", "a while", "ref", "DURATION"),
    ("ref_near_future", "the near|distant future", "ref", "DATE"),
    # -- durations ------------------------------------------------------------------------
    ("duration", "NUM UNIT", "duration", "DURATION"),
    ("duration_adj", "NUM - UNIT1", "duration", "DURATION"),
    ("duration_a", "a|an UNIT1", "duration", "DURATION"),
    ("duration_half", "NUM and a half UNITS", "duration", "DURATION"),
    ("duration_a_half", "a|an UNIT1 and a half", "duration", "DURATION"),
    ("duration_last_n", "the? PAST|NEXT|first|final NUM UNITS", "duration", "DURATION"),
    ("duration_the_n", "the NUM UNITS", "duration", "DURATION"),
    ("duration_more", "NUM more|additional|extra|further|straight|consecutive UNITS", "duration", "DURATION"),
    ("duration_a_more", "a|an additional|extra|further UNIT1", "duration", "DURATION"),
    ("duration_kind", "NUM trading|business|working|calendar UNITS", "duration", "DURATION"),
    ("duration_fuzzy", "a? FUZZY of? UNITS", "duration_fuzzy", "DURATION"),
    ("duration_fuzzy_last", "the? PAST|NEXT FUZZY UNITS", "duration_fuzzy", "DURATION"),
    ("duration_recent", "the? coming|next|recent|past|first UNITS", "duration_vague", "DURATION"),
    ("duration_units", "UNITS", "duration_fuzzy", "DURATION"),
    ("duration_units_long", "UNITS|UNIT1 - long", "duration_fuzzy", "DURATION"),
    ("duration_full_unit", "the full|entire|whole UNIT1", "duration", "DURATION"),
    # -- sets -------------------------------------------------------------------------------
    ("set_every", "EVERY other? UNIT1|WEEKDAY|MONTH|SEASON|POD", "set", "SET"),
    ("set_every_n", "EVERY NUM UNITS", "set", "SET"),
    ("set_adverb", "SETADV", "set", "SET"),
    ("set_weekdays", "WEEKDAYS PODS?", "set", "SET"),
    ("set_weekday_nights", "WEEKDAY PODS", "set", "SET"),
    ("set_times_per", "once|twice a|per UNIT1", "set", "SET"),
    ("set_n_times_per", "NUM times a|per UNIT1", "set", "SET"),
    ("set_per", "per UNIT1", "set", "SET"),
    # -- clock times ------------------------------------------------------------------------
    ("clock_ampm", "CLOCKNUM AMPM TZ? DAYREF?", "clock", "TIME"),
    ("clock_ampm_date", "CLOCKNUM AMPM TZ? ,? on? MONTH DAYNUM", "clock", "TIME"),
    ("clock_oclock", "NUM o'clock DAYREF?", "clock", "TIME"),
    ("clock_noon", "noon|midnight|midday DAYREF?", "clock", "TIME"),
    ("clock_hhmm", "CLOCK", "clock", "TIME"),
    ("clock_hhmm_tz", "CLOCK TZ", "clock", "TIME"),
    ("clock_hhmm_day", "CLOCK TZ? ,? on? DAYREF", "clock", "TIME"),
    ("clock_pod", "CLOCKNUM in the morning|afternoon|evening", "clock", "TIME"),
]

# Tokens added on the left of a match, with the TIMEX3 mod they give ("" = none).
# Longest phrase first; applied repeatedly ("until the end of" ... no: "the end of").
LEFT_MODIFIERS: list[tuple[str, str, tuple[str, ...]]] = [
    # phrase, mod, which normalisers it applies to ("*" = any DATE)
    ("no more than", "EQUAL_OR_LESS", ("duration", "duration_fuzzy", "ago")),
    ("more than", "MORE_THAN", ("duration", "duration_fuzzy", "ago")),
    ("less than", "LESS_THAN", ("duration", "duration_fuzzy", "ago")),
    ("fewer than", "LESS_THAN", ("duration", "duration_fuzzy", "ago")),
    ("at least", "EQUAL_OR_MORE", ("duration", "duration_fuzzy", "ago")),
    ("at most", "EQUAL_OR_LESS", ("duration", "duration_fuzzy", "ago")),
    ("up to", "EQUAL_OR_LESS", ("duration",)),
    ("nearly", "APPROX", ("duration", "duration_fuzzy", "ago", "clock")),
    ("almost", "APPROX", ("duration", "duration_fuzzy", "ago", "clock")),
    ("about", "APPROX", ("duration", "ago", "clock")),
    ("around", "APPROX", ("duration", "ago", "clock")),
    ("approximately", "APPROX", ("duration", "ago", "clock")),
    ("roughly", "APPROX", ("duration", "ago")),
    ("over", "MORE_THAN", ("duration",)),
    ("the end of", "END", ("year", "month", "rel", "date", "quarter", "decade", "century", "season")),
    ("the beginning of", "START", ("year", "month", "rel", "quarter", "decade", "century", "season")),
    ("the start of", "START", ("year", "month", "rel", "quarter", "decade", "century", "season")),
    ("the middle of", "MID", ("year", "month", "rel", "quarter", "decade", "century", "season")),
    ("the early", "START", ("decade", "century")),
    ("the late", "END", ("decade", "century")),
    ("the mid -", "MID", ("decade", "century")),
    ("mid -", "MID", ("year", "month", "rel", "decade", "century", "season")),
    ("early", "START", ("year", "month", "rel", "quarter", "decade", "century", "season", "weekday", "deictic")),
    ("late", "END", ("year", "month", "rel", "quarter", "decade", "century", "season", "weekday", "deictic")),
    ("earlier", "", ("year", "month", "rel", "weekday", "deictic")),
    ("later", "", ("year", "month", "rel", "weekday", "deictic")),
]
