extensions = ["myst_parser", "sphinx_annotated_edition.articles", "sphinx_annotated_edition.notes"]
edition_seed_dir = "seeds"
edition_catalog = "seeds/catalog.yaml"
edition_notes = "notes.yaml"
language = "en"
nitpicky = True
