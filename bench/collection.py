"""A large generated collection, for figures at scale: `exhibits` exhibits
with `stills` stills each, the stills hard-linked to one bundled JPEG (so a
collection of 20,000 stills costs almost no disk), every text in three
languages, as curators write them."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
STILL = PROJECT / "exhibits" / "shenzhou-13" / "stills" / "crew.jpg"

def _text(en: str, zh: str, ru: str) -> str:
    """A text in three languages, each quoted as JSON (which YAML reads as is)."""
    en, zh, ru = (json.dumps(text, ensure_ascii=False) for text in (en, zh, ru))
    return f"{{en: {en}, zh: {zh}, ru: {ru}}}"


def exhibit_yaml(number: int, stills: int) -> str:
    gallery = "\n".join(
        f"      - file: stills/s{still:02d}.jpg\n"
        f"        alt: {_text(f'Still {still} of {number}', f'展品{number}剧照{still}', f'Кадр {still} из {number}')}\n"
        f"        caption: {_text(f'A still, number {still}', f'剧照{still}', f'Кадр номер {still}')}\n"
        f"        credit: {_text('Illustration: Exhibit Kiosk', '插画：Exhibit Kiosk', 'Иллюстрация: Exhibit Kiosk')}"
        for still in range(stills))
    return f"""schema: 1
id: film-{number:04d}
order: {number}
default_language: en
languages: [en, zh, ru]
title: {_text(f'Film {number}', f'影片{number}', f'Фильм {number}')}
subtitle: {_text('A film shot in orbit', '在轨道上拍摄的电影', 'Фильм, снятый на орбите')}
year: {1990 + number % 35}
country: {_text('Somewhere', '某地', 'Где-то')}
summary: {_text('A generated exhibit, to measure a large collection.', '用于测量的展品。', 'Экспонат для измерений.')}
tile:
  file: stills/s00.jpg
  alt: {_text('The first still', '第一张剧照', 'Первый кадр')}
panels:
  - type: text
    heading: {_text('About the film', '关于影片', 'О фильме')}
    body: {_text('Two paragraphs of *text*, with emphasis.', '两段文字。', 'Два абзаца текста.')}
  - type: gallery
    heading: {_text('Stills', '剧照', 'Кадры')}
    stills:
{gallery}
"""


def make_collection(root: Path, exhibits: int, stills: int) -> list[Path]:
    """Write the collection under `root`; the exhibit folders, in order."""
    folders = []
    for number in range(exhibits):
        folder = root / f"film-{number:04d}"
        (folder / "stills").mkdir(parents=True)
        for still in range(stills):
            target = folder / "stills" / f"s{still:02d}.jpg"
            try:
                os.link(STILL, target)
            except OSError:
                shutil.copyfile(STILL, target)
        (folder / "exhibit.yaml").write_text(exhibit_yaml(number, stills), encoding="utf-8")
        folders.append(folder)
    return folders
