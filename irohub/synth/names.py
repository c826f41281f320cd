"""Synthetic names from small built-in lists of varied origins.

Given and family names are drawn independently, so a generated name is a common combination,
never a record of a real person. Origins follow the child's ethnicity (or, for unaccompanied
children, the countries most unaccompanied children in England came from).
"""

from __future__ import annotations

import random

GIVEN = {
    "english": (
        "Oliver Jack Harry George Noah Leo Charlie Freddie Alfie Archie Theo Jacob Oscar Logan Mason",
        "Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Freya Evie Poppy Ella",
    ),
    "irish": (
        "Conor Cian Darragh Oisin Sean Ronan Liam Finn Aidan Cillian",
        "Aoife Niamh Saoirse Ciara Roisin Orla Siobhan Caoimhe Eimear Sinead",
    ),
    "eastern_european": (
        "Jakub Kacper Filip Mateusz Andrei Ionut Luka Marko Dawid Antoni",
        "Zuzanna Julia Maja Alicja Ioana Elena Natalia Milena Zofia Daria",
    ),
    "roma_traveller": (
        "Johnny Patrick Michael Tommy Martin Joseph Billy Jimmy Danny Frankie",
        "Bridget Margaret Mary Kathleen Nora Esmeralda Shanice Angel Chelsea Rosie",
    ),
    "caribbean": (
        "Tyrone Jermaine Marcus Dwayne Kemar Andre Jaden Malik Isaiah Kai",
        "Shanice Tanisha Aaliyah Keisha Jada Imani Nia Kiara Tiana Zaria",
    ),
    "west_african": (
        "Chidi Emeka Tobi Kwame Kofi Femi Tunde Obinna Yaw Kelechi",
        "Adaeze Chiamaka Ama Abena Folake Ngozi Zainab Temi Ife Efua",
    ),
    "east_african": (
        "Abdi Mohamed Yonas Dawit Samuel Filmon Ahmed Hamza Bilal Yusuf",
        "Hodan Amina Saba Selam Ruth Hana Ayaan Deka Muna Fardowsa",
    ),
    "south_asian": (
        "Arjun Rohan Aarav Vihaan Ayaan Ibrahim Zayan Hamza Rayan Ishaan",
        "Priya Ananya Aisha Zara Inaya Maryam Anaya Diya Sana Fatima",
    ),
    "east_asian": (
        "Wei Jun Hao Minh Duc Kenji Bao Long Tuan Jian",
        "Mei Lan Linh Hoa Yan Xiu Anh Mai Ying Thu",
    ),
    "middle_eastern": (
        "Ali Omar Karim Rahim Mustafa Ahmad Hassan Reza Sherzad Dilan",
        "Layla Noor Yasmin Shirin Leila Rana Dilnaz Zahra Sara Mina",
    ),
    "afghan": (
        "Ahmad Mohammad Sayed Abdul Najib Farid Jawad Rahmat Wahid Zabiullah",
        "Fatima Zahra Marzia Sadia Parwana Nilofar Shabnam Roya Mursal Khatera",
    ),
}

FAMILY = {
    "english": "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson "
    "Evans Walker White Roberts Green Hall Wood Jackson Clarke",
    "irish": "Murphy Kelly OBrien Ryan Byrne Walsh Doyle McCarthy Gallagher Doherty",
    "eastern_european": "Nowak Kowalski Wisniewski Popescu Ionescu Horvath Novak Kovacs "
    "Wojcik Dumitru",
    "roma_traveller": "Ward McDonagh Connors Joyce Stokes Lee Smith Price Boswell Maughan",
    "caribbean": "Campbell Williams Clarke Thomas Francis Grant Henry Morgan Baptiste Edwards",
    "west_african": "Okafor Adeyemi Mensah Boateng Okonkwo Adebayo Owusu Nwosu Asante Eze",
    "east_african": "Mohamed Ali Hassan Tesfaye Haile Abdullahi Osman Gebre Warsame Yonas",
    "south_asian": "Khan Patel Begum Ahmed Hussain Shah Singh Akhtar Islam Sharma",
    "east_asian": "Nguyen Tran Wang Li Chen Zhang Pham Liu Huang Le",
    "middle_eastern": "Hassan Ahmadi Karimi Hosseini Rahimi Mahmoud Saleh Abbas Haddad Omar",
    "afghan": "Ahmadzai Rahimi Sultani Noori Hakimi Safi Popal Stanekzai Wardak Amiri",
}

ORIGINS_BY_ETHNIC = {
    "WBRI": ("english",),
    "WIRI": ("irish",),
    "WOTH": ("eastern_european",),
    "WIRT": ("roma_traveller",),
    "WROM": ("roma_traveller", "eastern_european"),
    "MWBC": ("english", "caribbean"),
    "MWBA": ("english", "west_african"),
    "MWAS": ("english", "south_asian"),
    "MOTH": ("english", "middle_eastern", "caribbean"),
    "AIND": ("south_asian",),
    "APKN": ("south_asian",),
    "ABAN": ("south_asian",),
    "AOTH": ("afghan", "south_asian"),
    "BCRB": ("caribbean",),
    "BAFR": ("west_african", "east_african"),
    "BOTH": ("east_african", "caribbean"),
    "CHNE": ("east_asian",),
    "OOTH": ("middle_eastern", "afghan", "east_asian"),
    "REFU": ("english", "caribbean", "south_asian"),
    "NOBT": ("english", "west_african", "middle_eastern"),
}

_SPLIT_GIVEN = {k: (m.split(), f.split()) for k, (m, f) in GIVEN.items()}
_SPLIT_FAMILY = {k: v.split() for k, v in FAMILY.items()}


def family_name(rng: random.Random, ethnic: str) -> str:
    """A family name fitting the ethnicity; siblings share one."""
    origin = rng.choice(ORIGINS_BY_ETHNIC[ethnic])
    return rng.choice(_SPLIT_FAMILY[origin])


def given_name(rng: random.Random, ethnic: str, sex: str) -> str:
    origin = rng.choice(ORIGINS_BY_ETHNIC[ethnic])
    male, female = _SPLIT_GIVEN[origin]
    return rng.choice(male if sex == "M" else female)


def staff_name(rng: random.Random, sex: str) -> str:
    """A display name for an IRO (adults: drawn from all origins)."""
    origin = rng.choice(sorted(GIVEN))
    male, female = _SPLIT_GIVEN[origin]
    given = rng.choice(male if sex == "M" else female)
    return f"{given} {rng.choice(_SPLIT_FAMILY[rng.choice(sorted(FAMILY))])}"
