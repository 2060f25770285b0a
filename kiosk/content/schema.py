"""The declared schema of `exhibit.yaml`, as pydantic models.

The models are the single description of the format: validation, defaults,
the JSON Schema for editors (`kiosk schema`) and the objects the screens
display all come from here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    PlainValidator,
    StrictStr,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)

from kiosk.content.text import LANGUAGE_TAG, Text, parse_text

SCHEMA_VERSION = 1
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

# --- field types ------------------------------------------------------------------

TextField = Annotated[
    Text,
    PlainValidator(parse_text),
    PlainSerializer(lambda t: t.plain if t.plain is not None else t.translations),
    WithJsonSchema({
        "description": "Text in the default language, or a map from language code to text.",
        "anyOf": [
            {"type": "string"},
            {"type": "number"},
            {"type": "object", "additionalProperties": {"type": ["string", "number"]},
             "propertyNames": {"pattern": LANGUAGE_TAG.pattern}, "minProperties": 1},
        ],
    }),
]


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(
            f"'{value}' is not a valid name: use lowercase letters, digits, '-' and '_', "
            "such as 'shenzhou-13'"
        )
    return value


def _language(value: str) -> str:
    if not LANGUAGE_TAG.match(value):
        raise ValueError(f"'{value}' is not a language code; use codes such as en, zh, ru")
    return value


Slug = Annotated[str, AfterValidator(_slug)]
Language = Annotated[str, AfterValidator(_language)]
Fraction = Annotated[float, Field(ge=0.0, le=1.0)]


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        return "-".join(f"{p:02d}" if i else str(p)
                        for i, p in enumerate((self.year, self.month, self.day)) if p is not None)


_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_partial_date(value: Any) -> PartialDate:
    expected = "expected a date such as 2021, 2021-10 or 2021-10-05"
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f"{expected}, got {value!r}")
    match = _DATE.match(str(value).strip())
    if not match:
        raise ValueError(f"{expected}, got {value!r}")
    year_text, month_text, day_text = match.groups()
    year = int(year_text)
    month, day = (int(g) if g else None for g in (month_text, day_text))
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a real date ({exc})") from None
    return PartialDate(year, month, day)


DateField = Annotated[
    PartialDate,
    PlainValidator(parse_partial_date),
    PlainSerializer(str),
    WithJsonSchema({"anyOf": [{"type": "integer"},
                              {"type": "string", "pattern": r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$"}]}),
]

# --- models -----------------------------------------------------------------


class Model(BaseModel):
    """Base for every part of the format: unknown keys are collected, not fatal.

    An unknown key is removed before validation and reported through the
    validation context, so that the rest of the mapping is still checked in
    the same pass and the message can suggest the field that was meant.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False, defer_build=True)

    @model_validator(mode="before")
    @classmethod
    def _collect_unknown_keys(cls, data: Any, info: ValidationInfo) -> Any:
        if not isinstance(data, dict) or info.context is None:
            return data
        known = {field.alias or name for name, field in cls.model_fields.items()}
        unknown = [key for key in data if key not in known]
        if not unknown:
            return data
        report = info.context["unknown_key"]
        for key in unknown:
            report(data, key, sorted(known))
        return {k: v for k, v in data.items() if k in known}


class Image(Model):
    file: Annotated[StrictStr, Field(min_length=1, description="Path inside the exhibit folder.")]
    alt: TextField | None = Field(None, description="Describes the image for visitors who cannot see it.")
    focus: tuple[Fraction, Fraction] = Field(
        (0.5, 0.5), description="Point of interest as [x, y] fractions, kept in view when cropping.")


def _file_shorthand(value: Any) -> Any:
    return {"file": value} if isinstance(value, str) else value


TileImage = Annotated[Image, BeforeValidator(_file_shorthand)]


class Still(Image):
    caption: TextField | None = None
    credit: TextField | None = None


class Person(Model):
    name: TextField
    role: Literal["director", "cast", "crew"]
    part: TextField | None = Field(None, description="The character played, or the job done.")


class Quantity(Model):
    """A fact's value as a number, so that a compare panel can draw it as a bar."""

    amount: Annotated[float, Field(ge=0, allow_inf_nan=False)]
    unit: Slug = Field(description="Such as days, hours or minutes: bars compare only like units.")


class Fact(Model):
    key: Slug | None = Field(None, description="Name used by compare panels to align rows.")
    label: TextField
    value: TextField
    quantity: Quantity | None = Field(None, description="The value as a number, for proportional bars.")
    source: TextField | None = None


class InlineItem(Model):
    """Something compared with that is not an exhibit of its own (e.g. another film)."""

    title: TextField
    year: int | None = None
    country: TextField | None = None
    tile: TileImage | None = None
    facts: list[Fact] = []


NarrationFile = Annotated[StrictStr, Field(min_length=1, description="A recording inside the exhibit folder.")]
NARRATION_DESCRIPTION = ("A curator's recording of this page per language (MP3, M4A, Ogg, Opus, WAV, FLAC): "
                         "audio mode plays it instead of reading the page with synthetic speech.")


class Narrated(Model):
    narration: dict[Language, NarrationFile] = Field({}, description=NARRATION_DESCRIPTION)


class TextPanel(Narrated):
    type: Literal["text"]
    heading: TextField | None = None
    body: TextField
    still: Still | None = Field(None, description="A picture beside the text (above it on a narrow display).")


class GalleryPanel(Narrated):
    type: Literal["gallery"]
    heading: TextField | None = None
    stills: Annotated[list[Still], Field(min_length=1)]


class FactsPanel(Narrated):
    type: Literal["facts"]
    heading: TextField | None = None
    facts: Annotated[list[Fact], Field(min_length=1)]


def _compare_kind(value: Any) -> str:
    return "exhibit" if isinstance(value, str) else "item"


class ComparePanel(Narrated):
    type: Literal["compare"]
    heading: TextField | None = None
    other: Annotated[
        Union[Annotated[Slug, Tag("exhibit")], Annotated[InlineItem, Tag("item")]],
        Discriminator(_compare_kind),
        Field(alias="with", description="Another exhibit's id, or an item described inline."),
    ]
    rows: Annotated[list[Slug], Field(min_length=1, description="Fact keys, in display order.")]
    highlight: list[Slug] = Field([], description="Rows to mark for the visitor's attention.")
    bars: list[Slug] = Field(
        [], description="Rows drawn as proportional bars: both facts need a quantity in the same unit.")


class WipeImage(Image):
    label: TextField
    credit: TextField | None = None


class WipePanel(Narrated):
    type: Literal["wipe"]
    heading: TextField | None = None
    before: WipeImage
    after: WipeImage
    start: Fraction = Field(0.5, description="Where the divider starts, 0 to 1.")
    orientation: Literal["horizontal", "vertical"] = "horizontal"
    caption: TextField | None = None


class Event(Model):
    date: DateField
    title: TextField
    text: TextField | None = None
    still: Still | None = None


class TimelinePanel(Narrated):
    type: Literal["timeline"]
    heading: TextField | None = None
    events: Annotated[list[Event], Field(min_length=1)]


class QuotePanel(Narrated):
    type: Literal["quote"]
    text: TextField
    by: TextField
    source: TextField | None = None


ClipFile = Annotated[StrictStr, Field(min_length=1, description="A clip inside the exhibit folder.")]
CaptionsFile = Annotated[StrictStr, Field(min_length=1, description="A WebVTT file inside the exhibit folder.")]
AudioTrack = Annotated[int, Field(ge=1, description="The clip's own audio track that carries the description.")]


class VideoPanel(Narrated):
    type: Literal["video"]
    heading: TextField
    clip: ClipFile = Field(description="MP4, MOV, WebM or MKV: H.264, HEVC or VP9 video; AAC, MP3 or Opus sound.")
    poster: TileImage = Field(description="A still shown before the clip plays, and instead of it if it cannot.")
    credit: TextField | None = None
    captions: dict[Language, CaptionsFile] = Field({}, description="A WebVTT file per language.")
    audio_description: dict[Language, Union[AudioTrack, ClipFile]] = Field(
        {}, description="Per language: the clip's audio track with the description (counted from 0, "
                        "the main sound, so 1 or more), or a described version of the clip.")
    transcript: TextField | None = Field(None, description="Everything said and shown, as text.")
    no_speech: bool = Field(False, description="The clip has no dialogue or narration, so needs no captions.")


Panel = Annotated[
    Union[TextPanel, GalleryPanel, FactsPanel, ComparePanel, WipePanel, TimelinePanel, QuotePanel, VideoPanel],
    Field(discriminator="type"),
]
PANEL_MODELS: tuple[type[Model], ...] = get_args(get_args(Panel)[0])
PANEL_TYPES: tuple[str, ...] = tuple(get_args(model.model_fields["type"].annotation)[0]
                                     for model in PANEL_MODELS)
"""The panel types, in the order of the union above: the only list of them."""


class Exhibit(Narrated):
    schema_version: Literal[1] = Field(alias="schema", description="Format version; always 1.")
    id: Slug | None = Field(None, description="Defaults to the folder name.")
    order: int = Field(100, description="Position on the home screen; lower comes first.")
    default_language: Language = "en"
    languages: list[Language] | None = Field(
        None, description="Languages the exhibit is written in; defaults to the default language.")
    title: TextField
    subtitle: TextField | None = None
    year: Annotated[int, Field(ge=1880, le=2100)] | None = None
    country: TextField | None = None
    people: list[Person] = []
    summary: TextField | None = None
    tile: TileImage
    panels: Annotated[list[Panel], Field(min_length=1)]
    attract_clip: ClipFile | None = Field(
        None, description="A clip for this exhibit's attract slide, played muted and looped.")
    show_from: dt.date | None = Field(None, description="The first day the exhibit is shown (YYYY-MM-DD).")
    show_until: dt.date | None = Field(None, description="The last day the exhibit is shown (YYYY-MM-DD).")

    def on_show(self, day: dt.date) -> bool:
        return (self.show_from is None or self.show_from <= day) and (
            self.show_until is None or day <= self.show_until)

    @property
    def all_languages(self) -> list[str]:
        langs = list(self.languages or [])
        return langs if self.default_language in langs else [self.default_language, *langs]

    def text(self, value: Text | None, language: str) -> str:
        return value.get(language, self.default_language) if value else ""

    def facts_by_key(self) -> dict[str, Fact]:
        return {fact.key: fact for panel in self.panels if isinstance(panel, FactsPanel)
                for fact in panel.facts if fact.key}


def json_schema() -> dict[str, Any]:
    schema = Exhibit.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Exhibit Kiosk exhibit.yaml"
    return schema
