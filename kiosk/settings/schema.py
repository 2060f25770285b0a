"""The declared schema of `kiosk.yaml`: every setting with its type, range and default.

Like qutebrowser's config, the schema is the single description of the
settings: validation, defaults and `kiosk config --show` all come from here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from kiosk.content.schema import Language, Model, Slug, TextField
from kiosk.content.text import Text
from kiosk.locale.strings import translations
from kiosk.paths import default_settings_file
from kiosk.settings.hours import WEEKDAYS, OpeningHours, parse_hours

MIN_IDLE_SECONDS = 30
MAX_IDLE_SECONDS = 3600


def default_config_path() -> Path:
    """Where the settings file lives when no `--config` is given."""
    return default_settings_file()


def _idle_timeout(value: int) -> int:
    if value < MIN_IDLE_SECONDS:
        raise ValueError(f"must be at least {MIN_IDLE_SECONDS} seconds "
                         "(museum guidance: under 30 s feels jumpy)")
    if value > MAX_IDLE_SECONDS:
        raise ValueError(f"must be at most {MAX_IDLE_SECONDS} seconds (an hour): a kiosk that "
                         "never starts over keeps the last visitor's screen for the next one")
    return value


def _pin_hash_text(value: Any) -> Any:
    # Whatever is written is kept as text and checked after loading: a wrong
    # pin_hash must lock the admin screen, never fall back to "no PIN".
    return value if value is None or isinstance(value, str) else str(value)


class Section(Model):
    """A part of kiosk.yaml: strict types, and `section:` left empty means defaults."""

    model_config = ConfigDict(strict=True)

    @model_validator(mode="before")
    @classmethod
    def _empty_means_defaults(cls, data: Any) -> Any:
        return {} if data is None else data


class IdleSettings(Section):
    timeout_seconds: Annotated[int, AfterValidator(_idle_timeout)] = Field(
        90, description="Seconds without a touch before the kiosk resets (30 to 3600).")
    countdown_seconds: Annotated[int, Field(ge=20, le=120)] = Field(
        20, description="Length of the 'Are you still there?' countdown: at least 20 s to answer it "
                        "(WCAG 2.2.1).")


class AttractSettings(Section):
    slide_seconds: Annotated[int, Field(ge=4, le=60)] = 8
    exhibits: Annotated[list[Slug], Field(min_length=1)] | None = Field(
        None, description="Exhibit ids shown in the attract loop; default all.")
    include_stills: Literal["tile", "all"] = Field(
        "all", description="Only each exhibit's tile, or all of its stills.")
    call_to_action: TextField = Field(Text(translations=translations("touch_to_explore")))


class LanguageSettings(Section):
    model_config = ConfigDict(validate_default=True)

    enabled: Annotated[list[Language], Field(min_length=1)] = ["en", "zh", "ru"]
    default: Language = "en"

    @field_validator("default")
    @classmethod
    def _default_is_enabled(cls, value: str, info: ValidationInfo) -> str:
        enabled = info.data.get("enabled")
        if enabled is not None and value not in enabled:
            raise ValueError(f"the default language '{value}' must be one of the enabled "
                             f"languages ({', '.join(enabled)})")
        return value


class DisplaySettings(Section):
    screen: Annotated[int, Field(ge=0)] = Field(0, description="Display to use, counted from 0.")
    diagonal_inches: Annotated[float, Field(ge=10, le=120)] | None = Field(
        None, description="Physical diagonal, when the display reports a wrong DPI.")
    reduced_motion: bool = Field(
        False, description="Screens change at once: no sliding, growing, gliding or hints.")
    mounting_height_mm: Annotated[float, Field(ge=0, le=2500)] = Field(
        800.0, description="Height of the display's bottom edge above the floor: where the low-reach "
                           "layout puts the controls.")


class AccessibilitySettings(Section):
    """What every visitor starts with; each is also a visitor's choice on the display and audio
    options, and every reset returns to these."""

    text_size: Literal["normal", "larger", "largest"] = Field(
        "normal", description="Text size: normal, larger (x1.5) or largest (x2).")
    high_contrast: bool = Field(False, description="White on black, every control outlined.")
    low_reach: bool = Field(
        False, description="Screens in the part of the display between 380 and 1220 mm above the floor "
                           "(set display.mounting_height_mm).")
    audio: bool = Field(False, description="Start every visit in audio mode (self-voicing).")
    audio_idle_seconds: Annotated[int, AfterValidator(_idle_timeout)] = Field(
        180, description="The idle timeout while a visitor is in audio mode (30 to 3600): listening takes longer.")
    speech_volume: Annotated[float, Field(ge=0.1, le=1)] = Field(
        0.7, description="Where speech starts for every visitor, 0.1 to 1 (set the amplifier so that the "
                         "loudest is at most 65 dBA at the listener).")
    speech_rate: Annotated[float, Field(ge=-1, le=1)] = Field(
        0.0, description="Speech rate, -1 (slow) to 1 (fast).")
    speech_engine: str | None = Field(
        None, description="Qt text-to-speech engine; default the first installed (speechd on Linux).")


class AdminSettings(Section):
    corner: Literal["top-left", "top-right", "bottom-left", "bottom-right"] = "top-left"
    hold_seconds: Annotated[int, Field(ge=1, le=10)] = 3
    pin_hash: Annotated[str | None, BeforeValidator(_pin_hash_text)] = Field(
        None, description="Written by `kiosk set-pin`; never by hand.")


class PresenterSettings(Section):
    enabled: bool = False
    auto_advance_seconds: Annotated[int, Field(ge=3, le=600)] | None = None
    loop: bool = False


class ClipSettings(Section):
    volume: Annotated[float, Field(ge=0, le=1)] = Field(
        0.0, description="The sound level every visitor's clips start at, 0 (muted) to 1; "
                         "it returns to this at every reset.")


class StatisticsSettings(Section):
    enabled: bool = True


def _hours(text: str) -> str:
    parse_hours(text)  # its ValueError is the problem reported at the line
    return text


def _day(value: Any) -> Any:
    """A date written unquoted is a date already; quoted, it is read here, so that a
    curator's "2026-02-30" is reported as an impossible date, not a wrong type."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a date: expected YYYY-MM-DD, a day that exists") from None
    return value


Hours = Annotated[str, AfterValidator(_hours)]
Day = Annotated[date, BeforeValidator(_day)]
Weekday = Literal[WEEKDAYS]  # type: ignore[valid-type]


class ScheduleSettings(Section):
    weekly: dict[Weekday, Hours] | None = Field(
        None, description="Opening hours per day, such as monday: closed, tuesday: 10:00-18:00; a day "
                          "left out is closed. None: always open.")
    closed_dates: list[Day] = Field([], description="Dates closed whatever the day (holidays).")
    open_dates: dict[Day, Hours] = Field({}, description="Dates with their own hours (late openings).")
    power_off_command: list[str] | None = Field(
        None, description="Run when the kiosk closes, such as [cec-ctl, --to, '0', --standby]; "
                          "a failure is logged and reported, never fatal.")
    power_on_command: list[str] | None = Field(None, description="Run when the kiosk opens.")
    closed_still: str | None = Field(
        None, description="A still shown while closed, behind the opening times (relative to kiosk.yaml); "
                          "none: a dark screen.")

    @model_validator(mode="after")
    def _dates_both_closed_and_open(self) -> ScheduleSettings:
        both = sorted(set(self.closed_dates) & set(self.open_dates))
        if both:
            raise ValueError(f"{', '.join(map(str, both))} both in closed_dates and open_dates")
        return self

    def opening_hours(self) -> OpeningHours:
        weekly = None if self.weekly is None else {
            WEEKDAYS.index(day): parse_hours(hours) for day, hours in self.weekly.items()}
        return OpeningHours(weekly, frozenset(self.closed_dates),
                            {day: parse_hours(hours) for day, hours in self.open_dates.items()})


class HealthSettings(Section):
    folder: str | None = Field(
        None, description="Folder for the Prometheus health file exhibit-kiosk.prom (node_exporter's "
                          "textfile collector folder, such as /var/lib/prometheus/node-exporter); none: no file.")
    interval_seconds: Annotated[int, Field(ge=1, le=300)] = Field(
        5, description="How often the health file is written.")


def _public_key(text: str) -> str:
    from kiosk.bundles.signing import PublicKey  # read only when a key is set

    PublicKey.parse(text)  # its SignatureError is the problem reported at the line
    return text.strip()


class BundleSettings(Section):
    inbox: str | None = Field(
        None, description="Folder content bundles arrive in (filled by Syncthing, rsync or a USB stick), "
                          "relative to kiosk.yaml; none: bundles are not taken.")
    library: str | None = Field(
        None, description="Where received versions are kept; default the kiosk's data folder.")
    public_key: Annotated[str, AfterValidator(_public_key)] | None = Field(
        None, description="The museum's minisign public key (RWQ...); when set, only bundles signed "
                          "with its secret key are taken.")
    keep: Annotated[int, Field(ge=2, le=20)] = Field(3, description="Versions kept for kiosk rollback.")


class KioskSettings(Section):
    exhibits: str | None = Field(
        None, description="Exhibits folder, relative to kiosk.yaml; default the bundled exhibits.")
    idle: IdleSettings = IdleSettings()
    attract: AttractSettings = AttractSettings()
    languages: LanguageSettings = LanguageSettings()
    display: DisplaySettings = DisplaySettings()
    accessibility: AccessibilitySettings = AccessibilitySettings()
    lockdown: bool = False
    cursor: Literal["auto", "hidden", "shown"] = Field(
        "auto", description="auto: hidden in lockdown, shown otherwise.")
    admin: AdminSettings = AdminSettings()
    presenter: PresenterSettings = PresenterSettings()
    statistics: StatisticsSettings = StatisticsSettings()
    clips: ClipSettings = ClipSettings()
    health: HealthSettings = HealthSettings()
    schedule: ScheduleSettings = ScheduleSettings()
    bundles: BundleSettings = BundleSettings()
    log_level: Literal["debug", "info", "warning", "error"] = "info"


def setting_names() -> list[tuple[str, ...]]:
    """Every leaf setting as a path, in declaration order: ("idle", "timeout_seconds")."""
    names: list[tuple[str, ...]] = []
    for name, info in KioskSettings.model_fields.items():
        kind = info.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            names.extend((name, inner) for inner in kind.model_fields)
        else:
            names.append((name,))
    return names
