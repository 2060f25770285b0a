"""Interface text in every language the kiosk ships (content text lives in the YAML).

One row per string, one column per language of `kiosk.locale.LANGUAGES`; a
test checks that every row has every column. A language the kiosk does not
ship falls back to English.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "home": {"en": "Home", "zh": "首页", "ru": "Главная"},
    "previous": {"en": "Previous", "zh": "上一页", "ru": "Назад"},
    "next": {"en": "Next", "zh": "下一页", "ru": "Далее"},
    "close": {"en": "Close", "zh": "关闭", "ru": "Закрыть"},
    "zoom_in": {"en": "Zoom in", "zh": "放大", "ru": "Увеличить"},
    "zoom_out": {"en": "Zoom out", "zh": "缩小", "ru": "Уменьшить"},
    "page": {"en": "{n} of {total}", "zh": "第 {n} / {total} 页", "ru": "{n} из {total}"},
    "choose_film": {"en": "Films shot in orbit", "zh": "在太空拍摄的电影",
                    "ru": "Фильмы, снятые на орбите"},
    "touch_to_explore": {"en": "Touch to explore", "zh": "触摸屏幕开始探索",
                         "ru": "Коснитесь, чтобы начать"},
    "image_missing": {"en": "Image not available", "zh": "图片暂不可用",
                      "ru": "Изображение недоступно"},
    "source": {"en": "Source", "zh": "来源", "ru": "Источник"},
    "play": {"en": "Play", "zh": "播放", "ru": "Смотреть"},
    "pause": {"en": "Pause", "zh": "暂停", "ru": "Пауза"},
    "captions": {"en": "Captions", "zh": "字幕", "ru": "Субтитры"},
    "captions_off": {"en": "Captions off", "zh": "字幕已关", "ru": "Субтитры выкл."},
    "audio_description": {"en": "Audio description", "zh": "口述影像", "ru": "Тифлокомментарий"},
    "quieter": {"en": "Quieter", "zh": "音量减小", "ru": "Тише"},
    "louder": {"en": "Louder", "zh": "音量增大", "ru": "Громче"},
    "position": {"en": "Position in the clip", "zh": "播放进度", "ru": "Место в фрагменте"},
    "clip_unavailable": {"en": "This clip cannot be played here. Its transcript is below.",
                         "zh": "此片段无法在此播放，下方为文字稿。",
                         "ru": "Этот фрагмент нельзя воспроизвести. Ниже его текст."},
    "transcript": {"en": "Transcript", "zh": "文字稿", "ru": "Текст фрагмента"},
    "drag_to_compare": {"en": "Drag to compare", "zh": "拖动以对比", "ru": "Проведите, чтобы сравнить"},
    "tap_to_enlarge": {"en": "Tap a picture to enlarge it", "zh": "轻触图片可放大",
                       "ru": "Коснитесь снимка, чтобы увеличить"},
    "compare_highlight": {"en": "highlighted", "zh": "重点", "ru": "выделено"},
    "no_value": {"en": "—", "zh": "—", "ru": "—"},
    "left_image": {"en": "Left", "zh": "左图", "ru": "Слева"},
    "right_image": {"en": "Right", "zh": "右图", "ru": "Справа"},
    "top_image": {"en": "Top", "zh": "上图", "ru": "Сверху"},
    "bottom_image": {"en": "Bottom", "zh": "下图", "ru": "Снизу"},
    "credit_line": {"en": "{side}: {credit}", "zh": "{side}：{credit}", "ru": "{side}: {credit}"},
    "source_line": {"en": "Source: {source}", "zh": "来源：{source}", "ru": "Источник: {source}"},
    "source_of": {"en": "Source: {source}", "zh": "来源：{source}", "ru": "Источник: {source}"},
    "still_count": {"en": "{n} of {total}", "zh": "{n} / {total}", "ru": "{n} из {total}"},
    "pin_title": {"en": "Staff only: enter the PIN", "zh": "仅限工作人员：请输入密码",
                  "ru": "Только для персонала: введите PIN-код"},
    "pin_digits_entered": {"en": "Digits entered: {n}", "zh": "已输入位数：{n}",
                           "ru": "Введено цифр: {n}"},
    "pin_wrong": {"en": "Wrong PIN. Attempts left: {n}", "zh": "密码错误。剩余尝试次数：{n}",
                  "ru": "Неверный PIN-код. Осталось попыток: {n}"},
    "pin_locked": {"en": "Too many wrong PINs. Try again in {s} s",
                   "zh": "错误次数过多。请在 {s} 秒后重试",
                   "ru": "Слишком много неверных попыток. Повторите через {s} с"},
    "pin_not_set": {"en": "Staff access is not set up on this kiosk",
                    "zh": "此展台尚未设置工作人员密码",
                    "ru": "Служебный доступ на этом киоске не настроен"},
    "pin_delete": {"en": "Delete", "zh": "删除", "ru": "Стереть"},
    "pin_ok": {"en": "OK", "zh": "确定", "ru": "ОК"},
    "pin_cancel": {"en": "Cancel", "zh": "取消", "ru": "Отмена"},
    "more": {"en": "More", "zh": "更多", "ru": "Ещё"},
    "chapters": {"en": "Chapters", "zh": "章节", "ru": "Разделы"},
    "about_film": {"en": "About the film", "zh": "关于影片", "ru": "О фильме"},
    "next_film": {"en": "Next: {title}", "zh": "下一部：{title}", "ru": "Далее: {title}"},
    "chapter_n": {"en": "Chapter {n}", "zh": "第{n}章", "ru": "Раздел {n}"},
    "in_their_words": {"en": "In their words", "zh": "亲历者说", "ru": "Своими словами"},
    "directed_by": {"en": "Director", "zh": "导演", "ru": "Режиссёр"},
    "cast": {"en": "Cast", "zh": "演员", "ru": "В ролях"},
    "crew": {"en": "Crew", "zh": "摄制组", "ru": "Съёмочная группа"},
    "closed_now": {"en": "Closed", "zh": "已闭馆", "ru": "Закрыто"},
    "opens_at": {"en": "Opens {day} at {time}", "zh": "{day} {time} 开放", "ru": "Откроется {day} в {time}"},
    "still_there": {"en": "Still there?", "zh": "您还在吗？", "ru": "Вы ещё здесь?"},
    "keep_exploring": {"en": "Keep exploring", "zh": "继续探索", "ru": "Продолжить"},
    "starting_over": {"en": "Otherwise the kiosk starts over for the next visitor.",
                      "zh": "否则将为下一位参观者重新开始。",
                      "ru": "Иначе киоск начнёт всё заново для следующего посетителя."},
    "access": {"en": "Display and audio", "zh": "显示与语音", "ru": "Экран и звук"},
    "access_title": {"en": "Make it easier to see, hear and reach",
                     "zh": "让观看、收听和触及更轻松",
                     "ru": "Чтобы было легче видеть, слышать и дотянуться"},
    "read_aloud": {"en": "Read aloud", "zh": "朗读", "ru": "Читать вслух"},
    "text_size": {"en": "Text size", "zh": "文字大小", "ru": "Размер текста"},
    "text_normal": {"en": "Normal", "zh": "标准", "ru": "Обычный"},
    "text_larger": {"en": "Larger", "zh": "较大", "ru": "Крупнее"},
    "text_largest": {"en": "Largest", "zh": "最大", "ru": "Самый крупный"},
    "high_contrast": {"en": "High contrast", "zh": "高对比度", "ru": "Высокий контраст"},
    "calm_motion": {"en": "Less motion", "zh": "减少动画", "ru": "Меньше движения"},
    "low_reach": {"en": "Controls lower", "zh": "按钮移低", "ru": "Кнопки ниже"},
    "done": {"en": "Done", "zh": "完成", "ru": "Готово"},
    "audio_on": {"en": "Audio on. Touch once to hear a button, twice to press it. On the keypad, the arrows "
                       "move, the round key chooses, and Help turns audio off.",
                 "zh": "语音已开启。轻触一次可听按钮名称，轻触两次可按下。"
                       "使用键盘时，方向键移动，圆形键选择，帮助键关闭语音。",
                 "ru": "Звук включён. Коснитесь кнопки один раз, чтобы услышать её, дважды — чтобы нажать. На "
                       "клавиатуре стрелки перемещают, круглая клавиша выбирает, а клавиша справки выключает звук."},
    "audio_off": {"en": "Audio off", "zh": "语音已关闭", "ru": "Звук выключен"},
    "still_there_spoken": {"en": "Touch the screen or press any key to keep exploring. Otherwise the kiosk "
                                 "starts over for the next visitor.",
                           "zh": "请触摸屏幕或按任意键继续探索，否则将为下一位参观者重新开始。",
                           "ru": "Коснитесь экрана или нажмите любую клавишу, чтобы продолжить. Иначе киоск "
                                 "начнёт всё заново для следующего посетителя."},
    "state_on": {"en": "on", "zh": "已开启", "ru": "включено"},
    "state_off": {"en": "off", "zh": "已关闭", "ru": "выключено"},
    "button": {"en": "button", "zh": "按钮", "ru": "кнопка"},
    "picture_of": {"en": "Picture: {alt}", "zh": "图片：{alt}", "ru": "Изображение: {alt}"},
    "pause_slides": {"en": "Pause", "zh": "暂停", "ru": "Пауза"},
    "resume_slides": {"en": "Resume", "zh": "继续", "ru": "Продолжить"},
}


def tr(key: str, language: str, **values: object) -> str:
    table = STRINGS[key]
    text = table.get(language) or table.get(language.split("-")[0]) or table["en"]
    return text.format(**values)


def translations(key: str) -> dict[str, str]:
    """Every language's text for `key` (for defaults that settings may replace)."""
    return dict(STRINGS[key])
