extensions = ["myst_parser", "annotator_sphinx.articles", "annotator_sphinx.glossary",
              "annotator_sphinx.notes"]
edition_seed_dir = "seeds"
edition_catalog = "seeds/catalog.yaml"
edition_glossary = "glossary.yaml"
edition_notes = "notes.yaml"
language = "en"
nitpicky = True
