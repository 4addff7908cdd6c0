"""A small edition in Turkish: every extension with labels, one article, language "tr"."""

extensions = ["myst_parser", "sphinx_annotated_edition.articles",
              "sphinx_annotated_edition.glossary", "sphinx_annotated_edition.notes",
              "sphinx_annotated_edition.chronology", "sphinx_annotated_edition.reading",
              "sphinx_annotated_edition.figures"]
edition_seed_dir = "seeds"
edition_catalog = "seeds/catalog.yaml"
edition_glossary = "glossary.yaml"
edition_notes = "notes.yaml"
edition_chronology_overlay = "chronology.yaml"
exclude_patterns = ["seeds"]
project = "Test edition"
author = "Test Editors"
language = "tr"
nitpicky = True
latex_documents = [("index", "edition.tex", project, author, "manual", True)]
