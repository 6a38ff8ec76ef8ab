"""Writes N realistic news articles (txt, md and html mixed) for scaling runs.

The text is generated from a seeded grammar of newsroom sentences, so runs do not depend
on downloaded data and the same seed gives the same corpus. Sizes follow real stories
(12–40 paragraphs, 4–6 KB on average); a few articles carry page chrome, quotes and the
style slips the shipped rules look for, so the rules have something to match.

    python benchmarks/corpus.py OUT_DIR --count 1000 [--seed 7]
"""
from __future__ import annotations

import argparse
import html
import os
import random

PLACES = ["Washington", "Brussels", "Nairobi", "Lima", "Ottawa", "Manila", "Oslo", "Denver",
          "Perth", "Accra", "Bogota", "Hanoi", "Tbilisi", "Cardiff", "Austin", "Quebec"]
PEOPLE = ["Maria Okafor", "Daniel Reyes", "Priya Natarajan", "Tom Whitfield", "Lena Kowalski",
          "Samuel Adeyemi", "Hannah Brooks", "Kenji Watanabe", "Fatima Haddad", "Oliver Grant"]
ROLES = ["a spokeswoman for the ministry", "the city's budget director", "a senior official",
         "an economist at the central bank", "the union's president", "a local council member",
         "the agency's deputy director", "a lawyer for the families"]
SUBJECTS = ["The council", "Regulators", "The ministry", "Local officials", "The company",
            "Investigators", "Lawmakers", "The state agency", "Health officials", "The board",
            "Emergency crews", "The coalition", "Prosecutors", "The school district"]
VERBS = ["approved", "rejected", "delayed", "announced", "expanded", "reviewed", "questioned",
         "defended", "proposed", "suspended", "funded", "criticized", "postponed"]
OBJECTS = ["a plan to rebuild the harbor", "the new housing budget", "an inquiry into the outage",
           "emergency funding for rural clinics", "a proposal to widen the highway",
           "the contract for the water system", "stricter rules on short-term rentals",
           "a review of police overtime", "the sale of the former rail yard",
           "a pilot program for electric buses", "the merger of two regional hospitals"]
TAILS = ["after a lengthy public hearing", "despite objections from residents",
         "on Tuesday evening", "in a vote of 7 to 2", "following months of negotiations",
         "amid concerns about rising costs", "before the end of the fiscal year",
         "according to documents reviewed by reporters", "late last week"]
QUOTES = ["We have waited long enough for this decision", "This is a fair outcome for everyone involved",
          "Nobody expected the costs to rise so quickly", "We will keep pressing for answers",
          "The numbers simply do not add up", "Families deserve better than this"]
STYLE_SLIPS = ["The US economy grew 3% in the quarter.", "Officials met on January 5 to discuss it.",
               "He walked towards the podium.", "The rate rose to 4 per cent.",
               "Lawmakers in the US  Senate objected."]
CHROME = ["See also  Storm knocks out power to thousands along the coast", "Leave a Reply",
          "Share this article", "Advertisement", "Sign up for our newsletter",
          "Your email address will not be published. Required fields are marked *"]


def _sentence(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.55:
        return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}."
    if kind < 0.75:
        return (f"“{rng.choice(QUOTES)},” said {rng.choice(PEOPLE)}, {rng.choice(ROLES)}.")
    if kind < 0.9:
        return (f"{rng.choice(PEOPLE)}, {rng.choice(ROLES)}, said the decision "
                f"{rng.choice(['would', 'could', 'might'])} affect {rng.randint(2, 900)} households.")
    return rng.choice(STYLE_SLIPS) if rng.random() < 0.5 else \
        f"The figure was {rng.randint(10, 99)} percent higher than a year earlier."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))


def article(rng: random.Random) -> tuple[str, list[str]]:
    """A headline and its paragraphs."""
    headline = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    paragraphs = [f"{rng.choice(PLACES).upper()} — {_paragraph(rng)}"]
    paragraphs += [_paragraph(rng) for _ in range(rng.randint(12, 40))]
    if rng.random() < 0.3:
        paragraphs.insert(rng.randint(2, len(paragraphs)), rng.choice(CHROME))
    return headline, paragraphs


def render(fmt: str, headline: str, paragraphs: list[str]) -> str:
    if fmt == "txt":
        return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"
    if fmt == "md":
        body = "\n\n".join(p.replace("said", "*said*", 1) for p in paragraphs)
        return f"---\ntitle: {headline}\ndesk: metro\n---\n\n# {headline}\n\n{body}\n"
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    return (f"<!doctype html>\n<html><head><title>{html.escape(headline)}</title>"
            f"<style>p {{ margin: 0 }}</style></head>\n<body><article>\n<h1>{html.escape(headline)}</h1>\n"
            f"{body}\n</article></body></html>\n")


def write_corpus(out_dir: str, count: int, seed: int = 7) -> list[str]:
    """Writes ``count`` articles to ``out_dir``; returns their paths."""
    rng = random.Random(seed)
    os.makedirs(out_dir, exist_ok=True)
    paths = []
    for i in range(count):
        fmt = ("txt", "md", "html")[i % 3]
        headline, paragraphs = article(rng)
        path = os.path.join(out_dir, f"story-{i:06d}.{fmt}")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(render(fmt, headline, paragraphs))
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = write_corpus(args.out_dir, args.count, args.seed)
    size = sum(os.path.getsize(p) for p in paths)
    print(f"wrote {len(paths)} articles, {size / 1e6:.1f} MB, to {args.out_dir}")


if __name__ == "__main__":
    main()
