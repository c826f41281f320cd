"""The readability check of a letter to a child: reading age from the Flesch-Kincaid grade
against the child's age, sentences over 20 words, and jargon with plainer words."""

from __future__ import annotations

from irohub.reviews import readability

EASY = (
    "Dear Sam,\n\nOn 12 March we met to talk about how things are going. You told me you like "
    "your school. You want to keep playing football. We agreed you will see your mum on "
    "Saturdays.\n\nFrom Ira, your IRO"
)
HARD = (
    "The multi-agency professionals considered the appropriateness of the current placement "
    "arrangements, acknowledging considerable improvement regarding educational attendance, "
    "emotional wellbeing and therapeutic engagement, notwithstanding intermittent difficulties "
    "concerning contact arrangements with birth family members and the implementation of the "
    "personal education plan."
)


def test_an_easy_letter_reads_young_enough():
    checked = readability.check(EASY, child_age=9)
    assert checked.reading_age is not None and checked.reading_age <= 9
    assert checked.easy_enough and checked.long_sentences == [] and checked.jargon == []
    assert checked.verdict.startswith(f"The letter reads at about age {checked.reading_age}: easy")


def test_a_hard_letter_is_told_to_be_easier():
    checked = readability.check(HARD, child_age=10)
    assert checked.reading_age > 16 and not checked.easy_enough
    assert checked.verdict.endswith("aim for 10 or younger for a child of 10. Use shorter "
                                    "sentences and everyday words.")  # fmt: skip
    [(sentence, words)] = checked.long_sentences
    assert words == 41 and sentence.startswith("The multi-agency professionals")


def test_jargon_is_found_once_per_term_with_its_plainer_words():
    text = (
        "Your LAC review looked at your placement. Contact with mum stays weekly, and your "
        "placement is stable. Your PEP and care plan are up to date. You are s20 and looked "
        "after. I gave him a pep talk."
    )
    found = {term: (plainer, times) for term, plainer, times in readability.check(
        text, child_age=12).jargon}  # fmt: skip
    assert set(found) == {"LAC", "placement", "Contact", "PEP", "care plan", "s20", "looked after"}
    assert found["placement"] == ("home, or where you live", 2)
    assert found["s20"][0] == "your parents agreed that you would live in care"
    assert found["PEP"][1] == 1  # "pep talk" in lower case is not the school plan


def test_the_longest_phrase_wins():
    found = readability.jargon("She is a looked after child and has a section 20 agreement.")
    assert [term for term, _, _ in found] == ["looked after child", "section 20"]


def test_the_target_age_is_between_8_and_12():
    assert [readability.target_age(age) for age in (2, 8, 10, 12, 17)] == [8, 8, 10, 12, 12]


def test_an_empty_letter_asks_to_be_written():
    checked = readability.check("   ", child_age=9)
    assert checked.reading_age is None and not checked.easy_enough
    assert checked.verdict == "Write the letter to see how easy it is to read."


def test_sentences_split_on_full_stops_and_blank_lines():
    assert readability.sentences("Dear Sam,\n\nHello there. How are you? Fine!") == [
        "Dear Sam,", "Hello there.", "How are you?", "Fine!",
    ]  # fmt: skip
